import BroadsheetCore
import Foundation
import Testing
import TestSupport

@testable import BroadsheetSearch

/// The article as the unit of a hit: words anywhere in the article (title, dek, paragraphs), phrases
/// within one paragraph, passages, `unit: .paragraph`, removal, and the fast paths on article units.
@Suite(.offCooperativePool)
struct ArticleSearchTests {
    static let documents: [Document] = [
        .make(id: "golf", title: "Club championship", date: "2024-06-01", paragraphs: [
            "The final round began in the rain.",
            "Her swing was smooth under pressure, and the caddie said little.",
            "Later a knighted member, Sir Alan, presented the trophy.",
        ]),
        .make(id: "music", title: "Swing revival", date: "2024-07-02", paragraphs: [
            "Big bands are back in the dance halls of the city.",
            "Swing music fills the hall every Friday night.",
        ]),
        .make(id: "river", title: "Flood warning issued", date: "2024-08-03", paragraphs: [
            "The river rose overnight.",
            "Residents near the old mill were told to leave.",
        ]),
    ]

    static let index = SearchIndex(documents: documents)

    func ids(_ q: String, _ options: SearchOptions = SearchOptions(limit: 50)) throws -> [String] {
        try Self.index.search(q, options: options).hits.map(\.documentId)
    }

    @Test func wordsInDifferentParagraphsMatchTheArticle() throws {
        #expect(try ids("swing sir") == ["golf"])
        // One paragraph holds both words nowhere: the paragraph unit finds nothing.
        #expect(try ids("swing sir", SearchOptions(unit: .paragraph)).isEmpty)
        #expect(try ids("caddie trophy rain") == ["golf"])
    }

    @Test func titleAndDekWordsMatchTheArticle() throws {
        var doc = Document.make(id: "dek", title: "Harbour works", paragraphs: ["Cranes arrived on Monday."])
        doc.dek = "A quayside makeover begins"
        let index = SearchIndex(documents: Self.documents + [doc])
        #expect(try index.search("harbour cranes").hits.map(\.documentId) == ["dek"])
        #expect(try index.search("quayside").hits.map(\.documentId) == ["dek"])
        #expect(try index.search("championship caddie").hits.map(\.documentId) == ["golf"])
        // A title-only match still has a passage: the first paragraph, unmarked.
        let hit = try #require(try index.search("quayside").hits.first)
        #expect(hit.passages.map(\.paragraph) == [0])
        #expect(hit.passages[0].highlights.isEmpty)
    }

    @Test func phrasesDoNotCrossParagraphs() throws {
        // "little later" only spans paragraphs 1 and 2 of "golf", and "rain her" paragraphs 0 and 1.
        #expect(try ids("\"little later\"").isEmpty)
        #expect(try ids("\"rain her\"").isEmpty)
        // Title and first paragraph are fields apart too.
        #expect(try ids("\"championship the\"").isEmpty)
        #expect(try ids("\"swing music\"") == ["music"])
        #expect(try ids("\"swing was smooth\"") == ["golf"])
    }

    @Test func orExclusionPrefixTypoAndFiltersAtArticleLevel() throws {
        #expect(try ids("swing -caddie") == ["music"])
        #expect(try Set(ids("caddie OR mill")) == ["golf", "river"])
        #expect(try ids("knight* trophy") == ["golf"])
        let typo = try Self.index.search("caddei trophy")
        #expect(typo.hits.map(\.documentId) == ["golf"])
        #expect(typo.corrections == [SearchCorrection(from: "caddei", to: "caddie")])
        #expect(try ids("swing from:2024-07") == ["music"])
        #expect(try ids("swing document:golf") == ["golf"])
        // An exclusion anywhere in the article excludes it, even from another paragraph.
        #expect(try ids("rain -trophy").isEmpty)
    }

    @Test func passagesAreTheParagraphsHoldingTheMostQueryWords() throws {
        let text = Self.documents[0].text
        let results = try Self.index.search("swing caddie trophy", options: SearchOptions(passages: 3))
        let hit = try #require(results.hits.first)
        #expect(hit.documentId == "golf")
        #expect(hit.publishedAt == CivilDate(iso: "2024-06-01"))
        #expect(hit.passages.map(\.paragraph) == [1, 2])
        #expect(hit.passages[0].snippet.contains("<mark>swing</mark>") || hit.passages[0].snippet.contains("<mark>Swing</mark>"))
        #expect(hit.passages[0].snippet.contains("<mark>caddie</mark>"))
        for passage in hit.passages {
            for span in passage.highlights {
                let word = text.slice(span).lowercased()
                #expect(["swing", "caddie", "trophy"].contains(word), "\(word)")
            }
        }
        // The default is one passage; 0 gives none.
        #expect(try Self.index.search("swing caddie").hits[0].passages.count == 1)
        #expect(try Self.index.search("swing caddie", options: SearchOptions(passages: 0)).hits[0].passages.isEmpty)
        // Closer words win a tie on distinct words: "swing music" (adjacent) over a paragraph with both words apart.
        let close = SearchIndex(documents: [
            .make(id: "c", title: "x", paragraphs: ["swing one two three four five six seven music", "some swing music here"])
        ])
        #expect(try close.search("swing music").hits[0].passages.map(\.paragraph) == [1])
    }

    @Test func paragraphUnitKeepsParagraphSearch() throws {
        let hits = try Self.index.search("swing", options: SearchOptions(limit: 10, unit: .paragraph)).hits
        #expect(Set(hits.map { "\($0.documentId)#\($0.paragraph)" }) == ["golf#1", "music#1"])
        #expect(hits.allSatisfy { $0.passages.count == 1 && $0.passages[0].paragraph == $0.paragraph })
        // Without the paragraph engine, the article unit answers.
        let articlesOnly = SearchIndex(documents: Self.documents, configuration: .init(paragraphSearch: false))
        #expect(try articlesOnly.search("swing sir", options: SearchOptions(unit: .paragraph)).hits.map(\.documentId) == ["golf"])
    }

    @Test func articleScoresAreBM25OverTheArticle() throws {
        // One term, no title boost or proximity: BM25 over the article's words (title + paragraphs).
        let docs = [
            Document.make(id: "a", title: "x", paragraphs: ["apple banana", "apple"]),
            Document.make(id: "b", title: "x", paragraphs: ["banana cherry"]),
            Document.make(id: "c", title: "x", paragraphs: ["cherry date", "elder fig"]),
        ]
        let plain = SearchIndex(documents: docs, configuration: .init(titleBoost: 0, proximityWeight: 0))
        // N = 3 articles; lengths a: 1 + 3 = 4, b: 1 + 2 = 3, c: 1 + 4 = 5; average 4.
        // apple: df 1, idf ln(1 + 2.5/1.5); tf 2, dl 4: 2 × 2.2 / (2 + 1.2 × (0.25 + 0.75)) = 1.375.
        let apple = try plain.search("apple")
        #expect(abs(apple.hits[0].score - log(1 + 2.5 / 1.5) * 1.375) < 1e-9)
    }

    // MARK: Removal

    @Test func removedArticlesNeverAppear() throws {
        var index = Self.index
        let removed = [index.remove(documentId: "golf"), index.remove(documentId: "golf"), index.remove(documentId: "unknown")]
        #expect(removed == [true, false, false])
        #expect(index.documentCount == 2)
        #expect(try index.search("swing").hits.map(\.documentId) == ["music"])
        #expect(try index.search("swing", options: SearchOptions(unit: .paragraph)).hits.map(\.documentId) == ["music"])
        #expect(try index.search("document:golf").hits.isEmpty)
        #expect(try index.search("sir").total == 0)
        // Added again, it is found again; the original value never changed.
        index.add(Self.documents[0])
        #expect(try Set(index.search("swing").hits.map(\.documentId)) == ["golf", "music"])
        #expect(try ids("swing sir") == ["golf"])
    }

    /// A one-term search's total is the term's live count (kept as articles are tombstoned, dek words
    /// too), in both units, also after saving and opening.
    @Test func oneTermTotalsFollowRemovals() throws {
        var withDek = Document.make(id: "dek", title: "Harbour works", paragraphs: ["Cranes arrived.", "More cranes came."])
        withDek.dek = "A quayside makeover"
        var index = SearchIndex(documents: Self.documents + [withDek])
        #expect(try index.search("quayside").total == 1)
        #expect(try index.search("cranes").total == 1)
        #expect(try index.search("cranes", options: SearchOptions(unit: .paragraph)).total == 2)
        _ = index.remove(documentId: "dek")
        #expect(try index.search("quayside").total == 0)
        #expect(try index.search("cranes").total == 0)
        #expect(try index.search("cranes", options: SearchOptions(unit: .paragraph)).total == 0)
        #expect(try index.search("swing").total == 2)
        index.add(Self.documents[1])  // a replacement: the old copy's postings leave the count
        #expect(try index.search("swing").total == 2)
        #expect(try index.search("swing", options: SearchOptions(unit: .paragraph)).total == 2)
    }

    /// A model test: after random adds, replacements and removals, every query matches exactly the
    /// articles of an index built afresh from the live ones, before and after compaction.
    @Test(arguments: [SearchUnit.article, .paragraph])
    func addsReplacementsAndRemovalsMatchAFreshIndex(unit: SearchUnit) throws {
        var random = SplitMix64(seed: 99)
        var live: [String: Document] = [:]
        var order: [String] = []
        var index = SearchIndex(documents: [], configuration: .init(paragraphSearch: false), unit: unit)
        let pool = FastPathTests.corpus(documents: 900, seed: 31)
        for step in 0..<1500 {
            let r = Int(random.next() % 10)
            if r < 6 {
                var d = pool[Int(random.next() % UInt64(pool.count))]
                d.id = "d\(random.next() % 400)"
                index.add(d)
                if live[d.id] == nil { order.append(d.id) }
                live[d.id] = d
            } else if let victim = order.isEmpty ? nil : order[Int(random.next() % UInt64(order.count))] {
                let removed = index.remove(documentId: victim)
                #expect(removed)
                live[victim] = nil
                order.removeAll { $0 == victim }
            }
            if step == 700 { index.compact() }
        }
        #expect(index.documentCount == live.count)
        let fresh = SearchIndex(documents: order.map { live[$0]! }, configuration: .init(paragraphSearch: false), unit: unit)
        for _ in 0..<2 {
            for q in FastPathTests.queries {
                let got = try index.search(q, options: SearchOptions(limit: 1000, includeSnippets: false))
                let want = try fresh.search(q, options: SearchOptions(limit: 1000, includeSnippets: false))
                #expect(got.total == want.total, "\(q)")
                #expect(Set(got.hits.map { "\($0.documentId)#\($0.paragraph)" }) == Set(want.hits.map { "\($0.documentId)#\($0.paragraph)" }), "\(q)")
            }
            // The fast paths (on despite the tombstones) answer as the general evaluation does.
            try FastPathTests.expectSameAsGeneral(index)
            index.compact()
        }
    }

    // MARK: Fast paths on article units

    @Test func fastPathsMatchGeneralEvaluationOnArticles() throws {
        let index = SearchIndex(documents: FastPathTests.corpus(documents: 3000, seed: 7), configuration: .init(paragraphSearch: false))
        try FastPathTests.expectSameAsGeneral(index)
        var grown = index
        for d in FastPathTests.corpus(documents: 300, seed: 12, firstId: 3000) { grown.add(d) }
        try FastPathTests.expectSameAsGeneral(grown)
        grown.compact()
        try FastPathTests.expectSameAsGeneral(grown)
        // After removals the fast paths pass over the tombstoned articles: still the general answers.
        for k in stride(from: 0, to: 3000, by: 7) { _ = grown.remove(documentId: "g\(k)") }
        try FastPathTests.expectSameAsGeneral(grown)
    }
}

/// A misspelling whose stem happens to match a rare word is read as the far more frequent word
/// within typo reach, and the correction is listed.
@Suite(.offCooperativePool)
struct TypoOverStemTests {
    static let documents: [Document] =
        (0..<30).map { .make(id: "gov\($0)", title: "Budget news \($0)", paragraphs: ["The government announced a budget on day \($0)."]) }
        + [.make(id: "nanny", title: "Household staff", paragraphs: ["The governess taught the children French."])]

    @Test(arguments: [SearchUnit.article, .paragraph])
    func misspellingSharingARareStemIsCorrected(unit: SearchUnit) throws {
        let index = SearchIndex(documents: Self.documents, unit: unit)
        // `goverment` and `governess` both stem to `gover`; `government` is in 30 articles.
        let r = try index.search("goverment", options: SearchOptions(limit: 50))
        #expect(r.corrections == [SearchCorrection(from: "goverment", to: "government")])
        #expect(r.total == 30)
        #expect(!r.hits.contains { $0.documentId == "nanny" })
        // The rare word typed as it is written is not corrected.
        let exact = try index.search("governess")
        #expect(exact.corrections.isEmpty)
        #expect(exact.hits.map(\.documentId) == ["nanny"])
        // Without typo tolerance the stem match stands.
        #expect(try index.search("goverment", options: SearchOptions(typoTolerance: false)).hits.map(\.documentId) == ["nanny"])
    }

    @Test func comparablyFrequentWordsDoNotOverrideTheStem() throws {
        // `governess` in 5 articles, `government` in 30: fewer than ten times as many, the stem stands.
        let docs = Self.documents + (0..<4).map { .make(id: "n\($0)", title: "x", paragraphs: ["A governess arrived."]) }
        let index = SearchIndex(documents: docs, unit: .article)
        let r = try index.search("goverment", options: SearchOptions(limit: 50))
        #expect(r.corrections.isEmpty)
        #expect(r.total == 5)
    }
}
