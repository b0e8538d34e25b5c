import BroadsheetCore
import Foundation
import Testing
@testable import BroadsheetExtraction

/// The seed article as one test case among many: its people, organisations, places and amounts.
/// (Names appear here, in a test, never in the recogniser's code or lexicons.)
struct EntitySeedTests {
    static let result: DocumentEntities? = (try? EntityTestDocument.seed()).map { EntityRecognizer().extract($0) }

    static let people = [
        "Steve Witkoff", "Kirill Dmitriev", "Vladimir Putin", "Jared Kushner", "Elon Musk", "Trump", "Donald Tusk",
        "Gennady Timchenko", "Yuri Kovalchuk", "Boris Rotenberg", "Arkady Rotenberg", "Gentry Beach", "Donald Trump Jr.",
        "Stephen P. Lynch", "Anna Kelly", "Rustem Umerov", "Volodymyr Zelensky", "JD Vance", "Marco Rubio",
        "Keith Kellogg", "Scott Bessent", "Neil Chapman", "Igor Sechin", "Todd Boehly", "Ches McDowell",
        "Dmitry Bakanov", "Yuri Ushakov", "Sergei Lavrov", "Biden",
    ]

    @Test func everyPersonFoundOnceWithFullName() throws {
        let r = try #require(Self.result)
        for name in Self.people {
            let matches = r.entities.filter { $0.name == name }
            #expect(matches.count == 1, "\(name)")
            #expect(matches.first?.type == .person, "\(name)")
        }
        // One entity per person: no person entity is a bare surname of a listed full name.
        let persons = r.entities.filter { $0.type == .person }.map(\.name)
        #expect(Set(persons) == Set(Self.people), "extra: \(Set(persons).subtracting(Self.people)) missing: \(Set(Self.people).subtracting(persons))")
    }

    @Test(arguments: ["Trump Tower", "Goldman Sachs", "Nord Stream", "Air Force One", "Order of Lenin", "Miami Beach", "Lyndon B. Johnson Space Center"])
    func noFalsePersons(_ name: String) throws {
        let r = try #require(Self.result)
        let e = r.entities.first { $0.name == name }
        #expect(e != nil, "\(name)")
        #expect(e?.type != .person, "\(name)")
    }

    @Test func organisationsAndPlacesWithAliases() throws {
        let r = try #require(Self.result)
        func e(_ n: String) -> DocumentEntity? { r.entities.first { $0.name == n } }
        #expect(e("Exxon Mobil")?.aliases.contains("Exxon") == true)
        #expect(e("Treasury Department")?.aliases.contains("Treasury") == true)
        #expect(e("Central Intelligence Agency")?.aliases.contains("CIA") == true)
        let usAliases = Set(e("United States")?.aliases ?? [])
        #expect(usAliases.isSuperset(of: ["U.S.", "America"]))
        #expect(e("Wall Street Journal")?.type == .organization)
        #expect(e("Affinity Partners")?.type == .organization)
        #expect(e("Elliott Investment Management")?.type == .organization)
        #expect(e("State Department")?.type == .organization)
        for place in ["Russia", "Ukraine", "Miami", "Moscow", "Houston", "Doha", "Ibiza", "Sea of Okhotsk", "Moskva River", "Zaryadye Park"] {
            #expect(e(place)?.type == .location, "\(place)")
        }
        for other in ["Air Force One", "Order of Lenin", "Cold War"] { #expect(e(other)?.type == .other, "\(other)") }
        #expect(e("Gentry Beach")?.aliases == ["Beach"])
        #expect(e("Steve Witkoff")?.aliases == ["Witkoff"])
        #expect(e("Donald Trump Jr.")?.aliases == ["Trump Jr."])
    }

    @Test func moneyAndPercent() throws {
        let r = try #require(Self.result)
        let money = Set(r.entities.filter { $0.type == .money }.compactMap(\.value))
        #expect(money == [
            EntityValue(amount: 2_000_000_000_000, currency: "USD"), EntityValue(amount: 300_000_000_000, currency: "USD"), EntityValue(amount: 600_000, currency: "USD"),
        ])
        let pct = Set(r.entities.filter { $0.type == .percent }.compactMap(\.value?.amount))
        #expect(pct == [Decimal(string: "9.9")!, 20])
    }

    @Test func descriptions() throws {
        let r = try #require(Self.result)
        func d(_ n: String) -> [String] { r.entities.first { $0.name == n }?.descriptions ?? [] }
        #expect(d("Scott Bessent").contains("Treasury Secretary"))
        #expect(d("Anna Kelly").contains("White House spokesperson"))
        #expect(d("Kirill Dmitriev").contains { $0.hasPrefix("head of Russia’s sovereign-wealth fund") })
        #expect(d("Stephen P. Lynch").contains("the Miami-based investor"))
        #expect(d("Marco Rubio").contains("Secretary of State"))
    }
}

extension EntitySeedTests {
    /// The same checks through the real parser (hard-wrapped lines joined, headings as sections).
    @Test func seedThroughArticleParser() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_ee080ed0b85908a5.txt")
        let raw = try String(contentsOf: url, encoding: .utf8)
        let doc = try #require(try ArticleParser().parse(text: raw, source: "seed.txt").first)
        let r = EntityRecognizer().extract(doc)
        let persons = Set(r.entities.filter { $0.type == .person }.map(\.name))
        #expect(persons == Set(Self.people), "extra: \(persons.subtracting(Self.people)) missing: \(Set(Self.people).subtracting(persons))")
        for e in r.entities { for m in e.mentions { #expect(String(doc.text.slice(m.span)) == m.text) } }
    }
}
