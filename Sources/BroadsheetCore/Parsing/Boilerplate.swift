/// Trailing boilerplate that is not part of an article: source notes, copyright lines, contact
/// lines, subscription prompts.
///
/// A paragraph is boilerplate when it is shorter than 500 characters and starts (case-insensitively)
/// with one of ``prefixes``, or contains one of ``fragments``. Only a run at the *end* of the body is
/// removed, so an article that quotes such a phrase mid-text keeps it. Headings left dangling at the
/// end are removed too.
enum Boilerplate {
    static let prefixes: [String] = [
        "originally published", "first published", "this article originally appeared",
        "this article was originally", "this story originally appeared", "this story was originally",
        "a version of this article", "appeared in the", "copyright", "©", "(c) ", "all rights reserved",
        "write to ", "email the author", "contact the reporter", "contact the author", "read more",
        "read the full", "subscribe", "sign up", "click here", "follow us", "follow the author",
        "share this", "follow ", "related:", "related coverage", "more from", "see also", "reporting by",
        "editing by", "additional reporting", "reprints", "source:", "photo:", "image:",
    ]
    static let fragments: [String] = [
        "(paywall)", "all rights reserved", "print edition", "contributed to this article",
        "contributed to this report", "contributed reporting",
    ]

    static func isBoilerplate(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count < 1000, paragraph.count < 500 else { return false }
        let lower = paragraph.lowercased()
        return prefixes.contains { lower.hasPrefix($0) } || fragments.contains { lower.contains($0) }
    }

    /// Page furniture that is dropped wherever it appears, when a paragraph is exactly one of these
    /// (case-insensitive).
    static let noise: Set<String> = [
        "advertisement", "skip advertisement", "continue reading the main story",
        "story continues below advertisement", "article continues below advertisement",
        "listen to this article", "share", "share this article", "share full article", "save",
    ]

    static func isNoise(_ paragraph: String) -> Bool {
        paragraph.utf8.count <= 40 && noise.contains(paragraph.lowercased())
    }

    static func strippingTrailing(_ blocks: [ArticleDraft.Block]) -> [ArticleDraft.Block] {
        var result = blocks
        while let last = result.last {
            switch last {
            case .heading: result.removeLast()
            case .paragraph(let p):
                if isBoilerplate(p) { result.removeLast() } else { return result }
            }
        }
        return result
    }
}
