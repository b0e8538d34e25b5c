import HashTreeCollections
import BroadsheetCorpus
import BroadsheetExtraction
public import Foundation

/// One row of `GET /v1/entities`.
public struct EntityDTO: Encodable, Sendable {
    public var id: String
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentionCount: Int
    public var documentCount: Int
    public var descriptions: [String]
    public var value: Nullable<EntityValueDTO>
    /// Quotations attributed to the entity.
    public var quoteCount: Int
    /// Events the entity takes part in or is the place of.
    public var eventCount: Int

    init(_ e: EntityCatalog.Entity, snapshot: CorpusSnapshot) {
        quoteCount = snapshot.quotesBySpeaker[e.id]?.count ?? 0
        eventCount = snapshot.eventsByEntity[e.id]?.count ?? 0
        id = e.id
        name = e.name
        type = e.type.rawValue
        aliases = e.aliases
        mentionCount = e.mentionCount
        documentCount = e.documentCount
        descriptions = e.descriptions
        value = Nullable(e.value.map(EntityValueDTO.init))
    }
}

/// `{ "amount": 2000000000000, "currency": "USD" }`; `currency` is null for percentages.
///
/// `amount` is exact (`Decimal`): JSON carries the written digits, never float noise.
public struct EntityValueDTO: Encodable, Sendable {
    public var amount: Decimal
    public var currency: Nullable<String>
    init(_ v: EntityValue) {
        amount = v.amount
        currency = Nullable(v.currency)
    }
}

/// A short reference to an entity, as used in relations, quotes and events.
public struct EntityRefDTO: Encodable, Sendable {
    public var id: String
    public var name: String
    public var type: String
    init(_ e: EntityCatalog.Entity) {
        id = e.id
        name = e.name
        type = e.type.rawValue
    }
}

/// `GET /v1/entities/{id}`: the entity, a page of its mentions, and the entities it co-occurs with.
public struct EntityDetailDTO: Encodable, Sendable {
    public struct MentionDTO: Encodable, Sendable {
        public var documentId: String
        public var text: String
        public var start: Int
        public var end: Int
        /// The sentence's text.
        public var sentence: String
        public var sentenceIndex: Int
    }
    public struct EvidenceDTO: Encodable, Sendable {
        public var documentId: String
        public var sentenceIndex: Int
        public var sentence: String
    }
    public struct RelatedDTO: Encodable, Sendable {
        public var id: String
        public var name: String
        public var type: String
        public var count: Int
        public var evidence: [EvidenceDTO]
    }

    public var entity: EntityDTO
    public var mentions: [MentionDTO]
    public var related: [RelatedDTO]
    public var limit: Int
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case mentions, related, mentionsLimit, mentionsOffset }

    public func encode(to encoder: any Encoder) throws {
        try entity.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(related, forKey: .related)
        try c.encode(limit, forKey: .mentionsLimit)
        try c.encode(offset, forKey: .mentionsOffset)
    }
}
