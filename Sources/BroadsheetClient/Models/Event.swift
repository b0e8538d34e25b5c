/// A normalised time expression.
public struct TimeValue: Decodable, Sendable, Hashable {
    public var value: String
    public var type: String
    public var granularity: String
    public var mod: String?
    public var text: String
    public var start: Int
    public var end: Int
}

/// One event of `GET /v1/events`.
public struct Event: Decodable, Sendable, Hashable {
    public var id: String
    public var documentId: String
    public var documentTitle: String
    public var publishedAt: String?
    public var date: TimeValue
    public var trigger: String
    public var type: String
    public var summary: String
    public var sentence: String
    public var participants: [EntityRef]
    public var places: [EntityRef]
    public var inherited: Bool
}
