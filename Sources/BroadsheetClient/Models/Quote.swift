/// A reference to an entity (a quote's speaker, an event's participant).
public struct EntityRef: Decodable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: String
}

/// One quotation as `GET /v1/quotes` serves it.
public struct Quote: Decodable, Sendable, Hashable {
    public var id: String
    public var documentId: String
    public var documentTitle: String
    public var publishedAt: String?
    public var text: String
    public var kind: String
    public var speaker: EntityRef?
    public var speakerText: String?
    public var cue: String?
    public var start: Int
    public var end: Int
    public var paragraph: Int
    public var continues: String?
}
