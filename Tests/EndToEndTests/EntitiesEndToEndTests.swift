import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// The entities API over loopback, on the seed plus articles of our own.
@Suite(.offCooperativePool) struct EntitiesEndToEndTests {
    /// A corpus folder with the seed and the test articles in `Tests/EndToEndTests/Corpus`.
    static func mixedCorpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-entities-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: here.path) {
            try FileManager.default.copyItem(at: here.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds) {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: TestPaths.seeds).appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func listsFiltersAndFindsEntities() async throws {
        let dir = try Self.mixedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let people = try await client.entities(type: "person", limit: 100)
            #expect(people.data.allSatisfy { $0.type == "person" })
            let names = Set(people.data.map(\.name))
            #expect(names.isSuperset(of: ["Margaret Ellison", "Anatoly Brenner", "Daniel Okafor"]))

            let found = try await client.entities(q: "ellis")
            #expect(found.data.map(\.name).contains("Margaret Ellison"))
            let accentless = try await client.entities(q: "fernandez")
            #expect(accentless.data.isEmpty)  // the byline is not an entity of the text

            let money = try await client.entities(type: "money")
            let terminal = try #require(money.data.first { $0.value?.currency == "GBP" })
            #expect(terminal.value?.amount == 45_000_000)

            let docs = try await client.documents(limit: 100)
            let obituary = try #require(docs.data.first { $0.title.hasPrefix("Anatoly Brenner") })
            let inObituary = try await client.entities(document: obituary.id, limit: 100)
            #expect(inObituary.data.contains { $0.name == "Cleveland Chess Academy" && $0.type == "organization" })
            #expect(!inObituary.data.contains { $0.name == "Margaret Ellison" })

            let byName = try await client.entities(sort: "name", limit: 100)
            let sorted = byName.data.map { $0.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
            #expect(sorted == sorted.sorted())
        }
    }

    @Test func entityDetailHasMentionsAndRelations() async throws {
        let dir = try Self.mixedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let hit = try #require(try await client.entities(q: "Margaret Ellison").data.first)
            let detail = try await client.entity(id: hit.id)
            #expect(detail.name == "Margaret Ellison")
            #expect(detail.aliases.contains("Ellison"))
            #expect(detail.mentions.count == detail.mentionCount)
            #expect(detail.mentions.allSatisfy { $0.sentence.contains($0.text) })
            let document = try await client.document(id: try #require(detail.mentions.first?.documentId))
            let utf16 = Array(document.text.utf16)
            for mention in detail.mentions {
                #expect(String(decoding: utf16[mention.start..<mention.end], as: UTF16.self) == mention.text)
            }
            #expect(detail.related.contains { $0.type == "percent" && $0.evidence.contains { $0.sentence.contains("15%") } })
            let paged = try await client.entity(id: hit.id, limit: 1, offset: 1)
            #expect(paged.mentions.count == 1)
            #expect(paged.mentions.first == detail.mentions.dropFirst().first)
        }
    }

    @Test func annotationsCoverTheDocument() async throws {
        try await withRunningServer { client, _, _ in
            let id = try #require(try await client.documents().data.first?.id)
            let document = try await client.document(id: id)
            let annotations = try await client.annotations(documentId: id)
            #expect(annotations.total == annotations.data.count)
            #expect(annotations.data.count > 50)
            let utf16 = Array(document.text.utf16)
            var previous = 0
            for item in annotations.data where item.kind == "entity" {
                #expect(item.start >= previous)
                previous = item.start
                #expect(String(decoding: utf16[item.start..<item.end], as: UTF16.self) == item.text)
                #expect(item.entityId?.isEmpty == false)
            }
        }
    }

    /// Annotations are complete (every kind, quotes with text and speaker, events at their triggers),
    /// filtered by kind and paged like every list.
    @Test func annotationsHaveEveryKindFilteredAndPaged() async throws {
        try await withRunningServer { client, _, _ in
            let id = try #require(try await client.documents().data.first?.id)
            let text = Array(try await client.document(id: id).text.utf16)
            let all = try await client.annotations(documentId: id)
            #expect(Set(all.data.map(\.kind)) == ["entity", "quote", "timex", "event"])
            let quotes = try await client.quotes(document: id, limit: 100).data
            for item in all.data where item.kind == "quote" {
                let quote = try #require(quotes.first { $0.id == item.quoteId })
                #expect(item.text == quote.text && item.speakerName == quote.speaker?.name)
            }
            let events = try await client.events(document: id, limit: 100).data
            for item in all.data where item.kind == "event" {
                let event = try #require(events.first { $0.id == item.eventId })
                #expect(item.text == event.trigger && item.eventType == event.type && item.value == event.date.value)
                #expect(String(decoding: text[item.start..<item.end], as: UTF16.self) == event.trigger)
            }
            let onlyEvents = try await client.annotations(documentId: id, kinds: ["event", "timex"])
            #expect(Set(onlyEvents.data.map(\.kind)) == ["event", "timex"])
            #expect(onlyEvents.total == all.data.filter { $0.kind == "event" || $0.kind == "timex" }.count)
            let page = try await client.annotations(documentId: id, limit: 5, offset: 3)
            #expect(page.total == all.total && page.limit == 5 && page.offset == 3)
            #expect(page.data == Array(all.data[3..<8]))

            for (target, parameter) in [
                ("/v1/documents/\(id)/annotations?kinds=entity,people", "kinds"), ("/v1/documents/\(id)/annotations?limit=1001", "limit"),
            ] {
                let response = try await client.send(ClientRequest(target: target))
                #expect(response.status == 400)
                #expect(response.problem?.parameter == parameter)
            }
        }
    }

    @Test func mentionsAreAListOfTheirOwn() async throws {
        try await withRunningServer { client, _, _ in
            let top = try #require(try await client.entities(type: "person", sort: "mentions", limit: 1).data.first)
            #expect(top.mentionCount >= 5)
            let detail = try await client.entity(id: top.id, limit: 100)
            let mentions = try await client.mentions(ofEntity: top.id, limit: 3, offset: 2)
            #expect(mentions.total == detail.mentionCount)
            #expect(mentions.data == Array(detail.mentions[2..<5]))
            let missing = try await client.send(ClientRequest(target: "/v1/entities/nobody/mentions"))
            #expect(missing.status == 404)
        }
    }

    @Test func entityErrors() async throws {
        try await withRunningServer { client, _, _ in
            let missing = try await client.send(ClientRequest(target: "/v1/entities/nobody-at-all"))
            #expect(missing.status == 404)
            #expect(missing.problem?.type == "urn:broadsheet:problem:not-found")
            let badType = try await client.send(ClientRequest(target: "/v1/entities?type=animal"))
            #expect(badType.status == 400)
            #expect(badType.problem?.parameter == "type")
            let badSort = try await client.send(ClientRequest(target: "/v1/entities?sort=size"))
            #expect(badSort.problem?.parameter == "sort")
            let unknownDocument = try await client.send(ClientRequest(target: "/v1/entities?document=nope"))
            #expect(unknownDocument.status == 404)
            #expect(unknownDocument.problem?.parameter == "document")
            let noAnnotations = try await client.send(ClientRequest(target: "/v1/documents/nope/annotations"))
            #expect(noAnnotations.status == 404)
        }
    }
}
