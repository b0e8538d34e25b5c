import Foundation
import Testing
@testable import BroadsheetCore

struct CorpusLoaderTests {
    /// A fresh temporary folder, removed by the caller.
    static func makeTempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], _ relative: String, in root: URL) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func write(_ text: String, _ relative: String, in root: URL) throws {
        try write(Array(text.utf8), relative, in: root)
    }

    @Test func loadsATreeAndSkipsBadFiles() throws {
        let root = try Self.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["seed-wrapped.txt", "local-council-wrapped.txt", "tech-frontmatter.md", "sports-final.json", "briefs.ndjson"] {
            try Self.write(try FixtureLoader.bytes(name), "news/\(name)", in: root)
        }
        try Self.write(try FixtureLoader.bytes("obituary-blankline.txt"), "obits/2024/vogel.txt", in: root)
        try Self.write("", "empty.txt", in: root)
        try Self.write([0x00, 0x01, 0x02, 0xFF], "image.bin", in: root)
        try Self.write([0x00, 0x01, 0x02, 0xFF], "scan.txt", in: root)
        try Self.write([0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0xC3, 0x28], "latin1.txt", in: root)
        try Self.write("Hidden Title\n\nHidden body.", ".hidden.txt", in: root)
        try Self.write("Git Title\n\nGit body.", ".git/config.txt", in: root)
        try Self.write(String(repeating: "Big body text. ", count: 400), "big.txt", in: root)
        // Same title twice: ids get -2 in path order.
        try Self.write("Quiet Day\n\nNothing happened.", "a/dup.txt", in: root)
        try Self.write("Quiet Day\n\nStill nothing happened.", "b/dup.txt", in: root)
        // A symbolic-link loop must not hang.
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("news/loop"), withDestinationURL: root.appendingPathComponent("news"))

        let corpus = try CorpusLoader(maxFileSize: 5000).load(from: root.path)
        let sources = corpus.documents.map(\.source)
        #expect(sources == sources.sorted())
        // local, tech, json, 2 NDJSON records, obituary (the seed is over the 5000-byte limit here),
        // the Latin-1 file, 2 dups.
        #expect(corpus.documents.count == 9, "\(corpus.skipped)")
        let reasons = Dictionary(corpus.skipped.map { ($0.path + ($0.line.map { ":\($0)" } ?? ""), $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons["empty.txt"] == "empty file")
        #expect(reasons["image.bin"]?.hasPrefix("not an article file (extension .bin; read: .json, .jsonl, .markdown") == true)
        #expect(reasons["scan.txt"] == "binary file (NUL bytes or mostly control characters)")
        #expect(reasons["latin1.txt"] == nil)
        #expect(corpus.warnings == [CorpusWarning(path: "latin1.txt", message: "not valid UTF-8 (first bad byte at offset 6); read as Windows-1252")])
        #expect(corpus.documents.first { $0.source == "latin1.txt" }?.text == "Ã(")
        #expect(reasons["big.txt"] == "file too large (6000 bytes; limit 5000)")
        #expect(reasons["news/seed-wrapped.txt"]?.hasPrefix("file too large") == true)
        #expect(reasons["news/briefs.ndjson:2"]?.hasPrefix("line 2: invalid JSON") == true)
        #expect(reasons["news/briefs.ndjson:4"] == "line 4: missing required field 'body'")
        #expect(reasons["news/loop"]?.contains("loop") == true)
        #expect(!corpus.skipped.contains { $0.path.hasPrefix(".") })
        #expect(!corpus.documents.contains { $0.title.hasPrefix("Hidden") || $0.title.hasPrefix("Git") })
        let dupIDs = corpus.documents.filter { $0.title == "Quiet Day" }.map(\.id)
        #expect(dupIDs == ["quiet-day", "quiet-day-2"])
        #expect(Set(corpus.documents.map(\.id)).count == corpus.documents.count)
        #expect(corpus.filesScanned == 12)  // 5 news + obituary + 4 bad + 2 dups; hidden ones and image.bin not counted
        #expect(corpus.document(id: "quiet-day-2")?.source == "b/dup.txt")
        #expect(corpus.documents.first { $0.title.hasPrefix("Margarethe") }?.source == "obits/2024/vogel.txt")

        // Loading twice gives the same corpus.
        #expect(try CorpusLoader(maxFileSize: 5000).load(from: root.path) == corpus)
    }

    @Test func defaultLimitAndHugeGeneratedFile() throws {
        let root = try Self.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let paragraph = "The council met again on Tuesday and talked for hours about the budget.\n\n"
        let huge = "Budget Marathon\n\n" + String(repeating: paragraph, count: 11 * 1024 * 1024 / paragraph.utf8.count + 1)
        try Self.write(huge, "huge.txt", in: root)
        try Self.write(try FixtureLoader.bytes("seed-wrapped.txt"), "seed.txt", in: root)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.documents.map(\.source) == ["seed.txt"])
        #expect(corpus.skipped.count == 1)
        #expect(corpus.skipped.first?.reason.hasPrefix("file too large") == true)
        #expect(corpus.skipped.first?.reason.hasSuffix("limit 10485760)") == true)
    }

    @Test func singleFileCorpus() throws {
        let root = try Self.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(try FixtureLoader.bytes("sports-final.json"), "final.json", in: root)
        let corpus = try CorpusLoader().load(from: root.appendingPathComponent("final.json").path)
        #expect(corpus.documents.map(\.source) == ["final.json"])
        #expect(corpus.skipped.isEmpty && corpus.filesScanned == 1)
    }

    @Test func missingRootThrows() {
        #expect(throws: CorpusError.notFound(path: "/nonexistent/broadsheet/corpus")) {
            try CorpusLoader().load(from: "/nonexistent/broadsheet/corpus")
        }
    }

    @Test func unreadableFileIsSkipped() throws {
        guard getuid() != 0 else { return }  // root can read everything; nothing to test
        let root = try Self.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write("Locked\n\nBody.", "locked.txt", in: root)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root.appendingPathComponent("locked.txt").path)
        let corpus = try CorpusLoader().load(from: root.path)
        #expect(corpus.documents.isEmpty)
        #expect(corpus.skipped.first?.reason == "unreadable (permission denied)")
    }
}
