import Testing
@testable import BroadsheetCore

/// Re-renders parsed documents in other layouts (blank-line text wrapped at various widths,
/// front matter, JSON) and checks that parsing gives back the same article.
struct RoundTripTests {
    /// Greedy word wrap at `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func blankLineRendering(_ doc: Document, width: Int) -> String {
        var out = [doc.title]
        if !doc.authors.isEmpty { out.append("By " + doc.authors.joined(separator: ", ")) }
        if let date = doc.publishedAt { out.append(date.description) }
        out.append("")
        if let dek = doc.dek { out += wrap(dek, width: width) + [""] }
        var lastSection: Int?
        // The dek paragraph is the dek rendered above.
        for p in doc.paragraphs where p.role != .dek {
            if let s = p.section, s != lastSection {
                out += [doc.sections[s].title, ""]
                lastSection = s
            }
            out += wrap(String(doc.text(of: p.span)), width: width) + [""]
        }
        return out.joined(separator: "\n")
    }

    /// The seed's layout: no blank lines; each paragraph's first line holds about `first`
    /// characters, the rest wrap at `width`; headings split after their first word.
    static func shortFirstLineRendering(_ doc: Document, first: Int, width: Int) -> String {
        func paragraph(_ text: String) -> [String] {
            var words = text.split(separator: " ").map(String.init)
            var firstLine = words.removeFirst()
            while let w = words.first, firstLine.count + 1 + w.count <= first {
                firstLine += " " + w
                words.removeFirst()
            }
            return [firstLine] + wrap(words.joined(separator: " "), width: width)
        }
        var out = [doc.title]
        if !doc.authors.isEmpty { out.append("By " + doc.authors.joined(separator: ", ")) }
        if let date = doc.publishedAt { out.append(date.description) }
        if let dek = doc.dek { out += paragraph(dek) }
        var lastSection: Int?
        for p in doc.paragraphs where p.role != .dek {
            if let s = p.section, s != lastSection {
                let words = doc.sections[s].title.split(separator: " ", maxSplits: 1).map(String.init)
                out += words
                lastSection = s
            }
            out += paragraph(String(doc.text(of: p.span)))
        }
        return out.joined(separator: "\n")
    }

    static func sameArticle(_ a: Document, _ b: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.title == b.title, sourceLocation: sourceLocation)
        #expect(a.authors == b.authors, sourceLocation: sourceLocation)
        #expect(a.publishedAt == b.publishedAt, sourceLocation: sourceLocation)
        #expect(a.dek == b.dek, sourceLocation: sourceLocation)
        #expect(a.text == b.text, sourceLocation: sourceLocation)
        #expect(a.sections == b.sections, sourceLocation: sourceLocation)
        #expect(a.paragraphs == b.paragraphs, sourceLocation: sourceLocation)
        #expect(a.sentences == b.sentences, sourceLocation: sourceLocation)
    }

    @Test(arguments: ["seed-wrapped.txt", "local-council-wrapped.txt", "obituary-blankline.txt", "sports-blankline-wrapped.txt"], [60, 72, 100, 10_000])
    func blankLineLayoutsGiveTheSameArticle(fixture: String, width: Int) throws {
        let original = try #require(try FixtureLoader.parse(fixture).first)
        let rendered = Self.blankLineRendering(original, width: width)
        let reparsed = try #require(try ArticleParser().parse(text: rendered, source: fixture).first)
        DocumentInvariants.check(reparsed)
        Self.sameArticle(original, reparsed)
    }
}

extension RoundTripTests {
    // Not the front-matter fixture: its one-line list items right under a heading become runs of
    // short lines that this layout cannot tell apart from a wrapped heading (a known limit).
    @Test(arguments: ["seed-wrapped.txt", "local-council-wrapped.txt", "obituary-blankline.txt", "sports-blankline-wrapped.txt", "sports-final.json"], [(20, 78), (25, 72), (30, 90), (40, 80), (12, 60)])
    func shortFirstLineLayoutGivesTheSameArticle(fixture: String, widths: (Int, Int)) throws {
        let original = try #require(try FixtureLoader.parse(fixture).first)
        let rendered = Self.shortFirstLineRendering(original, first: widths.0, width: widths.1)
        let reparsed = try #require(try ArticleParser().parse(text: rendered, source: "x.txt").first)
        DocumentInvariants.check(reparsed)
        #expect(reparsed.format == .wrappedText)
        Self.sameArticle(original, reparsed)
    }
}
