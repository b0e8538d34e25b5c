import BroadsheetCore
import BroadsheetCorpus
import Foundation
import GRDB
import Testing
import TestSupport

@Suite struct SQLiteArticleStoreTests {
    static func article(_ submission: ArticleSubmission, id: String? = nil) -> StoredArticle {
        var document = submission.document
        if let id { document.id = id }
        return StoredArticle(
            header: StoredArticleHeader(id: document.id, origin: .api, contentHash: ContentHash.of(submission.source), sequence: 0),
            mediaType: submission.mediaType, source: submission.source,
            entry: CorpusEntry(document: document, extraction: DocumentExtraction(document: document)))
    }

    @Test func articlesReadBackWholeAfterReopening() throws {
        let (store, folder) = try CorpusFixtures.store()
        let a = Self.article(CorpusFixtures.ferry)
        let b = Self.article(CorpusFixtures.orchard)
        let first = try store.commit([.put(a), .put(b)])
        let second = try store.commit([.recordFile(ImportedFile(path: "x/y.txt", contentHash: "abc", skipped: ["line 2: bad", "line 3: worse"]))])
        #expect(second == first + 1)

        let reopened = try SQLiteArticleStore(path: folder + "/broadsheet.sqlite")
        let loaded = try reopened.loadArticles()
        #expect(loaded.map(\.header.id) == [a.header.id, b.header.id].sorted())
        let ferry = try #require(loaded.first { $0.header.id == a.header.id })
        #expect(ferry.entry == a.entry)
        #expect(ferry.header.contentHash == a.header.contentHash)
        #expect(ferry.header.sequence == first)
        #expect(try reopened.article(id: a.header.id)?.source == a.source)
        #expect(try reopened.importedFiles()["x/y.txt"]?.skipped == ["line 2: bad", "line 3: worse"])
        #expect(try reopened.sequence() == second)
        #expect(try reopened.statistics().articles == 2)
    }

    @Test func deleteAndPagesInIdOrder() throws {
        let (store, _) = try CorpusFixtures.store()
        let articles = (1...7).map { Self.article(CorpusFixtures.ferry, id: "story-\($0)") }
        try store.commit(articles.map { .put($0) })
        try store.commit([.delete(id: "story-3"), .forgetFile(path: "nothing")])
        var seen: [String] = []
        var after: String?
        while true {
            let page = try store.articles(after: after, limit: 2)
            if page.isEmpty { break }
            seen += page.map(\.header.id)
            after = page.last?.header.id
        }
        #expect(seen == ["story-1", "story-2", "story-4", "story-5", "story-6", "story-7"])
    }

    @Test func aDatabaseFromANewerVersionIsRefusedUnchanged() throws {
        let (store, folder) = try CorpusFixtures.store()
        try store.commit([.put(Self.article(CorpusFixtures.ferry))])
        // A newer Broadsheet would have recorded a migration this one does not know.
        let queue = try DatabaseQueue(path: folder + "/broadsheet.sqlite")
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        #expect(throws: StoreError.newerSchema(path: folder + "/broadsheet.sqlite", unknown: ["v99-future"])) {
            _ = try SQLiteArticleStore(path: folder + "/broadsheet.sqlite")
        }
        // Nothing was changed: the article is still there for the newer version.
        let count = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") }
        #expect(count == 1)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let folder = TemporaryFolder.make(prefix: "corpus-store")
        let path = folder + "/broadsheet.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteArticleStore(path: path)
        } throws: { error in
            if case .corrupt = error as? StoreError { return true }
            return false
        }
    }

    @Test func aDamagedRowIsReportedNotServedWrong() throws {
        let (store, folder) = try CorpusFixtures.store()
        try store.commit([.put(Self.article(CorpusFixtures.ferry))])
        let queue = try DatabaseQueue(path: folder + "/broadsheet.sqlite")
        try queue.write { db in try db.execute(sql: "UPDATE article SET entry = x'7b7b'") }
        #expect {
            _ = try store.loadArticles()
        } throws: { error in
            if case .corrupt(let detail) = error as? StoreError { return detail.contains("article") }
            return false
        }
    }

    @Test func aFullDiskKeepsNothingOfTheFailedCommit() throws {
        let (store, folder) = try CorpusFixtures.store()
        try store.commit([.put(Self.article(CorpusFixtures.ferry))])
        // SQLite's page limit stands in for a full disk: the commit fails with SQLITE_FULL.
        let queue = try DatabaseQueue(path: folder + "/broadsheet.sqlite")
        let pages = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        let limited = try SQLiteArticleStore(path: folder + "/broadsheet.sqlite", maxPageCount: pages + 2)
        let big = (1...40).map { i -> StoredArticle in
            var article = Self.article(CorpusFixtures.orchard, id: "big-\(i)")
            article.source = Array(repeating: UInt8(ascii: "x"), count: 64 * 1024)
            return article
        }
        do {
            try limited.commit(big.map { .put($0) })
            Issue.record("a commit past the size limit succeeded")
        } catch {
            guard case .full = error else {
                Issue.record("expected .full, got \(error)")
                return
            }
        }
        #expect(try limited.loadArticles().map(\.header.id) == [CorpusFixtures.ferry.document.id])
    }
}
