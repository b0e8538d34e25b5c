/// One entity as `GET /v1/entities` lists it.
public struct Entity: Decodable, Sendable, Hashable {
    /// A money amount or a percentage, normalised.
    public struct Value: Decodable, Sendable, Hashable {
        public var amount: Double
        public var currency: String?
    }
    public var id: String
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentionCount: Int
    public var documentCount: Int
    public var descriptions: [String]
    public var value: Value?
    public var quoteCount: Int
    public var eventCount: Int
}

/// `GET /v1/entities/{id}`: the entity, a page of mentions, and related entities.
public struct EntityDetail: Decodable, Sendable {
    public struct Mention: Decodable, Sendable, Hashable {
        public var documentId: String
        public var text: String
        public var start: Int
        public var end: Int
        public var sentence: String
        public var sentenceIndex: Int
    }
    public struct Evidence: Decodable, Sendable, Hashable {
        public var documentId: String
        public var sentenceIndex: Int
        public var sentence: String
    }
    public struct Related: Decodable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var type: String
        public var count: Int
        public var evidence: [Evidence]
    }
    public var id: String
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentionCount: Int
    public var documentCount: Int
    public var descriptions: [String]
    public var value: Entity.Value?
    public var mentions: [Mention]
    public var related: [Related]
    public var mentionsLimit: Int
    public var mentionsOffset: Int
}

/// `GET /v1/documents/{id}/annotations`.
public struct Annotations: Decodable, Sendable {
    /// One annotated span; fields beyond `kind`, `start`, `end` and `text` depend on the kind.
    public struct Item: Decodable, Sendable, Hashable {
        public var kind: String
        public var start: Int
        public var end: Int
        public var text: String?
        public var entityId: String?
        public var type: String?
        public var quoteId: String?
        public var quoteKind: String?
        public var speakerId: String?
        public var value: String?
        public var granularity: String?
        public var mod: String?
    }
    public var documentId: String
    public var total: Int
    public var data: [Item]
}
