/// The final responder of a chain: matches the request with a ``Router`` and calls one throwing handler.
///
/// - Unknown path → `404`, wrong method → `405` with `Allow`, undeclared query parameter → `400`.
/// - `OPTIONS` on a known path (with no `OPTIONS` route of its own) → `204` with `Allow`; `OPTIONS *` → `204` with
///   every method in use (RFC 9110 §9.3.7).
/// - `HEAD` runs the `GET` handler and keeps its body, so `ETag`/`Content-Length` are those of `GET`; the server
///   must not write a body for `HEAD` (RFC 9110 §9.3.2).
/// - Whatever the handler throws goes through ``ErrorMapper``: a ``ProblemConvertible`` error becomes its problem,
///   anything else a logged `500`.
///
/// ```swift
/// let responder = RoutingResponder(router: router, logger: logger) { request in
///     switch request.route {
///     case .getDocument:
///         let id = try request.parameters.require("id")
///         guard let doc = store[id] else { throw APIError.documentNotFound(id: id) }
///         return try .json(DocumentDTO(doc))
///     ...
///     }
/// }
/// ```
public struct RoutingResponder<Route: Sendable>: HTTPResponder {
    public typealias Handler = @Sendable (RoutedRequest<Route>) throws -> HTTPResponse

    public let router: Router<Route>
    public let errorMapper: ErrorMapper
    private let handler: Handler

    public init(router: Router<Route>, errorMapper: ErrorMapper = ErrorMapper(), handler: @escaping Handler) {
        self.router = router
        self.errorMapper = errorMapper
        self.handler = handler
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let path = request.rawPath
        do {
            if request.method == .options {
                if request.target == "*" {
                    return Self.optionsResponse(router.allMethods)
                }
                // A path with its own OPTIONS route falls through to it; an unknown path to the 404 below.
                if let allowed = router.allowedMethods(path: path),
                    (try? router.match(method: .options, path: path)) == nil
                {
                    return Self.optionsResponse(allowed)
                }
            }
            let match = try router.match(method: request.method, path: path)
            do {
                let query = try QueryParameters(request.query, allowed: match.allowedQuery)
                var response = try handler(RoutedRequest(request: request, match: match, query: query))
                response.routePattern = match.pattern
                return response
            } catch {
                var response = errorMapper.response(for: error, request: request)
                response.routePattern = match.pattern
                return response
            }
        } catch {
            var response = errorMapper.response(for: error, request: request)
            // A 405 still names its route; a 404 names none.
            response.routePattern = router.pattern(path: path)
            return response
        }
    }

    static func optionsResponse(_ allowed: [HTTPMethod]) -> HTTPResponse {
        HTTPResponse(status: .noContent, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
    }
}
