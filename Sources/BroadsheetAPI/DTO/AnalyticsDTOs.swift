import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction

/// `GET /v1/trends`: the top values of a facet within the selected articles.
public struct TrendsDTO: Encodable, Sendable {
    public struct Value: Encodable, Sendable {
        /// The entity id, or the publication, category or tag itself.
        public var value: String
        /// The entity's name, or the value.
        public var name: String
        public var entity: Nullable<EntityRefDTO>
        public var articles: Int
        public var mentions: Int
    }
    public var facet: String
    /// How many articles the selection matched.
    public var matched: Int
    /// True when a query matched more articles than the counts cover (its best 1,000).
    public var sampled: Bool
    public var data: [Value]

    init(facet: CorpusAnalytics.Facet, selected: CorpusAnalytics.Selected, counts: [CorpusAnalytics.FacetCount]) {
        self.facet = facet.rawValue
        matched = selected.matched
        sampled = selected.sampled
        data = counts.map {
            Value(value: $0.value, name: $0.entity?.name ?? $0.value, entity: Nullable($0.entity.map(EntityRefDTO.init)),
                  articles: $0.articles, mentions: $0.mentions)
        }
    }
}

/// `GET /v1/timeseries`: articles (and mentions of an entity) per interval.
public struct TimeseriesDTO: Encodable, Sendable {
    public struct Bucket: Encodable, Sendable {
        public var start: String
        public var end: String
        public var articles: Int
        public var mentions: Nullable<Int>
    }
    public var interval: String
    public var matched: Int
    public var sampled: Bool
    public var data: [Bucket]

    init(interval: CorpusAnalytics.Interval, selected: CorpusAnalytics.Selected, buckets: [CorpusAnalytics.Bucket]) {
        self.interval = interval.rawValue
        matched = selected.matched
        sampled = selected.sampled
        data = buckets.map {
            Bucket(start: $0.start.description, end: $0.end.description, articles: $0.articles, mentions: Nullable($0.mentions))
        }
    }
}

/// `GET /v1/documents/{id}/related`: articles like this one, with the entities they share.
public struct RelatedDocumentsDTO: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var id: String
        public var title: String
        public var publishedAt: Nullable<String>
        public var publication: Nullable<String>
        public var score: Double
        /// The entities both articles mention, most telling (rarest) first.
        public var sharedEntities: [EntityRefDTO]
    }
    public var documentId: String
    public var data: [Item]

    init(documentId: String, related: [CorpusAnalytics.RelatedArticle]) {
        self.documentId = documentId
        data = related.map {
            Item(
                id: $0.document.id, title: $0.document.title, publishedAt: Nullable($0.document.publishedAt?.description),
                publication: Nullable($0.document.publication), score: $0.score, sharedEntities: $0.shared.map(EntityRefDTO.init))
        }
    }
}
