import BroadsheetWire
import BroadsheetCorpus
import BroadsheetCore
import BroadsheetHTTP
import BroadsheetSearch

extension APIHandlers {
    /// The selection of `q`, `entity`, `from` and `to`, shared by trends and time series.
    private func selection(_ query: QueryParameters, in snapshot: CorpusSnapshot) throws -> CorpusAnalytics.Selection {
        var parsed: SearchQuery?
        if let q = try query.string("q", maxLength: SearchQuery.maximumLength) {
            do {
                parsed = try SearchQuery(parsing: q)
            } catch {
                throw ParameterError("q", .invalid(error.message))
            }
        }
        let entity = try query.entityId("entity", in: snapshot)
        let (from, to) = try query.dateRange()
        return CorpusAnalytics.Selection(query: parsed, entity: entity, from: from, to: to)
    }

    private func select(_ selection: CorpusAnalytics.Selection, in analytics: CorpusAnalytics) throws -> CorpusAnalytics.Selected {
        do {
            return try analytics.select(selection)
        } catch let error as SearchQueryError where error.kind == .unknownEntity {
            throw APIError.unknownFilterValue(resource: "entity", id: error.value ?? "", parameter: "q")
        } catch let error as SearchQueryError {
            throw ParameterError("q", .invalid(error.message))
        }
    }

    /// `GET /v1/trends`
    func trends(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let facet = try query.value("facet", as: CorpusAnalytics.Facet.self, default: .entity)
        let limit = try query.int("limit", default: 10, in: 1...100)
        let snapshot = try service.requireSnapshot()
        let wanted = try selection(query, in: snapshot)
        let analytics = CorpusAnalytics(snapshot)
        if wanted.query == nil, wanted.entity == nil, wanted.from == nil, wanted.to == nil,
            let counts = analytics.topOfCorpus(facet, limit: limit)
        {
            // Every article: the catalog's counts, with no list of the articles made.
            let everything = CorpusAnalytics.Selected(documents: [], matched: snapshot.documents.count, sampled: false)
            return try .json(TrendsDTO(facet: facet, selected: everything, counts: counts))
        }
        let selected = try select(wanted, in: analytics)
        // The selection's own entities (as `entity=` or `entity:` in the query) are not news within it.
        let own = Set([wanted.entity].compactMap { $0 } + (wanted.query?.filters.entities ?? []))
        let counts = analytics.top(facet, in: selected.documents, limit: limit, excluding: own)
        return try .json(TrendsDTO(facet: facet, selected: selected, counts: counts))
    }

    /// `GET /v1/timeseries`
    func timeseries(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let interval = try query.value("interval", as: CorpusAnalytics.Interval.self, default: .month)
        let snapshot = try service.requireSnapshot()
        let wanted = try selection(query, in: snapshot)
        let analytics = CorpusAnalytics(snapshot)
        let selected = try select(wanted, in: analytics)
        guard let buckets = analytics.series(of: selected.documents, interval: interval, from: wanted.from, to: wanted.to, entity: wanted.entity)
        else {
            throw ParameterError(
                "interval", .invalid("more than \(CorpusAnalytics.maxBuckets) intervals: narrow from/to or take a longer interval"))
        }
        return try .json(TimeseriesDTO(interval: interval, selected: selected, buckets: buckets))
    }

    /// `GET /v1/documents/{id}/related`
    func relatedDocuments(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let limit = try request.query.int("limit", default: 10, in: 1...50)
        let snapshot = try service.requireSnapshot()
        guard snapshot.document(id: id) != nil else { throw APIError.notFound(resource: "document", id: id) }
        return try .json(RelatedDocumentsDTO(documentId: id, related: CorpusAnalytics(snapshot).related(to: id, limit: limit)))
    }
}
