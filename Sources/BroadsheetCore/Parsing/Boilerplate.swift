/// Trailing boilerplate that is not part of an article: source notes, copyright lines, contact
/// lines, subscription prompts.
///
/// A paragraph is boilerplate when it is shorter than 300 characters and starts (case-insensitively)
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
    static let fragments: [String] = ["(paywall)", "all rights reserved", "print edition"]

    static func isBoilerplate(_ paragraph: String) -> Bool {
        guard paragraph.count < 300 else { return false }
        let lower = paragraph.lowercased()
        return prefixes.contains { lower.hasPrefix($0) } || fragments.contains { lower.contains($0) }
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
