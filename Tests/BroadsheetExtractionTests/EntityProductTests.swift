import BroadsheetCore
import Testing
@testable import BroadsheetExtraction

/// The `product` type: products, models, software, vehicle types and financial indices. Invented sentences.
struct EntityProductTests {
    static func extract(_ text: String) -> DocumentEntities {
        EntityRecognizer().extract(EntityTestDocument.make(text))
    }

    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var name: String
        var type: EntityType
        var description: String { name }
    }

    static let cases: [Case] = [
        // A noun of made things after the name.
        Case(text: "Teenagers queued overnight for the new Lumora phones in the rain.", name: "Lumora", type: .product),
        // A model number before such a noun joins the name.
        Case(text: "The carrier took delivery of its first Skylark 220 jetliner on Friday.", name: "Skylark 220", type: .product),
        // A model number joined by a hyphen.
        Case(text: "The airline ordered ten Kestrel-900 aircraft for its short routes.", name: "Kestrel-900", type: .product),
        // A stock index, by its noun and by the lexicon.
        Case(text: "The Brightwater index fell 2 percent as miners slid.", name: "Brightwater", type: .product),
        Case(text: "The FTSE 100 closed higher as miners rallied.", name: "FTSE 100", type: .product),
        Case(text: "Investors watched the Dow Jones Industrial Average slip at the open.", name: "Dow Jones Industrial Average", type: .product),
        // Works, events and awards stay `other`.
        Case(text: "She won the Ostrava Prize for her second novel.", name: "Ostrava Prize", type: .other),
        Case(text: "The band headlined the Harrowgate Festival last summer.", name: "Harrowgate Festival", type: .other),
    ]

    @Test(arguments: cases)
    func typed(_ c: Case) throws {
        let r = Self.extract(c.text)
        let e = try #require(r.entities.first { $0.name == c.name }, "\(r.entities.map { "\($0.name)/\($0.type)" })")
        #expect(e.type == c.type)
    }

    /// A company and its product are two entities: the company is never absorbed into the product's name.
    @Test func companyIsNotAbsorbedIntoItsProduct() throws {
        let r = Self.extract("Microsoft said that sales of Microsoft Office rose in the spring. Microsoft did not give figures.")
        let company = try #require(r.entities.first { $0.name == "Microsoft" })
        #expect(company.type == .organization)
        #expect(company.mentions.count == 2)
        let product = try #require(r.entities.first { $0.name == "Microsoft Office" })
        #expect(product.type == .product)
        #expect(product.mentions.count == 1)
    }

    @Test func productIsAnEntityType() {
        #expect(EntityType(rawValue: "product") == .product)
        #expect(EntityType.allCases.contains(.product))
    }
}
