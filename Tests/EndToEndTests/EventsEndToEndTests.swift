import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// The timeline over loopback, on the seed plus articles of our own.
@Suite(.offCooperativePool) struct EventsEndToEndTests {
    @Test func timelineIsSortedAndResolvedAgainstEachDocumentsDate() async throws {
        let dir = try EntitiesEndToEndTests.mixedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            var all: [Event] = []
            var offset = 0
            while true {
                let page = try await client.events(limit: 100, offset: offset)
                all += page.data
                offset += page.data.count
                if page.data.isEmpty || offset >= page.total { break }
            }
            #expect(all.count > 10)
            // A month sorts at its first day: compare the first ten characters padded with "-01".
            let keys = all.compactMap { event -> String? in
                let v = event.date.value
                guard v.first?.isNumber == true, !v.contains("W") else { return nil }
                return v.count == 4 ? v + "-01-01" : v.count == 7 ? v + "-01" : String(v.prefix(10))
            }
            #expect(keys == keys.sorted())
            // Our wildfire brief (published 2024-09-18): "on Sept. 9" and "the next day".
            let started = try #require(all.first { $0.sentence.contains("started on Sept. 9") })
            #expect(started.date.value == "2024-09-09")
            #expect(all.contains { $0.date.value == "2024-09-16" && $0.sentence.contains("contained the Ridge Fire") })
            // No event is dated after its document was published by more than a year.
            #expect(all.allSatisfy { !$0.date.value.hasPrefix("2030") })
        }
    }

    @Test func filtersNarrowTheTimeline() async throws {
        try await withRunningServer { client, _, _ in
            let august = try await client.events(from: "2025-08", to: "2025-08", limit: 100)
            #expect(!august.data.isEmpty)
            // Overlap: August days, August itself, and coarser dates that contain it (the year 2025).
            #expect(august.data.allSatisfy { $0.date.value.hasPrefix("2025-08") || $0.date.value == "2025" })
            #expect(august.data.contains { $0.date.value == "2025-08-15" })
            #expect(!august.data.contains { $0.date.value.hasPrefix("2025-10") || $0.date.value.hasPrefix("2022") })
            let day = try await client.events(from: "2025-08-06", to: "2025-08-06", limit: 100)
            #expect(day.data.allSatisfy { $0.date.value == "2025-08-06" || $0.date.value == "2025-08" || $0.date.value == "2025" })
            let travel = try await client.events(type: "travel", limit: 100)
            #expect(travel.data.allSatisfy { $0.type == "travel" })
            let someone = try #require(travel.data.first?.participants.first)
            let theirs = try await client.events(entity: someone.id, limit: 100)
            #expect(theirs.data.allSatisfy { event in (event.participants + event.places).contains { $0.id == someone.id } })
            let viaEntity = try await client.events(ofEntity: someone.id, limit: 100)
            #expect(viaEntity.total == theirs.total)
            let entity = try await client.entity(id: someone.id)
            _ = entity
            let listed = try await client.entities(q: someone.name, limit: 100)
            #expect(listed.data.first { $0.id == someone.id }?.eventCount == theirs.total)
        }
    }

    @Test func timexAnnotationsCarryNormalisedValues() async throws {
        try await withRunningServer { client, _, _ in
            let id = try #require(try await client.documents().data.first?.id)
            let times = try await client.annotations(documentId: id).data.filter { $0.kind == "timex" }
            #expect(times.contains { $0.text == "next week" && $0.value == "2025-W49" })
            #expect(times.contains { $0.text == "The next day" && $0.value == "2025-08-07" })
        }
    }

    @Test(arguments: [
        ("/v1/events?from=2025-13", "from"), ("/v1/events?to=25", "to"), ("/v1/events?from=2025-02-30", "from"),
        ("/v1/events?type=party", "type"), ("/v1/events?limit=0", "limit"),
    ])
    func badFiltersAreNamed(target: String, parameter: String) async throws {
        // (Unknown ids and a reversed range are not errors: they match nothing; see below.)
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: target))
            #expect(response.status == 400)
            #expect(response.problem?.parameter == parameter)
        }
    }

    @Test func unknownIdsAreNotFoundAndReversedRangesAreBadRequests() async throws {
        try await withRunningServer { client, _, _ in
            for (target, status, parameter) in [
                ("/v1/events?entity=nobody", 404, "entity"), ("/v1/events?document=nope", 404, "document"),
                ("/v1/events?from=2025-09&to=2025-01", 400, "from"),
            ] {
                let response = try await client.send(ClientRequest(target: target))
                #expect(response.status == status)
                #expect(response.problem?.parameter == parameter)
            }
        }
    }
}
