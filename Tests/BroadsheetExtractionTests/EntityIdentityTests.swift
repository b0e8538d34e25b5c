import BroadsheetCore
import Testing
@testable import BroadsheetExtraction

/// What is one entity, within a document and across documents. Invented articles.
struct EntityIdentityTests {
    static func extract(_ text: String) -> DocumentEntities {
        EntityRecognizer().extract(EntityTestDocument.make(text))
    }

    /// A country that is also someone's surname stays the country.
    @Test func countryIsNotAbsorbedIntoAPerson() throws {
        let r = Self.extract("""
            Martin Wales, the visiting coach, named his squad on Monday. Wales play in Cardiff next week, \
            and the travelling fans expect Wales to win.
            """)
        let country = try #require(r.entities.first { $0.name == "Wales" })
        #expect(country.type == .location)
        #expect(country.mentions.count == 2)
        let coach = try #require(r.entities.first { $0.name == "Martin Wales" })
        #expect(coach.type == .person)
        #expect(coach.mentions.count == 1)
    }

    /// A country is never absorbed into a venue named after it.
    @Test func countryIsNotAbsorbedIntoAVenue() throws {
        let r = Self.extract("""
            Fans packed the Stade de Luxembourg for the final. Luxembourg had never hosted a final before.
            """)
        let country = try #require(r.entities.first { $0.name == "Luxembourg" })
        #expect(country.type == .location)
        #expect(country.mentions.count == 1)
    }

    /// A known organisation is not absorbed into a longer name that only starts with it (a sub-brand).
    @Test func knownOrganisationStaysApartFromASubBrand() throws {
        let r = Self.extract("""
            Google said on Tuesday that Google Scholar Labs would close in June. Google gave no reason.
            """)
        let company = try #require(r.entities.first { $0.name == "Google" })
        #expect(company.type == .organization)
        #expect(company.mentions.count == 2)
    }

    /// A word capitalised only because it starts the sentence is not part of the name after it.
    @Test(arguments: [
        ("Joining Maria Kessler in the final was the second seed.", "Maria Kessler"),
        ("Unseeded David Okoro reached the semi-finals on Friday.", "David Okoro"),
    ])
    func sentenceInitialWordIsNotGluedToAName(_ c: (text: String, name: String)) {
        let r = Self.extract(c.text)
        #expect(r.entities.first?.name == c.name, "\(r.entities.map(\.name))")
    }

    /// A place followed by ", Country" and a number is a place ("Vindholm, Norway 20 minutes").
    @Test func placeBeforeCountryAndNumber() {
        let r = Self.extract("The ferry reached Vindholm, Norway 20 minutes late.")
        #expect(r.entities.first { $0.name == "Vindholm" }?.type == .location)
    }

    /// Descriptions come from real titles and roles: a place before an honorific is none.
    @Test func placeBeforeHonorificIsNoDescription() throws {
        let r = Self.extract("The ferry to Zanzibar Mr Kessy ordered last year has still not arrived.")
        let person = try #require(r.entities.first { $0.name == "Kessy" })
        #expect(person.descriptions.isEmpty, "\(person.descriptions)")
    }

    // MARK: Across documents

    static func doc(_ id: String) -> Document { EntityTestDocument.make("Placeholder text for \(id).", id: id) }
    static func mention(_ text: String, _ start: Int = 0) -> EntityMention {
        EntityMention(span: TextSpan(start: start, end: start + text.utf16.count), text: text, sentence: 0)
    }
    static func entities(_ id: String, _ list: [(String, EntityType, Int)]) -> (Document, DocumentEntities) {
        let es = list.enumerated().map { k, e in
            DocumentEntity(key: k, name: e.0, type: e.1, mentions: (0..<e.2).map { mention(e.0, $0 * 20) })
        }
        return (doc(id), DocumentEntities(documentId: id, entities: es))
    }

    /// One name typed differently in a few documents takes the type of most of its mentions.
    @Test func typeIsDecidedByMentionsAcrossDocuments() throws {
        let catalog = EntityCatalog([
            Self.entities("a", [("Tiverton", .location, 2)]),
            Self.entities("b", [("Tiverton", .location, 2)]),
            Self.entities("c", [("Tiverton", .person, 1)]),
        ])
        let all = catalog.list().filter { $0.name == "Tiverton" }
        #expect(all.count == 1)
        #expect(all.first?.type == .location)
        #expect(all.first?.mentionCount == 5)
        #expect(all.first?.documentIds == ["a", "b", "c"])
    }

    /// "the Daily Clarion" and "Daily Clarion" are one organisation.
    @Test func leadingArticleDoesNotSplitAnOrganisation() {
        let catalog = EntityCatalog([
            Self.entities("a", [("Daily Clarion", .organization, 1)]),
            Self.entities("b", [("the Daily Clarion", .organization, 1)]),
        ])
        #expect(catalog.list(type: .organization).count == 1)
    }

    /// A bare name that is a known place never joins a person who bears it as a surname.
    @Test func bareKnownPlaceNeverJoinsAPersonBySurname() {
        typealias C = EntityCatalog.MergeCandidate
        let candidates = [
            C(type: .person, forms: ["Oslo"]),
            C(type: .person, forms: ["Erik Oslo"]),
            C(type: .person, forms: ["Vandermeer"]),
            C(type: .person, forms: ["Ilse Vandermeer"]),
        ]
        #expect(EntityCatalog.crossDocumentTargets(candidates) == [0, 1, 3, 3])
    }
}
