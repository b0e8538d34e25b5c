/// gzip response bodies when the client accepts it (RFC 9110 §8.4.1, §12.5.3).
///
/// A response is *compressible* when its status is not 1xx/204/304, it has no `Content-Encoding` yet, its
/// `Content-Type` is textual (`text/*`, JSON and `+json`, XML and `+xml`, JavaScript, `image/svg+xml`) and its body is
/// at least ``minimumSize`` bytes. A compressible response always gets `Vary: Accept-Encoding`, whether or not this
/// client gets gzip. It is gzipped when `Accept-Encoding` gives gzip a positive q not below identity's (no header:
/// identity, as most clients that omit it cannot decode gzip), and only if that makes it smaller.
///
/// A gzipped response gets `Content-Encoding: gzip`; a strong `ETag` set by the handler becomes `"<tag>-gz"` so the
/// two representations never share a tag (RFC 9110 §8.8.3). Tags computed by ``ConditionalGETMiddleware`` (outside
/// this one) hash the gzip bytes and so differ by themselves.
public struct CompressionMiddleware: HTTPMiddleware {
    /// Smallest body worth compressing. Default: 1,024 bytes (below, gzip's ~20-byte overhead and CPU rarely pay).
    public var minimumSize: Int
    /// zlib level 1...9. Default: 6.
    public var level: Int32

    public init(minimumSize: Int = 1024, level: Int32 = 6) {
        self.minimumSize = minimumSize
        self.level = level
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        var response = next.respond(to: request)
        guard isCompressible(response) else { return response }
        response.headers.addVary("Accept-Encoding")
        guard AcceptEncoding(request.headers.values(for: "Accept-Encoding")).prefersGzip,
            let compressed = Gzip.compress(response.body, level: level), compressed.count < response.body.count
        else { return response }
        response.body = compressed
        response.headers.set("Content-Encoding", "gzip")
        response.headers.remove("Content-Length")
        if let etag = response.headers["ETag"], let tag = EntityTag(parsing: etag), !tag.isWeak {
            response.headers.set("ETag", EntityTag(opaque: tag.opaque + "-gz").description)
        }
        return response
    }

    func isCompressible(_ response: HTTPResponse) -> Bool {
        let code = response.status.code
        guard code >= 200, code != 204, code != 304, response.body.count >= minimumSize,
            !response.headers.contains("Content-Encoding")
        else { return false }
        return Self.isCompressibleType(response.headers["Content-Type"])
    }

    static func isCompressibleType(_ contentType: String?) -> Bool {
        guard let type = MediaType(contentType) else { return false }
        if type.hasPrefix("text/") || type.hasSuffix("+json") || type.hasSuffix("+xml") { return true }
        return [
            "application/json", "application/xml", "application/javascript", "image/svg+xml", "application/x-ndjson",
        ]
        .contains { type.is($0) }
    }
}
