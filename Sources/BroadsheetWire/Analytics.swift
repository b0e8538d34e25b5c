/// `GET /v1/trends`: the top values of a facet within the selected articles.
public struct Trends: Codable, Sendable, Hashable {
    public struct Value: Codable, Sendable, Hashable {
        /// The entity id, or the publication, category or tag itself.
        public var value: String
        /// The entity's name, or the value.
        public var name: String
        @ExplicitNull public var entity: EntityRef?
        public var articles: Int
        public var mentions: Int

        public init(value: String, name: String, entity: EntityRef?, articles: Int, mentions: Int) {
            self.value = value
            self.name = name
            self.entity = entity
            self.articles = articles
            self.mentions = mentions
        }
    }

    public var facet: String
    /// How many articles the selection matched.
    public var matched: Int
    /// True when a query matched more articles than the counts cover (its best 1,000).
    public var sampled: Bool
    public var data: [Value]

    public init(facet: String, matched: Int, sampled: Bool, data: [Value]) {
        self.facet = facet
        self.matched = matched
        self.sampled = sampled
        self.data = data
    }
}

/// `GET /v1/timeseries`: articles (and mentions of an entity) per interval.
public struct Timeseries: Codable, Sendable, Hashable {
    public struct Bucket: Codable, Sendable, Hashable {
        public var start: String
        public var end: String
        public var articles: Int
        /// Mentions of the selection's entity; null without one.
        @ExplicitNull public var mentions: Int?

        public init(start: String, end: String, articles: Int, mentions: Int?) {
            self.start = start
            self.end = end
            self.articles = articles
            self.mentions = mentions
        }
    }

    public var interval: String
    public var matched: Int
    public var sampled: Bool
    public var data: [Bucket]

    public init(interval: String, matched: Int, sampled: Bool, data: [Bucket]) {
        self.interval = interval
        self.matched = matched
        self.sampled = sampled
        self.data = data
    }
}

/// `GET /v1/documents/{id}/related`: articles like this one, with the entities they share.
public struct RelatedDocuments: Codable, Sendable, Hashable {
    public struct Item: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        @ExplicitNull public var publishedAt: String?
        @ExplicitNull public var publication: String?
        public var score: Double
        /// The entities both articles mention, most telling (rarest) first.
        public var sharedEntities: [EntityRef]

        public init(id: String, title: String, publishedAt: String?, publication: String?, score: Double, sharedEntities: [EntityRef]) {
            self.id = id
            self.title = title
            self.publishedAt = publishedAt
            self.publication = publication
            self.score = score
            self.sharedEntities = sharedEntities
        }
    }

    public var documentId: String
    public var data: [Item]

    public init(documentId: String, data: [Item]) {
        self.documentId = documentId
        self.data = data
    }
}
