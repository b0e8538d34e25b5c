import BroadsheetWire
import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetHTTP
import BroadsheetSearch

extension APIHandlers {
    /// How search results are grouped.
    enum Grouping: String, CaseIterable {
        case none, document
    }

    /// `GET /v1/search`
    func search(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let q = try query.requiredString("q", maxLength: SearchQuery.maximumLength)
        let page = try query.pagination()
        let group = try query.value("group", as: Grouping.self, default: .none)
        let unit = try query.value("unit", as: SearchUnit.self, default: .article)
        let passages = try query.int("passages", default: 1, in: 0...SearchOptions.maxPassages)
        var facets: [CorpusAnalytics.Facet] = []
        for name in try query.string("facets", maxLength: 200)?.split(separator: ",", omittingEmptySubsequences: false) ?? [] {
            guard let facet = CorpusAnalytics.Facet(rawValue: String(name)) else {
                throw ParameterError("facets", .notOneOf(CorpusAnalytics.Facet.allCases.map(\.rawValue)))
            }
            if !facets.contains(facet) { facets.append(facet) }
        }
        let parsed: SearchQuery
        do {
            // The query first: a malformed one is a 400 whatever its filters name.
            parsed = try SearchQuery(parsing: q)
        } catch {
            throw ParameterError("q", .invalid(error.message))
        }
        let snapshot = try service.requireSnapshot()
        var filters = SearchFilters()
        if let documentId = try query.documentId("document", in: snapshot) { filters.documents = [documentId] }
        if let entity = try query.entityId("entity", in: snapshot) { filters.entities = [entity] }
        (filters.from, filters.to) = try query.dateRange()

        let options = SearchOptions(
            limit: page.limit, offset: page.offset, maxHitsPerDocument: group == .document ? 1 : nil, filters: filters, unit: unit,
            passages: passages)
        let results: BroadsheetSearch.SearchResults
        do {
            results = try snapshot.search.search(parsed, options: options, context: snapshot.searchContext)
        } catch where error.kind == .unknownEntity {
            // `entity:nobody` in the query is what `entity=nobody` is: a 404.
            throw APIError.unknownFilterValue(resource: "entity", id: error.value ?? "", parameter: "q")
        } catch {
            throw ParameterError("q", .invalid(error.message))
        }
        var response = SearchResponseDTO(results, unit: unit, limit: page.limit, offset: page.offset) { snapshot.document(id: $0)?.document }
        // A search for an entity alone: its mentions are what matched, so they are what is marked.
        let entities = Set(parsed.filters.entities + filters.entities)
        if parsed.root == nil, entities.count == 1, let entity = entities.first {
            response.markMentions(of: entity, in: snapshot, unit: unit, passages: passages)
        }
        if !facets.isEmpty {
            response.facets = try searchFacets(facets, query: parsed, filters: filters, snapshot: snapshot)
        }
        return try .json(response)
    }

    /// The top values of `facets` and a date histogram over the articles `query` matches (its best 1,000).
    private func searchFacets(
        _ facets: [CorpusAnalytics.Facet], query: SearchQuery, filters: SearchFilters, snapshot: CorpusSnapshot
    ) throws -> SearchFacets {
        let sample = try snapshot.search.search(
            query, options: SearchOptions(limit: CorpusAnalytics.maxSearchMatches, filters: filters, includeSnippets: false, passages: 0),
            context: snapshot.searchContext)
        let documents = sample.hits.compactMap { snapshot.document(id: $0.documentId)?.document }
        let selected = CorpusAnalytics.Selected(documents: documents, matched: sample.total, sampled: sample.total > sample.hits.count)
        let analytics = CorpusAnalytics(snapshot)
        var values: [String: [TrendsDTO.Value]] = [:]
        for facet in facets {
            let own = Set(query.filters.entities + filters.entities)
            values[facet.rawValue] = TrendsDTO(facet: facet, selected: selected, counts: analytics.top(facet, in: documents, limit: 10, excluding: own)).data
        }
        let dates = documents.compactMap(\.publishedAt)
        let interval: CorpusAnalytics.Interval =
            if let first = dates.min(), let last = dates.max(), last.year - first.year > 5 { .year } else { .month }
        let buckets = analytics.series(of: documents, interval: interval, from: nil, to: nil, entity: nil) ?? []
        return SearchFacets(
            matched: selected.matched, sampled: selected.sampled, values: values,
            histogram: TimeseriesDTO(interval: interval, selected: selected, buckets: buckets))
    }

    /// `GET /v1/suggest`
    func suggest(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let q = try request.query.requiredString("q", maxLength: 100)
        let limit = try request.query.int("limit", default: 8, in: 1...20)
        let offset = try request.query.int("offset", default: 0, in: 0...100)
        let snapshot = try service.requireSnapshot()
        let names = snapshot.entities.list(query: q).prefix(50).map {
            Suggestion(text: $0.name, kind: "entity", weight: Double($0.mentionCount), id: $0.id)
        }
        let suggestions = snapshot.search.suggest(q, limit: limit + offset, names: Array(names)).map {
            SuggestionDTO(text: $0.text, kind: $0.kind, entityId: $0.id)
        }
        return try .json(Page(slicing: suggestions, limit: limit, offset: offset))
    }
}
