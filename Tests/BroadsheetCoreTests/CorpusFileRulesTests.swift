import Foundation
import Testing
@testable import BroadsheetCore

/// Which files the loader reads, how it streams NDJSON, and the warnings it records.
struct CorpusFileRulesTests {
    static let article = "Pier Reopens\n\nThe pier reopened after repairs.\n\nAnglers returned at dawn."

    @Test(arguments: [
        ("README", "not an article (a README file)"),
        ("readme.md", "not an article (a README file)"),
        ("README.TXT", "not an article (a README file)"),
        ("License", "not an article (a LICENSE file)"),
        ("LICENCE.txt", "not an article (a LICENCE file)"),
        ("CHANGELOG.md", "not an article (a CHANGELOG file)"),
        ("copying.json", "not an article (a COPYING file)"),
        ("NOTICE.ndjson", "not an article (a NOTICE file)"),
    ])
    func projectFilesAreSkipped(name: String, reason: String) {
        #expect(CorpusLoader.skipReason(forFileNamed: name) == reason)
    }

    @Test(arguments: [
        ("story.txt", true), ("story.TEXT", true), ("story.md", true), ("story.Markdown", true), ("story.json", true),
        ("story.ndjson", true), ("story.jsonl", true), ("story", true), ("2025.11.29", true), ("readme-council-vote.txt", true),
        ("notices-from-the-mayor.md", true),
        ("story.csv", false), ("story.html", false), ("photo.jpg", false), ("story.txt.bak", false), ("archive.tar.gz", false),
    ])
    func articleExtensions(name: String, isRead: Bool) {
        #expect((CorpusLoader.skipReason(forFileNamed: name) == nil) == isRead)
    }

    @Test func folderSkipsProjectFilesAndOtherExtensionsWithReasons() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try CorpusLoaderTests.write("Dataset\n\nThis folder holds 2,225 articles.", "README.TXT", in: root)
        try CorpusLoaderTests.write("MIT License\n\nPermission is hereby granted.", "LICENSE", in: root)
        try CorpusLoaderTests.write("id,title\n1,Pier", "index.csv", in: root)
        try CorpusLoaderTests.write(Self.article, "business/001", in: root)
        try CorpusLoaderTests.write(Self.article.replacingOccurrences(of: "Pier", with: "Dock"), "business/002.txt", in: root)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.documents.map(\.source) == ["business/001", "business/002.txt"])
        #expect(corpus.skipped.map(\.path) == ["LICENSE", "README.TXT", "index.csv"])
        #expect(corpus.skipped.map(\.reason).prefix(2) == ["not an article (a LICENSE file)", "not an article (a README file)"])
        #expect(corpus.skipped[2].reason.hasPrefix("not an article file (extension .csv;"))
        #expect(corpus.filesScanned == 2)  // the three skipped by name are not read
        // A single file given by path is read whatever its name.
        #expect(try CorpusLoader().load(from: root.appendingPathComponent("README.TXT").path).documents.count == 1)
    }

    @Test func ndjsonLargerThanTheFileLimitIsStreamedWithAPerLineLimit() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var lines: [String] = []
        for i in 1...60 { lines.append(#"{"title": "Brief \#(i)", "body": "Item number \#(i) of the day."}"#) }
        lines[9] = #"{"title": "Long", "body": ""# + String(repeating: "word ", count: 100) + #""}"#  // line 10: over 300 bytes
        lines[19] = "   "  // blank
        lines[29] = "// a comment"
        lines[39] = #"{"title": 5, "body": "x"}"#
        // CRLF line ends, a UTF-8 BOM and no final line break.
        let text = "\u{FEFF}" + lines.joined(separator: "\r\n")
        try CorpusLoaderTests.write(text, "briefs.ndjson", in: root)
        #expect(text.utf8.count > 3000)

        let corpus = try CorpusLoader(maxFileSize: 300).load(from: root.path)
        #expect(corpus.documents.count == 56)
        #expect(corpus.documents.first?.title == "Brief 1")
        #expect(corpus.documents.last?.title == "Brief 60")
        #expect(corpus.documents.last?.text == "Item number 60 of the day.")
        #expect(corpus.skipped.map(\.line) == [10, 40])
        #expect(corpus.skipped.first?.reason.hasPrefix("line 10: record too large (") == true)
        #expect(corpus.skipped.first?.reason.hasSuffix("bytes; limit 300)") == true)
        #expect(corpus.skipped.last?.reason == "line 40: field 'title' must be a string, not a number")
        // Streaming gives the same documents as parsing the file whole.
        let whole = try ArticleParser().parseRecords(Array(text.utf8), source: "briefs.ndjson")
        #expect(whole.documents.filter { $0.title != "Long" } == corpus.documents)
    }

    @Test func streamedLinesKeepTheirNumbersAcrossReadChunks() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        // Lines of about 200 KB, so several cross the 1 MiB read boundary.
        let filler = String(repeating: "news ", count: 40_000)
        var lines: [String] = []
        for i in 1...12 { lines.append(#"{"title": "Long Read \#(i)", "body": "\#(filler)end \#(i)."}"#) }
        try CorpusLoaderTests.write(lines.joined(separator: "\n") + "\n", "long.jsonl", in: root)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.documents.map(\.title) == (1...12).map { "Long Read \($0)" })
        #expect(corpus.documents.allSatisfy { $0.text.hasPrefix("news news") && $0.wordCount == 40_002 })
    }

    @Test func latin1NDJSONLineIsReadWithAWarning() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let good = Array(#"{"title": "Pier", "body": "Open."}"#.utf8)
        let latin1 = Array(#"{"title": "Caf"#.utf8) + [0xE9] + Array(#"", "body": "Open."}"#.utf8)
        try CorpusLoaderTests.write(good + [0x0A] + latin1 + [0x0A], "mixed.ndjson", in: root)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.documents.map(\.title) == ["Pier", "Café"])
        #expect(corpus.warnings == [
            CorpusWarning(path: "mixed.ndjson", message: "line 2: not valid UTF-8 (first bad byte at offset 14 of the line); read as Windows-1252", line: 2)
        ])
    }

    @Test func utf16NDJSONIsReadWhole() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = #"{"title": "Pier", "body": "Open."}"# + "\n" + #"{"title": "Dock", "body": "Shut."}"# + "\n"
        try CorpusLoaderTests.write(EncodingTests.utf16(text, bigEndian: true), "wide.ndjson", in: root)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.documents.map(\.title) == ["Pier", "Dock"])
    }

    @Test func emptyAndAllBlankNDJSON() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try CorpusLoaderTests.write("", "a.ndjson", in: root)
        try CorpusLoaderTests.write("\n\n  \n", "b.jsonl", in: root)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.documents.isEmpty)
        #expect(corpus.skipped.map(\.reason) == ["empty file", "empty file"])
    }
}

/// The line reader on its own: the same lines whatever the read size, line ends split across reads.
struct NDJSONLineReaderTests {
    static func lines(of bytes: [UInt8], max: Int, chunk: Int) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var out: [String] = []
        let outcome = NDJSONLineReader.forEachLine(path: url.path, maxLineBytes: max, chunkSize: chunk) { number, line in
            switch line {
            case .bytes(let b): out.append("\(number):\(String(decoding: b, as: UTF8.self))")
            case .tooLong(let n): out.append("\(number):too long \(n)")
            }
        }
        if case .failure(let reason) = outcome { Issue.record("failed: \(reason)") }
        return out
    }

    @Test(arguments: [1, 2, 3, 4, 5, 7, 64, 1 << 20])
    func sameLinesForEveryReadSize(chunk: Int) throws {
        let text = "\u{FEFF}ab\r\n\r\ncafé\nthis line is too long\r\nx\r"
        let got = try Self.lines(of: Array(text.utf8), max: 10, chunk: chunk)
        #expect(got == [
            // A BOM is dropped from line 1, and a "\r" before a line break or at the end; the long line's
            // length counts its "\r" (21 + 1 bytes).
            "1:ab", "2:", "3:café", "4:too long 22", "5:x",
        ])
    }

    @Test func emptyFileAndMissingFile() throws {
        #expect(try Self.lines(of: [], max: 10, chunk: 4).isEmpty)
        var called = false
        let outcome = NDJSONLineReader.forEachLine(path: "/nonexistent/broadsheet.ndjson", maxLineBytes: 10) { _, _ in called = true }
        guard case .failure = outcome else { Issue.record("a missing file must fail"); return }
        #expect(!called)
    }
}
