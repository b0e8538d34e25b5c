import BroadsheetCore
import Testing
import TestSupport

@testable import BroadsheetSearch

@Suite(.offCooperativePool)
struct SearchIndexTests {
    let index = TestCorpus.index

    func hits(_ q: String, _ options: SearchOptions = SearchOptions(limit: 50)) throws -> [String] {
        try index.search(q, options: options).hits.map { "\($0.documentId)#\($0.paragraph)" }
    }

    // MARK: BM25 arithmetic

    @Test func bm25MatchesHandComputation() throws {
        let docs = [
            Document.make(id: "a", title: "x", paragraphs: ["apple banana apple"]),
            Document.make(id: "b", title: "x", paragraphs: ["banana cherry"]),
            Document.make(id: "c", title: "x", paragraphs: ["cherry date elder fig"]),
        ]
        let plain = SearchIndex(documents: docs, configuration: .init(titleBoost: 0, proximityWeight: 0), unit: .paragraph)
        // N = 3 paragraphs, avgdl = 3. apple: df 1, idf = ln(1 + 2.5/1.5) = ln(8/3) = 0.980829;
        // tf 2, dl 3: 2 × 2.2 / (2 + 1.2 × (0.25 + 0.75 × 3/3)) = 1.375 → 1.348640.
        let apple = try plain.search("apple")
        #expect(apple.hits.count == 1)
        #expect(abs(apple.hits[0].score - 1.348640) < 1e-5)
        // banana: df 2, idf = ln(1 + 1.5/2.5) = ln 1.6 = 0.470004. In b (dl 2): 2.2 / (1 + 1.2 × 0.75) = 1.157895
        // → 0.544215; in a (dl 3): 2.2 / 2.2 = 1 → 0.470004. The shorter paragraph ranks first.
        let banana = try plain.search("banana")
        #expect(banana.hits.map(\.documentId) == ["b", "a"])
        #expect(abs(banana.hits[0].score - 0.544215) < 1e-5)
        #expect(abs(banana.hits[1].score - 0.470004) < 1e-5)
        // k1 and b are configurable: with b = 0 length does not matter.
        let flat = SearchIndex(documents: docs, configuration: .init(b: 0, titleBoost: 0, proximityWeight: 0), unit: .paragraph)
        let scores = try flat.search("banana").hits.map(\.score)
        #expect(abs(scores[0] - scores[1]) < 1e-12)
    }

    /// Paragraph lengths are kept as one-byte codes: exact below 32 words, above that rounded down to
    /// 4 significant bits (101 words count as 100, 47 as 46), in the paragraph's length and in the average.
    @Test func longParagraphLengthsAreCodedInOneByte() throws {
        func filler(_ n: Int) -> String { (0..<n).map { "w\($0 % 20)" }.joined(separator: " ") }
        let docs = [
            Document.make(id: "long", title: "x", paragraphs: ["kiwi " + filler(100)]),
            Document.make(id: "mid", title: "x", paragraphs: ["kiwi " + filler(46)]),
            Document.make(id: "short", title: "x", paragraphs: [filler(9)]),
        ]
        let index = SearchIndex(documents: docs, configuration: .init(titleBoost: 0, proximityWeight: 0), unit: .paragraph)
        #expect(BlockBound.length(code: BlockBound.code(length: 101)) == 100)
        #expect(BlockBound.length(code: BlockBound.code(length: 47)) == 46)
        // Coded lengths 100, 46 and 9: avgdl = 155 / 3. kiwi: df 2 of 3, idf = ln(1 + 1.5/2.5) = ln 1.6.
        let average = 155.0 / 3
        func bm25(_ dl: Double) -> Double { log(1.6) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * dl / average)) }
        let hits = try index.search("kiwi").hits
        #expect(hits.map(\.documentId) == ["mid", "long"])
        #expect(abs(hits[0].score - bm25(46)) < 1e-9)
        #expect(abs(hits[1].score - bm25(100)) < 1e-9)
    }

    @Test func titleBoostsParagraphsOfMatchingDocument() throws {
        // "sanction" is in biz-1's title: its paragraphs outrank sport-1's mention of equal weight.
        let r = try index.search("sanctions")
        #expect(r.hits.first?.documentId == "biz-1")
    }

    @Test func proximityRewardsAdjacentTerms() throws {
        let docs = [
            Document.make(id: "far", title: "x", paragraphs: ["gas flows through the long new pipeline today"]),
            Document.make(id: "near", title: "x", paragraphs: ["the pipeline gas flows through the long route now"]),
        ]
        let idx = SearchIndex(documents: docs, unit: .paragraph)
        #expect(try idx.search("pipeline gas").hits.map(\.documentId) == ["near", "far"])
        #expect(try idx.search("gas pipeline").hits.map(\.documentId) == ["near", "far"])
    }

    // MARK: Query language

    @Test func phrase() throws {
        #expect(try hits("\"cup final\"") == ["sport-1#0"])
        #expect(try hits("\"final cup\"").isEmpty)
        #expect(try hits("\"state of the art\"") == ["tech-1#1"])
    }

    @Test func andOrExclusion() throws {
        #expect(try hits("bank investigation") == ["biz-1#1"])
        #expect(try Set(hits("goalkeeper OR symphony")) == ["sport-1#1", "obit-1#1"])
        #expect(try hits("bank -investigation") == ["biz-1#0"])
        #expect(try hits("united -\"cup final\"") == ["sport-1#2"])
        #expect(try Set(hits("(goalkeeper OR symphony) fans")) == ["sport-1#1"])
    }

    @Test func prefix() throws {
        #expect(try Set(hits("dmitr*")) == ["biz-1#2", "obit-1#2"])
        #expect(try hits("zzz*").isEmpty)
    }

    @Test func stemming() throws {
        #expect(try Set(hits("sanction")) == ["biz-1#0", "sport-1#2"])
        #expect(try Set(hits("Sanctioned")) == ["biz-1#0", "sport-1#2"])
    }

    @Test func diacriticsPossessivesHyphensAcronymsAmounts() throws {
        #expect(try Set(hits("Zurich")) == ["tech-1#2", "obit-1#0"])
        #expect(try Set(hits("zürich")) == ["tech-1#2", "obit-1#0"])
        #expect(try hits("bruckner").count == 2)
        #expect(try hits("manager") == ["sport-1#1"])
        #expect(try hits("company") == ["tech-1#0"])
        #expect(try hits("nanometer") == ["tech-1#0"])
        #expect(try hits("son-in-law") == ["obit-1#1"])
        #expect(try hits("law") == ["obit-1#1"])
        #expect(try hits("U.S.") == ["tech-1#1"])
        #expect(try hits("us").isEmpty)
        #expect(try hits("$300") == ["tech-1#0"])
        #expect(try hits("300") == ["tech-1#0"])
        #expect(try hits("9.9%") == ["tech-1#0"])
    }

    // MARK: Typos

    @Test(arguments: [
        ("procesor", ["tech-1#0"], "processor"),  // 8 letters, 1 deletion
        ("finak", ["sport-1#0"], "final"),  // 5 letters, 1 substitution
        ("goolkeepar", ["sport-1#1"], "goalkeeper"),  // 10 letters, 2 substitutions
        ("goalkeepre", ["sport-1#1"], "goalkeeper"),  // transposition counts 1
        ("xoalkeeper", ["sport-1#1"], "goalkeeper"),  // 10 letters: a first-letter typo counts 2
    ])
    func typoAccepted(query: String, expected: [String], correction: String) throws {
        let r = try index.search(query)
        #expect(r.hits.map { "\($0.documentId)#\($0.paragraph)" } == expected)
        #expect(r.corrections.contains(SearchCorrection(from: query, to: correction)))
    }

    @Test(arguments: [
        "finl",  // 4 letters: no typo tolerance
        "procssr",  // 7 letters, 2 edits from "process": only 1 allowed
        "bnak",  // 4 letters
        "hinal",  // 5 letters, but a first-letter typo counts 2
    ])
    func typoRejected(query: String) throws {
        let r = try index.search(query)
        #expect(r.hits.isEmpty)
        #expect(r.corrections.isEmpty)
    }

    @Test func noTypoWhenExactMatchExists() throws {
        let r = try index.search("final")
        #expect(r.corrections.isEmpty)
        #expect(try index.search("procesor", options: SearchOptions(typoTolerance: false)).hits.isEmpty)
    }

    // MARK: Grouping, paging, filters

    @Test func groupingCapsHitsPerDocument() throws {
        let all = try index.search("the", options: SearchOptions(limit: 50))
        let grouped = try index.search("the", options: SearchOptions(limit: 50, maxHitsPerDocument: 1))
        #expect(all.hits.count > grouped.hits.count)
        #expect(Set(grouped.hits.map(\.documentId)).count == grouped.hits.count)
        #expect(grouped.total == grouped.hits.count)
        #expect(Set(grouped.hits.map(\.documentId)) == Set(all.hits.map(\.documentId)))
    }

    @Test func paging() throws {
        let all = try index.search("the", options: SearchOptions(limit: 50))
        let page = try index.search("the", options: SearchOptions(limit: 2, offset: 2))
        #expect(page.hits.map(\.paragraph) == all.hits[2..<4].map(\.paragraph))
        #expect(page.total == all.total)
    }

    @Test func documentAndDateFilters() throws {
        #expect(try Set(hits("the document:sport-1").map { $0.prefix(7) }) == ["sport-1"])
        #expect(try Set(hits("the document:sport-1 document:biz-1").map { String($0.split(separator: "#")[0]) }) == ["sport-1", "biz-1"])
        #expect(try Set(hits("the from:2024").map { String($0.split(separator: "#")[0]) }) == ["tech-1", "biz-1"])
        #expect(try Set(hits("the to:2022").map { String($0.split(separator: "#")[0]) }) == ["obit-1"])
        #expect(try Set(hits("the from:2023-05-20 to:2023-05-20").map { String($0.split(separator: "#")[0]) }) == ["sport-1"])
        let opts = SearchOptions(limit: 50, filters: SearchFilters(documents: ["tech-1"]))
        #expect(try index.search("the", options: opts).hits.allSatisfy { $0.documentId == "tech-1" })
        #expect(try hits("document:obit-1").count == 3)
    }

    @Test func extraParagraphDatesWiden() throws {
        let context = SearchFilterContext(paragraphDates: { ref in
            ref.documentId == "obit-1" && ref.paragraph == 2 ? [CivilDate(year: 1960, month: 1, day: 1)!] : []
        })
        let r = try index.search("vienna to:1970", options: SearchOptions(), context: context)
        #expect(r.hits.map(\.documentId) == ["obit-1"])
        #expect(try index.search("vienna to:1970").hits.isEmpty)
    }

    @Test func entityFilter() throws {
        let context = SearchFilterContext(entityParagraphs: { id in
            id == "org-bank" ? [ParagraphRef(documentId: "biz-1", paragraph: 1), ParagraphRef(documentId: "biz-1", paragraph: 2)] : nil
        })
        let r = try index.search("the entity:org-bank", options: SearchOptions(), context: context)
        #expect(r.hits.map(\.paragraph) == [1])
        #expect(try index.search("entity:org-bank", options: SearchOptions(), context: context).hits.map(\.paragraph) == [1, 2])
        #expect {
            _ = try index.search("the entity:nobody", options: SearchOptions(), context: context)
        } throws: { ($0 as? SearchQueryError)?.kind == .unknownEntity }
        #expect {
            _ = try index.search("the entity:org-bank")
        } throws: { ($0 as? SearchQueryError)?.kind == .unknownEntity }
    }

    @Test func searchErrors() {
        #expect { _ = try index.search("!!!") } throws: { ($0 as? SearchQueryError)?.kind == .noSearchableTerms }
        #expect { _ = try index.search("\"open") } throws: { ($0 as? SearchQueryError)?.kind == .unbalancedQuote }
    }

    // MARK: Snippets

    @Test func snippetMarksAndEscapes() throws {
        let hit = try #require(index.search("symphony").hits.first)
        #expect(hit.snippet == "Her son-in-law said she had been working on a new <mark>symphony</mark> &lt;with&gt; strings &amp; brass.")
        let doc = TestCorpus.documents[3]
        #expect(hit.highlights.map { String(doc.text.slice($0)) } == ["symphony"])
    }

    @Test func snippetHighlightsStemsAndFoldedForms() throws {
        let hit = try #require(index.search("zurich").hits.first { $0.documentId == "tech-1" })
        #expect(hit.snippet.contains("<mark>Zürich</mark>"))
        let doc = TestCorpus.documents[0]
        #expect(hit.highlights.map { String(doc.text.slice($0)) } == ["Zürich"])
    }

    /// Words are marked by stem, the forms of irregular stems and corrections included.
    @Test func snippetMarksEveryFormOfEachStem() throws {
        let typo = try #require(index.search("symphonu").hits.first)
        #expect(typo.snippet.contains("<mark>symphony</mark>"))
        let doc = Document.make(id: "forms", title: "t", paragraphs: ["Dying men, lying spies and the ties that die, lie and tie."])
        let idx = SearchIndex(documents: [doc], unit: .paragraph)
        let hit = try #require(idx.search("die OR lie OR spy").hits.first)
        #expect(
            hit.snippet == "<mark>Dying</mark> men, <mark>lying</mark> <mark>spies</mark> and the ties that <mark>die</mark>, <mark>lie</mark> and tie.")
    }

    @Test func longParagraphSnippetIsAWindowOnWordBoundaries() throws {
        let filler = (0..<80).map { "word\($0)" }.joined(separator: " ")
        let doc = Document.make(id: "long", title: "t", paragraphs: [filler + " the needle is here " + filler])
        let idx = SearchIndex(documents: [doc], unit: .paragraph)
        let hit = try #require(idx.search("needle").hits.first)
        #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
        #expect(hit.snippet.contains("<mark>needle</mark>"))
        let plain = hit.snippet.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "")
        #expect(plain.utf16.count <= SnippetBuilder.maxLength + 2)
        #expect(plain.dropFirst().dropLast().split(separator: " ").allSatisfy { $0.hasPrefix("word") || ["the", "needle", "is", "here"].contains($0) })
    }

    /// A paragraph with characters outside ASCII (two UTF-16 units for the emoji) is windowed and
    /// escaped in UTF-16 units; the same paragraph in ASCII gives the same snippet.
    @Test func snippetOfNonASCIIParagraphMatchesTheASCIIOne() throws {
        let filler = (0..<60).map { "word\($0)" }.joined(separator: " ")
        let tail = " the <needle> & \"thread\" 'here' " + filler
        let ascii = Document.make(id: "ascii", title: "t", paragraphs: [filler + tail])
        let other = Document.make(id: "other", title: "t", paragraphs: ["😀 Zürich " + filler + tail])
        let idx = SearchIndex(documents: [ascii, other], unit: .paragraph)
        let hits = try idx.search("needle").hits
        #expect(hits.count == 2)
        for hit in hits {
            #expect(hit.snippet.contains("&lt;<mark>needle</mark>&gt; &amp; &quot;thread&quot; &#39;here&#39;"))
            #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
            let doc = hit.documentId == "ascii" ? ascii : other
            #expect(hit.highlights.map { String(doc.text.slice($0)) } == ["needle"])
        }
        let plain = hits.map { $0.snippet.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "") }
        #expect(plain[0].utf16.count <= SnippetBuilder.maxLength + 40)
    }

    // MARK: Incremental

    @Test func addAndReplace() throws {
        var idx = index
        idx.add(.make(id: "late", title: "Late news", paragraphs: ["A hailstorm hit the harbour."]))
        #expect(try idx.search("hailstorm").hits.map(\.documentId) == ["late"])
        #expect(try idx.search("harbor*").hits.isEmpty)
        #expect(try idx.search("harbou*").hits.map(\.documentId) == ["late"])
        #expect(try idx.search("hailstrom").corrections == [SearchCorrection(from: "hailstrom", to: "hailstorm")])
        idx.add(.make(id: "late", title: "Late news", paragraphs: ["A thunderstorm hit the harbour."]))
        #expect(try idx.search("hailstorm").hits.isEmpty)
        #expect(try idx.search("thunderstorm").hits.map(\.documentId) == ["late"])
        idx.compact()
        #expect(try idx.search("thunderstorm harbour").hits.map(\.documentId) == ["late"])
        #expect(idx.documentCount == 5)
        // The original value is unchanged.
        #expect(try index.search("thunderstorm").hits.isEmpty)
    }

    @Test func startsEmptyAndGrowsOneDocumentAtATime() throws {
        var idx = SearchIndex(documents: [], unit: .paragraph)
        #expect(try idx.search("anything").hits.isEmpty)
        #expect(try idx.search("document:none").hits.isEmpty)
        for (i, doc) in TestCorpus.documents.enumerated() {
            idx.add(doc)
            #expect(idx.documentCount == i + 1)
        }
        #expect(try Set(idx.search("zurich").hits.map(\.documentId)) == ["tech-1", "obit-1"])
        #expect(try idx.search("\"cup final\"").hits.map(\.documentId) == ["sport-1"])
        #expect(try idx.search("procesor").corrections == [SearchCorrection(from: "procesor", to: "processor")])
        #expect(try Set(idx.search("dmitr*").hits.map(\.documentId)) == ["biz-1", "obit-1"])
        #expect(idx.suggest("goal").map(\.text).contains("goalkeeper"))
    }

    @Test func manyDocumentsExerciseSkipBlocks() throws {
        var docs: [Document] = []
        for i in 0..<600 {
            let extra = i % 97 == 0 ? " rare marker" : ""
            docs.append(.make(id: "d\(i)", title: "doc \(i)", paragraphs: ["common words here\(extra)", "more common text \(i)"]))
        }
        let idx = SearchIndex(documents: docs, unit: .paragraph)
        let r = try idx.search("common marker", options: SearchOptions(limit: 100))
        #expect(Set(r.hits.map(\.documentId)) == Set(stride(from: 0, to: 600, by: 97).map { "d\($0)" }))
        #expect(try idx.search("common", options: SearchOptions(limit: 0)).total == 1200)
        #expect(try idx.search("\"common text\"", options: SearchOptions(limit: 0)).total == 600)
    }

    /// One-word queries skip blocks of postings that cannot reach the top hits; the result must equal
    /// exhaustive scoring (forced here through per-document grouping, which takes the general path).
    @Test func blockSkippingMatchesExhaustiveRanking() throws {
        var docs: [Document] = []
        for i in 0..<3000 {
            let tf = i % 37 == 0 ? 3 : (i % 11 == 0 ? 2 : 1)
            let filler = (0..<(5 + (i * 7) % 40)).map { "w\(($0 * 13 + i) % 97)" }.joined(separator: " ")
            let body = Array(repeating: "signal", count: tf).joined(separator: " ") + " " + filler
            docs.append(.make(id: "d\(i)", title: i % 500 == 0 ? "signal report" : "report \(i)", paragraphs: [body]))
        }
        let idx = SearchIndex(documents: docs, unit: .paragraph)
        let fast = try idx.search("signal", options: SearchOptions(limit: 20))
        let slow = try idx.search("signal", options: SearchOptions(limit: 20, maxHitsPerDocument: 5))
        #expect(fast.hits.map(\.documentId) == slow.hits.map(\.documentId))
        #expect(zip(fast.hits, slow.hits).allSatisfy { abs($0.score - $1.score) < 1e-9 })
        #expect(fast.total == 3000 && slow.total == 3000)
    }

    /// Long ORs (and prefixes with many expansions) use a windowed accumulator: same matches and
    /// scores as the merge, across window boundaries and when skipped through by a conjunction.
    @Test func manyAlternativesMatchTheUnion() throws {
        var docs: [Document] = []
        for i in 0..<5000 {
            docs.append(.make(id: "d\(i)", title: "t", paragraphs: ["alpha\(i % 12) beta\(i % 7) \(i % 3 == 0 ? "gamma" : "delta")"]))
        }
        let idx = SearchIndex(documents: docs, configuration: .init(titleBoost: 0, proximityWeight: 0), unit: .paragraph)
        let words = (0..<10).map { "alpha\($0)" }
        let expected = Set((0..<5000).filter { $0 % 12 < 10 }.map { "d\($0)" })
        let r = try idx.search(words.joined(separator: " OR "), options: SearchOptions(limit: 1000))
        #expect(r.total == expected.count)
        #expect(r.hits.count == 1000 && r.hits.allSatisfy { expected.contains($0.documentId) })
        let both = expected.filter { Int($0.dropFirst())! % 3 == 0 }
        let withAnd = try idx.search("gamma (" + words.joined(separator: " OR ") + ")", options: SearchOptions(limit: 1000))
        #expect(withAnd.total == both.count)
        #expect(withAnd.hits.allSatisfy { both.contains($0.documentId) })
        let paged = try idx.search("gamma (" + words.joined(separator: " OR ") + ")", options: SearchOptions(limit: 1000, offset: 1000))
        #expect(Set(withAnd.hits.map(\.documentId) + paged.hits.map(\.documentId)).count == withAnd.hits.count + paged.hits.count)
        let prefixed = try idx.search("alpha*", options: SearchOptions(limit: 10))
        #expect(prefixed.total == 5000)
        // Scores equal the single-term scores (one alternative matches per paragraph).
        let single = try idx.search("alpha3", options: SearchOptions(limit: 1))
        let inOr = try #require(r.hits.first { $0.documentId == single.hits[0].documentId })
        #expect(abs(inOr.score - single.hits[0].score) < 1e-9)
    }

    // MARK: Suggest

    @Test func suggestCompletesTermsAndMergesNames() {
        let s = index.suggest("proc")
        #expect(s.map(\.text).contains("processor"))
        #expect(s.allSatisfy { $0.kind == "term" })
        let names = [Suggestion(text: "Konstantin Dmitriev", kind: "entity", weight: 100, id: "person-dmitriev")]
        let merged = index.suggest("dmit", names: names)
        #expect(merged.first?.text == "Konstantin Dmitriev")
        #expect(merged.contains { $0.text == "dmitry" && $0.kind == "term" })
        #expect(index.suggest("the goal").map(\.text).contains("the goalkeeper"))
        #expect(index.suggest("").isEmpty)
    }
}

import Foundation
