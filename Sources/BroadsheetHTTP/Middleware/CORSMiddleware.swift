/// Cross-origin resource sharing (Fetch standard, "CORS protocol").
///
/// - Every response (errors included) gets `Access-Control-Allow-Origin` and `Access-Control-Expose-Headers` when
///   the origin is allowed: `*` by default; with a list of origins, a matching `Origin` is echoed and `Vary: Origin`
///   is added to every response (matching or not) so that caches keep them apart.
/// - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) on a known path is answered here with
///   `204`, `Access-Control-Allow-Methods` (the path's methods, from ``allowedMethods``), `Access-Control-Allow-Headers`
///   and `Access-Control-Max-Age`. A preflight on an unknown path, or from a disallowed origin, goes on to the
///   responder (which answers `404`, or `204` with `Allow` and no CORS grant).
/// - A plain `OPTIONS` is not CORS's business: the ``RoutingResponder`` answers `204` with `Allow`.
public struct CORSMiddleware: HTTPMiddleware {
    /// Which origins may read responses.
    public enum AllowedOrigin: Sendable, Hashable {
        /// Any origin: `Access-Control-Allow-Origin: *` (no credentials).
        case any
        /// Only these exact origins (e.g. `https://news.example`), echoed back when matching.
        case origins(Set<String>)
    }

    public var allowedOrigin: AllowedOrigin
    public var allowedHeaders: [String]
    public var exposedHeaders: [String] {
        didSet { exposedHeaderList = exposedHeaders.joined(separator: ", ") }
    }
    /// ``exposedHeaders`` as the header value, joined once.
    private var exposedHeaderList: String
    /// Preflight cache lifetime in seconds. Default: 600.
    public var maxAge: Int
    /// The methods allowed on a request's path, or `nil` for an unknown path. Default: `GET, HEAD, OPTIONS` everywhere.
    public var allowedMethods: @Sendable (HTTPRequest) -> [HTTPMethod]?

    /// - Parameters:
    ///   - allowedOrigin: Default: ``AllowedOrigin/any``.
    ///   - allowedHeaders: Request headers a page may send. Default: `Accept, Content-Type, If-None-Match, X-Request-Id`.
    ///   - exposedHeaders: Response headers a page may read. Default: `ETag, X-Request-Id, Content-Length,
    ///     Content-Encoding, Allow, Retry-After`.
    ///   - maxAge: Default: 600.
    ///   - allowedMethods: See ``allowedMethods``.
    public init(
        allowedOrigin: AllowedOrigin = .any,
        allowedHeaders: [String] = ["Accept", "Content-Type", "If-None-Match", "X-Request-Id"],
        exposedHeaders: [String] = [
            "ETag", "X-Request-Id", "Content-Length", "Content-Encoding", "Allow", "Retry-After",
        ],
        maxAge: Int = 600,
        allowedMethods: @escaping @Sendable (HTTPRequest) -> [HTTPMethod]? = { _ in [.get, .head, .options] }
    ) {
        self.allowedOrigin = allowedOrigin
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.exposedHeaderList = exposedHeaders.joined(separator: ", ")
        self.maxAge = maxAge
        self.allowedMethods = allowedMethods
    }

    /// A CORS middleware whose preflights list the methods `router` allows on the path.
    public init<Route>(
        allowedOrigin: AllowedOrigin = .any,
        allowedHeaders: [String] = ["Accept", "Content-Type", "If-None-Match", "X-Request-Id"],
        exposedHeaders: [String] = [
            "ETag", "X-Request-Id", "Content-Length", "Content-Encoding", "Allow", "Retry-After",
        ],
        maxAge: Int = 600,
        router: Router<Route>
    ) {
        self.init(
            allowedOrigin: allowedOrigin, allowedHeaders: allowedHeaders, exposedHeaders: exposedHeaders,
            maxAge: maxAge, allowedMethods: { router.allowedMethods(path: $0.rawPath) })
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        let origin = request.headers["Origin"]
        let granted = grantedOrigin(for: origin)
        if request.method == .options, origin != nil, granted != nil,
            request.headers.contains("Access-Control-Request-Method"),
            let methods = allowedMethods(request)
        {
            var response = HTTPResponse(status: .noContent)
            decorate(&response.headers, granted: granted)
            response.headers.set("Access-Control-Allow-Methods", methods.map(\.rawValue).joined(separator: ", "))
            response.headers.set("Access-Control-Allow-Headers", allowedHeaders.joined(separator: ", "))
            response.headers.set("Access-Control-Max-Age", String(maxAge))
            return response
        }
        var response = next.respond(to: request)
        decorate(&response.headers, granted: granted)
        if granted != nil, !exposedHeaders.isEmpty {
            response.headers.set("Access-Control-Expose-Headers", exposedHeaderList)
        }
        return response
    }

    /// The `Access-Control-Allow-Origin` value for `origin`, or `nil` when not allowed.
    func grantedOrigin(for origin: String?) -> String? {
        switch allowedOrigin {
        case .any: return "*"
        case .origins(let set):
            guard let origin, set.contains(origin) else { return nil }
            return origin
        }
    }

    private func decorate(_ headers: inout HTTPHeaders, granted: String?) {
        if let granted { headers.set("Access-Control-Allow-Origin", granted) }
        if case .origins = allowedOrigin { headers.addVary("Origin") }
    }
}
