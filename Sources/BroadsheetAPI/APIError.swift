public import BroadsheetHTTP

/// Errors the API's handlers throw; each maps to one RFC 9457 problem.
public enum APIError: Error, Sendable, Hashable, ProblemConvertible {
    /// No `resource` (e.g. "document") with this id.
    case notFound(resource: String, id: String)
    /// The corpus is still loading.
    case notReady

    public var problem: ProblemDetails {
        switch self {
        case .notFound(let resource, let id):
            ProblemDetails(.notFound, status: .notFound, detail: "No \(resource) with id '\(id)'.", parameter: "id")
        case .notReady:
            ProblemDetails(.notReady, status: .serviceUnavailable, detail: "The corpus is still loading; try again shortly.")
        }
    }

    public var problemHeaders: HTTPHeaders {
        self == .notReady ? ["Retry-After": "1"] : [:]
    }
}
