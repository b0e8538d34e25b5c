import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// The quotes API over loopback, on the seed plus articles of our own.
@Suite(.offCooperativePool) struct QuotesEndToEndTests {
    @Test func quotesHaveSpeakersKindsAndOffsets() async throws {
        let dir = try EntitiesEndToEndTests.mixedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let all = try await client.quotes(limit: 100)
            #expect(all.total == all.data.count)
            #expect(all.data.allSatisfy { ["direct", "partial", "term"].contains($0.kind) })
            #expect(all.data.filter { $0.kind == "term" }.allSatisfy { $0.speaker == nil })

            // Our council article: one direct quote by the council leader.
            let harbour = try #require(all.data.first { $0.text.hasPrefix("This is the biggest investment") })
            #expect(harbour.kind == "direct")
            #expect(harbour.speaker?.name == "Margaret Ellison")
            #expect(harbour.cue == "told")
            // The obituary: a direct quote by the grandmaster, named by surname after the quote.
            let dignity = try #require(all.data.first { $0.text.contains("lose with dignity") })
            #expect(dignity.kind == "direct")
            #expect(dignity.speakerText == "Okafor")
            #expect(dignity.speaker?.name == "Daniel Okafor")

            // Offsets cover the quotation in the document's text, marks included.
            let document = try await client.document(id: harbour.documentId)
            let utf16 = Array(document.text.utf16)
            let span = String(decoding: utf16[harbour.start..<harbour.end], as: UTF16.self)
            #expect(span.contains(harbour.text))

            // Filters.
            let byEllison = try await client.quotes(speaker: try #require(harbour.speaker?.id))
            #expect(byEllison.data.map(\.id) == [harbour.id])
            let viaEntity = try await client.quotes(ofEntity: try #require(harbour.speaker?.id))
            #expect(viaEntity.data.map(\.id) == [harbour.id])
            let partial = try await client.quotes(kind: "partial", limit: 100)
            #expect(partial.data.allSatisfy { $0.kind == "partial" })
            let found = try await client.quotes(q: "DIGNITY")
            #expect(found.data.map(\.id) == [dignity.id])
            let inDocument = try await client.quotes(document: harbour.documentId)
            #expect(inDocument.data.allSatisfy { $0.documentId == harbour.documentId })
            let entity = try await client.entity(id: try #require(harbour.speaker?.id))
            _ = entity
            let listed = try await client.entities(q: "Margaret Ellison")
            #expect(listed.data.first?.quoteCount == 1)
        }
    }

    @Test func anonymousSourcesAreNeverGivenANamedSpeaker() async throws {
        try await withRunningServer { client, _, _ in
            let all = try await client.quotes(limit: 100)
            let anonymous = all.data.filter { ($0.speakerText ?? "").lowercased().contains("one of these people") }
            #expect(!anonymous.isEmpty)
            #expect(anonymous.allSatisfy { $0.speaker == nil })
        }
    }

    @Test func quoteAnnotationsAppearInTheDocument() async throws {
        try await withRunningServer { client, _, _ in
            let id = try #require(try await client.documents().data.first?.id)
            let annotations = try await client.annotations(documentId: id)
            let quotes = annotations.data.filter { $0.kind == "quote" }
            #expect(quotes.count == (try await client.quotes(document: id, limit: 100)).total)
            #expect(quotes.allSatisfy { $0.quoteId != nil && $0.quoteKind != nil })
        }
    }

    @Test func quoteErrors() async throws {
        try await withRunningServer { client, _, _ in
            for (target, parameter) in [
                ("/v1/quotes?kind=rumour", "kind"), ("/v1/quotes?limit=500", "limit"),
            ] {
                let response = try await client.send(ClientRequest(target: target))
                #expect(response.status == 400)
                #expect(response.problem?.parameter == parameter)
            }
            for (target, parameter) in [("/v1/quotes?speaker=nobody", "speaker"), ("/v1/quotes?document=nope", "document")] {
                let response = try await client.send(ClientRequest(target: target))
                #expect(response.status == 404)
                #expect(response.problem?.parameter == parameter)
            }
            let missing = try await client.send(ClientRequest(target: "/v1/entities/nobody/quotes"))
            #expect(missing.status == 404)
        }
    }
}
