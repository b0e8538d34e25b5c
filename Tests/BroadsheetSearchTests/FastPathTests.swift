import BroadsheetCore
import Testing

@testable import BroadsheetSearch

/// The specialised top-k loops (one term with block skipping, unions of prefix or typo expansions with
/// block upper bounds, phrases) must return exactly what the general evaluation returns. A date filter
/// that every document passes forces the general path, so the two answers are compared.
struct FastPathTests {
    /// A deterministic corpus over a small Zipf-like vocabulary, so that common words have many blocks
    /// of postings and prefixes and misspellings expand to several words.
    static func corpus(documents: Int, seed: UInt64, firstId: Int = 0) -> [Document] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let stems = ["market", "marble", "marker", "marina", "marsh", "martin", "mart", "river", "rivet", "riven", "station",
                     "stationer", "static", "stator", "harbour", "harbor", "garden", "warden", "pardon", "border", "order",
                     "the", "a", "of", "and", "to", "in", "team", "teams", "teaming", "season", "reason", "treason", "lesson"]
        var docs: [Document] = []
        for n in 0..<documents {
            func sentence(_ words: Int) -> String {
                (0..<words).map { _ in
                    // Square of a uniform draw: low indices (common words) come up far more often.
                    let u = Double(next() % 10_000) / 10_000
                    return stems[min(stems.count - 1, Int(u * u * Double(stems.count)))]
                }.joined(separator: " ")
            }
            let paragraphs = (0..<(2 + Int(next() % 5))).map { _ in sentence(3 + Int(next() % 25)) + "." }
            docs.append(.make(id: "g\(firstId + n)", title: sentence(2 + Int(next() % 5)), date: "2020-06-01", paragraphs: paragraphs))
        }
        return docs
    }

    static let queries = [
        "market", "the", "river", "treason", "stator", "mar*", "riv*", "sta*", "t*", "har*", "markot", "stationar", "gardem",
        "\"the market\"", "\"of the\"", "market river", "the team", "team -season", "team OR river",
    ]

    static func expectSameAsGeneral(_ index: SearchIndex) throws {
        let everything = SearchFilters(from: CivilDate(iso: "1900-01-01"))
        for q in queries {
            for limit in [1, 10, 40] {
                let fast = try index.search(q, options: SearchOptions(limit: limit, includeSnippets: false))
                let general = try index.search(q, options: SearchOptions(limit: limit, filters: everything, includeSnippets: false))
                #expect(fast.hits == general.hits, "\(q) limit \(limit)")
                #expect(fast.total == general.total, "\(q) limit \(limit)")
                #expect(fast.corrections == general.corrections, "\(q)")
            }
        }
    }

    @Test func compactIndexMatchesGeneralEvaluation() throws {
        let index = SearchIndex(documents: Self.corpus(documents: 700, seed: 7))
        #expect(try index.search("mar*").total > 500)
        try Self.expectSameAsGeneral(index)
    }

    @Test func indexWithRecentAdditionsMatchesGeneralEvaluation() throws {
        var index = SearchIndex(documents: Self.corpus(documents: 500, seed: 11))
        for d in Self.corpus(documents: 150, seed: 12, firstId: 500) { index.add(d) }
        try Self.expectSameAsGeneral(index)
        index.compact()
        try Self.expectSameAsGeneral(index)
    }
}
