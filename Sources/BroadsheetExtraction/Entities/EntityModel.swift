public import BroadsheetCore
public import Foundation

/// The kinds of entity Broadsheet recognises.
///
/// `product` is a made thing with a name: a product or model ("Airbus A380", "iPhone"), software, a vehicle or
/// weapon type, a drug, or a financial index ("FTSE 100"); `other` keeps works, events, awards and laws.
/// (`product` comes last so that the slugs of the older types keep their order.)
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organization, location, money, percent, other, product
}

/// The normalised value of a `money` or `percent` entity.
///
/// Money: `{ "amount": 2000000000000, "currency": "USD" }`; percent: `{ "amount": 9.9 }`.
///
/// The amount is exact decimal arithmetic on the written digits: `$1.07bn` is 1070000000, never the
/// binary-float neighbour 1070000000.0000001, so equal amounts compare, hash and print equal.
public struct EntityValue: Sendable, Hashable, Codable {
    public var amount: Decimal
    /// ISO 4217 code for money; `nil` for percentages.
    public var currency: String?
    public init(amount: Decimal, currency: String? = nil) {
        self.amount = amount
        self.currency = currency
    }
}

/// One occurrence of an entity in a document.
public struct EntityMention: Sendable, Hashable, Codable {
    /// UTF-16 span into ``Document/text`` (without a possessive `’s`).
    public var span: TextSpan
    /// The text as written.
    public var text: String
    /// Index into ``Document/sentences``.
    public var sentence: Int
    public init(span: TextSpan, text: String, sentence: Int) {
        self.span = span
        self.text = text
        self.sentence = sentence
    }
}

/// An entity as found in one document, with its aliases merged.
public struct DocumentEntity: Sendable, Hashable, Codable {
    /// Position in ``DocumentEntities/entities``; quotes and events refer to entities by it.
    public var key: Int
    /// Canonical name: the fullest form the document uses.
    public var name: String
    public var type: EntityType
    /// Other forms used in the document (not including ``name``).
    public var aliases: [String]
    /// Roles and descriptions the text gives ("Treasury Secretary", "head of ...").
    public var descriptions: [String]
    /// Money and percent only.
    public var value: EntityValue?
    public var mentions: [EntityMention]

    public init(
        key: Int, name: String, type: EntityType, aliases: [String] = [], descriptions: [String] = [],
        value: EntityValue? = nil, mentions: [EntityMention] = []
    ) {
        self.key = key
        self.name = name
        self.type = type
        self.aliases = aliases
        self.descriptions = descriptions
        self.value = value
        self.mentions = mentions
    }
}

/// Every entity of one document.
public struct DocumentEntities: Sendable, Hashable, Codable {
    public var documentId: String
    public var entities: [DocumentEntity]
    /// Nationalities and demonyms ("Russian"), linked to their place; not entities of their own.
    public var demonyms: [DemonymMention]

    public init(documentId: String, entities: [DocumentEntity], demonyms: [DemonymMention] = []) {
        self.documentId = documentId
        self.entities = entities
        self.demonyms = demonyms
    }

    private enum CodingKeys: String, CodingKey { case documentId, entities, demonyms }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentId = try c.decode(String.self, forKey: .documentId)
        entities = try c.decode([DocumentEntity].self, forKey: .entities)
        demonyms = try c.decodeIfPresent([DemonymMention].self, forKey: .demonyms) ?? []
    }

    /// The entity with key `key`, if any.
    public func entity(key: Int) -> DocumentEntity? { entities.indices.contains(key) ? entities[key] : nil }

    /// Every mention with its entity key, sorted by start offset.
    public var mentionsInOrder: [(key: Int, mention: EntityMention)] {
        entities.flatMap { e in e.mentions.map { (e.key, $0) } }.sorted { $0.mention.span < $1.mention.span }
    }

    /// The key of the entity with a mention covering UTF-16 offset `offset`, if any.
    public func entityKey(at offset: Int) -> Int? {
        for e in entities where e.mentions.contains(where: { $0.span.start <= offset && offset < $0.span.end }) {
            return e.key
        }
        return nil
    }
}
