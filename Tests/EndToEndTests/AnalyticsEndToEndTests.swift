import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// Trends, time series and related articles over loopback, on invented articles.
@Suite(.offCooperativePool) struct AnalyticsEndToEndTests {
    static let articles = """
        {"id": "ferry-vote", "title": "Night ferry approved", "body": "The harbour board approved a night ferry to Kellan Island on Tuesday. Board chair Mira Osei said crossings would start in June.", "publishedAt": "2026-01-13", "publication": "Lerwin Gazette", "category": "Transport", "tags": ["ferry", "harbour"]}
        {"id": "ferry-crew", "title": "Ferry crews hired", "body": "Mira Osei said on Monday that the harbour board had hired twelve crew members for the Kellan Island ferry.", "publishedAt": "2026-01-26", "publication": "Lerwin Gazette", "category": "Transport", "tags": ["ferry"]}
        {"id": "orchard", "title": "Frost spares orchards", "body": "Tomas Brandt said the frost spared his apple trees near Lerwin.", "publishedAt": "2026-02-02", "publication": "Valley Courier", "category": "Farming", "tags": ["frost"]}
        {"id": "ferry-launch", "title": "Night ferry sails", "body": "The first night ferry left for Kellan Island on Friday, and Mira Osei was on board with Tomas Brandt.", "publishedAt": "2026-04-03", "publication": "Valley Courier", "category": "Transport"}
        {"id": "choir", "title": "Choir seeks tenors", "body": "The Lerwin choir is looking for two tenors for its spring concert."}
        """

    static func withFeed(_ body: @escaping @Sendable (BroadsheetClient) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try articles.write(to: dir.appendingPathComponent("feed.ndjson"), atomically: true, encoding: .utf8)
        try await withRunningServer(corpus: dir.path) { client, _, _ in try await body(client) }
    }

    @Test func trendsCountArticlesAndMentionsWithinTheSelection() async throws {
        try await Self.withFeed { client in
            let people = try await client.trends(facet: "person")
            #expect(people.matched == 5 && !people.sampled)
            let osei = try #require(people.data.first)
            #expect(osei.name == "Mira Osei" && osei.articles == 3 && osei.mentions >= 3 && osei.entity?.type == "person")
            #expect(people.data.contains { $0.name == "Tomas Brandt" && $0.articles == 2 })

            let publications = try await client.trends(facet: "publication")
            #expect(publications.data.map(\.value) == ["Lerwin Gazette", "Valley Courier"])
            #expect(publications.data.map(\.articles) == [2, 2])
            let tags = try await client.trends(facet: "tag", from: "2026-01", to: "2026-01")
            #expect(tags.matched == 2)
            #expect(tags.data.map(\.value) == ["ferry", "harbour"] && tags.data.map(\.articles) == [2, 1])

            // Within the articles that mention Mira Osei, she is left out and Kellan Island leads.
            let withOsei = try await client.trends(facet: "entity", entity: osei.value)
            #expect(withOsei.matched == 3)
            #expect(!withOsei.data.contains { $0.value == osei.value })
            #expect(withOsei.data.first?.name == "Kellan Island")

            let ferry = try await client.trends(facet: "category", q: "ferry")
            #expect(ferry.matched == 3 && ferry.data.map(\.value) == ["Transport"])
        }
    }

    @Test func aTimeSeriesHasEveryIntervalOfTheRange() async throws {
        try await Self.withFeed { client in
            let months = try await client.timeseries(interval: "month", from: "2026-01", to: "2026-04")
            #expect(months.data.map(\.start) == ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"])
            #expect(months.data.map(\.end) == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"])
            #expect(months.data.map(\.articles) == [2, 1, 0, 1])
            #expect(months.data.allSatisfy { $0.mentions == nil })

            let osei = try #require(try await client.entities(q: "Mira Osei").data.first)
            let mentions = try await client.timeseries(interval: "month", entity: osei.id)
            #expect(mentions.data.map(\.articles) == [2, 0, 0, 1])
            #expect(mentions.data.compactMap(\.mentions).reduce(0, +) == osei.mentionCount)

            let weeks = try await client.timeseries(interval: "week", from: "2026-01-13", to: "2026-01-26")
            // Weeks start on Monday: 2026-01-12 and 2026-01-19, then the week of the 26th.
            #expect(weeks.data.map(\.start) == ["2026-01-12", "2026-01-19", "2026-01-26"])
            #expect(weeks.data.map(\.articles) == [1, 0, 1])
        }
    }

    @Test func relatedArticlesShareEntities() async throws {
        try await Self.withFeed { client in
            let related = try await client.related(toDocument: "ferry-vote", limit: 3)
            #expect(related.documentId == "ferry-vote")
            let ids = related.data.map(\.id)
            #expect(!ids.contains("ferry-vote") && !ids.contains("choir"))
            #expect(Set(ids.prefix(2)) == ["ferry-crew", "ferry-launch"])
            let crew = try #require(related.data.first { $0.id == "ferry-crew" })
            #expect(crew.sharedEntities.map(\.name).contains("Mira Osei"))
            #expect(zip(related.data, related.data.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    @Test func searchFacetsCountTheHits() async throws {
        try await Self.withFeed { client in
            let results = try await client.search("ferry", facets: ["person", "publication"])
            let facets = try #require(results.facets)
            #expect(facets.matched == 3 && !facets.sampled)
            #expect(facets.values["person"]?.first?.name == "Mira Osei")
            #expect(facets.values["publication"]?.map(\.articles) == [2, 1])
            #expect(facets.histogram.interval == "month")
            #expect(facets.histogram.data.map(\.articles) == [2, 0, 0, 1])
            #expect(try await client.search("ferry").facets == nil)
            let bad = try await client.send(ClientRequest(target: "/v1/search?q=ferry&facets=person,colour"))
            #expect(bad.status == 400 && bad.problem?.parameter == "facets")
        }
    }

    @Test(arguments: [
        ("/v1/trends?facet=colour", 400, "facet"), ("/v1/trends?limit=0", 400, "limit"),
        ("/v1/trends?entity=nobody", 404, "entity"), ("/v1/trends?q=%22open", 400, "q"),
        ("/v1/trends?from=2026-03&to=2026-01", 400, "from"), ("/v1/timeseries?interval=hour", 400, "interval"),
        ("/v1/timeseries?interval=day&from=2000&to=2026", 400, "interval"), ("/v1/timeseries?q=entity:nobody", 404, "q"),
        ("/v1/documents/nope/related", 404, "id"), ("/v1/documents/ferry-vote/related?limit=51", 400, "limit"),
    ])
    func badAnalyticsRequestsAreNamed(target: String, status: Int, parameter: String) async throws {
        try await Self.withFeed { client in
            let response = try await client.send(ClientRequest(target: target))
            #expect(response.status == status)
            #expect(response.problem?.parameter == parameter)
        }
    }
}
