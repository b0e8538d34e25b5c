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
    case getDocument

    /// Method, path pattern and accepted query parameters of each endpoint.
    public var route: (method: HTTPMethod, pattern: String, query: Set<String>) {
        switch self {
        case .getHealth: (.get, "/healthz", [])
        case .getReadiness: (.get, "/readyz", [])
        case .getMetrics: (.get, "/metrics", [])
        case .getOpenAPI: (.get, "/openapi.yaml", [])
        case .getCorpus: (.get, "/v1/corpus", [])
        case .listDocuments: (.get, "/v1/documents", ["limit", "offset"])
        case .getDocument: (.get, "/v1/documents/{id}", [])
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
