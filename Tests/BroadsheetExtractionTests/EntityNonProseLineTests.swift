import BroadsheetCore
import Foundation
import Testing
@testable import BroadsheetExtraction

/// Lines that are not prose: headlines in capitals and kickers. Invented articles.
struct EntityNonProseLineTests {
    static func extract(_ text: String) -> DocumentEntities {
        EntityRecognizer().extract(EntityTestDocument.make(text))
    }

    /// A capitals headline names only what the story names: its common words are no entities.
    @Test func shoutedHeadlineWordsAreNotNames() {
        let r = Self.extract("""
            CHESS - OPEN TOURNAMENT STANDINGS AFTER ROUND FOUR .

            The leaders drew their games on Thursday and the standings did not change.
            """)
        #expect(r.entities.filter { $0.type != .money && $0.type != .percent }.map(\.name) == [])
    }

    /// A name in a capitals headline takes the story's spelling and joins the same entity.
    @Test func shoutedNameJoinsTheStorysSpelling() throws {
        let r = Self.extract("""
            SAILING - KESTREL YACHTING SIGN MACALLISTER FOR OCEAN RACE .

            Kestrel Yachting have signed skipper Ewan MacAllister for next year's ocean race, the team said on Monday.
            """)
        let skipper = try #require(r.entities.first { $0.name == "Ewan MacAllister" })
        #expect(skipper.type == .person)
        #expect(skipper.mentions.count == 2)
        #expect(skipper.mentions.first?.text == "MACALLISTER")
        #expect(!r.entities.contains { $0.name.localizedCaseInsensitiveContains("Sign") || $0.name.localizedCaseInsensitiveContains("Ocean Race") })
        #expect(r.entities.contains { $0.name == "Kestrel Yachting" && $0.mentions.count == 2 })
    }

    /// A known multi-word place written in capitals is that place.
    @Test func shoutedKnownPlaceIsThePlace() throws {
        let r = Self.extract("""
            ROWING - NEW ZEALAND CREW TAKE GOLD IN MUNICH .

            The crew won by two lengths on a calm lake.
            """)
        let place = try #require(r.entities.first { $0.name == "New Zealand" })
        #expect(place.type == .location)
        #expect(place.mentions.first?.text == "NEW ZEALAND")
        #expect(r.entities.contains { $0.name == "Munich" && $0.type == .location })
        #expect(!r.entities.contains { $0.name.localizedCaseInsensitiveContains("Crew") || $0.name.localizedCaseInsensitiveContains("Gold") })
    }

    /// Prose is untouched: a sentence with ordinary case is not re-cased.
    @Test func proseIsNotShouted() {
        let doc = EntityTestDocument.make("Lena Brandt joined the BBC and NASA in May.")
        let tk = EntityTokenizer.tokenize(doc, wordClasses: EntityLexicons.shared.wordClasses)
        #expect(ShoutedLines.shoutedSentences(tk.tokens).isEmpty)
    }

    /// A one-word line in capitals ("STANDINGS") and a kicker with a few capitalised words are shouted too.
    @Test func shortShoutedLines() {
        let r = Self.extract("""
            The tables did not change after the rain.

            STANDINGS

            The next round is on Sunday.

            PRESS REVIEW - Kenya - May 3
            """)
        #expect(r.entities.map(\.name) == ["Kenya"])
    }

    /// Religious and group adjectives are no entities ("Moslem leaders").
    @Test func groupAdjectivesAreNotEntities() {
        let r = Self.extract("Moslem leaders and Islamist groups met in the capital, where it was 30 degrees Celsius.")
        #expect(r.entities.filter { $0.type != .money && $0.type != .percent }.isEmpty)
    }

    /// A word the story capitalises only at the start of a sentence is no name in a capitals headline.
    @Test func sentenceInitialSpellingIsNoEvidence() {
        let r = Self.extract("""
            Results came in late on Sunday because of the rain.

            ROWING - RESULTS FROM THE COAST REGATTA .
            """)
        #expect(!r.entities.contains { $0.name.localizedCaseInsensitiveContains("Results") }, "\(r.entities.map(\.name))")
    }

    /// Row labels of tables and schedules are no names.
    @Test func tableLabelsAreNotNames() {
        let r = Self.extract("""
            The bakery chain reported its figures on Monday.

            Year to May 31 , 2024

            Turnover 1,200 1,050

            Played Friday :
            """)
        #expect(r.entities.filter { $0.type != .money && $0.type != .percent }.map(\.name) == [], "\(r.entities.map(\.name))")
    }

    /// A byline and a list of players are names, not a heading.
    @Test func bylinesAndRostersAreNames() {
        let r = Self.extract("""
            The coach named his squad for the autumn matches on Tuesday.

            Defenders - David Okoro , Maria Kessler , Thomas Berg

            Anna Lindqvist
            """)
        let people = Set(r.entities.filter { $0.type == .person }.map(\.name))
        #expect(people.isSuperset(of: ["David Okoro", "Maria Kessler", "Thomas Berg", "Anna Lindqvist"]), "\(people)")
    }
}
