import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// HTTP semantics of the whole stack over loopback: caching, compression, CORS, methods,
/// keep-alive, pipelining and malformed requests.
@Suite(.offCooperativePool) struct HTTPBehaviourEndToEndTests {
    @Test func everyResponseHasTheStandardHeaders() async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: "/v1/documents"))
            #expect(response.status == 200)
            #expect(response.headers["Date"] != nil)
            #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
            #expect(response.headers["Content-Length"] == String(response.body.count))
            #expect(response.headers["Cache-Control"] != nil)
            #expect(response.headers["X-Request-Id"]?.isEmpty == false)
        }
    }

    @Test func requestIdIsEchoed() async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: "/healthz", headers: [("X-Request-Id", "trace-42")]))
            #expect(response.headers["X-Request-Id"] == "trace-42")
        }
    }

    @Test func etagRevalidatesTo304() async throws {
        try await withRunningServer { client, _, _ in
            let first = try await client.send(ClientRequest(target: "/v1/documents"))
            let tag = try #require(first.headers["ETag"])
            #expect(tag.hasPrefix("\""))
            let second = try await client.send(ClientRequest(target: "/v1/documents", headers: [("If-None-Match", tag)]))
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.headers["ETag"] == tag)
            let other = try await client.send(ClientRequest(target: "/v1/documents", headers: [("If-None-Match", "\"nope\"")]))
            #expect(other.status == 200)
        }
    }

    @Test func gzipWhenAskedAndWorthIt() async throws {
        try await withRunningServer { client, _, _ in
            let id = try #require(try await client.documents().data.first?.id)
            let plain = try await client.send(ClientRequest(target: "/v1/documents/\(id)"))
            let zipped = try await client.send(ClientRequest(target: "/v1/documents/\(id)", acceptGzip: true))
            #expect(zipped.headers["Content-Encoding"] == "gzip")
            #expect(zipped.headers["Vary"]?.contains("Accept-Encoding") == true)
            #expect(zipped.body.count < plain.body.count / 2)
            #expect(try BroadsheetClient.gunzip(zipped.body) == plain.body)
            #expect(zipped.headers["ETag"] != plain.headers["ETag"])
            // A tiny body is not worth compressing.
            let small = try await client.send(ClientRequest(target: "/healthz", acceptGzip: true))
            #expect(small.headers["Content-Encoding"] == nil)
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        try await withRunningServer { client, _, _ in
            let get = try await client.send(ClientRequest(target: "/v1/documents"))
            let head = try await client.send(ClientRequest(method: "HEAD", target: "/v1/documents"))
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["Content-Length"] == String(get.body.count))
            #expect(head.headers["ETag"] == get.headers["ETag"])
        }
    }

    @Test func corsPreflightAndSimpleRequests() async throws {
        try await withRunningServer { client, _, _ in
            let preflight = try await client.send(
                ClientRequest(
                    method: "OPTIONS", target: "/v1/documents",
                    headers: [("Origin", "https://news.example"), ("Access-Control-Request-Method", "GET")]))
            #expect(preflight.status == 204)
            #expect(preflight.headers["Access-Control-Allow-Origin"] == "*")
            #expect(preflight.headers["Access-Control-Allow-Methods"]?.contains("GET") == true)
            let simple = try await client.send(ClientRequest(target: "/v1/documents", headers: [("Origin", "https://news.example")]))
            #expect(simple.headers["Access-Control-Allow-Origin"] == "*")
            let options = try await client.send(ClientRequest(method: "OPTIONS", target: "/v1/documents"))
            #expect(options.status == 204)
            #expect(options.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
        }
    }

    @Test func unknownPathAndWrongMethod() async throws {
        try await withRunningServer { client, _, _ in
            let missing = try await client.send(ClientRequest(target: "/v2/nothing"))
            #expect(missing.status == 404)
            #expect(missing.problem?.status == 404)
            let wrong = try await client.send(ClientRequest(method: "DELETE", target: "/v1/documents"))
            #expect(wrong.status == 405)
            #expect(wrong.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
            #expect(wrong.contentType == "application/problem+json; charset=utf-8")
            let unknown = try await client.send(ClientRequest(method: "BREW", target: "/v1/documents"))
            #expect(unknown.status == 501)
        }
    }

    @Test func keepAliveReusesTheConnection() async throws {
        try await withRunningServer { client, _, _ in
            _ = try await client.send(ClientRequest(target: "/healthz"))
            let second = try await client.send(ClientRequest(target: "/healthz"))
            #expect(second.connection?.reused == true)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withRunningServer { _, port, _ in
            let responses = try await rawExchange(
                port: port,
                "GET /v1/documents?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            ) { try $0.readResponses(count: 3) }
            #expect(responses.map(\.status) == [200, 404, 200])
            #expect(responses[2].bodyText.contains("ok"))
            #expect(responses[2].headers["Connection"]?.lowercased() == "close")
        }
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET /healthz HTTP/1.1\nHost: x\n\n", 400),
        ("GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("GET /healthz HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
    ])
    func malformedRequestsGetAProblemAndTheConnectionCloses(raw: String, status: Int) async throws {
        try await withRunningServer { _, port, _ in
            let (reply, rest) = try await rawExchange(port: port, raw) { c in (try c.readResponse(), try c.readUntilClosed()) }
            let response = try #require(reply)
            #expect(response.status == status)
            #expect(response.headers["Content-Type"] == "application/problem+json; charset=utf-8")
            #expect(response.problem?.status == status)
            // The server closes after the error: nothing more arrives.
            #expect(rest.isEmpty)
        }
    }

    @Test func http10IsAnsweredAndClosed() async throws {
        try await withRunningServer { _, port, _ in
            let (reply, rest) = try await rawExchange(port: port, "GET /healthz HTTP/1.0\r\n\r\n") { c in
                (try c.readResponse(), try c.readUntilClosed())
            }
            let response = try #require(reply)
            #expect(response.status == 200)
            #expect(rest.isEmpty)
        }
    }

    @Test func metricsCountRequestsByRoute() async throws {
        try await withRunningServer { client, _, _ in
            _ = try await client.send(ClientRequest(target: "/v1/documents/unknown-id"))
            let text = try await client.metrics()
            #expect(text.contains(#"http_requests_total{route="/v1/documents/{id}",method="GET",status="404"} 1"#))
            #expect(text.contains("http_request_duration_seconds_bucket"))
            #expect(text.contains("broadsheet_corpus_documents 1"))
            #expect(text.contains("http_open_connections"))
        }
    }
}
