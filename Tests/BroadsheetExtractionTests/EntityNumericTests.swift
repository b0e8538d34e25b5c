import BroadsheetCore
import Foundation
import Testing
@testable import BroadsheetExtraction

/// Money and percent normalisation.
struct EntityNumericTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var mention: String
        var type: EntityType
        var amount: Decimal
        var currency: String?
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Its $2 trillion economy grew.", mention: "$2 trillion", type: .money, amount: 2_000_000_000_000, currency: "USD"),
        Case(text: "They spent €300 million on it.", mention: "€300 million", type: .money, amount: 300_000_000, currency: "EUR"),
        Case(text: "He paid 600,000 dollars for it.", mention: "600,000 dollars", type: .money, amount: 600_000, currency: "USD"),
        Case(text: "He paid $600,000 this year.", mention: "$600,000", type: .money, amount: 600_000, currency: "USD"),
        Case(text: "The bid was £1.2bn in cash.", mention: "£1.2bn", type: .money, amount: 1_200_000_000, currency: "GBP"),
        Case(text: "A US$5 million grant was made.", mention: "US$5 million", type: .money, amount: 5_000_000, currency: "USD"),
        Case(text: "It holds roughly $300 billion of assets.", mention: "$300 billion", type: .money, amount: 300_000_000_000, currency: "USD"),
        Case(text: "Tickets cost ¥12,000 each.", mention: "¥12,000", type: .money, amount: 12_000, currency: "JPY"),
        Case(text: "The fine was 40 million euros.", mention: "40 million euros", type: .money, amount: 40_000_000, currency: "EUR"),
        Case(text: "Sales rose to $3.5M last quarter.", mention: "$3.5M", type: .money, amount: 3_500_000, currency: "USD"),
        Case(text: "It raised 2 billion rubles.", mention: "2 billion rubles", type: .money, amount: 2_000_000_000, currency: "RUB"),
        Case(text: "They bought 9.9% of the project.", mention: "9.9%", type: .percent, amount: Decimal(string: "9.9")!, currency: nil),
        Case(text: "Prices rose 20 percent in May.", mention: "20 percent", type: .percent, amount: 20, currency: nil),
        Case(text: "Turnout fell 12.5 per cent.", mention: "12.5 per cent", type: .percent, amount: Decimal(string: "12.5")!, currency: nil),
        Case(text: "It cost two billion dollars.", mention: "two billion dollars", type: .money, amount: 2_000_000_000, currency: "USD"),
        Case(text: "Bids ranged from $5 to $10 million.", mention: "$5", type: .money, amount: 5_000_000, currency: "USD"),
    ]

    @Test(arguments: cases)
    func normalises(_ c: Case) {
        let r = EntityRecognizer().extract(EntityTestDocument.make(c.text))
        let e = r.entities.first { $0.type == c.type }
        #expect(e?.mentions.first?.text == c.mention)
        #expect(e?.value == EntityValue(amount: c.amount, currency: c.currency))
    }

    @Test func sameValueIsOneEntity() {
        let r = EntityRecognizer().extract(EntityTestDocument.make("He paid $600,000 in May. Another 600,000 dollars followed."))
        let money = r.entities.filter { $0.type == .money }
        #expect(money.count == 1)
        #expect(money.first?.mentions.count == 2)
    }

    @Test func plainNumbersAndYearsAreNotAmounts() {
        let r = EntityRecognizer().extract(EntityTestDocument.make("In 2022, 28 people met for 3 hours."))
        #expect(r.entities.filter { $0.type == .money || $0.type == .percent }.isEmpty)
    }

    /// Amounts whose binary-float product is not exact ("1.07 × 10⁹" is 1070000000.0000001 in a Double).
    static let exactCases: [(text: String, digits: String)] = [
        ("The chip maker paid $1.07bn for the foundry.", "1070000000"),
        ("A ferry line was sold for £2.3 billion.", "2300000000"),
        ("The orchard fetched €0.7m at auction.", "700000"),
        ("Ticket sales reached $4.35 million.", "4350000"),
        ("Each share pays $1.50 in dividends.", "1.5"),
    ]

    @Test(arguments: exactCases)
    func moneyIsExactDecimal(_ c: (text: String, digits: String)) throws {
        let r = EntityRecognizer().extract(EntityTestDocument.make(c.text))
        let money = try #require(r.entities.first { $0.type == .money }?.value)
        #expect(money.amount == Decimal(string: c.digits)!)
        #expect(EntityCatalog.plainDigits(money.amount) == c.digits)
        let json = String(decoding: try JSONEncoder().encode(money), as: UTF8.self)
        #expect(json.contains("\"amount\":\(c.digits)"), "\(json)")
    }

    @Test func moneyIdsCarryNoFloatNoise() {
        let doc = EntityTestDocument.make("The chip maker paid $1.07bn for the foundry.")
        let catalog = EntityCatalog(documents: [doc])
        let money = catalog.list(type: .money)
        #expect(money.map(\.id) == ["usd-1070000000"])
    }
}
