import BroadsheetCore
import BroadsheetExtraction
import Testing

/// The seed article (a Wall Street Journal feature) with a hand-built entity list: every quotation
/// found, every named speaker right, no anonymous quote given to a named person, the island name a term.
struct QuoteSeedTests {
    static let gazetteer = QuoteTestGazetteer()
        .person("Steve Witkoff", "Witkoff", described: ["special envoy"])
        .person("Kirill Dmitriev", "Dmitriev")
        .person("Jared Kushner", "Kushner")
        .person("Donald Trump", "Trump", "President Trump")
        .person("Donald Trump Jr.", "Trump Jr.")
        .person("Vladimir Putin", "Putin")
        .person("Elon Musk", "Musk")
        .person("Donald Tusk", "Tusk")
        .person("Gennady Timchenko", "Timchenko")
        .person("Yuri Kovalchuk", "Kovalchuk")
        .person("Boris Rotenberg")
        .person("Arkady Rotenberg")
        .person("Gentry Beach", "Beach")
        .person("Stephen P. Lynch", "Lynch")
        .person("Anna Kelly", "Kelly")
        .person("Rustem Umerov", "Umerov")
        .person("Volodymyr Zelensky", "Zelensky")
        .person("JD Vance", "Vance")
        .person("Marco Rubio", "Rubio")
        .person("Keith Kellogg", "Kellogg")
        .person("Scott Bessent", "Bessent")
        .person("Neil Chapman", "Chapman")
        .person("Igor Sechin", "Sechin")
        .person("Todd Boehly", "Boehly")
        .person("Ches McDowell", "McDowell")
        .person("Dmitry Bakanov", "Bakanov")
        .person("Yuri Ushakov", "Ushakov")
        .person("Sergei Lavrov", "Lavrov")
        .org("Treasury Department", "Treasury")
        .org("White House")
        .org("The Wall Street Journal", "the Journal", "Journal")
        .org("State Department")
        .org("Central Intelligence Agency", "CIA")
        .org("Exxon Mobil", "Exxon")
        .org("Rosneft")
        .org("Lukoil")
        .org("Novatek")
        .org("SpaceX")
        .org("Boeing")
        .org("NASA")
        .org("Roscosmos")
        .org("Sovereign Wealth Fund")
        .org("Goldman Sachs")
        .org("Affinity Partners")
        .org("Elliott Investment Management")
        .org("America First Global")
        .org("Kremlin")
        .place("Russia")
        .place("Ukraine")
        .place("U.S.", "U.S", "America", "United States")
        .place("Europe")
        .place("Miami Beach", "Miami")
        .place("Moscow")
        .place("Washington")
        .place("Poland")
        .place("Kyiv")

    static let expected: [ExpectedQuote] = [
        .init(prefix: "Billionaire Bunker", kind: .term, speaker: nil),
        .init(prefix: "Russia has so many vast resources", kind: .direct, speaker: "Steve Witkoff"),
        .init(prefix: "If we do all that", kind: .direct, speaker: "Steve Witkoff"),
        .init(prefix: "We know this is not about peace", kind: .direct, speaker: "Donald Tusk"),
        .init(prefix: "talked a lot of trash", kind: .partial, speaker: nil, speakerText: "one of these people"),
        .init(
            prefix: "It’s Trump’s ‘Art of the Deal’", kind: .direct, speaker: nil, speakerText: "one of these people"),
        .init(prefix: "Ukrainians have fought heroically", kind: .direct, speaker: "Steve Witkoff"),
        .init(prefix: "It is now time to consolidate", kind: .direct, speaker: "Steve Witkoff", speakerText: "he"),
        .init(prefix: "The Trump administration has gathered", kind: .direct, speaker: "Anna Kelly"),
        .init(prefix: "As the President said", kind: .direct, speaker: "Anna Kelly"),
        .init(prefix: "done a lot of new, important things", kind: .partial, speaker: nil),
        .init(prefix: "geopolitical and military realities", kind: .partial, speaker: nil),
        .init(
            prefix: "slush fund for Vladimir Putin", kind: .partial, speaker: "Treasury Department", speakerText: "it"),
        .init(prefix: "We can transition investment trust", kind: .direct, speaker: "Kirill Dmitriev"),
        .init(prefix: "We believe that the U.S. and Russia", kind: .direct, speaker: "Kirill Dmitriev"),
        .init(prefix: "If a solution is found in Ukraine", kind: .direct, speaker: "Kirill Dmitriev"),
        .init(prefix: "strongly benefit any company", kind: .partial, speaker: "Gentry Beach"),
        .init(prefix: "actively seeks investment opportunities", kind: .partial, speaker: "Gentry Beach"),
        .init(prefix: "has never worked with Steve", kind: .partial, speaker: "Gentry Beach"),
        .init(prefix: "extremely grateful", kind: .partial, speaker: "Gentry Beach"),
        .init(prefix: "We believe Steve Witkoff and the Trump team", kind: .direct, speaker: "Kirill Dmitriev"),
        .init(prefix: "Everyone was working hard", kind: .direct, speaker: "Steve Witkoff"),
        .init(prefix: "I’m in the deal settlement business", kind: .direct, speaker: "Steve Witkoff"),
        .init(prefix: "We keep on knocking at the door", kind: .direct, speaker: "Steve Witkoff"),
    ]

    @Test func everyQuotationFoundAndAttributed() throws {
        let document = try QuoteTestDocument.parse(try QuoteTestFixture.seed(), source: "000_ee080ed0b85908a5.txt")
        let entities = Self.gazetteer.entities(for: document)
        let quotes = QuoteExtractor().extract(document, entities: entities)
        let problems = QuoteTestFixture.mismatches(quotes, Self.expected, entities: entities)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func anonymousSourcesNeverGetANamedSpeaker() throws {
        let document = try QuoteTestDocument.parse(try QuoteTestFixture.seed(), source: "000_ee080ed0b85908a5.txt")
        let entities = Self.gazetteer.entities(for: document)
        let quotes = QuoteExtractor().extract(document, entities: entities)
        let anonymous = quotes.filter { q in
            let words = (q.speakerText ?? "").lowercased().split(separator: " ")
            return words.contains("people") || words.contains("official") || words.contains("person")
        }
        #expect(anonymous.count >= 4)
        #expect(anonymous.allSatisfy { $0.speaker == nil })
    }

    @Test func spansAreExactAndTermsHaveNoSpeaker() throws {
        let document = try QuoteTestDocument.parse(try QuoteTestFixture.seed(), source: "000_ee080ed0b85908a5.txt")
        let quotes = QuoteExtractor().extract(document, entities: Self.gazetteer.entities(for: document))
        for q in quotes {
            #expect(String(document.text(of: q.textSpan)) == q.text)
            #expect(q.span.contains(q.textSpan))
            #expect(document.paragraphIndex(containing: q.textSpan.start) == q.paragraph)
            if q.kind == .term { #expect(q.speaker == nil && q.speakerText == nil) }
        }
    }
}
