import BroadsheetWire
import BroadsheetClient
import BroadsheetHTTP
import Foundation
import Testing
import TestSupport

/// The write API through the libcurl client: write, read back, replace, delete, batches, errors, keys.
@Suite(.offCooperativePool) struct WritesEndToEndTests {
    static let lighthouse = ArticleInput(
        title: "Lighthouse keeper retires after forty years",
        body: "Agnes Moor switched off the lamp at Crane Point for the last time on Sunday.\n\n\"The sea was my clock,\" Moor said as the crew cheered.",
        authors: ["Pat Lowe"], publication: "The Coast Gazette", publishedAt: "2026-05-03", category: "local")

    @Test func aWrittenArticleIsServedEverywhere() async throws {
        try await withLiveServer { client, _ async throws in
            let (result, status) = try await client.createDocument(Self.lighthouse, key: "test-key", wait: true)
            #expect(status == 201)
            #expect(result.status == "created")
            #expect(result.visible)
            let document = try await client.document(id: result.id)
            #expect(document.title == Self.lighthouse.title)
            #expect(document.text.contains("Crane Point"))
            let hits = try await client.search("lamp")
            #expect(hits.data.map(\.documentId) == [result.id])
            let people = try await client.entities(q: "agnes")
            #expect(people.data.map(\.name).contains("Agnes Moor"))
            let quotes = try await client.quotes(document: result.id)
            #expect(quotes.data.first?.text.contains("The sea was my clock") == true)
            // The same content again changes nothing.
            let (again, againStatus) = try await client.createDocument(Self.lighthouse, key: "test-key")
            #expect(againStatus == 200)
            #expect(again.status == "unchanged")
            #expect(again.id == result.id)
            let corpus = try await client.corpus()
            #expect(corpus.documents == 1)
            #expect(corpus.writable == true)
            #expect(corpus.generation >= result.generation)
        }
    }

    @Test func putReplacesAndDeleteRemoves() async throws {
        try await withLiveServer { client, _ async throws in
            var article = Self.lighthouse
            article.id = "keeper"
            _ = try await client.createDocument(article, key: "test-key", wait: true)
            var other = article
            other.body = "The harbour trust named a new keeper, Ivo Sand, on Monday."
            // POST under an id with other content: a conflict.
            do {
                _ = try await client.createDocument(other, key: "test-key")
                Issue.record("a conflicting POST succeeded")
            } catch {
                guard case .problem(409, let problem)? = error as? BroadsheetClientError else { throw error }
                #expect(problem.type == "urn:broadsheet:problem:conflict")
            }
            let (replaced, status) = try await client.replaceDocument(id: "keeper", with: other, key: "test-key", wait: true)
            #expect(status == 200)
            #expect(replaced.status == "replaced")
            #expect(try await client.document(id: "keeper").text.contains("Ivo Sand"))
            #expect(try await client.search("lamp").total == 0)
            let (fresh, freshStatus) = try await client.replaceDocument(id: "new-keeper", with: other, key: "test-key", wait: true)
            #expect(freshStatus == 201)
            #expect(fresh.id == "new-keeper")

            #expect(try await client.deleteDocument(id: "keeper", key: "test-key", wait: true) == 204)
            let gone = try await client.get(target: "/v1/documents/keeper")
            #expect(gone.status == 404)
            #expect(try await client.search("sand").data.map(\.documentId) == ["new-keeper"])
            let again = try await client.send(ClientRequest(method: "DELETE", target: "/v1/documents/keeper", headers: [("Authorization", "Bearer test-key")]))
            #expect(again.status == 404)
        }
    }

    @Test func anNDJSONBatchKeepsItsGoodLines() async throws {
        try await withLiveServer { client, _ async throws in
            let good = #"{"title":"Tram line extended","body":"The tram line now reaches the stadium."}"#
            let lines = [
                good, "", "{broken", #"{"title":"No body here"}"#, #"["an","array"]"#,
                #"{"title":"Second good one","body":"Buses will run less often on Sundays."}"#,
            ]
            let results = try await client.createDocuments(ndjson: lines.joined(separator: "\n"), key: "test-key", wait: true)
            #expect(results.map(\.line) == [1, 3, 4, 5, 6])
            #expect(results.map(\.status) == ["created", "rejected", "rejected", "rejected", "created"])
            #expect(results[2].problem?.type == "urn:broadsheet:problem:invalid-article")
            #expect(results[2].problem?.detail?.contains("body") == true)
            #expect(try await client.documents().total == 2)
            let repeated = try await client.createDocuments(ndjson: good, key: "test-key")
            #expect(repeated.map(\.status) == ["unchanged"])
        }
    }

    @Test func aPlainTextArticleIsReadLikeAFile() async throws {
        try await withLiveServer { client, _ async throws in
            let text = "Night market returns to the square\n\nStalls will open every Friday from six.\n\nOrganiser Lina Berg said forty traders had signed up.\n"
            let (result, status) = try await client.createDocument(text: text, key: "test-key", wait: true)
            #expect(status == 201)
            #expect(result.id == "night-market-returns-to-the-square")
            #expect(try await client.document(id: result.id).paragraphs.count == 2)
        }
    }

    @Test func badBodiesGetClearProblemsAndNothingIsStored() async throws {
        try await withLiveServer(configure: { $0.limits.maxBodySize = 64 * 1024 }) { client, _ async throws in
            func post(_ body: [UInt8], type: String?) async throws -> ClientResponse {
                var headers: ClientHeaders = [("Authorization", "Bearer test-key")]
                if let type { headers.add("Content-Type", type) }
                var request = ClientRequest(method: "POST", target: "/v1/documents", headers: headers)
                request.body = body
                return try await client.send(request)
            }
            let csv = try await post(Array("a,b".utf8), type: "text/csv")
            #expect(csv.status == 415)
            #expect(csv.problem?.type == "urn:broadsheet:problem:unsupported-media-type")
            #expect(try await post(Array("{}".utf8), type: nil).status == 415)
            let empty = try await post([], type: "application/json")
            #expect(empty.status == 422)
            let malformed = try await post(Array("{\"title\":".utf8), type: "application/json")
            #expect(malformed.status == 422)
            let noBody = try await post(Array(#"{"title":"Only a title"}"#.utf8), type: "application/json")
            #expect(noBody.status == 422)
            #expect(noBody.json["field"] as? String == "body")
            let tooLarge = try await post(Array(repeating: UInt8(ascii: "a"), count: 100 * 1024), type: "text/plain")
            #expect(tooLarge.status == 413)
            let ndjsonOnPut = try await client.send({
                var r = ClientRequest(method: "PUT", target: "/v1/documents/x", headers: [("Authorization", "Bearer test-key"), ("Content-Type", "application/x-ndjson")])
                r.body = Array("{}".utf8)
                return r
            }())
            #expect(ndjsonOnPut.status == 415)
            let badId = try await client.send({
                var r = ClientRequest(method: "PUT", target: "/v1/documents/a%20b", headers: [("Authorization", "Bearer test-key"), ("Content-Type", "text/plain")])
                r.body = Array("Title\n\nBody text here.".utf8)
                return r
            }())
            #expect(badId.status == 400)
            #expect(try await client.documents().total == 0)
        }
    }

    @Test func writesNeedAKeyAndAServerWithoutKeysTakesNone() async throws {
        try await withLiveServer(keys: ["right-key"]) { client, _ async throws in
            do {
                _ = try await client.createDocument(Self.lighthouse, key: nil)
                Issue.record("a write without a key succeeded")
            } catch {
                guard case .problem(401, let problem)? = error as? BroadsheetClientError else { throw error }
                #expect(problem.type == "urn:broadsheet:problem:unauthorized")
            }
            var request = ClientRequest(method: "DELETE", target: "/v1/documents/x", headers: [("Authorization", "Bearer wrong-key")])
            request.body = nil
            let wrong = try await client.send(request)
            #expect(wrong.status == 401)
            #expect(wrong.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
            let lower = try await client.send(ClientRequest(method: "DELETE", target: "/v1/documents/x", headers: [("Authorization", "bearer right-key")]))
            #expect(lower.status == 404)
            #expect(try await client.documents().total == 0)
        }
        try await withLiveServer(keys: []) { client, _ async throws in
            do {
                _ = try await client.createDocument(Self.lighthouse, key: "anything")
                Issue.record("a write succeeded on a server without keys")
            } catch {
                guard case .problem(403, let problem)? = error as? BroadsheetClientError else { throw error }
                #expect(problem.type == "urn:broadsheet:problem:writes-disabled")
            }
            #expect(try await client.corpus().writable == false)
        }
    }

    @Test func readKeysProtectReadsButNotProbes() async throws {
        try await withLiveServer(keys: ["writer"], readKeys: ["reader"]) { client, _ async throws in
            #expect(try await client.get(target: "/v1/documents").status == 401)
            #expect(try await client.get(target: "/v1/documents", headers: [("Authorization", "Bearer reader")]).status == 200)
            #expect(try await client.get(target: "/v1/documents", headers: [("Authorization", "Bearer writer")]).status == 200)
            #expect(try await client.get(target: "/v1/documents", headers: [("Authorization", "Bearer nobody")]).status == 401)
            #expect(try await client.health() == 200)
            #expect(try await client.get(target: "/openapi.yaml").status == 200)
        }
    }

    @Test func cachedAnswersAndETagsFollowWrites() async throws {
        try await withLiveServer { client, _ async throws in
            let before = try await client.get(target: "/v1/documents")
            let tag = try #require(before.headers["ETag"])
            _ = try await client.createDocument(Self.lighthouse, key: "test-key", wait: true)
            let after = try await client.get(target: "/v1/documents", headers: [("If-None-Match", tag)])
            #expect(after.status == 200)
            #expect(after.headers["ETag"] != tag)
            #expect((after.json["total"] as? Int) == 1)
        }
    }

    @Test func metricsCountWrites() async throws {
        try await withLiveServer { client, _ async throws in
            _ = try await client.createDocument(Self.lighthouse, key: "test-key", wait: true)
            _ = try await client.createDocuments(ndjson: "{bad\n", key: "test-key")
            let text = try await client.metrics()
            #expect(text.contains(#"broadsheet_ingest_articles_total{status="created"} 1"#))
            #expect(text.contains(#"broadsheet_ingest_articles_total{status="rejected"} 1"#))
            #expect(text.contains("broadsheet_store_bytes"))
            #expect(text.contains("broadsheet_ingest_pending_writes"))
        }
    }

    @Test func getByIdIsRealTime() async throws {
        try await withLiveServer { client, _ async throws in
            // Warm the cache with the answer before the write.
            #expect(try await client.get(target: "/v1/documents/keeper-live").status == 404)
            var article = Self.lighthouse
            article.id = "keeper-live"
            let (result, _) = try await client.createDocument(article, key: "test-key")
            #expect(try await client.document(id: result.id).title == article.title)
            var changed = article
            changed.title = "Keeper stays on"
            _ = try await client.replaceDocument(id: result.id, with: changed, key: "test-key")
            #expect(try await client.document(id: result.id).title == "Keeper stays on")
            #expect(try await client.deleteDocument(id: result.id, key: "test-key") == 204)
            #expect(try await client.get(target: "/v1/documents/keeper-live").status == 404)
        }
    }
}
