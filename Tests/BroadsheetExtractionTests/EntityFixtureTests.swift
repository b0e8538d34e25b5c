import BroadsheetCore
import Foundation
import Testing
@testable import BroadsheetExtraction

/// Our own articles across domains (sports, technology, business, local news, obituary, health, world politics),
/// each with the entities a careful reader expects and names that must not come out as people.
struct EntityFixtureTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var fixture: String
        /// name → type
        var entities: [String: EntityType]
        /// name → aliases that must be merged into it
        var aliases: [String: [String]] = [:]
        /// names that must not be a person entity
        var notPersons: [String] = []
        /// name → a description it must have
        var descriptions: [String: String] = [:]
        var description: String { fixture }
    }

    static let expectations: [Expectation] = [
        Expectation(
            fixture: "entities-sports",
            entities: [
                "Harlow Rovers": .organization, "Dunmore Athletic": .organization, "Kestrel Park Stadium": .location,
                "Mateo Ibarra": .person, "Ingrid Solvang": .person, "Norway": .location, "Chidi Okonkwo": .person,
                "Emeka Okonkwo": .person, "Tom Fairweather": .person, "Champions League": .other, "Milan": .location,
                "Viktor Lindqvist": .person, "Harlow Civic Centre": .location, "Mill Road": .location,
            ],
            aliases: ["Mateo Ibarra": ["Ibarra"], "Ingrid Solvang": ["Solvang"], "Chidi Okonkwo": ["Okonkwos"], "Emeka Okonkwo": ["Okonkwos"]],
            notPersons: ["Kestrel Park Stadium", "Harlow Civic Centre"],
            descriptions: ["Ingrid Solvang": "Head coach", "Tom Fairweather": "Dunmore manager"]),
        Expectation(
            fixture: "entities-technology",
            entities: [
                "Nimbra Labs": .organization, "San Francisco": .location, "Halcyon Ventures": .organization,
                "Microsoft": .organization, "Nvidia": .organization, "Priya Raman": .person, "Google": .organization,
                "Texas": .location, "Ireland": .location, "Daniel Okafor": .person, "Wei Zhang": .person,
                "Stanford University": .organization, "Android": .product, "Brussels": .location,
                "European Commission": .organization, "Federal Trade Commission": .organization, "Lucas Meyer": .person,
            ],
            aliases: ["Nimbra Labs": ["Nimbra"], "Federal Trade Commission": ["FTC"], "Priya Raman": ["Raman"]],
            descriptions: ["Priya Raman": "a former Google researcher", "Nimbra Labs": "the San Francisco-based artificial intelligence startup"]),
        Expectation(
            fixture: "entities-business",
            entities: [
                "Brightwater Foods Inc.": .organization, "Nordmælk": .organization, "Minneapolis": .location,
                "Copenhagen": .location, "Sandra Whitfield": .person, "Procter & Gamble": .organization,
                "Henrik Dahl": .person, "Goldfinch Partners": .organization, "Morgan Stanley": .organization,
                "Barclays": .organization, "New York": .location,
            ],
            aliases: ["Brightwater Foods Inc.": ["Brightwater"], "Sandra Whitfield": ["Whitfield"]],
            notPersons: ["Morgan Stanley", "Procter & Gamble"],
            descriptions: ["Sandra Whitfield": "Brightwater chief executive", "Henrik Dahl": "Nordmælk chairman"]),
        Expectation(
            fixture: "entities-local",
            entities: [
                "Millbrook City Council": .organization, "Cedar Street Bridge": .location, "Denise Albright": .person,
                "Raymond Ortiz": .person, "Millbrook High School": .organization, "Carol Jennings": .person,
                "St. Mary's Hospital": .location, "Ohio Department of Transportation": .organization,
                "Luis Cabrera": .person, "Millbrook Police Department": .organization, "Stillwater River": .location,
                "Angela Moore": .person,
            ],
            aliases: ["Denise Albright": ["Albright"], "Carol Jennings": ["Jennings"]],
            notPersons: ["St. Mary's Hospital", "Cedar Street Bridge"],
            descriptions: ["Denise Albright": "Mayor", "Raymond Ortiz": "Councilman", "Angela Moore": "Police Chief"]),
        Expectation(
            fixture: "entities-obituary",
            entities: [
                "Eleanor M. Voss": .person, "Cambridge": .location, "Massachusetts": .location, "Peter Voss": .person,
                "Vienna": .location, "London": .location, "University of Cambridge": .organization,
                "Massachusetts Institute of Technology": .organization, "Wolf Prize in Physics": .other,
                "Bill Clinton": .person, "National Medal of Science": .other, "Marcus Lindgren": .person,
                "ETH Zurich": .organization, "Julian Voss": .person, "Ruth Voss-Kaplan": .person, "Toronto": .location,
                "Smithsonian Institution": .organization,
            ],
            aliases: ["Eleanor M. Voss": ["Voss"]],
            descriptions: ["Julian Voss": "composer", "Bill Clinton": "President"]),
        Expectation(
            fixture: "entities-health",
            entities: [
                "American Heart Association": .organization, "Chicago": .location, "Kestrel Therapeutics": .organization,
                "Brazil": .location, "India": .location, "Poland": .location, "Aisha Bello": .person,
                "Johns Hopkins University": .organization, "World Health Organization": .organization,
                "Food and Drug Administration": .organization, "Henrik Sørensen": .person,
                "University of Copenhagen": .organization, "National Institutes of Health": .organization,
                "New England Journal of Medicine": .organization,
            ],
            aliases: ["Kestrel Therapeutics": ["Kestrel"], "Aisha Bello": ["Bello"]],
            notPersons: ["Johns Hopkins University"]),
        Expectation(
            fixture: "entities-world",
            entities: [
                "Kenya": .location, "William Ruto": .person, "Abiy Ahmed": .person, "Addis Ababa": .location,
                "African Development Bank": .organization, "World Bank": .organization,
                "Grand Ethiopian Renaissance Dam": .location, "Nairobi": .location, "Mombasa": .location,
                "Ethiopia": .location, "Blue Nile": .location, "Egypt": .location, "Sudan": .location,
                "Sameh Shoukry": .person, "Cairo": .location, "African Union": .organization,
                "China Electric Power Equipment and Technology": .organization, "Raila Odinga": .person,
            ],
            aliases: ["William Ruto": ["Ruto"], "Raila Odinga": ["Odinga"]],
            descriptions: ["Sameh Shoukry": "Egyptian Foreign Minister", "Abiy Ahmed": "Ethiopian Prime Minister"]),
    ]

    @Test(arguments: expectations)
    func fixtureEntities(_ x: Expectation) throws {
        let r = EntityRecognizer().extract(EntityTestDocument.make(try EntityTestDocument.fixture(x.fixture), id: x.fixture))
        for (name, type) in x.entities.sorted(by: { $0.key < $1.key }) {
            let matches = r.entities.filter { $0.name == name }
            #expect(matches.count == 1, "\(x.fixture): \(name) found \(matches.count) times")
            #expect(matches.first?.type == type, "\(x.fixture): \(name) typed \(String(describing: matches.first?.type))")
        }
        for (name, aliases) in x.aliases {
            let e = r.entities.first { $0.name == name }
            for a in aliases { #expect(e?.aliases.contains(a) == true, "\(x.fixture): \(name) lacks alias \(a)") }
        }
        for name in x.notPersons { #expect(!r.entities.contains { $0.name == name && $0.type == .person }, "\(name)") }
        for (name, d) in x.descriptions {
            #expect(r.entities.first { $0.name == name }?.descriptions.contains(d) == true, "\(x.fixture): \(name) lacks \(d)")
        }
        // Every mention's text is exactly its span in the document.
        let doc = EntityTestDocument.make(try EntityTestDocument.fixture(x.fixture), id: x.fixture)
        for e in r.entities { for m in e.mentions { #expect(String(doc.text.slice(m.span)) == m.text) } }
    }

    @Test func fixtureMoneyIsNormalised() throws {
        let r = EntityRecognizer().extract(EntityTestDocument.make(try EntityTestDocument.fixture("entities-sports")))
        let values = Set(r.entities.compactMap(\.value))
        #expect(values.isSuperset(of: [
            EntityValue(amount: 18_000_000, currency: "EUR"), EntityValue(amount: 26_400_000, currency: "GBP"),
            EntityValue(amount: 98), EntityValue(amount: 12),
        ]))
    }
}
