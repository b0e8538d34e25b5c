/// Strong `ETag`s and `If-None-Match` revalidation for `GET`/`HEAD` (RFC 9110 §8.8.3, §13.1.2, §15.4.5).
///
/// On a `200` answer to `GET` or `HEAD`:
/// 1. if the handler set no `ETag`, a strong one is computed from the body: 64-bit FNV-1a as 16 hex digits, quoted;
/// 2. if it set no `Cache-Control` and the body is JSON (`application/json` or `…+json`), ``defaultCacheControl``
///    is added. Default `no-cache`: caches may store but must revalidate every time, which the `ETag` makes cheap (a
///    `304` with no body), and a reloaded corpus is never served stale;
/// 3. if `If-None-Match` is `*` or lists a tag that weakly matches, the answer becomes `304 Not Modified` with no body,
///    keeping `ETag`, `Cache-Control`, `Vary`, `Content-Location`, `Expires` and `Last-Modified` (and other
///    non-content headers) but dropping `Content-Type`, `Content-Encoding` and `Content-Length`.
///
/// Other statuses and methods pass through untouched. Place it outside ``CompressionMiddleware``, see
/// ``MiddlewareChain``.
public struct ConditionalGETMiddleware: HTTPMiddleware {
    /// `Cache-Control` for JSON `GET` responses that set none; `nil` adds nothing. Default: `no-cache`.
    public var defaultCacheControl: String?

    public init(defaultCacheControl: String? = "no-cache") {
        self.defaultCacheControl = defaultCacheControl
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        var response = next.respond(to: request)
        guard request.method == .get || request.method == .head, response.status.code == 200 else { return response }

        let existing = response.headers["ETag"]
        var computed: EntityTag?
        if existing == nil {
            let tag = EntityTag(hashing: response.body)
            response.headers.set("ETag", tag.description)
            computed = tag
        }
        if let defaultCacheControl, !response.headers.contains("Cache-Control"),
            Self.isJSON(response.headers["Content-Type"])
        {
            response.headers.set("Cache-Control", defaultCacheControl)
        }

        // The validator is parsed only when the request is conditional.
        let conditions = request.headers.values(for: "If-None-Match")
        guard !conditions.isEmpty, let tag = computed ?? existing.flatMap({ EntityTag(parsing: $0) }),
            let condition = EntityTag.parseCondition(conditions), condition.matches(tag)
        else {
            return response
        }
        var headers = response.headers
        for name in ["Content-Type", "Content-Encoding", "Content-Length", "Content-Range", "Transfer-Encoding"] {
            headers.remove(name)
        }
        var notModified = HTTPResponse(status: .notModified, headers: headers, body: [])
        notModified.routePattern = response.routePattern
        return notModified
    }

    static func isJSON(_ contentType: String?) -> Bool {
        guard let type = MediaType(contentType) else { return false }
        return type.is("application/json") || type.hasSuffix("+json")
    }
}
