import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetExtraction

/// Test-only document builder for the time and event tests: paragraphs split on blank lines, a
/// naive sentence splitter that knows common abbreviations. (Independent of `ArticleParser`.)
enum TimeFixture {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "sen", "rep", "gov", "inc", "corp", "co",
        "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "vs", "u.s", "u.k", "a.m",
        "p.m", "e.g", "i.e", "prof", "sgt", "capt", "maj", "ft", "mt", "d.c", "u.n", "ltd", "messrs", "rev",
    ]

    /// A document from paragraphs separated by blank lines.
    static func document(_ text: String, published: String?, id: String = "test") -> Document {
        let paragraphs = text.components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return document(paragraphs: paragraphs, published: published, id: id)
    }

    static func document(paragraphs: [String], published: String?, id: String = "test") -> Document {
        var body = ""
        var paras: [Paragraph] = []
        var sentences: [Sentence] = []
        for (pi, p) in paragraphs.enumerated() {
            if !body.isEmpty { body += "\n\n" }
            let base = body.utf16.count
            body += p
            let first = sentences.count
            for r in sentenceRanges(p) {
                sentences.append(Sentence(index: sentences.count, paragraph: pi, span: TextSpan(start: base + r.lowerBound, end: base + r.upperBound)))
            }
            paras.append(Paragraph(index: pi, section: nil, span: TextSpan(start: base, end: base + p.utf16.count), sentenceRange: first..<sentences.count))
        }
        return Document(
            id: id, title: "Test", publishedAt: published.flatMap { CivilDate(iso: $0) }, text: body, paragraphs: paras,
            sentences: sentences, format: .blankLineText)
    }

    /// UTF-16 ranges of the sentences of one paragraph.
    static func sentenceRanges(_ p: String) -> [Range<Int>] {
        let u = Array(p.utf16)
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        func isSpace(_ c: UInt16) -> Bool { c == 32 }
        while i < u.count {
            let c = u[i]
            if c == 46 || c == 33 || c == 63 {  // . ! ?
                var end = i + 1
                while end < u.count, [0x201D, 0x22, 0x2019, 0x27, 0x29].contains(u[end]) { end += 1 }
                if end < u.count, isSpace(u[end]) {
                    var n = end
                    while n < u.count, isSpace(u[n]) { n += 1 }
                    let nextIsUpper = n < u.count && (String(utf16CodeUnits: [u[n]], count: 1).first?.isUppercase == true || [0x201C, 0x22, 0x2018].contains(u[n]))
                    // The word before the period.
                    var w = i
                    while w > start, !isSpace(u[w - 1]) { w -= 1 }
                    let word = String(utf16CodeUnits: Array(u[w..<i]), count: i - w).lowercased()
                        .trimmingCharacters(in: CharacterSet(charactersIn: "“\"(‘'"))
                    let isAbbrev = c == 46 && (abbreviations.contains(word) || (word.count == 1 && word.first!.isLetter))
                    if nextIsUpper && !isAbbrev {
                        out.append(start..<end)
                        start = n
                        i = n
                        continue
                    }
                }
            }
            i += 1
        }
        if start < u.count { out.append(start..<u.count) }
        return out
    }

    /// The seed article as the real ``ArticleParser`` reads it.
    static func seedDocument() throws -> Document {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/events-seed-wsj", withExtension: "txt"))
        let raw = try String(contentsOf: url, encoding: .utf8)
        return try #require(try ArticleParser().parse(text: raw, source: "000_seed.txt").first)
    }

    /// The seed article through the naive test splitter (hard-wrapped, no blank lines): header dropped,
    /// lines unwrapped into paragraphs (a paragraph starts with a short line after a line that ends a
    /// sentence). Keeps the tests independent of the parser's sentence splitting.
    static func naiveSeedDocument() throws -> Document {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/events-seed-wsj", withExtension: "txt"))
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let body = lines.dropFirst(5).filter { !$0.hasPrefix("Originally published") && !$0.hasPrefix("here (paywall)") }
        var paragraphs: [String] = []
        var current: [String] = []
        for (k, line) in body.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let prev = k > 0 ? body[body.index(body.startIndex, offsetBy: k - 1)] : ""
            let endsSentence = prev.hasSuffix(".") || prev.hasSuffix("”") || prev.hasSuffix("?") || prev.hasSuffix(":")
            if !current.isEmpty, endsSentence, line.count < 26 {
                paragraphs.append(current.joined(separator: " "))
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return document(paragraphs: paragraphs, published: "2025-11-29", id: "seed")
    }

    /// Reads a fixture file `events-NAME.txt`: first line `published: YYYY-MM-DD` (or `none`), then a
    /// blank line, then the body.
    static func fixture(_ name: String) throws -> Document {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/events-\(name)", withExtension: "txt"))
        let raw = try String(contentsOf: url, encoding: .utf8)
        let parts = raw.components(separatedBy: "\n\n")
        let header = parts[0].replacingOccurrences(of: "published:", with: "").trimmingCharacters(in: .whitespaces)
        return document(parts.dropFirst().joined(separator: "\n\n"), published: header == "none" ? nil : header, id: name)
    }
}

struct TimeFixtureTests {
    @Test func splitsSentencesButNotAbbreviations() {
        let doc = TimeFixture.document("On Aug. 6, Mr. Smith flew to the U.S. Capitol. He met officials. “It went well,” he said.", published: nil)
        #expect(doc.sentences.count == 3)
        #expect(doc.text(of: doc.sentences[0].span) == "On Aug. 6, Mr. Smith flew to the U.S. Capitol.")
    }

    @Test func seedUnwrapsIntoParagraphs() throws {
        let doc = try TimeFixture.naiveSeedDocument()
        #expect(doc.paragraphs.count > 40)
        #expect(doc.text.hasPrefix("The Kremlin pitched the White House"))
    }
}
