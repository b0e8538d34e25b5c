import HashTreeCollections
import BroadsheetCollections
import BroadsheetCore
import BroadsheetCorpus
import Foundation
import Testing
import TestSupport

@Suite struct CorpusExportTests {
    @Test func anExportImportedIntoAnEmptyFolderGivesTheSameCorpus() throws {
        let root = try TemporaryFolder.make(
            prefix: "export-root",
            files: [
                "notes/tide.txt": FolderImportTests.tide,
                "feed.ndjson": [
                    CorpusFixtures.json(title: "Depot closes", body: "The bus depot closed on Friday."),
                    CorpusFixtures.json(title: "Depot closes", body: "A second story under the same title."),
                ].joined(separator: "\n"),
                "latin.txt": "Caf\u{E9} owners object\n\nOwners of the caf\u{E9} on the pier objected to the new rent.\n",
            ])
        let (source, sourceStore, _) = try CorpusFixtures.corpus()
        _ = try FolderImport().run(root: root, into: source)
        _ = try source.write([CorpusFixtures.ferry], mode: .create)
        _ = try source.write([CorpusFixtures.orchard], mode: .replace(id: "orchards"))
        source.publish()

        let file = TemporaryFolder.make(prefix: "export-file") + "/export.ndjson"
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        #expect(try CorpusExport.export(from: sourceStore, to: handle) == 6)
        try handle.close()
        let firstLine = try #require(try Data(contentsOf: URL(fileURLWithPath: file)).split(separator: 0x0A).first)
        #expect(CorpusExport.isExport(firstLine: firstLine))
        #expect(!CorpusExport.isExport(firstLine: Array(CorpusFixtures.json(title: "T", body: "B").utf8)))

        let (target, _, _) = try CorpusFixtures.corpus()
        let (written, failures) = try CorpusExport.importFile(at: file, into: target)
        #expect(written == 6)
        #expect(failures.isEmpty)
        target.publish()
        let before = try #require(source.service.snapshot)
        let after = try #require(target.service.snapshot)
        #expect(after.documents.map(\.id) == before.documents.map(\.id))
        #expect(after.documents == before.documents)
        #expect(after.extractions == before.extractions)
        // Importing it again changes nothing.
        #expect(try CorpusExport.importFile(at: file, into: target).written == 0)
    }

    @Test func unreadableExportLinesAreReportedAndTheRestKept() throws {
        let file = try TemporaryFolder.make(
            prefix: "export-bad",
            files: [
                "export.ndjson": [
                    #"{"id":"a","mediaType":"text/plain","source":"Pier repaired\n\nThe pier reopened after repairs."}"#,
                    #"{"id":"b","mediaType":"text/plain"}"#,
                    "not json",
                    #"{"id":"c","mediaType":"application/json","source":"{\"title\":\"No body\"}"}"#,
                ].joined(separator: "\n")
            ]) + "/export.ndjson"
        let (corpus, _, _) = try CorpusFixtures.corpus()
        let (written, failures) = try CorpusExport.importFile(at: file, into: corpus)
        #expect(written == 1)
        #expect(failures.map(\.line) == [2, 3, 4])
        #expect(corpus.headers.keys.sorted() == ["a"])
    }
}
