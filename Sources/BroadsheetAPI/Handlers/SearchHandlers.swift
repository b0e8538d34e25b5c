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
        let snapshot = try service.requireSnapshot()
        var filters = SearchFilters()
        // An unknown document or entity id in a filter parameter matches nothing (as in every list).
        var matchesNothing = false
        if let documentId = try query.string("document", maxLength: 200) {
            matchesNothing = matchesNothing || snapshot.document(id: documentId) == nil
            filters.documents = [documentId]
        }
        if let entity = try query.string("entity", maxLength: 200) {
            matchesNothing = matchesNothing || snapshot.entities.entity(id: entity) == nil
            filters.entities = [entity]
        }
        if let from = try query.date("from") { filters.from = CivilDate(year: from.first.year, month: from.first.month, day: from.first.day) }
        if let to = try query.date("to") { filters.to = CivilDate(year: to.last.year, month: to.last.month, day: to.last.day) }
        if let from = filters.from, let to = filters.to, to < from {
            // An empty range: nothing is in it.
            matchesNothing = true
            filters.from = nil
            filters.to = nil
        }

        let options = SearchOptions(
            limit: page.limit, offset: page.offset, maxHitsPerDocument: group == .document ? 1 : nil, filters: filters)
        let results: SearchResults
        do {
            // The query is parsed even when the filters match nothing, so that a bad query is still a 400.
            let parsed = try SearchQuery(parsing: q)
            results =
                matchesNothing
                ? SearchResults(hits: [], total: 0, corrections: [], tookMs: 0)
                : try snapshot.search.search(parsed, options: options, context: snapshot.searchContext)
        } catch {
            throw ParameterError("q", .invalid(error.message))
        }
        return try .json(SearchResponseDTO(results, limit: page.limit, offset: page.offset))
    }

    /// `GET /v1/suggest`
    func suggest(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let q = try request.query.requiredString("q", maxLength: 100)
        let limit = try request.query.int("limit", default: 8, in: 1...20)
        let snapshot = try service.requireSnapshot()
        let names = snapshot.entities.list(query: q).prefix(50).map {
            Suggestion(text: $0.name, kind: "entity", weight: Double($0.mentionCount), id: $0.id)
        }
        let suggestions = snapshot.search.suggest(q, limit: limit, names: Array(names)).map {
            SuggestionDTO(text: $0.text, kind: $0.kind, entityId: Nullable($0.id))
        }
        return try .json(Page(slicing: suggestions, limit: limit, offset: 0))
    }
}
