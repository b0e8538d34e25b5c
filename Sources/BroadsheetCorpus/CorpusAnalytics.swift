import BroadsheetCollections
public import BroadsheetCore
public import BroadsheetExtraction
public import BroadsheetSearch
import Foundation

/// Counts over a set of articles of a snapshot: the top values of a facet (trends), articles and
/// mentions per interval (time series), and the articles most like one article (related).
public struct CorpusAnalytics: Sendable {
    public let snapshot: CorpusSnapshot

    public init(_ snapshot: CorpusSnapshot) { self.snapshot = snapshot }

    // MARK: - The articles a request is about

    /// Which articles: those matching `query` (the best ``maxSearchMatches`` of them), mentioning
    /// `entity`, published within `from...to` (undated articles are left out by either bound).
    public struct Selection: Sendable {
        public var query: SearchQuery?
        public var entity: String?
        public var from: CivilDate?
        public var to: CivilDate?

        public init(query: SearchQuery? = nil, entity: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
            self.query = query
            self.entity = entity
            self.from = from
            self.to = to
        }
    }

    /// The selected articles, how many matched in all, and whether the counts cover only the best
    /// matches of a query.
    public struct Selected: Sendable {
        public var documents: [Document]
        public var matched: Int
        public var sampled: Bool

        public init(documents: [Document], matched: Int, sampled: Bool) {
            self.documents = documents
            self.matched = matched
            self.sampled = sampled
        }
    }

    /// Most articles of a query that the counts cover (as a search engine's sampler aggregation).
    public static let maxSearchMatches = 1000

    /// - Throws: ``SearchQueryError`` for a query the index cannot run.
    public func select(_ selection: Selection) throws -> Selected {
        func inRange(_ d: Document) -> Bool {
            if let from = selection.from, (d.publishedAt.map { $0 < from } ?? true) { return false }
            if let to = selection.to, (d.publishedAt.map { $0 > to } ?? true) { return false }
            return true
        }
        if let query = selection.query {
            var filters = SearchFilters()
            if let entity = selection.entity { filters.entities = [entity] }
            let results = try snapshot.search.search(
                query, options: SearchOptions(limit: Self.maxSearchMatches, filters: filters, includeSnippets: false, passages: 0),
                context: snapshot.searchContext)
            let documents = results.hits.compactMap { snapshot.document(id: $0.documentId)?.document }.filter(inRange)
            let sampled = results.total > results.hits.count
            return Selected(documents: documents, matched: sampled ? results.total : documents.count, sampled: sampled)
        }
        let documents: [Document]
        if let entity = selection.entity {
            let base = (snapshot.entities.entity(id: entity)?.documentIds ?? []).compactMap { snapshot.document(id: $0)?.document }
            documents = selection.from == nil && selection.to == nil ? base : base.filter(inRange)
        } else if selection.from != nil || selection.to != nil {
            documents = Array(snapshot.documents(from: selection.from, to: selection.to))
        } else {
            documents = Array(snapshot.documents)
        }
        return Selected(documents: documents, matched: documents.count, sampled: false)
    }

    // MARK: - Trends

    /// What trends count.
    public enum Facet: String, Sendable, CaseIterable {
        case entity, person, organization, location, product, publication, category, tag

        var entityType: EntityType? {
            switch self {
            case .person: .person
            case .organization: .organization
            case .location: .location
            case .product: .product
            default: nil
            }
        }
    }

    /// One value of a facet: how many selected articles have it, and how many mentions (entities; for
    /// the other facets, the same as articles).
    public struct FacetCount: Sendable, Hashable {
        public var value: String
        /// The entity, for entity facets.
        public var entity: EntityCatalog.Entity?
        public var articles: Int
        public var mentions: Int
    }

    /// The top `limit` values of `facet` in `documents`, most articles first (then most mentions,
    /// then by value). The entities in `excluding` (the selection's own) are left out.
    public func top(_ facet: Facet, in documents: [Document], limit: Int, excluding: Set<String> = []) -> [FacetCount] {
        var articles: [String: Int] = [:]
        var mentions: [String: Int] = [:]
        let isEntity = facet.entityType != nil || facet == .entity
        switch facet {
        case .entity, .person, .organization, .location, .product:
            let type = facet.entityType
            return snapshot.entities.top(inDocuments: documents.lazy.map(\.id), type: type, limit: limit, excluding: excluding).map {
                FacetCount(value: $0.entity.id, entity: $0.entity, articles: $0.articles, mentions: $0.mentions)
            }
        case .publication, .category, .tag:
            for document in documents {
                let values: [String] =
                    switch facet {
                    case .publication: document.publication.map { [$0] } ?? []
                    case .category: document.category.map { [$0] } ?? []
                    default: Array(Set(document.tags))
                    }
                for value in values {
                    articles[value, default: 0] += 1
                    mentions[value, default: 0] += 1
                }
            }
        }
        return articles.map { key, count in
            FacetCount(value: key, entity: isEntity ? snapshot.entities.entity(id: key) : nil, articles: count, mentions: mentions[key] ?? count)
        }
        .sorted { ($1.articles, $1.mentions, $0.value) < ($0.articles, $0.mentions, $1.value) }
        .prefix(limit).map { $0 }
    }

    /// The top `limit` values of an entity facet over every article (the catalog's own counts), or
    /// `nil` for a facet that is not of entities.
    public func topOfCorpus(_ facet: Facet, limit: Int, excluding: Set<String> = []) -> [FacetCount]? {
        guard facet.entityType != nil || facet == .entity else { return nil }
        return topEntities(type: facet.entityType, limit: limit, excluding: excluding)
    }

    /// The top entities of the whole corpus by articles, then mentions, then id (no count is made again).
    private func topEntities(type: EntityType?, limit: Int, excluding: Set<String>) -> [FacetCount] {
        snapshot.entities.top(limit: limit) { id, entityType in
            (type == nil || entityType == type) && entityType != .money && entityType != .percent && !excluding.contains(id)
        }
        .map { FacetCount(value: $0.id, entity: $0, articles: $0.documentCount, mentions: $0.mentionCount) }
    }

    // MARK: - Time series

    /// Bucket widths of a time series; a week starts on Monday (ISO 8601).
    public enum Interval: String, Sendable, CaseIterable {
        case day, week, month, year
    }

    /// One interval: its first and last days, the selected articles published in it, and the
    /// mentions of the selection's entity in them (`nil` without an entity).
    public struct Bucket: Sendable, Hashable {
        public var start: CivilDate
        public var end: CivilDate
        public var articles: Int
        public var mentions: Int?
    }

    /// Most buckets one series may have.
    public static let maxBuckets = 1000

    /// Articles (and mentions of `entity`) per interval from `from` (or the first dated article) to
    /// `to` (or the last), empty intervals included; `nil` when that is more than ``maxBuckets``.
    public func series(
        of documents: [Document], interval: Interval, from: CivilDate?, to: CivilDate?, entity: String?
    ) -> [Bucket]? {
        let dated = documents.filter { $0.publishedAt != nil }
        guard let first = from ?? dated.map({ $0.publishedAt! }).min(), let last = to ?? dated.map({ $0.publishedAt! }).max(),
            first <= last
        else { return [] }
        var buckets: [Bucket] = []
        var start = Self.bucketStart(first, interval)
        while start <= last {
            let next = Self.advance(start, interval)
            buckets.append(Bucket(start: start, end: next.adding(days: -1), articles: 0, mentions: entity == nil ? nil : 0))
            if buckets.count > Self.maxBuckets { return nil }
            start = next
        }
        let starts = buckets.map(\.start)
        for document in dated {
            let date = document.publishedAt!
            guard date >= buckets[0].start, date <= buckets[buckets.count - 1].end else { continue }
            // The last bucket starting on or before the date.
            var low = 0
            var high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= date { low = mid } else { high = mid - 1 }
            }
            buckets[low].articles += 1
            if let entity {
                buckets[low].mentions! += snapshot.entities.annotations(documentId: document.id).filter { $0.entityId == entity }.count
            }
        }
        return buckets
    }

    static func bucketStart(_ date: CivilDate, _ interval: Interval) -> CivilDate {
        switch interval {
        case .day: date
        case .week: date.adding(days: 1 - date.weekday)
        case .month: CivilDate(year: date.year, month: date.month, day: 1)!
        case .year: CivilDate(year: date.year, month: 1, day: 1)!
        }
    }

    static func advance(_ start: CivilDate, _ interval: Interval) -> CivilDate {
        switch interval {
        case .day: start.adding(days: 1)
        case .week: start.adding(days: 7)
        case .month: start.month == 12 ? CivilDate(year: start.year + 1, month: 1, day: 1)! : CivilDate(year: start.year, month: start.month + 1, day: 1)!
        case .year: CivilDate(year: start.year + 1, month: 1, day: 1)!
        }
    }

    // MARK: - Related articles

    /// An article like another, with the entities they share (most telling first).
    public struct RelatedArticle: Sendable {
        public var document: Document
        public var score: Double
        public var shared: [EntityCatalog.Entity]
    }

    /// Entities in more than this share of the corpus's articles say too little to relate two
    /// articles (in a corpus of at least ``minArticlesForShare``; a small one keeps every entity).
    static let maxEntityShare = 0.2
    static let minArticlesForShare = 50.0

    /// The articles that share the most telling entities with `documentId` (each entity weighs the
    /// log of how rare it is), plus the words of its title (a search for them, its score scaled to
    /// the entities'). Money and percentages do not count.
    public func related(to documentId: String, limit: Int) -> [RelatedArticle] {
        guard let document = snapshot.document(id: documentId)?.document else { return [] }
        let total = Double(max(1, snapshot.documents.count))
        var scores: [String: Double] = [:]
        var shared: [String: [(EntityCatalog.Entity, Double)]] = [:]
        let ids = Set(snapshot.entities.globalIds(documentId: documentId).values)
        for id in ids {
            guard let entity = snapshot.entities.entity(id: id), entity.type != .money, entity.type != .percent,
                entity.documentCount > 1,
                total < Self.minArticlesForShare || Double(entity.documentCount) <= total * Self.maxEntityShare
            else { continue }
            let weight = log(total / Double(entity.documentCount)) + 1
            for other in entity.documentIds where other != documentId {
                scores[other, default: 0] += weight
                shared[other, default: []].append((entity, weight))
            }
        }
        // The title's words, any of them: articles on the same subject that name no shared entity.
        let words = document.title.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).filter { $0.count > 3 }.map(String.init)
        if !words.isEmpty, let query = try? SearchQuery(parsing: words.joined(separator: " OR ")),
            let results = try? snapshot.search.search(query, options: SearchOptions(limit: 50, includeSnippets: false, passages: 0)),
            let best = results.hits.first?.score, best > 0
        {
            for hit in results.hits where hit.documentId != documentId {
                scores[hit.documentId, default: 0] += 2 * hit.score / best
            }
        }
        return scores.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).compactMap { id, score in
            guard let other = snapshot.document(id: id)?.document else { return nil }
            let entities = (shared[id] ?? []).sorted { ($1.1, $0.0.id) < ($0.1, $1.0.id) }.map(\.0)
            return RelatedArticle(document: other, score: (score * 1000).rounded() / 1000, shared: entities)
        }
    }
}
