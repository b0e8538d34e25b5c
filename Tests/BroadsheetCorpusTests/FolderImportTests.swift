import HashTreeCollections
import BroadsheetCollections
import BroadsheetCore
import BroadsheetCorpus
import Foundation
import Testing
import TestSupport

@Suite struct FolderImportTests {
    static let mill = "Mill town votes to keep its library\n\nResidents voted on Saturday to keep the library open.\n\nLibrarian Nell Parry thanked the volunteers.\n"
    static let tide = "Spring tides flood the quay\n\nThe quay flooded twice on Sunday as spring tides peaked.\n"

    @Test func importsNewChangedAndRemovedFilesByContent() throws {
        let root = try TemporaryFolder.make(prefix: "import-root", files: ["a/mill.txt": Self.mill, "tide.txt": Self.tide])
        let (corpus, _, _) = try CorpusFixtures.corpus()
        let first = try FolderImport().run(root: root, into: corpus)
        #expect(first.filesRead == 2)
        #expect(first.filesChanged == 2)
        #expect(first.articlesWritten == 2)

        // Nothing changed: nothing is parsed or written again.
        let second = try FolderImport().run(root: root, into: corpus)
        #expect(second.filesChanged == 0)
        #expect(second.articlesWritten == 0)

        // A changed file replaces its articles; a removed file's articles go.
        try (Self.mill + "\nThe council will review the budget in May.\n").write(
            toFile: root + "/a/mill.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/tide.txt")
        let third = try FolderImport().run(root: root, into: corpus)
        #expect(third.filesChanged == 1)
        #expect(third.filesRemoved == 1)
        #expect(third.articlesRemoved == 1)
        corpus.publish()
        let snapshot = try #require(corpus.service.snapshot)
        #expect(snapshot.documents.map(\.id) == ["mill-town-votes-to-keep-its-library"])
        #expect(snapshot.documents[0].text.contains("budget"))
    }

    /// Text that is not UTF-8 is read as Windows-1252, and the corpus report says so, for a file
    /// and for one NDJSON line.
    @Test func filesReadAsWindows1252AreReported() throws {
        let root = TemporaryFolder.make(prefix: "import-latin1")
        func latin1(_ text: String) -> Data { Data(text.unicodeScalars.map { UInt8($0.value) }) }
        try latin1("Caf\u{E9} reopens\n\nThe caf\u{E9} on the quay reopened on Monday.\n").write(to: URL(fileURLWithPath: root + "/cafe.txt"))
        var lines = Data("{\"title\": \"Plain line\", \"body\": \"Nothing odd here.\"}\n".utf8)
        lines += latin1("{\"title\": \"Na\u{EF}ve line\", \"body\": \"A na\u{EF}ve reading.\"}\n")
        try lines.write(to: URL(fileURLWithPath: root + "/feed.ndjson"))
        let (corpus, _, _) = try CorpusFixtures.corpus()
        let report = try FolderImport().run(root: root, into: corpus)
        #expect(report.warnings.map(\.path).sorted() == ["cafe.txt", "feed.ndjson"])
        corpus.publish()
        let snapshot = try #require(corpus.service.snapshot)
        let warnings = snapshot.status.warnings
        #expect(warnings.contains { $0.hasPrefix("cafe.txt: ") && $0.contains("Windows-1252") })
        #expect(warnings.contains { $0.hasPrefix("feed.ndjson: line 2") })
        #expect(snapshot.documents.map(\.title).sorted() == ["Café reopens", "Naïve line", "Plain line"])
    }

    @Test func ndjsonLinesAreArticlesWithTheirOwnSourceAndSkipsAreReported() throws {
        let lines = [
            CorpusFixtures.json(title: "Ferry timetable changes", body: "Winter sailings start in October."),
            "{not json",
            CorpusFixtures.json(title: "Ferry timetable changes", body: "A second article with the same title."),
        ]
        let root = try TemporaryFolder.make(prefix: "import-ndjson", files: ["feed.ndjson": lines.joined(separator: "\n")])
        let (corpus, store, _) = try CorpusFixtures.corpus()
        let report = try FolderImport().run(root: root, into: corpus)
        #expect(report.articlesWritten == 2)
        #expect(report.skipped.count == 1)
        #expect(report.skipped.first?.reason.contains("line 2") == true)
        let ids = corpus.headers.keys.sorted()
        #expect(ids == ["ferry-timetable-changes", "ferry-timetable-changes-2"])
        let second = try #require(try store.article(id: "ferry-timetable-changes-2"))
        #expect(String(decoding: second.source, as: UTF8.self) == lines[2])
        #expect(second.header.origin == .file(path: "feed.ndjson", line: 3))

        // The skip is still reported when the file is unchanged.
        let again = try FolderImport().run(root: root, into: corpus)
        #expect(again.skipped.count == 1)
    }

    @Test func anArticleWrittenOverHTTPKeepsItsIdAgainstAFile() throws {
        let (corpus, _, _) = try CorpusFixtures.corpus()
        _ = try corpus.write([CorpusFixtures.submission(title: "Spring tides flood the quay", body: "Written first, over HTTP.")], mode: .create)
        let root = try TemporaryFolder.make(prefix: "import-clash", files: ["tide.txt": Self.tide])
        _ = try FolderImport().run(root: root, into: corpus)
        let headers = corpus.headers
        #expect(headers["spring-tides-flood-the-quay"]?.origin == .api)
        #expect(headers["spring-tides-flood-the-quay-2"]?.origin == .file(path: "tide.txt", line: nil))
    }
}
