import BroadsheetCore
import BroadsheetCorpus
import BroadsheetSearch
import Foundation
import Testing

/// The search index saved in the data folder is opened at start-up when it describes the stored
/// articles, and rebuilt (with a warning) when it is missing, stale or corrupt: never served wrong.
@Suite struct SavedSearchIndexTests {
    static func reopen(_ folder: String) throws -> (LiveCorpus, CorpusSnapshot) {
        let corpus = LiveCorpus(
            store: try SQLiteArticleStore(path: folder + "/broadsheet.sqlite"), service: CorpusService(), root: folder, dataFolder: folder)
        try corpus.open()
        corpus.publish()
        return (corpus, try #require(corpus.service.snapshot))
    }

    static func hits(_ snapshot: CorpusSnapshot, _ query: String) throws -> [String] {
        try snapshot.search.search(query, options: SearchOptions(limit: 20)).hits.map(\.documentId).sorted()
    }

    @Test func aSavedIndexIsOpenedAndLaterWritesAreAdded() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        _ = try corpus.write([CorpusFixtures.ferry], mode: .create)
        corpus.publish()
        corpus.saveSearchIndex()
        #expect(FileManager.default.fileExists(atPath: folder + "/search.index"))
        // Written after the save (as before a crash): added to the opened index at the next start.
        let late = try corpus.write([CorpusFixtures.orchard], mode: .create)[0]
        corpus.publish()

        let (_, snapshot) = try Self.reopen(folder)
        #expect(snapshot.status.warnings.isEmpty)
        #expect(try Self.hits(snapshot, "ferry") == [CorpusFixtures.ferry.document.id])
        #expect(try Self.hits(snapshot, "frost") == [late.id])
    }

    @Test func aCorruptIndexIsRebuiltWithAWarning() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        _ = try corpus.write([CorpusFixtures.ferry, CorpusFixtures.orchard], mode: .create)
        corpus.publish()
        corpus.saveSearchIndex()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/search.index"))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: folder + "/search.index"))

        let (_, snapshot) = try Self.reopen(folder)
        #expect(snapshot.status.warnings.contains { $0.contains("search index") })
        #expect(try Self.hits(snapshot, "ferry") == [CorpusFixtures.ferry.document.id])
        #expect(try Self.hits(snapshot, "frost") == [CorpusFixtures.orchard.document.id])
    }

    @Test func aStaleIndexIsRebuiltWithAWarningAndNeverServesADeletedArticle() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        let results = try corpus.write([CorpusFixtures.ferry, CorpusFixtures.orchard], mode: .create)
        corpus.publish()
        corpus.saveSearchIndex()
        _ = try corpus.delete(id: results[1].id)
        corpus.publish()

        let (_, snapshot) = try Self.reopen(folder)
        #expect(snapshot.status.warnings.contains { $0.contains("no longer stored") })
        #expect(try Self.hits(snapshot, "frost").isEmpty)
        #expect(try Self.hits(snapshot, "ferry") == [results[0].id])
    }

    @Test func aTruncatedIdsFileIsAClearWarning() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        _ = try corpus.write([CorpusFixtures.ferry], mode: .create)
        corpus.publish()
        corpus.saveSearchIndex()
        try Data("[\"har".utf8).write(to: URL(fileURLWithPath: folder + "/search.index.ids"))
        let (_, snapshot) = try Self.reopen(folder)
        #expect(snapshot.status.warnings.contains { $0.contains("search.index.ids") })
        #expect(try Self.hits(snapshot, "ferry") == [CorpusFixtures.ferry.document.id])
    }
}
