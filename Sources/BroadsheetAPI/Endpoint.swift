public import BroadsheetHTTP

/// Every operation the API serves. Raw values are the `operationId`s of `openapi.yaml`,
/// and a test keeps the two in step.
public enum Endpoint: String, Sendable, CaseIterable {
    case getHealth
    case getReadiness
    case getMetrics
    case getOpenAPI
    case getCorpus
    case listDocuments
    case createDocuments
    case getDocument
    case replaceDocument
    case deleteDocument
    case getDocumentAnnotations
    case listEntities
    case getEntity
    case listEntityQuotes
    case listEntityMentions
    case listQuotes
    case listEntityEvents
    case listEvents
    case search
    case suggest
    case getTrends
    case getTimeseries
    case listRelatedDocuments
    case getExplorer
    case getExplorerAsset

    /// Method, path pattern and accepted query parameters of each endpoint (`nil`: any, read by the page itself).
    public var route: (method: HTTPMethod, pattern: String, query: Set<String>?) {
        switch self {
        case .getHealth: (.get, "/healthz", [])
        case .getReadiness: (.get, "/readyz", [])
        case .getMetrics: (.get, "/metrics", [])
        case .getOpenAPI: (.get, "/openapi.yaml", [])
        case .getCorpus: (.get, "/v1/corpus", [])
        case .listDocuments:
            (.get, "/v1/documents", ["limit", "offset", "from", "to", "publication", "author", "category", "tag", "entity", "undated", "sort"])
        case .createDocuments: (.post, "/v1/documents", ["wait"])
        case .getDocument: (.get, "/v1/documents/{id}", [])
        case .replaceDocument: (.put, "/v1/documents/{id}", ["wait"])
        case .deleteDocument: (.delete, "/v1/documents/{id}", ["wait"])
        case .getDocumentAnnotations: (.get, "/v1/documents/{id}/annotations", ["kinds", "limit", "offset"])
        case .listEntityMentions: (.get, "/v1/entities/{id}/mentions", ["limit", "offset"])
        case .listEntities: (.get, "/v1/entities", ["type", "q", "document", "sort", "limit", "offset"])
        case .getEntity: (.get, "/v1/entities/{id}", ["limit", "offset"])
        case .listEntityQuotes: (.get, "/v1/entities/{id}/quotes", ["kind", "limit", "offset"])
        case .listQuotes: (.get, "/v1/quotes", ["speaker", "document", "kind", "q", "limit", "offset"])
        case .listEntityEvents: (.get, "/v1/entities/{id}/events", ["limit", "offset"])
        case .listEvents: (.get, "/v1/events", ["from", "to", "entity", "type", "document", "limit", "offset"])
        case .search:
            (.get, "/v1/search", ["q", "limit", "offset", "unit", "passages", "group", "document", "entity", "from", "to", "facets"])
        case .suggest: (.get, "/v1/suggest", ["q", "limit", "offset"])
        case .getTrends: (.get, "/v1/trends", ["facet", "q", "entity", "from", "to", "limit"])
        case .getTimeseries: (.get, "/v1/timeseries", ["q", "entity", "from", "to", "interval"])
        case .listRelatedDocuments: (.get, "/v1/documents/{id}/related", ["limit"])
        case .getExplorer: (.get, "/", ["view", "q", "unit", "offset", "id", "p", "speaker", "kind", "from", "to", "type", "entity"])
        case .getExplorerAsset: (.get, "/ui/{file}", ["v"])
        }
    }

    /// The router with every endpoint registered.
    public static var router: Router<Endpoint> {
        var router = Router<Endpoint>()
        for endpoint in allCases {
            let r = endpoint.route
            router.add(r.method, r.pattern, endpoint, query: r.query)
        }
        return router
    }
}
