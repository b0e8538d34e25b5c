import Foundation
import Testing
@testable import BroadsheetCore

/// Nothing of an article's body is lost or doubled: every word of the source body (dek included)
/// is in ``Document/text`` exactly as often as in the source, for every input format and encoding.
///
/// "Word" here means a maximal run of letters and digits, compared exactly (case and diacritics
/// kept) after NFC. The source body is stated per fixture, by hand: the lines that are not the
/// header (title, byline, publication, date line), not section headings (kept as section titles,
/// not text by design) and not trailing boilerplate (`Copyright …`, `Read more: …`, dropped by
/// design). Markdown markup, link targets and images are not words of the text.
struct EveryWordKeptTests {
    /// A text fixture and its non-body lines (1-based; negative numbers count from the end).
    struct TextCase: Sendable, CustomStringConvertible {
        var file: String
        var nonBody: [Int]
        var description: String { file }
    }

    static let textCases: [TextCase] = [
        TextCase(file: "seed-wrapped.txt", nonBody: [1, 2, 3, 4, 5, 161, 162, 204, 252, -2, -1]),
        TextCase(file: "local-council-wrapped.txt", nonBody: [1, 2, 3, 4, 5, 21, 22, 31, -2, -1]),
        TextCase(file: "obituary-blankline.txt", nonBody: [1, 3, 4, 10, 16, -1]),
        TextCase(file: "sports-blankline-wrapped.txt", nonBody: [1, 2, 3, 4, 18, -1]),
        TextCase(file: "standfirst-blankline.txt", nonBody: [1, 5, 6, 12]),
        TextCase(file: "lead-only-blankline.txt", nonBody: [1]),
    ]

    /// Words as a multiset.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var current = ""
        for ch in text.precomposedStringWithCanonicalMapping {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                counts[current, default: 0] += 1
                current = ""
            }
        }
        if !current.isEmpty { counts[current, default: 0] += 1 }
        return counts
    }

    /// The body lines of a text source.
    static func bodyLines(_ source: String, nonBody: [Int]) -> [String] {
        var lines = source.components(separatedBy: "\n")
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        let dropped = Set(nonBody.map { $0 > 0 ? $0 - 1 : lines.count + $0 })
        return lines.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// Markdown markup that is not text: images, link targets, emphasis and heading marks.
    static func strippingMarkdown(_ line: String) -> String {
        line.replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\]\([^)]*\)"#, with: "]", options: .regularExpression)
    }

    static func expectSameWords(_ doc: Document, _ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = words(body)
        let actual = words(doc.text)
        #expect(!expected.isEmpty, sourceLocation: sourceLocation)
        for (word, count) in expected where actual[word] != count {
            Issue.record("'\(word)': \(count) in the source body, \(actual[word] ?? 0) in text", sourceLocation: sourceLocation)
        }
        for (word, count) in actual where expected[word] == nil {
            Issue.record("'\(word)' (\(count)×) is in text but not in the source body", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: textCases)
    func plainText(_ testCase: TextCase) throws {
        let source = String(decoding: try FixtureLoader.bytes(testCase.file), as: UTF8.self)
        let doc = try #require(try FixtureLoader.parse(testCase.file).first)
        Self.expectSameWords(doc, Self.bodyLines(source, nonBody: testCase.nonBody).joined(separator: "\n"))
    }

    /// The same plain-text fixtures re-encoded: Windows-1252, UTF-16 LE and BE with a BOM.
    @Test(arguments: textCases, ["windows-1252", "utf-16le", "utf-16be"])
    func plainTextInOtherEncodings(_ testCase: TextCase, encoding: String) throws {
        let source = String(decoding: try FixtureLoader.bytes(testCase.file), as: UTF8.self)
        let bytes: [UInt8]
        switch encoding {
        case "windows-1252":
            bytes = try #require(EncodingTests.windows1252(source), "every fixture here is representable in Windows-1252")
        case "utf-16le": bytes = EncodingTests.utf16(source, bigEndian: false)
        default: bytes = EncodingTests.utf16(source, bigEndian: true)
        }
        let result = try ArticleParser().parseRecords(bytes, source: testCase.file)
        let doc = try #require(result.documents.first)
        #expect(doc == (try FixtureLoader.parse(testCase.file).first))
        Self.expectSameWords(doc, Self.bodyLines(source, nonBody: testCase.nonBody).joined(separator: "\n"))
    }

    @Test func frontMatterMarkdown() throws {
        let source = String(decoding: try FixtureLoader.bytes("tech-frontmatter.md"), as: UTF8.self)
        let doc = try #require(try FixtureLoader.parse("tech-frontmatter.md").first)
        // Front matter is lines 1–12, the H1 (line 14) is the title; headings on lines 23 and 28.
        let body = Self.bodyLines(source, nonBody: Array(1...12) + [14, 23, 28]).map(Self.strippingMarkdown)
        #expect(doc.dek == "A $40 billion bet on Arizona's desert.")
        Self.expectSameWords(doc, "A $40 billion bet on Arizona's desert.\n" + body.joined(separator: "\n"))
    }

    @Test func json() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(FixtureLoader.bytes("sports-final.json"))) as? [String: Any])
        let doc = try #require(try FixtureLoader.parse("sports-final.json").first)
        let body = (object["body"] as! String).replacingOccurrences(of: "## Celebrations", with: "")
        Self.expectSameWords(doc, (object["dek"] as! String) + "\n" + body)
    }

    @Test(arguments: ["briefs.ndjson", "metadata.ndjson"])
    func ndjson(file: String) throws {
        let result = try ArticleParser().parseRecords(try FixtureLoader.bytes(file), source: file)
        let lines = String(decoding: try FixtureLoader.bytes(file), as: UTF8.self).split(separator: "\n")
        var objects: [[String: Any]] = []
        for line in lines {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["body"] != nil {
                objects.append(object)
            }
        }
        #expect(objects.count == result.documents.count)
        for (object, doc) in zip(objects, result.documents) {
            let body = (object["body"] as? String) ?? (object["body"] as? [String])?.joined(separator: "\n") ?? ""
            let dek = (object["description"] as? String).map { $0 + "\n" } ?? ""
            Self.expectSameWords(doc, dek + body)
        }
    }
}
