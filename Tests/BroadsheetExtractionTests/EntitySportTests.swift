import BroadsheetCore
import Testing
@testable import BroadsheetExtraction

/// Sports reports: clubs named after towns, result lines and standings tables. Invented articles.
struct EntitySportTests {
    static func extract(_ text: String) -> DocumentEntities {
        EntityRecognizer().extract(EntityTestDocument.make(text))
    }
    static func type(_ r: DocumentEntities, _ name: String) -> EntityType? { r.entities.first { $0.name == name }?.type }

    @Test func townClubsAreOrganisationsInASportsReport() {
        let r = Self.extract("""
            Munich beat Geneva in the cup final on Saturday, and the coach praised his team after the match.

            Munich 2 Geneva 1

            Norway beat Sweden by three goals in the other game.
            """)
        #expect(Self.type(r, "Munich") == .organization)
        #expect(Self.type(r, "Geneva") == .organization)
        // National sides stay places.
        #expect(Self.type(r, "Norway") == .location)
        #expect(Self.type(r, "Sweden") == .location)
    }

    @Test func townsStayPlacesOutsideSport() {
        let r = Self.extract("The summit was held in Munich on Saturday. Delegates flew on to Geneva, where talks resumed.")
        #expect(Self.type(r, "Munich") == .location)
        #expect(Self.type(r, "Geneva") == .location)
    }

    /// A standings table: every row starts with a club's name.
    @Test func tableRowsStartWithNames() {
        let r = Self.extract("""
            Standings after the weekend's matches played in the northern league:

            Kestrel Rovers 5 3 1 1 9 4 10

            Dunmore 5 2 2 1 7 5 8

            Ashcombe 5 0 1 4 2 9 1

            Played 15 goals 40
            """)
        #expect(Self.type(r, "Dunmore") == .organization)
        #expect(Self.type(r, "Ashcombe") == .organization)
        #expect(Self.type(r, "Kestrel Rovers") == .organization)
        // A row label the document also writes in lower case is no name.
        #expect(!r.entities.contains { $0.name == "Played" })
    }

    @Test func numbersMakeATableNotAHeading() {
        let doc = EntityTestDocument.make("Dunmore 5 2 2 1 7 5 8")
        let tk = EntityTokenizer.tokenize(doc, wordClasses: EntityLexicons.shared.wordClasses)
        let finder = NameCandidateFinder(
            tokens: tk.tokens, lex: .shared, lowercaseWords: tk.lowercaseWords, capitalizedNonInitial: tk.capitalizedNonInitial,
            consumed: [Bool](repeating: false, count: tk.tokens.count))
        #expect(finder.tableSentences == [true])
        #expect(finder.headingSentences == [false])
    }

    /// Scores in result rows are never part of a name, a club keeps its town, and a dateline is a place.
    @Test func resultRowsSplitScoresFromNames() {
        let r = Self.extract("""
            Kelso Rovers kept the lead in the northern league after the weekend's matches.

            Results of the matches played on Saturday:

            Harbour Town 2 Dunmore 1

            Sparta Munich 3 Ashcombe 0
            """)
        let names = Set(r.entities.map(\.name))
        #expect(names.isSuperset(of: ["Harbour Town", "Dunmore", "Sparta Munich", "Ashcombe"]), "\(names)")
        #expect(!r.entities.contains { $0.name.contains(where: \.isNumber) }, "\(names)")
    }

    @Test func datelineRowIsAPlaceInASportsReport() {
        let r = Self.extract("""
            Kelso Rovers kept the lead in the northern league after the weekend's matches.

            MUNICH 1998-05-04

            Harbour Town 2 Dunmore 1
            """)
        #expect(Self.type(r, "Munich") == .location)
    }

    /// Two-word sides in results and standings rows are organisations, even when they read like people;
    /// rows of individuals (with a bracketed country) keep their people.
    @Test func sidesInRowsAreOrganisations() {
        let r = Self.extract("""
            Results of the weekend's matches in the northern league:

            Vitor Halden 2 Jonas Brekke 1

            Jonas Brekke 5 3 1 1 9 4 10

            Final round scores in the open:

            Lena Brandt (Austria) 71 68 70
            """)
        #expect(Self.type(r, "Vitor Halden") == .organization)
        #expect(Self.type(r, "Jonas Brekke") == .organization)
        #expect(Self.type(r, "Lena Brandt") == .person)
    }

    /// A town followed by a club noun is the club.
    @Test func townBeforeClubNounIsTheClub() {
        let r = Self.extract("Munich coach Anton Weber said the team had played its best match of the season and the league title was close.")
        #expect(Self.type(r, "Munich") == .organization)
    }

    @Test func fixturesAndStandingsWithPercentages() {
        let r = Self.extract("""
            Fixtures for Sunday in the northern league, after the weekend's matches:

            Harbour Town at Ashcombe

            Dunmore 70 62 .530 4
            """)
        #expect(Self.type(r, "Harbour Town") == .organization)
        #expect(Self.type(r, "Ashcombe") == .organization)
        #expect(Self.type(r, "Dunmore") == .organization)
    }

    /// A player's line in a batting table is a person, not a side.
    @Test func playerRowsArePeople() {
        let r = Self.extract("""
            Batting averages after the three-match series between the two teams, with the innings and runs of each player:

            MUNICH 1998-05-04

            David Okoro 4 6 1 412 158 82.40

            Munich 70 62 .530 4
            """)
        #expect(Self.type(r, "David Okoro") == .person)
    }

    /// Scorecards write players as an initial and a surname.
    @Test func initialAndSurnameIsAPerson() {
        let r = Self.extract("""
            Day-one scores from the county matches on Thursday:

            At Harbourside: Dunmore 255-3 (D. Okoro 64, M. Lindqvist 59) v Ashcombe.
            """)
        #expect(Self.type(r, "D. Okoro") == .person)
        #expect(Self.type(r, "M. Lindqvist") == .person)
    }

    /// Scorers and bowlers in a scorecard are people.
    @Test func scorersAndBowlersArePeople() {
        let r = Self.extract("""
            Results of the league matches played on Saturday, with the goal scorers:

            Dunmore 2 (Okafor 53rd, Lindqvist 80th) Ashcombe 1

            Bowling: Brekkestad 9-1-49-0, Haldorsen 10-2-51-3.
            """)
        #expect(Self.type(r, "Okafor") == .person)
        // Scorers in brackets do not hide the row's shape: both sides are organisations.
        #expect(Self.type(r, "Dunmore") == .organization)
        #expect(Self.type(r, "Ashcombe") == .organization)
        #expect(Self.type(r, "Lindqvist") == .person)
        #expect(Self.type(r, "Brekkestad") == .person)
    }

    /// A dateline alone in its line stays a place in a sports report (its date is no score).
    @Test func datelineAloneIsAPlace() {
        let r = Self.extract("""
            ROWING - HALDEN CREW TAKE GOLD .

            MUNICH 1998-05-04

            The crew won the final of the regatta by two lengths, and the coach praised the team after the race.
            """)
        #expect(Self.type(r, "Munich") == .location)
    }
}
