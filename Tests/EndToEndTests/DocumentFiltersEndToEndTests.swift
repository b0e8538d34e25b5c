import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// `GET /v1/documents` filters, orders and metadata over loopback, on invented articles.
@Suite(.offCooperativePool) struct DocumentFiltersEndToEndTests {
    static let articles = """
        {"id": "tide", "title": "Tide gauge upgraded", "body": "Engineers at the Kellan harbour replaced the tide gauge on Monday.", "publishedAt": "2026-01-10", "authors": ["Ana Souza"], "publication": "Lerwin Gazette", "category": "Science", "tags": ["harbour", "Engineering"], "url": "https://example.org/tide", "language": "en", "source": "Coast Wire"}
        {"id": "market", "title": "Apple market opens early", "body": "The Lerwin apple market opened a week early, growers said.", "publishedAt": "2026-02-03", "authors": ["Ines Vargas", "Ana Souza"], "publication": "Valley Courier", "category": "Business", "tags": ["farming"]}
        {"id": "bridge", "title": "bridge repairs finish", "body": "Repairs to the Kellan bridge finished on Friday, the council said.", "publishedAt": "2025-12-20", "authors": ["Tomas Brandt"], "publication": "Lerwin Gazette", "category": "science"}
        {"id": "undated", "title": "Choir seeks tenors", "body": "The Lerwin choir is looking for two tenors for its spring concert."}
        """

    static func withFeed(_ body: @escaping @Sendable (BroadsheetClient) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-filters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try articles.write(to: dir.appendingPathComponent("feed.ndjson"), atomically: true, encoding: .utf8)
        // A Latin-1 file: read as Windows-1252, with a warning in /v1/corpus.
        try Data("Caf\u{E9} reopens\n\nThe caf\u{E9} on the quay reopened on Monday.\n".unicodeScalars.map { UInt8($0.value) })
            .write(to: dir.appendingPathComponent("2026-01-05-cafe.txt"))
        try await withRunningServer(corpus: dir.path) { client, _, _ in try await body(client) }
    }

    @Test func filtersCombineAndCompareWithoutCase() async throws {
        try await Self.withFeed { client in
            func ids(_ filters: DocumentFilters) async throws -> [String] {
                try await client.documents(filters: filters).data.map(\.id)
            }
            #expect(try await ids(DocumentFilters()) == ["market", "tide", "cafe-reopens", "bridge", "undated"])
            #expect(try await ids(DocumentFilters(from: "2026")) == ["market", "tide", "cafe-reopens"])
            #expect(try await ids(DocumentFilters(to: "2026-01")) == ["tide", "cafe-reopens", "bridge"])
            #expect(try await ids(DocumentFilters(publication: "lerwin gazette")) == ["tide", "bridge"])
            #expect(try await ids(DocumentFilters(author: "Ana Souza")) == ["market", "tide"])
            #expect(try await ids(DocumentFilters(category: "SCIENCE")) == ["tide", "bridge"])
            #expect(try await ids(DocumentFilters(tag: "engineering")) == ["tide"])
            #expect(try await ids(DocumentFilters(undated: true)) == ["undated"])
            #expect(try await ids(DocumentFilters(undated: false)) == ["market", "tide", "cafe-reopens", "bridge"])
            #expect(try await ids(DocumentFilters(author: "Ana Souza", category: "science")) == ["tide"])
            #expect(try await ids(DocumentFilters(sort: "published")) == ["bridge", "cafe-reopens", "tide", "market", "undated"])
            #expect(try await ids(DocumentFilters(sort: "title")) == ["market", "bridge", "cafe-reopens", "undated", "tide"])
            let filtered = try await client.documents(limit: 1, offset: 1, filters: DocumentFilters(publication: "Lerwin Gazette"))
            #expect(filtered.total == 2 && filtered.data.map(\.id) == ["bridge"])
        }
    }

    @Test func anEntityFilterKeepsTheArticlesThatMentionIt() async throws {
        try await Self.withFeed { client in
            let kellan = try #require(try await client.entities(q: "Kellan").data.first { $0.name == "Kellan" })
            let ids = try await client.documents(filters: DocumentFilters(entity: kellan.id)).data.map(\.id)
            #expect(Set(ids) == ["tide", "bridge"])
        }
    }

    @Test func theCorpusReportCountsUndatedArticlesAndSaysHowFilesWereRead() async throws {
        try await Self.withFeed { client in
            let report = try await client.corpus()
            #expect(report.documents == 5 && report.undated == 1)
            #expect(report.warnings.contains { $0.hasPrefix("2026-01-05-cafe.txt: ") && $0.contains("Windows-1252") })
            let cafe = try #require(try await client.documents(filters: DocumentFilters(from: "2026-01-05", to: "2026-01-05")).data.first)
            #expect(cafe.title == "Café reopens")
        }
    }

    @Test func metadataIsServedAsGiven() async throws {
        try await Self.withFeed { client in
            let tide = try #require(try await client.documents().data.first { $0.id == "tide" })
            #expect(tide.metadata == DocumentMetadata(category: "Science", tags: ["harbour", "Engineering"], url: "https://example.org/tide", language: "en", sourceName: "Coast Wire"))
            #expect(tide.dateSource == "field")
            let undated = try #require(try await client.documents().data.first { $0.id == "undated" })
            #expect(undated.dateSource == "none" && undated.metadata.category == nil && undated.metadata.tags.isEmpty)
        }
    }

    @Test(arguments: [
        ("/v1/documents?from=2026-02&to=2026-01", 400, "from"), ("/v1/documents?sort=size", 400, "sort"),
        ("/v1/documents?undated=maybe", 400, "undated"), ("/v1/documents?entity=nobody", 404, "entity"),
        ("/v1/documents?from=2026-13", 400, "from"),
    ])
    func badFiltersAreNamed(target: String, status: Int, parameter: String) async throws {
        try await Self.withFeed { client in
            let response = try await client.send(ClientRequest(target: target))
            #expect(response.status == status)
            #expect(response.problem?.parameter == parameter)
        }
    }
}
