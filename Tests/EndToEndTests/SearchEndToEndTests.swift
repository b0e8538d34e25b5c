import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// Search and suggest over loopback.
@Suite(.offCooperativePool) struct SearchEndToEndTests {
    @Test func findsRanksAndHighlights() async throws {
        try await withRunningServer { client, _, _ in
            let pipeline = try await client.search("Nord Stream")
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
            let standfirst = try await client.search("dismay")
            #expect(standfirst.total == 1)
            #expect(standfirst.data.first?.snippet.contains("<mark>dismay</mark>") == true)
            let phrase = try await client.search("\"Nord Stream 2\"")
            #expect(phrase.total == 1)
            let typo = try await client.search("Witkof")
            #expect(typo.corrections.map(\.to).contains("witkoff"))
            #expect(typo.total > 10)
            let stems = try await client.search("sanction")
            #expect(stems.data.contains { $0.snippet.contains("<mark>sanctioned</mark>") })
            #expect(stems.data.contains { $0.snippet.contains("<mark>sanctions</mark>") })
            let prefix = try await client.search("dmitr*", limit: 50)
            #expect(prefix.data.contains { $0.snippet.contains("<mark>Dmitry</mark>") })
            #expect(prefix.data.contains { $0.snippet.contains("<mark>Dmitriev</mark>") })
        }
    }

    @Test func filtersNarrowTheHits() async throws {
        let dir = try EntitiesEndToEndTests.mixedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let everywhere = try await client.search("the", limit: 100)
            #expect(Set(everywhere.data.map(\.documentId)).count > 1)
            let grouped = try await client.search("the", group: "document", limit: 100)
            #expect(Set(grouped.data.map(\.documentId)).count == grouped.data.count)
            let seedOnly = try await client.search("the", from: "2025", to: "2025-12", limit: 100)
            #expect(!seedOnly.data.isEmpty)
            #expect(seedOnly.data.allSatisfy { $0.title.hasPrefix("Make Money") })
            let witkoff = try #require(try await client.entities(q: "witkoff").data.first)
            let withEntity = try await client.search("Moscow", entity: witkoff.id, limit: 100)
            let plain = try await client.search("Moscow", limit: 100)
            #expect(withEntity.total < plain.total)
            #expect(withEntity.total > 0)
            let inQuery = try await client.search("Moscow entity:\(witkoff.id)", limit: 100)
            #expect(inQuery.total == withEntity.total)
            let docId = try #require(plain.data.first?.documentId)
            let inDocument = try await client.search("the", document: docId, limit: 100)
            #expect(inDocument.data.allSatisfy { $0.documentId == docId })
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
        ("/v1/search?q=entity:nobody", "q"), ("/v1/search?q=%22open&entity=nobody", "q"),
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

    @Test func unknownFilterIdsAndReversedRangesMatchNothing() async throws {
        try await withRunningServer { client, _, _ in
            let counted2913 = try await client.search("Moscow", entity: "nobody")
            #expect(counted2913.total == 0)
            let counted6729 = try await client.search("Moscow", document: "nope")
            #expect(counted6729.total == 0)
            let counted3841 = try await client.search("Moscow", from: "2025-09", to: "2025-01")
            #expect(counted3841.total == 0)
        }
    }
}
