/// Type evidence for a name, accumulated from lexicons, head words and context cues.
struct TypeScores: Sendable, Hashable {
    var person = 0.0
    var organization = 0.0
    var location = 0.0
    /// Works, events, awards and products together; ``product`` says how much of it is product evidence.
    var other = 0.0
    /// The part of ``other`` that is evidence of a product (a model number, "phone", "index", a known product).
    var product = 0.0

    mutating func add(_ type: EntityType, _ w: Double) {
        switch type {
        case .person: person += w
        case .organization: organization += w
        case .location: location += w
        case .other: other += w
        case .product:
            other += w
            product += w
        case .money, .percent: break
        }
    }

    static func + (a: TypeScores, b: TypeScores) -> TypeScores {
        TypeScores(person: a.person + b.person, organization: a.organization + b.organization,
                   location: a.location + b.location, other: a.other + b.other, product: a.product + b.product)
    }

    var max: Double { Swift.max(person, organization, location, other) }

    /// The best type; ties go to person, then organization, location, other. An `other` whose evidence is
    /// mostly product evidence is a `product`.
    var best: EntityType {
        let m = max
        if m <= 0 { return .organization }
        if person == m { return .person }
        if organization == m { return .organization }
        if location == m { return .location }
        return product * 2 > other ? .product : .other
    }

    func score(_ t: EntityType) -> Double {
        switch t {
        case .person: person
        case .organization: organization
        case .location: location
        case .other: other
        case .product: product
        default: 0
        }
    }
}

/// A capitalised run (or lexicon match) that may name an entity.
struct NameCandidate: Sendable {
    /// Token range, inclusive.
    var first: Int
    var last: Int
    /// UTF-16 span in the document.
    var start: Int
    var end: Int
    /// The name words (no dots, no numbers), in order.
    var words: [String]
    /// Lookup key: the name as written with single spaces and straight apostrophes.
    var key: String
    var lexicon: EntityLexicons.Entry?
    var scores = TypeScores()
    /// A title written before the name ("Treasury Secretary"), with any role words before it.
    var descriptions: [String] = []
    /// The name the coordinated-family rule gives ("Boris X" for "Boris" in "the X brothers, Boris and ...").
    var nameOverride: [String]? = nil
    /// For a family reference ("the X brothers", "the Xs"): the family name, linked to every member.
    var familyName: String? = nil
    var sentence: Int
    var hasGenerationalSuffix: Bool = false
    /// An acronym given in parentheses right after the name: "Central Intelligence Agency (CIA)".
    var parentheticalAcronym: String? = nil

    /// A quoted title-case phrase (a work: “Art of the Deal”).
    var isQuotedWork = false
    /// A one-word title with no name after it ("King said"): kept only if it is the surname of a person here.
    var isBareTitle = false

    var nameWords: [String] { nameOverride ?? words }
}
