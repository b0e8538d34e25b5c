/// A responder wrapped in middlewares. The first middleware is the outermost: it sees the request first and the
/// response last.
///
/// Recommended order for the API (outermost first):
/// ```swift
/// let app = MiddlewareChain([
///     RequestIDMiddleware(),                         // picks the id every later step logs
///     AccessLogMiddleware(logger: logger),           // sees final status, bytes and the whole duration
///     MetricsMiddleware(metrics: httpMetrics, router: router),
///     CORSMiddleware(router: router),                // CORS headers on every response, errors included
///     ConditionalGETMiddleware(),                    // ETag over the final (possibly gzipped) body, 304s
///     CompressionMiddleware(),                       // gzip, Vary: Accept-Encoding, "-gz" on handler ETags
/// ], responder: RoutingResponder(router: router) { request in ... })
/// ```
/// Conditional GET sits *outside* compression so that the ETag it computes and compares is that of the
/// representation actually sent: the gzip bytes (deterministic for the same input) hash differently from the
/// identity bytes, and an `If-None-Match` from a gzip client matches only the gzip tag.
public struct MiddlewareChain: HTTPResponder {
    private let entry: any HTTPResponder

    /// - Parameters:
    ///   - middlewares: Outermost first.
    ///   - responder: The final responder (usually a ``RoutingResponder``).
    public init(_ middlewares: [any HTTPMiddleware], responder: any HTTPResponder) {
        var next = responder
        for middleware in middlewares.reversed() {
            next = Link(middleware: middleware, next: next)
        }
        entry = next
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        entry.respond(to: request)
    }

    private struct Link: HTTPResponder {
        let middleware: any HTTPMiddleware
        let next: any HTTPResponder
        func respond(to request: HTTPRequest) -> HTTPResponse {
            middleware.respond(to: request, next: next)
        }
    }
}

extension HTTPResponder {
    /// This responder inside `middlewares` (outermost first). See ``MiddlewareChain``.
    public func wrapped(in middlewares: [any HTTPMiddleware]) -> MiddlewareChain {
        MiddlewareChain(middlewares, responder: self)
    }
}
