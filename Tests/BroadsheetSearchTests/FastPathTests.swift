import BroadsheetCore
import Testing
import TestSupport

@testable import BroadsheetSearch

/// The specialised top-k loops (one term with block skipping, unions of prefix or typo expansions with
/// block upper bounds, conjunctions of plain terms, phrases) must return exactly what the general evaluation returns. A date filter
/// that every document passes forces the general path, so the two answers are compared.
@Suite(.offCooperativePool)
struct FastPathTests {
    /// A deterministic corpus over a small Zipf-like vocabulary, so that common words have many blocks
    /// of postings and prefixes and misspellings expand to several words.
    static func corpus(documents: Int, seed: UInt64, firstId: Int = 0) -> [Document] {
        var random = SplitMix64(seed: seed)
        func next() -> UInt64 { random.next() }
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
        "\"the market\"", "\"of the\"", "market river", "the team", "the market river", "team -season", "team OR river",
    ]

    static func expectSameAsGeneral(_ index: SearchIndex, queries: [String] = queries) throws {
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
        let index = SearchIndex(documents: Self.corpus(documents: 700, seed: 7), unit: .paragraph)
        #expect(try index.search("mar*").total > 500)
        try Self.expectSameAsGeneral(index)
    }

    @Test func unionsSpanningSeveralWindowsMatchGeneralEvaluation() throws {
        // More paragraphs than one window of the union collection (16,384).
        // Later windows hold the best matches (ties go to earlier paragraphs, so without them the top
        // hits could all come from the first window): paragraphs dense in expansions, of varied lengths.
        var docs = Self.corpus(documents: 9000, seed: 5)
        for k in 0..<60 {
            let filler = Array(repeating: "the", count: k % 7)
            let words = ["marble", "marker", "station", "stator", "team", "river", "marina"].prefix(1 + k % 4) + filler
            docs.insert(.make(id: "dense\(k)", title: "x", date: "2020-06-01", paragraphs: [words.joined(separator: " ")]), at: 4000 + k * 80)
        }
        let index = SearchIndex(documents: docs, unit: .paragraph)
        #expect(index.paragraphCount > 2 * 16_384)
        try Self.expectSameAsGeneral(index, queries: ["mar*", "sta*", "t*", "markot", "stationar", "team OR river"])
    }

    /// Unions of rare expansions (postings only in short blocks, scored from the term-wide bounds),
    /// some in titles, among common words: the tighter bound from exact body parts and the title look-ups
    /// give exactly the general evaluation's hits.
    @Test func unionsOfRareTitledWordsMatchGeneralEvaluation() throws {
        var docs = Self.corpus(documents: 2500, seed: 9)
        func rare(_ k: Int) -> String { "zel" + String(UnicodeScalar(UInt8(97 + k % 26))) + String(UnicodeScalar(UInt8(97 + k / 26 % 26))) }
        for k in 0..<400 {
            let word = rare(k % 90)
            let title = k % 3 == 0 ? "\(word) report" : (k % 3 == 1 ? "\(word) \(word) \(rare(k % 7))" : "market report")
            let filler = Array(repeating: "the river", count: k % 9).joined(separator: " ")
            let paragraphs = ["\(word) \(filler)", k % 4 == 0 ? "\(rare(k % 13)) \(word) order" : "order \(filler)"]
            docs.insert(.make(id: "rare\(k)", title: title, date: "2020-06-01", paragraphs: paragraphs), at: (k * 37) % docs.count)
        }
        let index = SearchIndex(documents: docs, unit: .paragraph)
        #expect(try index.search("zel*").total > 250)
        try Self.expectSameAsGeneral(index, queries: ["zel*", "zela*", "zelab", "zelqq", "zel* OR market", "zelaa OR zelbb OR zelcc"])
    }

    @Test func indexWithRecentAdditionsMatchesGeneralEvaluation() throws {
        var index = SearchIndex(documents: Self.corpus(documents: 500, seed: 11), unit: .paragraph)
        for d in Self.corpus(documents: 150, seed: 12, firstId: 500) { index.add(d) }
        try Self.expectSameAsGeneral(index)
        index.compact()
        try Self.expectSameAsGeneral(index)
    }

    /// Conjunctions of common words (whose cursors merge their decoded postings) and of a common and a
    /// rarer word (which leap-frog) match exactly the paragraphs that hold every word, counted from
    /// the text: in frozen blocks, in the tail after additions, and after compaction.
    @Test func conjunctionTotalsMatchTheText() throws {
        let docs = Self.corpus(documents: 600, seed: 3)
        let extra = Self.corpus(documents: 200, seed: 4, firstId: 600)
        let queries = [["the", "of"], ["the", "and"], ["of", "river"], ["the", "garden"], ["and", "order", "the"], ["garden", "river"]]
        func expected(_ words: [String], in documents: [Document]) -> Int {
            documents.flatMap { d in d.paragraphs.map { d.text(of: $0.span) } }.filter { text in
                let tokens = Set(text.split(separator: " ").map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) })
                return words.allSatisfy(tokens.contains)
            }.count
        }
        var index = SearchIndex(documents: docs, unit: .paragraph)
        for q in queries {
            let n = expected(q, in: docs)
            #expect(n > 0, "\(q) occurs")
            #expect(try index.search(q.joined(separator: " ")).total == n, "\(q)")
        }
        for d in extra { index.add(d) }
        for _ in 0..<2 {
            for q in queries { #expect(try index.search(q.joined(separator: " ")).total == expected(q, in: docs + extra), "\(q)") }
            index.compact()
        }
    }

    /// Phrases of a rare word beside words common enough to span many full blocks (the phrase
    /// matcher then loads the common words' blocks ahead of its jumps) match exactly the paragraphs
    /// whose text holds the words in a row: in frozen blocks, in the tail after additions, and
    /// after compaction.
    @Test func phraseTotalsMatchTheText() throws {
        func withRareWord(_ docs: [Document], every: Int) -> [Document] {
            docs.enumerated().map { n, d in
                guard n % every == 0 else { return d }
                var paragraphs = d.paragraphs.map { String(d.text(of: $0.span)) }
                let forms = ["market zorbly river", "zorbly market", "river zorbly", "the zorbly market river", "zorbly"]
                paragraphs[0] = forms[n / every % forms.count] + " " + paragraphs[0]
                return .make(id: d.id, title: d.title, date: "2020-06-01", paragraphs: paragraphs)
            }
        }
        let docs = withRareWord(Self.corpus(documents: 3000, seed: 21), every: 37)
        let extra = withRareWord(Self.corpus(documents: 300, seed: 22, firstId: 3000), every: 11)
        let phrases = [["market", "zorbly"], ["zorbly", "market"], ["zorbly", "river"], ["market", "zorbly", "river"],
                       ["the", "zorbly", "market"], ["river", "zorbly"], ["zorbly", "market", "river"]]
        func words(_ documents: [Document]) -> [[Substring]] {
            var out: [[Substring]] = []
            for d in documents {
                for p in d.paragraphs {
                    out.append(d.text(of: p.span).split(separator: " ").map { (w: Substring) -> Substring in w.hasSuffix(".") ? w.dropLast() : w })
                }
            }
            return out
        }
        func holds(_ tokens: [Substring], _ phrase: [String]) -> Bool {
            guard tokens.count >= phrase.count else { return false }
            for i in 0...(tokens.count - phrase.count) where phrase.indices.allSatisfy({ tokens[i + $0] == phrase[$0] }) { return true }
            return false
        }
        func expected(_ phrase: [String], in paragraphs: [[Substring]]) -> Int { paragraphs.filter { holds($0, phrase) }.count }
        var index = SearchIndex(documents: docs, unit: .paragraph)
        #expect(try index.search("market").total > 64 * (try index.search("zorbly").total), "the common word is far more frequent")
        let first = words(docs)
        for q in phrases {
            let n = expected(q, in: first)
            #expect(n > 0, "\(q) occurs")
            #expect(try index.search("\"" + q.joined(separator: " ") + "\"").total == n, "\(q)")
        }
        for d in extra { index.add(d) }
        let all = words(docs + extra)
        for _ in 0..<2 {
            for q in phrases {
                #expect(try index.search("\"" + q.joined(separator: " ") + "\"").total == expected(q, in: all), "\(q)")
            }
            index.compact()
        }
    }

    /// The trie walk over the sorted vocabulary finds exactly the words a brute-force comparison finds.
    @Test(arguments: [1, 2]) func typoCandidatesMatchBruteForce(maxDistance: Int) throws {
        var state: UInt64 = 99
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let letters = Array("abcdeor".utf8)
        var words: [String] = []
        for _ in 0..<3000 {
            let n = 2 + next() % 9
            words.append(String(decoding: (0..<n).map { _ in letters[next() % letters.count] }, as: UTF8.self))
        }
        var docs: [Document] = []
        for k in stride(from: 0, to: words.count, by: 30) {
            docs.append(.make(id: "v\(k)", title: "x", paragraphs: [words[k..<min(words.count, k + 30)].joined(separator: " ")]))
        }
        let index = SearchIndex(documents: docs, unit: .paragraph)
        // Vocabulary words with one letter changed, two letters swapped, one dropped or one added (at
        // the start too, where a typo counts twice), and a few made-up words.
        var probes = ["abcdeo", "oderab", "bdeaocrd", "ecdbaorrab", "abcabcabca"]
        for (n, w) in words.prefix(80).enumerated() where w.count >= 4 {
            var b = Array(w.utf8)
            switch n % 5 {
            case 0: b[2] = b[2] == UInt8(ascii: "z") ? UInt8(ascii: "y") : UInt8(ascii: "z")
            case 1: b.swapAt(1, 2)
            case 2: b.remove(at: n % b.count)
            case 3: b.insert(UInt8(ascii: "e"), at: n % b.count)
            default: b[0] = b[0] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            }
            probes.append(String(decoding: b, as: UTF8.self))
        }
        var found = 0
        for probe in probes {
            let q = Array(probe.utf8)
            let walked = index.typoCandidates(of: q, maxDistance: maxDistance).map { "\($0.surface):\($0.distance)" }.sorted()
            var brute: [String] = []
            for id in 0..<Int32(index.surfaces.count) {
                let t = Array(index.surfaces.bytes(id))
                guard !t.isEmpty, abs(t.count - q.count) <= maxDistance else { continue }
                let d = SearchIndex.osaDistance(q, t) + (t[0] != q[0] ? 1 : 0)
                if d <= maxDistance { brute.append("\(id):\(d)") }
            }
            #expect(walked == brute.sorted(), "\(probe)")
            found += brute.count
        }
        #expect(found > 20)
    }

    /// Words sharing more than 255 leading bytes (past the cap of the shared-prefix table) are still
    /// walked correctly.
    @Test func typoCandidatesOfVeryLongWords() throws {
        let stem = String(repeating: "q", count: 270)
        let words = ["\(stem)abcde", "\(stem)abcdf", "\(stem)abxde", "\(stem)zz", "\(stem)abcdeab", "\(stem)"]
        let index = SearchIndex(documents: [.make(id: "long", title: "x", paragraphs: [words.joined(separator: " ")])], unit: .paragraph)
        for probe in ["\(stem)abcde", "\(stem)abdce", "\(stem)z", "\(stem)abcdeabc"] {
            let q = Array(probe.utf8)
            let walked = index.typoCandidates(of: q, maxDistance: 2).map { index.surfaces.string($0.surface) + ":\($0.distance)" }
            let brute = (0..<Int32(index.surfaces.count)).compactMap { id -> String? in
                let t = Array(index.surfaces.bytes(id))
                let d = SearchIndex.osaDistance(q, t) + (t[0] != q[0] ? 1 : 0)
                return d <= 2 ? index.surfaces.string(id) + ":\(d)" : nil
            }
            #expect(walked.sorted() == brute.sorted(), "\(probe.count)")
            #expect(!brute.isEmpty)
        }
    }

    /// Paragraph spans are stored as 16-bit lengths with a side table for longer paragraphs: a hit in
    /// a paragraph of more than 65,535 UTF-16 units, and one in the paragraph after it, highlight the
    /// right words.
    @Test func hitsInVeryLongParagraphsHighlightTheRightWords() throws {
        let long = Array(repeating: "filler words here", count: 5000).joined(separator: " ") + " zanzibar closes it"
        #expect(long.utf16.count > 65_535)
        let doc = Document.make(id: "long", title: "x", paragraphs: ["opening zanzibar line", long, "after zanzibar"])
        let index = SearchIndex(documents: [doc], unit: .paragraph)
        let r = try index.search("zanzibar", options: SearchOptions(limit: 10))
        #expect(Set(r.hits.map(\.paragraph)) == [0, 1, 2])
        for hit in r.hits {
            #expect(!hit.highlights.isEmpty)
            for span in hit.highlights { #expect(doc.text(of: span) == "zanzibar") }
            let paragraph = doc.paragraphs[hit.paragraph].span
            #expect(hit.highlights.allSatisfy { $0.start >= paragraph.start && $0.end <= paragraph.end })
        }
    }
}
