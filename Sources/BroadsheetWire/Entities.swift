public import Foundation

/// One row of `GET /v1/entities`.
public struct Entity: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentionCount: Int
    public var documentCount: Int
    public var descriptions: [String]
    /// Money and percentages only.
    @ExplicitNull public var value: EntityValue?
    /// Quotations attributed to the entity.
    public var quoteCount: Int
    /// Events the entity takes part in or is the place of.
    public var eventCount: Int

    public init(
        id: String, name: String, type: String, aliases: [String], mentionCount: Int, documentCount: Int,
        descriptions: [String], value: EntityValue?, quoteCount: Int, eventCount: Int
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentionCount = mentionCount
        self.documentCount = documentCount
        self.descriptions = descriptions
        self.value = value
        self.quoteCount = quoteCount
        self.eventCount = eventCount
    }
}

/// `{ "amount": 2000000000000, "currency": "USD" }`; `currency` is null for percentages.
/// `amount` is exact (`Decimal`): JSON carries the written digits, never float noise.
public struct EntityValue: Codable, Sendable, Hashable {
    public var amount: Decimal
    @ExplicitNull public var currency: String?

    public init(amount: Decimal, currency: String?) {
        self.amount = amount
        self.currency = currency
    }
}

/// A short reference to an entity, as used in relations, quotes and events.
public struct EntityRef: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: String

    public init(id: String, name: String, type: String) {
        self.id = id
        self.name = name
        self.type = type
    }
}

/// `GET /v1/entities/{id}`: the entity, a page of its mentions, and the entities it co-occurs with.
public struct EntityDetail: Codable, Sendable, Hashable {
    public struct Mention: Codable, Sendable, Hashable {
        public var documentId: String
        public var text: String
        public var start: Int
        public var end: Int
        /// The sentence's text.
        public var sentence: String
        public var sentenceIndex: Int

        public init(documentId: String, text: String, start: Int, end: Int, sentence: String, sentenceIndex: Int) {
            self.documentId = documentId
            self.text = text
            self.start = start
            self.end = end
            self.sentence = sentence
            self.sentenceIndex = sentenceIndex
        }
    }

    public struct Evidence: Codable, Sendable, Hashable {
        public var documentId: String
        public var sentenceIndex: Int
        public var sentence: String

        public init(documentId: String, sentenceIndex: Int, sentence: String) {
            self.documentId = documentId
            self.sentenceIndex = sentenceIndex
            self.sentence = sentence
        }
    }

    public struct Related: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var type: String
        public var count: Int
        public var evidence: [Evidence]

        public init(id: String, name: String, type: String, count: Int, evidence: [Evidence]) {
            self.id = id
            self.name = name
            self.type = type
            self.count = count
            self.evidence = evidence
        }
    }

    public var id: String
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentionCount: Int
    public var documentCount: Int
    public var descriptions: [String]
    @ExplicitNull public var value: EntityValue?
    public var quoteCount: Int
    public var eventCount: Int
    public var mentions: [Mention]
    public var related: [Related]
    public var mentionsLimit: Int
    public var mentionsOffset: Int

    public init(entity: Entity, mentions: [Mention], related: [Related], mentionsLimit: Int, mentionsOffset: Int) {
        id = entity.id
        name = entity.name
        type = entity.type
        aliases = entity.aliases
        mentionCount = entity.mentionCount
        documentCount = entity.documentCount
        descriptions = entity.descriptions
        value = entity.value
        quoteCount = entity.quoteCount
        eventCount = entity.eventCount
        self.mentions = mentions
        self.related = related
        self.mentionsLimit = mentionsLimit
        self.mentionsOffset = mentionsOffset
    }
}

/// `GET /v1/documents/{id}/annotations`: every annotated span of a document, by start offset.
public struct Annotations: Codable, Sendable, Hashable {
    /// The kinds of annotation.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case entity, quote, timex, event
    }

    /// One annotated span. `kind` says which members it has: `entity` (`text`, `entityId`, `type`),
    /// `quote` (`text`, `quoteId`, `quoteKind`, `speakerId`, `speakerName`), `timex` (`text`,
    /// `value`, `type`, `granularity`, `mod`) or `event` (its trigger: `text`, `eventId`,
    /// `eventType`, and the event's date `value`); those of its kind are always written (null when
    /// absent), others never.
    public struct Item: Codable, Sendable, Hashable {
        public var kind: String
        public var start: Int
        public var end: Int
        public var text: String?
        public var entityId: String?
        public var type: String?
        public var quoteId: String?
        public var quoteKind: String?
        public var speakerId: String?
        public var speakerName: String?
        public var value: String?
        public var granularity: String?
        public var mod: String?
        public var eventId: String?
        public var eventType: String?

        public static func entity(start: Int, end: Int, text: String, entityId: String, type: String) -> Item {
            Item(kind: "entity", start: start, end: end, text: text, entityId: entityId, type: type)
        }

        public static func quote(
            start: Int, end: Int, text: String, quoteId: String, quoteKind: String, speakerId: String?, speakerName: String?
        ) -> Item {
            Item(
                kind: "quote", start: start, end: end, text: text, quoteId: quoteId, quoteKind: quoteKind, speakerId: speakerId,
                speakerName: speakerName)
        }

        public static func timex(_ t: TimeValue) -> Item {
            Item(kind: "timex", start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, granularity: t.granularity, mod: t.mod)
        }

        public static func event(start: Int, end: Int, trigger: String, eventId: String, eventType: String, date: String) -> Item {
            Item(kind: "event", start: start, end: end, text: trigger, value: date, eventId: eventId, eventType: eventType)
        }

        init(
            kind: String, start: Int, end: Int, text: String? = nil, entityId: String? = nil, type: String? = nil,
            quoteId: String? = nil, quoteKind: String? = nil, speakerId: String? = nil, speakerName: String? = nil,
            value: String? = nil, granularity: String? = nil, mod: String? = nil, eventId: String? = nil, eventType: String? = nil
        ) {
            self.kind = kind
            self.start = start
            self.end = end
            self.text = text
            self.entityId = entityId
            self.type = type
            self.quoteId = quoteId
            self.quoteKind = quoteKind
            self.speakerId = speakerId
            self.speakerName = speakerName
            self.value = value
            self.granularity = granularity
            self.mod = mod
            self.eventId = eventId
            self.eventType = eventType
        }

        private enum Keys: String, CodingKey {
            case kind, start, end, text, entityId, type, quoteId, quoteKind, speakerId, speakerName, value, granularity, mod, eventId
            case eventType
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            let members: [Keys] =
                switch kind {
                case "entity": [.text, .entityId, .type]
                case "quote": [.text, .quoteId, .quoteKind, .speakerId, .speakerName]
                case "event": [.text, .eventId, .eventType, .value]
                default: [.text, .value, .type, .granularity, .mod]
                }
            let values: [Keys: String?] = [
                .text: text, .entityId: entityId, .type: type, .quoteId: quoteId, .quoteKind: quoteKind,
                .speakerId: speakerId, .speakerName: speakerName, .value: value, .granularity: granularity, .mod: mod,
                .eventId: eventId, .eventType: eventType,
            ]
            for key in members { try c.encode(values[key] ?? nil, forKey: key) }
        }
    }

    public var documentId: String
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var data: [Item]

    public init(documentId: String, total: Int, limit: Int, offset: Int, data: [Item]) {
        self.documentId = documentId
        self.total = total
        self.limit = limit
        self.offset = offset
        self.data = data
    }
}
