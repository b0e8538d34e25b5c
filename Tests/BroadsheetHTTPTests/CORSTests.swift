import Testing

@testable import BroadsheetHTTP

struct CORSTests {
    let routed = RoutingResponder(router: Router<TestEndpoint>.sample) { _ in
        HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
    }

    func preflight(_ path: String, origin: String = "https://app.example") -> HTTPRequest {
        FeatureFixtures.request(
            .options, path,
            headers: [
                "Origin": origin, "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match",
            ])
    }

    @Test func preflightUsesRouterMethods() {
        let app = routed.wrapped(in: [CORSMiddleware(router: Router<TestEndpoint>.sample)])
        let response = app.respond(to: preflight("/v1/documents/abc"))
        #expect(response.status.code == 204)
        #expect(response.body.isEmpty)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, DELETE, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Headers"]?.contains("If-None-Match") == true)
        #expect(response.headers["Access-Control-Max-Age"] == "600")
    }

    @Test func preflightOnUnknownPathIs404WithCORS() {
        let app = routed.wrapped(in: [CORSMiddleware(router: Router<TestEndpoint>.sample)])
        let response = app.respond(to: preflight("/nowhere"))
        #expect(response.status.code == 404)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func defaultMethodsWithoutRouter() {
        let app = routed.wrapped(in: [CORSMiddleware()])
        let response = app.respond(to: preflight("/v1/documents"))
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS")
    }

    @Test func simpleRequestsAndErrorsGetAllowOriginAndExpose() {
        let app = routed.wrapped(in: [CORSMiddleware()])
        for path in ["/v1/documents", "/missing"] {
            let response = app.respond(
                to: FeatureFixtures.request(.get, path, headers: ["Origin": "https://a.example"]))
            #expect(response.headers["Access-Control-Allow-Origin"] == "*")
            let exposed = response.headers["Access-Control-Expose-Headers"] ?? ""
            #expect(exposed.contains("ETag") && exposed.contains("X-Request-Id") && exposed.contains("Content-Length"))
            #expect(response.headers["Vary"] == nil)
        }
        let noOrigin = app.respond(to: FeatureFixtures.request(.get, "/v1/documents"))
        #expect(noOrigin.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func specificOriginIsEchoedWithVary() {
        let cors = CORSMiddleware(
            allowedOrigin: .origins(["https://news.example"]), router: Router<TestEndpoint>.sample)
        let app = routed.wrapped(in: [cors])
        let match = app.respond(
            to: FeatureFixtures.request(.get, "/v1/documents", headers: ["Origin": "https://news.example"]))
        #expect(match.headers["Access-Control-Allow-Origin"] == "https://news.example")
        #expect(match.headers["Vary"] == "Origin")

        let other = app.respond(
            to: FeatureFixtures.request(.get, "/v1/documents", headers: ["Origin": "https://evil.example"]))
        #expect(other.headers["Access-Control-Allow-Origin"] == nil)
        #expect(other.headers["Access-Control-Expose-Headers"] == nil)
        #expect(other.headers["Vary"] == "Origin")

        let pre = app.respond(to: preflight("/v1/documents", origin: "https://news.example"))
        #expect(pre.status.code == 204)
        #expect(pre.headers["Access-Control-Allow-Origin"] == "https://news.example")
        #expect(pre.headers["Vary"] == "Origin")

        // A preflight from a disallowed origin gets no grant: the router's plain OPTIONS answer.
        let denied = app.respond(to: preflight("/v1/documents", origin: "https://evil.example"))
        #expect(denied.status.code == 204)
        #expect(denied.headers["Access-Control-Allow-Origin"] == nil)
        #expect(denied.headers["Access-Control-Allow-Methods"] == nil)
        #expect(denied.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func plainOptionsIsNotAPreflight() {
        let app = routed.wrapped(in: [CORSMiddleware()])
        let response = app.respond(
            to: FeatureFixtures.request(.options, "/v1/documents", headers: ["Origin": "https://a.example"]))
        #expect(response.status.code == 204)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Methods"] == nil)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }
}
