import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// Search and suggest over loopback.
@Suite(.offCooperativePool) struct SearchEndToEndTests {
    @Test func findsRanksAndHighlightsParagraphs() async throws {
        try await withRunningServer { client, _, _ in
            let pipeline = try await client.search("Nord Stream", unit: "paragraph")
            #expect(pipeline.unit == "paragraph")
            #expect(pipeline.total == 3)
            let document = try await client.document(id: try #require(pipeline.data.first?.documentId))
            let utf16 = Array(document.text.utf16)
            for hit in pipeline.data {
                #expect(hit.snippet.contains("<mark>"))
                for span in hit.highlights {
                    let word = String(decoding: utf16[span.start..<span.end], as: UTF16.self).lowercased()
                    #expect(word == "nord" || word == "stream")
                }
            }
            // The seed's standfirst is part of the text: its words are found.
            let standfirst = try await client.search("dismay", unit: "paragraph")
            #expect(standfirst.total == 1)
            #expect(standfirst.data.first?.snippet.contains("<mark>dismay</mark>") == true)
            let phrase = try await client.search("\"Nord Stream 2\"", unit: "paragraph")
            #expect(phrase.total == 1)
            let typo = try await client.search("Witkof", unit: "paragraph")
            #expect(typo.corrections.map(\.to).contains("witkoff"))
            #expect(typo.total > 10)
            let stems = try await client.search("sanction", unit: "paragraph")
            #expect(stems.data.contains { $0.snippet.contains("<mark>sanctioned</mark>") })
            #expect(stems.data.contains { $0.snippet.contains("<mark>sanctions</mark>") })
            let prefix = try await client.search("dmitr*", unit: "paragraph", limit: 50)
            #expect(prefix.data.contains { $0.snippet.contains("<mark>Dmitry</mark>") })
            #expect(prefix.data.contains { $0.snippet.contains("<mark>Dmitriev</mark>") })
        }
    }

    @Test func filtersNarrowTheHits() async throws {
        let dir = try EntitiesEndToEndTests.mixedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let everywhere = try await client.search("the", unit: "paragraph", limit: 100)
            #expect(Set(everywhere.data.map(\.documentId)).count > 1)
            let grouped = try await client.search("the", unit: "paragraph", group: "document", limit: 100)
            #expect(Set(grouped.data.map(\.documentId)).count == grouped.data.count)
            let seedOnly = try await client.search("the", unit: "paragraph", from: "2025", to: "2025-12", limit: 100)
            #expect(!seedOnly.data.isEmpty)
            #expect(seedOnly.data.allSatisfy { $0.title.hasPrefix("Make Money") })
            let witkoff = try #require(try await client.entities(q: "witkoff").data.first)
            let withEntity = try await client.search("Moscow", unit: "paragraph", entity: witkoff.id, limit: 100)
            let plain = try await client.search("Moscow", unit: "paragraph", limit: 100)
            #expect(withEntity.total < plain.total)
            #expect(withEntity.total > 0)
            let inQuery = try await client.search("Moscow entity:\(witkoff.id)", unit: "paragraph", limit: 100)
            #expect(inQuery.total == withEntity.total)
            let docId = try #require(plain.data.first?.documentId)
            let inDocument = try await client.search("the", unit: "paragraph", document: docId, limit: 100)
            #expect(inDocument.data.allSatisfy { $0.documentId == docId })
            // At article level each document is one hit, and the filters keep their meaning.
            let articles = try await client.search("the", limit: 100)
            #expect(articles.unit == "article")
            #expect(Set(articles.data.map(\.documentId)).count == articles.data.count)
            #expect(articles.total == Set(everywhere.data.map(\.documentId)).count)
            let seedArticles = try await client.search("the", from: "2025", to: "2025-12", limit: 100)
            #expect(seedArticles.data.allSatisfy { $0.title.hasPrefix("Make Money") })
            let articlesWithEntity = try await client.search("Moscow", entity: witkoff.id, limit: 100)
            #expect(articlesWithEntity.total > 0)
            #expect(articlesWithEntity.total <= withEntity.total)
        }
    }

    @Test func suggestCompletesEntitiesAndWords() async throws {
        try await withRunningServer { client, _, _ in
            let suggestions = try await client.suggest("wit")
            #expect(suggestions.data.contains { $0.kind == "entity" && $0.text == "Steve Witkoff" && $0.entityId != nil })
            #expect(suggestions.data.contains { $0.kind == "term" })
        }
    }

    @Test(arguments: [
        ("/v1/search", "q"), ("/v1/search?q=", "q"), ("/v1/search?q=%22open", "q"), ("/v1/search?q=colour:red", "q"),
        ("/v1/search?q=-cats", "q"), ("/v1/search?q=x&group=site", "group"), ("/v1/search?q=x&from=2025-13", "from"),
        ("/v1/search?q=x&unit=sentence", "unit"), ("/v1/search?q=x&passages=6", "passages"), ("/v1/search?q=x&passages=-1", "passages"),
        ("/v1/search?q=%22open&entity=nobody", "q"), ("/v1/search?q=x&from=2025-09&to=2025-01", "from"),
        ("/v1/suggest", "q"), ("/v1/suggest?q=a&limit=21", "limit"),
    ])
    func badSearchesAreNamed(target: String, parameter: String) async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: target))
            #expect(response.status == 400)
            #expect(response.problem?.parameter == parameter)
        }
    }

    @Test func overLongQueryIsRejected() async throws {
        try await withRunningServer { client, _, _ in
            let long = String(repeating: "word ", count: 200)
            let response = try await client.send(
                ClientRequest(target: "/v1/search?q=" + BroadsheetClient.percentEncode(long)))
            #expect(response.status == 400)
            #expect(response.problem?.parameter == "q")
        }
    }

    /// A search for an entity alone ranks articles by how often they name it, and marks the mentions.
    @Test func entityHitsAreScoredAndMarked() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-entity-hits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = """
            {"id": "once", "title": "Council notes", "body": "The council met on Monday. Ines Vargas asked about the budget.", "publishedAt": "2026-03-02"}
            {"id": "often", "title": "Mayor profile", "body": "Ines Vargas became mayor in 2024.\\n\\nVargas said the port mattered. Vargas, a former pilot, grew up in Kellan.", "publishedAt": "2026-03-01"}
            {"id": "never", "title": "Weather", "body": "Rain is expected in Kellan on Tuesday.", "publishedAt": "2026-03-03"}
            """
        try feed.write(to: dir.appendingPathComponent("feed.ndjson"), atomically: true, encoding: .utf8)
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let vargas = try #require(try await client.entities(q: "Ines Vargas").data.first)
            let results = try await client.search("entity:\(vargas.id)", passages: 2)
            #expect(results.data.map(\.documentId) == ["often", "once"])
            #expect(results.data[0].score > results.data[1].score && results.data[1].score > 0)
            let often = try await client.document(id: "often")
            let text = Array(often.text.utf16)
            let hit = results.data[0]
            #expect(hit.snippet.contains("<mark>"))
            #expect(!hit.highlights.isEmpty)
            for span in hit.passages.flatMap(\.highlights) {
                let marked = String(decoding: text[span.start..<span.end], as: UTF16.self)
                #expect(marked == "Ines Vargas" || marked == "Vargas")
            }
            let paragraphs = try await client.search("entity:\(vargas.id)", unit: "paragraph")
            #expect(paragraphs.data.allSatisfy { $0.snippet.contains("<mark>") && $0.score > 0 })
        }
    }

    @Test func suggestionsPageLikeEveryList() async throws {
        try await withRunningServer { client, _, _ in
            let first = try await client.suggest("s", limit: 6)
            let next = try await client.suggest("s", limit: 3, offset: 3)
            #expect(first.data.count == 6 && next.offset == 3)
            #expect(next.data == Array(first.data[3..<6]))
        }
    }

    /// An unknown entity is a 404 whether it is a parameter or a filter in the query, and so is an unknown document.
    @Test(arguments: [
        ("/v1/search?q=Moscow&entity=nobody", "entity"), ("/v1/search?q=Moscow%20entity:nobody", "q"),
        ("/v1/search?q=entity:nobody", "q"), ("/v1/search?q=Moscow&document=nope", "document"),
    ])
    func unknownFilterIdsAreNotFound(target: String, parameter: String) async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: target))
            #expect(response.status == 404)
            #expect(response.problem?.type == "urn:broadsheet:problem:not-found")
            #expect(response.problem?.parameter == parameter)
        }
    }

    /// Articles as hits over loopback: words from different paragraphs match, phrases stay inside a
    /// paragraph, passages are the paragraphs holding the query words, with the article's metadata.
    @Test func articlesAreHitsWithPassages() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let golf = """
            {"title": "Club championship", "authors": ["Ann Lee"], "publication": "The Courier", "publishedAt": "2024-06-01",
             "body": "The final round began in the rain.\\n\\nHer swing was smooth under pressure, and the caddie said little.\\n\\nLater a knighted member, Sir Alan, presented the trophy."}
            """
        let music = """
            {"title": "Swing revival", "publishedAt": "2024-07-02",
             "body": "Big bands are back in the dance halls.\\n\\nSwing music fills the hall every Friday night."}
            """
        try golf.write(to: dir.appendingPathComponent("golf.json"), atomically: true, encoding: .utf8)
        try music.write(to: dir.appendingPathComponent("music.json"), atomically: true, encoding: .utf8)
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let both = try await client.search("swing sir")
            #expect(both.total == 1)
            let hit = try #require(both.data.first)
            #expect(hit.title == "Club championship")
            #expect(hit.authors == ["Ann Lee"])
            #expect(hit.publication == "The Courier")
            #expect(hit.publishedAt == "2024-06-01")
            #expect(hit.passages.count == 1)
            let many = try await client.search("swing sir", passages: 5)
            let passages = try #require(many.data.first?.passages)
            #expect(Set(passages.map(\.paragraph)) == [1, 2])
            let document = try await client.document(id: hit.documentId)
            let utf16 = Array(document.text.utf16)
            for passage in passages {
                #expect(passage.snippet.contains("<mark>"))
                for span in passage.highlights {
                    let word = String(decoding: utf16[span.start..<span.end], as: UTF16.self).lowercased()
                    #expect(word == "swing" || word == "sir")
                }
            }
            #expect(try await client.search("swing sir", passages: 0).data.first?.passages.isEmpty == true)
            #expect(try await client.search("swing sir", unit: "paragraph").total == 0)
            #expect(try await client.search("\"little later\"").total == 0)
            #expect(try await client.search("\"swing music\"").data.map(\.title) == ["Swing revival"])
            let paragraphs = try await client.search("swing", unit: "paragraph", limit: 10)
            #expect(paragraphs.unit == "paragraph")
            #expect(Set(paragraphs.data.map(\.paragraph)) == [1])
            #expect(paragraphs.data.allSatisfy { $0.passages.map(\.paragraph) == [$0.paragraph] })
        }
    }
}
