/// `GET /v1/trends`.
public struct Trends: Decodable, Sendable {
    public struct Value: Decodable, Sendable, Hashable {
        public var value: String
        public var name: String
        public var entity: EntityRef?
        public var articles: Int
        public var mentions: Int
    }
    public var facet: String
    public var matched: Int
    public var sampled: Bool
    public var data: [Value]
}

/// `GET /v1/timeseries`.
public struct Timeseries: Decodable, Sendable {
    public struct Bucket: Decodable, Sendable, Hashable {
        public var start: String
        public var end: String
        public var articles: Int
        public var mentions: Int?
    }
    public var interval: String
    public var matched: Int
    public var sampled: Bool
    public var data: [Bucket]
}

/// `GET /v1/documents/{id}/related`.
public struct RelatedDocuments: Decodable, Sendable {
    public struct Item: Decodable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var publishedAt: String?
        public var publication: String?
        public var score: Double
        public var sharedEntities: [EntityRef]
    }
    public var documentId: String
    public var data: [Item]
}
