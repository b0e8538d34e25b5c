import Logging
import Testing

@testable import BroadsheetHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Shared fixtures for the router and middleware tests (namespaced to stay clear of other test files).
enum FeatureFixtures {
    static func request(
        _ method: HTTPMethod = .get, _ target: String, headers: HTTPHeaders = [:]
    ) -> HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1)
        let rawPath = String(parts.first ?? "/")
        var query: [(name: String, value: String)] = []
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((String(kv[0]), kv.count == 2 ? String(kv[1]) : ""))
            }
        }
        let decodedPath = PercentDecoding.decode(Substring(rawPath)) ?? rawPath
        return HTTPRequest(method: method, target: target, path: decodedPath, query: query, headers: headers)
    }

    /// A responder that returns `body` as `contentType` with status 200.
    static func fixed(_ body: String, contentType: String = "application/json", headers: HTTPHeaders = [:])
        -> ClosureResponder
    {
        ClosureResponder { _ in
            var h = headers
            h.set("Content-Type", contentType)
            return HTTPResponse(status: .ok, headers: h, body: Array(body.utf8))
        }
    }

    struct Problem: Decodable, Equatable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var parameter: String?
    }

    static func problem(_ response: HTTPResponse) throws -> Problem {
        try JSONDecoder().decode(Problem.self, from: Data(response.body))
    }

    /// A body of `count` compressible bytes.
    static func bigJSON(_ count: Int) -> String {
        var s = "["
        var i = 0
        while s.utf8.count < count - 40 {
            s += "{\"name\":\"item \(i)\",\"kind\":\"example\"},"
            i += 1
        }
        return s + "{}]"
    }
}

/// Records the order in which middlewares see the request and the response.
struct TraceMiddleware: HTTPMiddleware {
    let name: String
    func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        var request = request
        request.headers.add("X-Trace", name)
        var response = next.respond(to: request)
        response.headers.add("X-Trace", name)
        return response
    }
}

struct MiddlewareChainTests {
    @Test func firstMiddlewareIsOutermost() async {
        let inner = ClosureResponder { request in
            HTTPResponse(
                status: .ok, headers: ["X-Seen": request.headers.values(for: "X-Trace").joined(separator: ",")])
        }
        let chain = MiddlewareChain([TraceMiddleware(name: "a"), TraceMiddleware(name: "b")], responder: inner)
        let response = chain.respond(to: FeatureFixtures.request(.get, "/"))
        #expect(response.headers["X-Seen"] == "a,b")
        #expect(response.headers.values(for: "X-Trace") == ["b", "a"])
    }

    @Test func wrappedInIsTheSameChain() async {
        let chain = FeatureFixtures.fixed("{}").wrapped(in: [TraceMiddleware(name: "x")])
        let response = chain.respond(to: FeatureFixtures.request(.get, "/"))
        #expect(response.headers.values(for: "X-Trace") == ["x"])
    }

    @Test func emptyChainIsTheResponder() async {
        let chain = MiddlewareChain([], responder: FeatureFixtures.fixed("hello", contentType: "text/plain"))
        let response = chain.respond(to: FeatureFixtures.request(.get, "/"))
        #expect(response.body == Array("hello".utf8))
    }

    @Test func varyIsMergedWithoutDuplicates() {
        var headers: HTTPHeaders = ["Vary": "origin"]
        headers.addVary("Accept-Encoding")
        headers.addVary("Origin")
        headers.addVary("accept-encoding")
        #expect(headers.values(for: "Vary") == ["origin, Accept-Encoding"])
        var star: HTTPHeaders = ["Vary": "*"]
        star.addVary("Origin")
        #expect(star["Vary"] == "*")
    }

    /// The full recommended stack: gzip client revalidates with the gzip tag and gets a 304 with CORS and request id.
    @Test func fullStackRevalidatesGzipRepresentation() async throws {
        var router = Router<String>()
        router.add(.get, "/v1/items", "items", query: ["limit"])
        let body = FeatureFixtures.bigJSON(4000)
        let metrics = HTTPMetrics(registry: MetricsRegistry())
        let app = MiddlewareChain(
            [
                RequestIDMiddleware(),
                AccessLogMiddleware(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }),
                MetricsMiddleware(metrics: metrics, router: router),
                CORSMiddleware(router: router),
                ConditionalGETMiddleware(),
                CompressionMiddleware(),
            ],
            responder: RoutingResponder(router: router) { request in
                _ = try request.query.pagination()
                return HTTPResponse(headers: ["Content-Type": "application/json"], body: Array(body.utf8))
            })
        let gzipHeaders: HTTPHeaders = ["Accept-Encoding": "gzip"]
        let first = app.respond(to: FeatureFixtures.request(.get, "/v1/items", headers: gzipHeaders))
        #expect(first.status.code == 200)
        #expect(first.headers["Content-Encoding"] == "gzip")
        let gzipTag = try #require(first.headers["ETag"])
        let identity = app.respond(to: FeatureFixtures.request(.get, "/v1/items"))
        let identityTag = try #require(identity.headers["ETag"])
        #expect(gzipTag != identityTag)
        #expect(Gzip.decompress(first.body) == identity.body)

        var revalidate = gzipHeaders
        revalidate.add("If-None-Match", gzipTag)
        let second = app.respond(to: FeatureFixtures.request(.get, "/v1/items", headers: revalidate))
        #expect(second.status.code == 304)
        #expect(second.body.isEmpty)
        #expect(second.headers["ETag"] == gzipTag)
        #expect(second.headers["Vary"]?.contains("Accept-Encoding") == true)
        #expect(second.headers["Access-Control-Allow-Origin"] == "*")
        #expect(second.headers["X-Request-Id"] != nil)

        // The identity tag does not validate the gzip representation.
        var wrongTag = gzipHeaders
        wrongTag.add("If-None-Match", identityTag)
        let third = app.respond(to: FeatureFixtures.request(.get, "/v1/items", headers: wrongTag))
        #expect(third.status.code == 200)

        let bad = app.respond(to: FeatureFixtures.request(.get, "/v1/items?limit=0"))
        #expect(bad.status.code == 400)
        #expect(bad.headers["Access-Control-Allow-Origin"] == "*")
        #expect(metrics.requests.value(["/v1/items", "GET", "200"]) == 3)
        #expect(metrics.requests.value(["/v1/items", "GET", "304"]) == 1)
        #expect(metrics.requests.value(["/v1/items", "GET", "400"]) == 1)
    }

    @Test func headThroughFullStackMatchesGet() async throws {
        var router = Router<String>()
        router.add(.get, "/doc", "doc", query: nil)
        let body = FeatureFixtures.bigJSON(3000)
        let app = RoutingResponder(router: router) { _ in
            HTTPResponse(headers: ["Content-Type": "application/json"], body: Array(body.utf8))
        }.wrapped(in: [CORSMiddleware(router: router), ConditionalGETMiddleware(), CompressionMiddleware()])
        let headers: HTTPHeaders = ["Accept-Encoding": "gzip"]
        let get = app.respond(to: FeatureFixtures.request(.get, "/doc?anything=goes", headers: headers))
        let head = app.respond(to: FeatureFixtures.request(.head, "/doc", headers: headers))
        #expect(get.status.code == 200)
        #expect(head.status.code == 200)
        #expect(head.headers["ETag"] == get.headers["ETag"])
        #expect(head.headers["Content-Encoding"] == "gzip")
        #expect(head.body.count == get.body.count)
    }
}
