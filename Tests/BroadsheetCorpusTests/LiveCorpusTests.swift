import BroadsheetCollections
import BroadsheetCore
import BroadsheetCorpus
import BroadsheetExtraction
import BroadsheetSearch
import Foundation
import Testing

@Suite struct LiveCorpusTests {
    @Test func aWriteIsStoredServedAndIdempotent() throws {
        let (corpus, _, _) = try CorpusFixtures.corpus()
        let created = try corpus.write([CorpusFixtures.ferry], mode: .create)[0]
        #expect(created.status == .created)
        #expect(corpus.waitUntilPublished(created.generation, timeout: 10))
        let snapshot = try #require(corpus.service.snapshot)
        #expect(snapshot.document(id: created.id) != nil)
        #expect(try snapshot.search.search("ferry", options: SearchOptions(limit: 5)).hits.map(\.documentId) == [created.id])
        #expect(snapshot.entities.entities.contains { $0.name == "Mira Osei" })

        let again = try corpus.write([CorpusFixtures.ferry], mode: .create)[0]
        #expect(again.status == .unchanged)
        #expect(again.id == created.id)
        #expect(corpus.counts.articles == 1)
    }

    @Test func anExplicitIdWithOtherContentConflictsAndPutReplaces() throws {
        let (corpus, store, _) = try CorpusFixtures.corpus()
        let first = CorpusFixtures.submission(title: "Bridge reopens", body: "The old bridge reopened on Monday.", id: "bridge")
        let other = CorpusFixtures.submission(title: "Bridge stays shut", body: "Engineers kept the bridge shut.", id: "bridge")
        #expect(try corpus.write([first], mode: .create)[0].status == .created)
        #expect(try corpus.write([other], mode: .create)[0].status == .conflict)
        #expect(try store.article(id: "bridge")?.entry.document.title == "Bridge reopens")

        let replaced = try corpus.write([other], mode: .replace(id: "bridge"))[0]
        #expect(replaced.status == .replaced)
        #expect(corpus.waitUntilPublished(replaced.generation, timeout: 10))
        let snapshot = try #require(corpus.service.snapshot)
        #expect(snapshot.document(id: "bridge")?.document.title == "Bridge stays shut")
        #expect(try snapshot.search.search("reopened", options: SearchOptions(limit: 5)).hits.isEmpty)
        #expect(try corpus.write([other], mode: .replace(id: "bridge"))[0].status == .unchanged)
        #expect(try corpus.write([first], mode: .replace(id: "fresh"))[0].status == .created)
    }

    @Test func aSameTitleWithoutIdGetsARecordedSuffix() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        let a = CorpusFixtures.submission(title: "Council meets", body: "The council met on Monday about parking.")
        let b = CorpusFixtures.submission(title: "Council meets", body: "The council met on Thursday about schools.")
        let results = try corpus.write([a, b], mode: .create)
        #expect(results.map(\.id) == ["council-meets", "council-meets-2"])
        // The suffix is kept: after a restart the ids are the same, whatever order rows come back in.
        let reopened = LiveCorpus(
            store: try SQLiteArticleStore(path: folder + "/broadsheet.sqlite"), service: CorpusService(), root: folder)
        try reopened.open()
        reopened.publish()
        let snapshot = try #require(reopened.service.snapshot)
        #expect(snapshot.document(id: "council-meets-2")?.document.text.contains("schools") == true)
        #expect(snapshot.document(id: "council-meets")?.document.text.contains("parking") == true)
        #expect(try reopened.write([b], mode: .create)[0] == LiveCorpus.WriteResult(id: "council-meets-2", status: .unchanged, generation: results[1].generation))
    }

    @Test func aDeleteRemovesEveryTrace() throws {
        let (corpus, _, _) = try CorpusFixtures.corpus()
        let results = try corpus.write([CorpusFixtures.ferry, CorpusFixtures.orchard], mode: .create)
        let generation = try #require(try corpus.delete(id: results[1].id))
        #expect(try corpus.delete(id: "no-such-article") == nil)
        #expect(corpus.waitUntilPublished(generation, timeout: 10))
        let snapshot = try #require(corpus.service.snapshot)
        #expect(snapshot.document(id: results[1].id) == nil)
        #expect(try snapshot.search.search("frost", options: SearchOptions(limit: 5)).hits.isEmpty)
        #expect(!snapshot.quotes.contains { $0.documentId == results[1].id })
        #expect(!snapshot.entities.entities.contains { $0.name == "Tomas Brandt" })
        #expect(snapshot.document(id: results[0].id) != nil)
    }

    @Test func aRestartServesEverythingWithoutExtracting() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        let results = try corpus.write([CorpusFixtures.ferry, CorpusFixtures.orchard], mode: .create)
        corpus.waitUntilPublished(results[1].generation, timeout: 10)
        let before = try #require(corpus.service.snapshot)

        let reopened = LiveCorpus(
            store: try SQLiteArticleStore(path: folder + "/broadsheet.sqlite"), service: CorpusService(), root: folder)
        try reopened.open()
        reopened.publish()
        let after = try #require(reopened.service.snapshot)
        #expect(after.generation >= before.generation)
        #expect(after.documents == before.documents)
        #expect(after.extractions == before.extractions)
        #expect(after.entities.entities.map(\.id) == before.entities.entities.map(\.id))
        #expect(after.quotes.map(\.id) == before.quotes.map(\.id))
        #expect(reopened.counts.pendingWrites == 0)
    }

    @Test func manyWritersLoseNothing() async throws {
        let (corpus, _, _) = try CorpusFixtures.corpus()
        let submissions = (0..<40).map { i in
            CorpusFixtures.submission(title: "Market report \(i)", body: "Stall \(i) sold pears and plums on market day number \(i).")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: 40, by: 5) {
                let part = Array(submissions[chunk..<chunk + 5])
                group.addTask { _ = try corpus.write(part, mode: .create) }
                group.addTask {
                    // Readers meanwhile: a snapshot's documents and its index always agree.
                    if let snapshot = corpus.service.snapshot {
                        let hits = try snapshot.search.search("pears", options: SearchOptions(limit: 100)).hits
                        #expect(hits.allSatisfy { snapshot.document(id: $0.documentId) != nil })
                    }
                }
            }
            try await group.waitForAll()
        }
        let counts = corpus.counts
        #expect(counts.articles == 40)
        #expect(corpus.waitUntilPublished(counts.generation, timeout: 20))
        let snapshot = try #require(corpus.service.snapshot)
        #expect(snapshot.documents.count == 40)
        #expect(try snapshot.search.search("pears", options: SearchOptions(limit: 100)).total == 40)
    }
}

@Suite struct TextMatchTests {
    @Test func asciiWordsAgreeWithTheFoldedSplit() {
        for text in ["He said: \"We'll WIN 3-1,\" at 10:45.", "  ", "", "x", "Dr. O'Neil-Smith (aged 44)", "tab\tand\nnewline"] {
            let slow = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            #expect(TextMatch.words(text) == slow, "\(text)")
        }
        #expect(TextMatch.words("Zürich Café") == ["zurich", "cafe"])
    }

    /// The rule the folded text implements, written plainly: every query word starts some word.
    static func wordPrefixRule(_ query: [String], _ words: [String]) -> Bool {
        query.allSatisfy { q in words.contains { $0.hasPrefix(q) } }
    }

    @Test func foldedTextMatchesWordPrefixesAsTheWordListDoes() {
        let texts = ["We will rebuild the harbour by spring.", "Zürich's café reopened", "", "3-1 at 10:45", "a b c"]
        let queries = ["harb", "Spring we", "rebuilt", "zur CAFÉ", "cafe reopen", "afe", "10 45", "3-1", "a c", "b d", "", "ild"]
        for text in texts {
            let folded = TextMatch.FoldedText(TextMatch.words(text))
            for q in queries {
                let expected = Self.wordPrefixRule(TextMatch.words(q), TextMatch.words(text))
                #expect(folded.matches(TextMatch.Query(q)) == expected, "\(q) in \(text)")
            }
        }
        // A word inside another word is not a prefix match; a whole later word is.
        let folded = TextMatch.FoldedText(TextMatch.words("the shipyard strike"))
        #expect(!folded.matches(TextMatch.Query("yard")))
        #expect(folded.matches(TextMatch.Query("strike ship")))
    }

    @Test func theSignatureNeverRulesOutAMatch() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcdefgh")
        func word() -> String { String((0..<Int.random(in: 1...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
        for _ in 0..<2_000 {
            let words = (0..<Int.random(in: 0...12, using: &rng)).map { _ in word() }
            let query = (0..<Int.random(in: 1...3, using: &rng)).map { _ in word() }.joined(separator: " ")
            let expected = Self.wordPrefixRule(TextMatch.words(query), words)
            #expect(TextMatch.FoldedText(words).matches(TextMatch.Query(query)) == expected, "\(query) in \(words)")
        }
    }
}
