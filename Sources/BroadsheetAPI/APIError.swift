public import BroadsheetHTTP

/// Errors the API's handlers throw; each maps to one RFC 9457 problem.
public enum APIError: Error, Sendable, Hashable, ProblemConvertible {
    /// No `resource` (e.g. "document") with this id.
    case notFound(resource: String, id: String)
    /// A filter names a `resource` that does not exist (query parameter `parameter`): `404`, the same
    /// in every list and in a search's `entity:` filter, rather than an empty answer that hides a typo.
    case unknownFilterValue(resource: String, id: String, parameter: String)
    /// `from` is after `to`.
    case emptyDateRange
    /// The corpus is still loading.
    case notReady
    /// No key, or a key that is not one of the server's (`WWW-Authenticate: Bearer`).
    case unauthorized(String)
    /// The server has no write key: it takes no writes.
    case writesDisabled
    /// `POST` of an article under an id that holds another article.
    case conflict(id: String)
    /// A body in a media type the route does not read.
    case unsupportedMediaType(String)
    /// The body is not a readable article; `field` names the JSON field at fault, when there is one.
    case invalidArticle(String, field: String?)
    /// The store could not commit; nothing of the request was kept.
    case storeFailed(String, full: Bool)

    public var problem: ProblemDetails {
        switch self {
        case .notFound(let resource, let id):
            ProblemDetails(.notFound, status: .notFound, detail: "No \(resource) with id '\(id)'.", parameter: "id")
        case .unknownFilterValue(let resource, let id, let parameter):
            ProblemDetails(.notFound, status: .notFound, detail: "No \(resource) with id '\(id)' (in '\(parameter)').", parameter: parameter)
        case .emptyDateRange:
            ProblemDetails(.invalidParameter, status: .badRequest, detail: "'from' is after 'to': the range is empty.", parameter: "from")
        case .notReady:
            ProblemDetails(.notReady, status: .serviceUnavailable, detail: "The corpus is still loading; try again shortly.")
        case .unauthorized(let detail):
            ProblemDetails(.unauthorized, status: .unauthorized, detail: detail)
        case .writesDisabled:
            ProblemDetails(
                .writesDisabled, status: .forbidden,
                detail: "This server takes no writes: start it with --api-key-file or BROADSHEET_API_KEYS to enable them.")
        case .conflict(let id):
            ProblemDetails(
                .conflict, status: .conflict,
                detail: "Document '\(id)' exists with other content; replace it with PUT /v1/documents/\(id).", parameter: "id")
        case .unsupportedMediaType(let type):
            ProblemDetails(
                .unsupportedMediaType, status: .unsupportedMediaType,
                detail: "Cannot read a body of type '\(type)': send application/json, application/x-ndjson, text/plain or text/markdown.")
        case .invalidArticle(let detail, let field):
            ProblemDetails(.invalidArticle, status: .unprocessableContent, detail: detail, field: field)
        case .storeFailed(let detail, let full):
            ProblemDetails(
                .storeFailed, status: full ? .insufficientStorage : .serviceUnavailable,
                detail: "Nothing was stored: \(detail)")
        }
    }

    public var problemHeaders: HTTPHeaders {
        switch self {
        case .notReady: ["Retry-After": "1"]
        case .unauthorized: ["WWW-Authenticate": #"Bearer realm="broadsheet""#]
        default: [:]
        }
    }
}

extension ProblemDetails.Kind {
    public static let unauthorized = Self(slug: "unauthorized", title: "Missing or wrong API key")
    public static let writesDisabled = Self(slug: "writes-disabled", title: "Writes are disabled")
    public static let conflict = Self(slug: "conflict", title: "Document exists with other content")
    public static let unsupportedMediaType = Self(slug: "unsupported-media-type", title: "Unsupported media type")
    public static let invalidArticle = Self(slug: "invalid-article", title: "Not a readable article")
    public static let storeFailed = Self(slug: "store-failed", title: "The article could not be stored")
}

/// A permanent redirect (`308`) of an entity id that was merged into another entity.
struct EntityMoved: Error, ProblemConvertible {
    let id: String
    let survivor: String
    let location: String

    var problem: ProblemDetails {
        ProblemDetails(
            .entityMerged, status: HTTPStatus(code: 308, reasonPhrase: "Permanent Redirect"),
            detail: "Entity '\(id)' was merged into '\(survivor)'.", parameter: "id")
    }

    var problemHeaders: HTTPHeaders { ["Location": location] }
}

extension ProblemDetails.Kind {
    public static let entityMerged = Self(slug: "entity-merged", title: "Entity merged into another")
}
