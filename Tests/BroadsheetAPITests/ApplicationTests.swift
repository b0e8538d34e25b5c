import BroadsheetCorpus
import BroadsheetAPI
import BroadsheetCore
import BroadsheetHTTP
import Foundation
import Logging
import Testing

/// The application's responder called directly, without sockets.
@Suite struct ApplicationTests {
    static let article = """
        Valley Farmers Win Water Rights Case

        By Tomás Herrera

        The Central Valley Courier
        June 4, 2024

        A federal judge in Fresno ruled on Monday that the Westlands Water District must restore deliveries to 40 family farms.

        Judge Helen Castillo wrote that the district had "ignored its own contracts" for three years.
        """

    static func app(publish: Bool = true) throws -> BroadsheetApplication {
        let documents = try ArticleParser().parse(text: article, source: "valley.txt")
        let service = CorpusService()
        if publish {
            service.publish(CorpusSnapshot(root: "mem", documents: documents, skipped: [("bad.bin", "binary")], filesRead: 2))
        }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return BroadsheetApplication(service: service, configuration: .init(logger: logger))
    }

    static func get(_ app: BroadsheetApplication, _ target: String, headers: HTTPHeaders = [:]) async -> HTTPResponse {
        let path = String(target.split(separator: "?", maxSplits: 1)[0])
        let query: [(name: String, value: String)] =
            target.contains("?")
            ? target.split(separator: "?", maxSplits: 1)[1].split(separator: "&").map {
                let kv = $0.split(separator: "=", maxSplits: 1)
                return (String(kv[0]), kv.count > 1 ? String(kv[1]) : "")
            } : []
        return await app.responder.respond(
            to: HTTPRequest(method: .get, target: target, path: path, query: query, headers: headers))
    }

    static func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func listsDocumentsInTheEnvelope() async throws {
        let app = try Self.app()
        let response = await Self.get(app, "/v1/documents")
        #expect(response.status.code == 200)
        let body = try Self.json(response)
        #expect(body["total"] as? Int == 1)
        #expect(body["limit"] as? Int == 20)
        let first = try #require((body["data"] as? [[String: Any]])?.first)
        #expect(first["publishedAt"] as? String == "2024-06-04")
        #expect(first["authors"] as? [String] == ["Tomás Herrera"])
        #expect(first["publication"] as? String == "The Central Valley Courier")
    }

    @Test func documentDetailAlwaysHasEveryField() async throws {
        let app = try Self.app()
        let id = try #require(((try Self.json(await Self.get(app, "/v1/documents")))["data"] as? [[String: Any]])?.first?["id"] as? String)
        let body = try Self.json(await Self.get(app, "/v1/documents/\(id)"))
        for key in ["id", "title", "authors", "publication", "publishedAt", "dek", "sections", "paragraphs", "text", "sentences", "wordCount"] {
            #expect(body.keys.contains(key), "missing \(key)")
        }
        #expect(body["dek"] is NSNull)
        let paragraph = try #require((body["paragraphs"] as? [[String: Any]])?.first)
        #expect(paragraph["section"] is NSNull)
    }

    @Test func corpusReportListsSkippedFiles() async throws {
        let body = try Self.json(await Self.get(try Self.app(), "/v1/corpus"))
        #expect(body["files"] as? Int == 2)
        #expect((body["skipped"] as? [[String: String]])?.first?["reason"] == "binary")
    }

    @Test func notReadyIs503WithRetryAfterButHealthIsFine() async throws {
        let app = try Self.app(publish: false)
        #expect(await Self.get(app, "/healthz").status.code == 200)
        let ready = await Self.get(app, "/readyz")
        #expect(ready.status.code == 503)
        #expect(ready.headers["Retry-After"] == "1")
        let documents = await Self.get(app, "/v1/documents")
        #expect(documents.status.code == 503)
        #expect(documents.headers["Content-Type"] == "application/problem+json; charset=utf-8")
    }

    @Test func repeatedRequestsAreServedFromTheCacheWithTheSameETag() async throws {
        let app = try Self.app()
        let first = await Self.get(app, "/v1/entities?type=person")
        let second = await Self.get(app, "/v1/entities?type=person")
        #expect(first.status.code == 200)
        #expect(first.headers["ETag"] != nil)
        #expect(first.headers["ETag"] == second.headers["ETag"])
        #expect(first.body == second.body)
        let revalidated = await Self.get(app, "/v1/entities?type=person", headers: ["If-None-Match": first.headers["ETag"]!])
        #expect(revalidated.status.code == 304)
        // Each answer still has its own request id.
        #expect(first.headers["X-Request-Id"] != second.headers["X-Request-Id"])
    }

    @Test func errorsAreNotCached() async throws {
        let app = try Self.app()
        #expect(await Self.get(app, "/v1/documents?limit=0").status.code == 400)
        #expect(await Self.get(app, "/v1/documents/missing").status.code == 404)
        #expect(await Self.get(app, "/v1/documents?limit=1").status.code == 200)
    }

    @Test func entitiesOfTheArticleAreServed() async throws {
        let app = try Self.app()
        let people = try Self.json(await Self.get(app, "/v1/entities?type=person"))
        let names = (people["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains("Helen Castillo"))
        let places = try Self.json(await Self.get(app, "/v1/entities?type=location"))
        #expect((places["data"] as? [[String: Any]])?.contains { $0["name"] as? String == "Fresno" } == true)
    }
}
