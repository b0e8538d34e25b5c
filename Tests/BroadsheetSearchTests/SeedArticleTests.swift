import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetSearch

/// Quality checks on the seed article (parsed by the real ``ArticleParser``). The expectations are
/// computed from the parsed text, not hard-coded paragraph numbers.
struct SeedArticleTests {
    static let document: Document? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("seeds/000_ee080ed0b85908a5.txt")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? ArticleParser().parse([UInt8](data), source: "000_ee080ed0b85908a5.txt").first
    }()

    static let index = SearchIndex(documents: document.map { [$0] } ?? [], unit: .paragraph)

    func paragraphs(where predicate: (String) -> Bool) throws -> Set<Int> {
        let doc = try #require(Self.document)
        return Set(doc.paragraphs.filter { predicate(String(doc.text(of: $0.span))) }.map(\.index))
    }

    @Test func nordStreamRanksPipelineParagraphsFirst() throws {
        let expected = try paragraphs { $0.contains("Nord Stream") }
        #expect(expected.count == 3)
        let r = try Self.index.search("Nord Stream")
        #expect(Set(r.hits.prefix(expected.count).map(\.paragraph)) == expected)
    }

    @Test func exactPhraseOnly() throws {
        let expected = try paragraphs { $0.contains("Nord Stream 2") }
        #expect(expected.count == 1)
        let r = try Self.index.search("\"Nord Stream 2\"")
        #expect(Set(r.hits.map(\.paragraph)) == expected)
    }

    @Test func typoFindsWitkoffWithCorrection() throws {
        let expected = try paragraphs { $0.contains("Witkoff") }
        let r = try Self.index.search("Witkof", options: SearchOptions(limit: 100))
        #expect(Set(r.hits.map(\.paragraph)) == expected)
        #expect(r.corrections.contains(SearchCorrection(from: "Witkof", to: "witkoff")))
    }

    @Test func stemmingFindsSanctionsAndSanctioned() throws {
        let expected = try paragraphs { $0.range(of: "sanction", options: .caseInsensitive) != nil }
        let r = try Self.index.search("sanction", options: SearchOptions(limit: 100))
        #expect(Set(r.hits.map(\.paragraph)) == expected)
        #expect(r.hits.contains { $0.snippet.contains("<mark>sanctions</mark>") })
        #expect(r.hits.contains { $0.snippet.contains("<mark>sanctioned</mark>") })
    }

    @Test func prefixFindsDmitrievAndDmitry() throws {
        let expected = try paragraphs { $0.contains("Dmitr") }
        let r = try Self.index.search("dmitr*", options: SearchOptions(limit: 100))
        #expect(Set(r.hits.map(\.paragraph)) == expected)
        #expect(r.hits.contains { $0.snippet.contains("<mark>Dmitry</mark>") })
        #expect(r.hits.contains { $0.snippet.contains("<mark>Dmitriev</mark>") })
    }

    @Test func highlightsPointIntoDocumentText() throws {
        let doc = try #require(Self.document)
        let r = try Self.index.search("pipeline", options: SearchOptions(limit: 100))
        #expect(!r.hits.isEmpty)
        for hit in r.hits {
            for span in hit.highlights { #expect(doc.text(of: span).lowercased().hasPrefix("pipeline")) }
        }
    }
}
