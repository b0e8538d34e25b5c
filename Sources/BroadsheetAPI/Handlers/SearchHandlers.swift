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
        return try .json(SearchResponseDTO(results, unit: unit, limit: page.limit, offset: page.offset) { snapshot.document(id: $0)?.document })
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
