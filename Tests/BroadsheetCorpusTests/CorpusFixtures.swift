import BroadsheetCore
import BroadsheetCorpus
import Foundation
import TestSupport

/// Small invented articles and a fresh store for the corpus tests.
enum CorpusFixtures {
    /// A JSON article about nothing in the seed.
    static func json(title: String, body: String, id: String? = nil, date: String = "2026-04-14") -> String {
        var object: [String: Any] = ["title": title, "body": body, "publishedAt": date]
        if let id { object["id"] = id }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func submission(title: String, body: String, id: String? = nil, date: String = "2026-04-14") -> ArticleSubmission {
        let text = json(title: title, body: body, id: id, date: date)
        var document = try! ArticleParser().parse(text: text, source: "article.json")[0]
        document.source = "api"
        return ArticleSubmission(document: document, source: Array(text.utf8), mediaType: "application/json", explicitId: id != nil)
    }

    static let ferry = submission(
        title: "Harbour board approves night ferry",
        body: "The harbour board voted on Tuesday to run a night ferry to Kellan Island.\n\nBoard chair Mira Osei said the first crossing would sail in June.")
    static let orchard = submission(
        title: "Frost spares valley orchards",
        body: "Growers in the Lerwin valley said late frost had spared most apple blossom.\n\n\"We were lucky this year,\" said grower Tomas Brandt.")

    /// A new store in a new folder.
    static func store() throws -> (SQLiteArticleStore, String) {
        let folder = TemporaryFolder.make(prefix: "corpus-store")
        return (try SQLiteArticleStore(path: folder + "/broadsheet.sqlite"), folder)
    }

    /// A live corpus over a new store, opened and published.
    static func corpus() throws -> (LiveCorpus, SQLiteArticleStore, String) {
        let (store, folder) = try store()
        let corpus = LiveCorpus(store: store, service: CorpusService(), root: folder, dataFolder: folder)
        try corpus.open()
        corpus.publish()
        return (corpus, store, folder)
    }
}
