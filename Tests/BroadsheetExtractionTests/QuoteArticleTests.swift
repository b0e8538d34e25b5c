import BroadsheetCore
import BroadsheetExtraction
import Testing

/// Whole articles of our own (other topics, outlets and conventions than the seed), parsed by the
/// core parser, with a hand-built entity list and every expected quotation, kind and speaker.
struct ArticleCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var gazetteer: QuoteTestGazetteer
    var expected: [ExpectedQuote]
    var testDescription: String { fixture }
}

extension QuoteTestGazetteer: @unchecked Sendable {}

struct QuoteArticleTests {
    static let cases: [ArticleCase] = [
        ArticleCase(
            fixture: "quotes-sports",
            gazetteer: QuoteTestGazetteer()
                .person("Marco Bellini", "Bellini").person("Sofia Navarro", "Navarro").person("Kwame Mensah", "Mensah")
                .person("Lena Fischer", "Fischer").person("Derek Walsh", "Walsh")
                .org("Harbor City").org("Riverside United", "Riverside"),
            expected: [
                .init(prefix: "We were robbed", kind: .direct, speaker: "Marco Bellini"),
                .init(prefix: "The referee decided", kind: .direct, speaker: "Marco Bellini"),
                .init(prefix: "done everything right", kind: .partial, speaker: "Marco Bellini"),
                .init(prefix: "It was a clear foul", kind: .direct, speaker: "Sofia Navarro", speakerText: "she"),
                .init(prefix: "We kept pushing", kind: .direct, speaker: "Sofia Navarro"),
                .init(prefix: "the Wall", kind: .term, speaker: nil),
                .init(prefix: "Some people need", kind: .direct, speaker: "Kwame Mensah"),
                .init(prefix: "I should have stopped it", kind: .direct, speaker: "Lena Fischer", speakerText: "she"),
                .init(prefix: "I will carry that one", kind: .direct, speaker: "Lena Fischer"),
                .init(prefix: "But we will be back", kind: .direct, speaker: "Lena Fischer"),
                .init(prefix: "Proud of this team", kind: .direct, speaker: "Derek Walsh"),
                .init(
                    prefix: "We take all complaints", kind: .direct, speaker: nil, speakerText: "a league spokesperson"),
                .init(prefix: "What is the point?", kind: .direct, speaker: "Marco Bellini", speakerText: "he"),
                .init(prefix: "Nothing will change.", kind: .direct, speaker: "Marco Bellini"),
            ]),
        ArticleCase(
            fixture: "quotes-court",
            gazetteer: QuoteTestGazetteer()
                .person("Helen Marsh", "Marsh", described: ["judge"]).person("Gregory Tate", "Tate")
                .person("Rachel Odom", "Odom").person("Daniel Kim", "Kim").person("Alice Moreno", "Moreno")
                .place("Springfield"),
            expected: [
                .init(prefix: "a profound betrayal", kind: .partial, speaker: "Helen Marsh"),
                .init(prefix: "You took money", kind: .direct, speaker: "Helen Marsh", speakerText: "the judge"),
                .init(prefix: "Mr. Tate has accepted", kind: .direct, speaker: "Rachel Odom"),
                .init(prefix: "He is ashamed", kind: .direct, speaker: "Rachel Odom"),
                .init(prefix: "Stealing from a church", kind: .direct, speaker: "Daniel Kim", speakerText: "he"),
                .init(prefix: "We forgave him", kind: .direct, speaker: nil, speakerText: "one parishioner"),
                .init(prefix: "shaken to its foundations", kind: .partial, speaker: "Alice Moreno"),
                .init(prefix: "genuine remorse", kind: .partial, speaker: "Helen Marsh"),
                .init(prefix: "new safeguards", kind: .partial, speaker: nil),
            ]),
        ArticleCase(
            fixture: "quotes-tech",
            gazetteer: QuoteTestGazetteer()
                .org("Lumen Technologies", "Lumen").org("Crestview Research")
                .person("Ravi Menon", "Menon").person("Priya Raman", "Raman").person("Marcus Lee", "Lee")
                .place("San Jose"),
            expected: [
                .init(prefix: "Lumen Fold", kind: .term, speaker: nil),
                .init(prefix: "This is the most ambitious", kind: .direct, speaker: "Ravi Menon"),
                .init(prefix: "more than 300,000 times", kind: .partial, speaker: "Ravi Menon"),
                .init(prefix: "Folding phones remain", kind: .direct, speaker: "Priya Raman"),
                .init(prefix: "will scare off most buyers", kind: .partial, speaker: "Priya Raman", speakerText: "She"),
                .init(
                    prefix: "exceeded expectations", kind: .partial, speaker: "Lumen Technologies",
                    speakerText: "The company"),
                .init(prefix: "Finally!", kind: .direct, speaker: nil, speakerText: "one user"),
                .init(prefix: "I have been waiting", kind: .direct, speaker: "Marcus Lee"),
                .init(prefix: "the most private mobile software", kind: .partial, speaker: "Lumen Technologies"),
            ]),
        ArticleCase(
            fixture: "quotes-council",
            gazetteer: QuoteTestGazetteer()
                .org("Millbrook Town Council").person("Linda Park", "Park").person("James Okafor", "Okafor")
                .person("Rosa Delgado", "Delgado").person("Amy Chen", "Chen").person("Robert Hale", "Hale"),
            expected: [
                .init(prefix: "We are not going to rush this", kind: .direct, speaker: "Linda Park"),
                .init(prefix: "People deserve to be heard", kind: .direct, speaker: "Linda Park"),
                .init(prefix: "hundreds of thousands of dollars", kind: .partial, speaker: "James Okafor"),
                .init(prefix: "Every other town", kind: .direct, speaker: "James Okafor", speakerText: "he"),
                .init(prefix: "We are subsidizing", kind: .direct, speaker: "James Okafor"),
                .init(prefix: "tax on shopping", kind: .partial, speaker: nil, speakerText: "one"),
                .init(prefix: "This will kill small businesses", kind: .direct, speaker: "Rosa Delgado"),
                .init(prefix: "Parking is always full", kind: .direct, speaker: nil, speakerText: "one resident"),
                .init(prefix: "If it costs a little", kind: .direct, speaker: nil, speakerText: "one resident"),
                .init(prefix: "Enough is enough", kind: .direct, speaker: "Amy Chen"),
                .init(prefix: "dark sky", kind: .term, speaker: nil),
            ]),
        ArticleCase(
            fixture: "quotes-interview",
            gazetteer: QuoteTestGazetteer().person("Nadia Haddad", "Haddad").place("Lisbon").place("Portugal"),
            expected: [
                .init(prefix: "When did you know", kind: .direct, speaker: nil, speakerText: "Q"),
                .init(prefix: "Honestly, I never planned", kind: .direct, speaker: "Nadia Haddad", speakerText: "A"),
                .init(prefix: "What was the hardest", kind: .direct, speaker: nil, speakerText: "Q"),
                .init(prefix: "The first winter", kind: .direct, speaker: "Nadia Haddad"),
                .init(prefix: "Some nights we served", kind: .direct, speaker: "Nadia Haddad"),
                .init(prefix: "What comes next", kind: .direct, speaker: nil),
                .init(prefix: "A fifth restaurant", kind: .direct, speaker: "Nadia Haddad"),
                .init(prefix: "Salt and Smoke", kind: .term, speaker: nil),
            ]),
        ArticleCase(
            fixture: "quotes-obituary",
            gazetteer: QuoteTestGazetteer()
                .person("Walter Brennan", "Brennan").person("Margaret Brennan Cole", "Cole").person("Thomas Brennan")
                .person("Samuel Ortiz", "Ortiz").org("Eastfield High School").org("Maple Falls Gazette").org("Navy")
                .place("Maple Falls").place("Boston"),
            expected: [
                .init(prefix: "Doc,", kind: .term, speaker: nil),
                .init(
                    prefix: "He was telling jokes", kind: .direct, speaker: "Margaret Brennan Cole", speakerText: "she"),
                .init(prefix: "My father believed", kind: .direct, speaker: "Margaret Brennan Cole"),
                .init(prefix: "Doc Brennan is the reason", kind: .direct, speaker: "Samuel Ortiz"),
                .init(prefix: "the only job where", kind: .partial, speaker: "Walter Brennan"),
                .init(prefix: "I have never worked", kind: .direct, speaker: "Walter Brennan", speakerText: "he"),
                .init(prefix: "There are boxes", kind: .direct, speaker: "Thomas Brennan", speakerText: "he"),
                .init(prefix: "Thousands.", kind: .direct, speaker: "Thomas Brennan"),
            ]),
        ArticleCase(
            fixture: "quotes-transcript",
            gazetteer: QuoteTestGazetteer()
                .person("Elena Ruiz", "Ruiz").person("Samuel Adeyemi", "Adeyemi").place("Portvale").place("Lakeshore"),
            expected: [
                .init(prefix: "Rents in Portvale", kind: .direct, speaker: "Elena Ruiz", speakerText: "Elena Ruiz"),
                .init(prefix: "I agree on the diagnosis", kind: .direct, speaker: "Samuel Adeyemi"),
                .init(prefix: "Nobody is saying", kind: .direct, speaker: "Elena Ruiz"),
                .init(prefix: "And then landlords", kind: .direct, speaker: "Samuel Adeyemi"),
            ]),
        ArticleCase(
            fixture: "quotes-business",
            gazetteer: QuoteTestGazetteer()
                .org("Brightwater Foods", "Brightwater").org("Food Workers Union")
                .person("Hannah Vogel", "Vogel").person("Rob Kearney", "Kearney").person("Claire")
                .place("London").place("Dunmore").place("Keswick"),
            expected: [
                .init(prefix: "This is a painful decision", kind: .direct, speaker: "Hannah Vogel"),
                .init(prefix: "We have to adapt", kind: .direct, speaker: "Hannah Vogel"),
                .init(prefix: "They are punishing workers for management's", kind: .direct, speaker: "Rob Kearney"),
                .init(prefix: "fight every single job cut", kind: .partial, speaker: "Rob Kearney"),
                .init(prefix: "years of bad bets.", kind: .partial, speaker: "Rob Kearney"),
                .init(prefix: "Frozen food has been", kind: .direct, speaker: nil, speakerText: "one analyst"),
                .init(prefix: "Brightwater was late", kind: .direct, speaker: nil, speakerText: "one analyst"),
                .init(prefix: "We found out from the news", kind: .direct, speaker: "Claire"),
                .init(prefix: "I have worked there", kind: .direct, speaker: "Claire"),
                .init(
                    prefix: "We will support every colleague", kind: .direct, speaker: "Brightwater Foods",
                    speakerText: "it"),
                .init(prefix: "Frozen Giant", kind: .term, speaker: nil),
            ]),
        ArticleCase(
            fixture: "quotes-politics",
            gazetteer: QuoteTestGazetteer()
                .person("Maria Delgado", "Delgado").person("Tom Whitaker", "Whitaker").person("Eric Dunn", "Dunn")
                .person("Rebecca Lowe", "Lowe").person("Luis Ortega", "Ortega")
                .org("White House").org("Senate").org("Frontera Voices").org("Capitol")
                .place("New Mexico").place("Ohio"),
            expected: [
                .init(prefix: "We were close", kind: .direct, speaker: "Maria Delgado"),
                .init(prefix: "But close doesn't count", kind: .direct, speaker: "Maria Delgado"),
                .init(prefix: "moved the goalposts", kind: .partial, speaker: "Tom Whitaker", speakerText: "he"),
                .init(prefix: "The president has been clear", kind: .direct, speaker: "Eric Dunn"),
                .init(prefix: "Nothing has changed", kind: .direct, speaker: "Eric Dunn"),
                .init(prefix: "It came down to money", kind: .direct, speaker: nil, speakerText: "one of them"),
                .init(prefix: "I never say never", kind: .direct, speaker: "Maria Delgado", speakerText: "she"),
                .init(prefix: "But I'm not holding my breath", kind: .direct, speaker: "Maria Delgado"),
                .init(prefix: "wasted months", kind: .partial, speaker: "Rebecca Lowe"),
                .init(prefix: "stop the theater", kind: .partial, speaker: "Rebecca Lowe"),
                .init(prefix: "Deals die and come back", kind: .direct, speaker: "Tom Whitaker", speakerText: "he"),
                .init(prefix: "a betrayal", kind: .partial, speaker: nil, speakerText: "Activists"),
                .init(prefix: "We are not going away", kind: .direct, speaker: "Luis Ortega"),
            ]),
        ArticleCase(
            fixture: "quotes-british",
            gazetteer: QuoteTestGazetteer()
                .person("Margaret Ellis", "Ellis").person("Tom Hughes", "Hughes").person("Priya Shah", "Shah")
                .org("Castleford Ales").org("Red Lion").place("Little Hadley"),
            expected: [
                .init(prefix: "It’s the heart of the village", kind: .direct, speaker: "Margaret Ellis"),
                .init(prefix: "When it shut", kind: .direct, speaker: "Margaret Ellis"),
                .init(prefix: "nothing short of a miracle", kind: .partial, speaker: "Tom Hughes"),
                .init(prefix: "We had bake sales", kind: .direct, speaker: "Tom Hughes", speakerText: "he"),
                .init(prefix: "Someone even shaved", kind: .direct, speaker: "Tom Hughes"),
                .init(prefix: "delighted", kind: .partial, speaker: "Castleford Ales"),
                .init(
                    prefix: "no longer commercially viable", kind: .partial, speaker: "Castleford Ales",
                    speakerText: "it"),
                .init(prefix: "a bit cliquey", kind: .partial, speaker: nil, speakerText: "One resident"),
                .init(prefix: "I can’t wait to get started", kind: .direct, speaker: "Priya Shah"),
            ]),
    ]

    @Test(arguments: cases)
    func article(_ c: ArticleCase) throws {
        let document = try QuoteTestDocument.parse(try QuoteTestFixture.load(c.fixture), source: c.fixture + ".txt")
        let entities = c.gazetteer.entities(for: document)
        let quotes = QuoteExtractor().extract(document, entities: entities)
        let problems = QuoteTestFixture.mismatches(quotes, c.expected, entities: entities)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        for q in quotes {
            #expect(String(document.text(of: q.textSpan)) == q.text)
            if let c = q.continues { #expect(c < quotes.count && quotes[c].speaker == q.speaker) }
        }
    }

    @Test func continuedQuoteIsLinked() throws {
        let document = try QuoteTestDocument.parse(
            try QuoteTestFixture.load("quotes-sports"), source: "quotes-sports.txt")
        let quotes = QuoteExtractor().extract(
            document, entities: DocumentEntities(documentId: document.id, entities: []))
        let last = try #require(quotes.firstIndex { $0.text.hasPrefix("But we will be back") })
        #expect(quotes[last].continues == last - 1)
        #expect(quotes[last - 1].paragraph == quotes[last].paragraph - 1)
    }

    @Test func headlineQuotesAreNotInTheText() throws {
        let document = try QuoteTestDocument.parse(
            try QuoteTestFixture.load("quotes-interview"), source: "quotes-interview.txt")
        #expect(document.title.contains("never planned"))
        let quotes = QuoteExtractor().extract(
            document, entities: DocumentEntities(documentId: document.id, entities: []))
        #expect(quotes.allSatisfy { $0.span.end <= document.text.utf16.count })
    }
}
