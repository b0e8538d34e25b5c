import BroadsheetHTTP
import Dispatch
import Logging
import Testing
import TestSupport

/// Opens when told; lets a test hold a request in flight without sleeping. Responders are synchronous,
/// so a held request blocks its connection's thread until ``open()``.
final class Gate: Sendable {
    private let enteredStream: AsyncStream<Void>
    private let enteredContinuation: AsyncStream<Void>.Continuation
    private let opened = DispatchGroup()

    init() {
        (enteredStream, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        opened.enter()
    }

    /// Called by the responder: announces it is waiting, then blocks until ``open()``.
    func pass() {
        enteredContinuation.yield()
        opened.wait()
    }

    /// Returns once a request is waiting at the gate.
    func waitForEntry() async {
        for await _ in enteredStream { return }
    }

    /// Lets every waiting and later request through. Call it once.
    func open() {
        opened.leave()
    }
}

/// Echoes `METHOD path body`; `/slow` waits at the gate, `/empty` answers 204 (with a body the server must drop).
struct EchoResponder: HTTPResponder {
    var gate: Gate? = nil

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/slow", let gate { gate.pass() }
        if request.path == "/empty" { return HTTPResponse(status: .noContent, body: Array("dropped".utf8)) }
        if request.path == "/big" {
            return HTTPResponse(body: [UInt8](repeating: UInt8(ascii: "a"), count: 8 << 20) + Array("END".utf8))
        }
        let text = "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))"
        return HTTPResponse(headers: ["Content-Type": "text/plain"], body: Array(text.utf8))
    }
}

/// The real server over loopback sockets, with raw bytes from ``RawClient``.
@Suite(.offCooperativePool)
struct HTTPServerTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Starts a server on 127.0.0.1:0, runs `body`, then shuts it down.
    func withServer(
        responder: any HTTPResponder = EchoResponder(),
        configure: (inout HTTPServer.Configuration) -> Void = { _ in },
        _ body: (HTTPServer, Int) async throws -> Void
    ) async throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        let server = HTTPServer(configuration: configuration, responder: responder, logger: Self.quiet)
        let port = try server.start()
        #expect(server.boundPort == port)
        do {
            try await body(server, port)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test func keepAliveServesTwoRequestsOnOneConnection() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\n")
            let first = try await client.response()
            #expect(first.status == 200)
            #expect(first.text == "GET /one ")
            #expect(first.header("Connection") == nil)
            #expect(first.header("Date")?.hasSuffix(" GMT") == true)
            #expect(first.header("Content-Type") == "text/plain")
            try await client.send("POST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody")
            let second = try await client.response()
            #expect(second.text == "POST /two body")
        }
    }

    @Test func chunkedRequestBodyIsDecoded() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n")
            try await client.send("2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n")
            #expect(try await client.response().text == "POST /c abcde")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            var text = ""
            for i in 0..<20 { text += "GET /\(i) HTTP/1.1\r\nHost: t\r\n\r\n" }
            try await client.send(text)
            for i in 0..<20 {
                #expect(try await client.response().text == "GET /\(i) ")
            }
        }
    }

    /// More pipelined bytes than one read takes, with a pipeline limit far below the request count: reading
    /// stops and resumes many times, and input already in the socket (no new edge) must still be read.
    @Test func pipelineLimitPausesAndResumesReading() async throws {
        try await withServer(configure: { $0.maxPipelinedRequests = 3 }) { _, port in
            let client = try await RawClient(port: port)
            var text = ""
            for i in 0..<1000 { text += "GET /request-number-\(i) HTTP/1.1\r\nHost: t\r\n\r\n" }
            #expect(text.utf8.count > 32 * 1024)
            try await client.send(text)
            for i in 0..<1000 {
                #expect(try await client.response().text == "GET /request-number-\(i) ")
            }
        }
    }

    @Test func bodyLargerThanOneReadIsReceivedWhole() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            let body = String((0..<100_000).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            try await client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
            #expect(try await client.response().text == "POST /upload " + body)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("GET /bye HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            let response = try await client.response()
            #expect(response.header("Connection") == "close")
            #expect(try await client.isClosedByServer())
        }
    }

    @Test func http10KeepAliveOnlyWhenAsked() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await client.response().header("Connection") == "keep-alive")
            try await client.send("GET /b HTTP/1.0\r\n\r\n")
            let last = try await client.response()
            #expect(last.text == "GET /b ")
            #expect(last.header("Connection") == "close")
            #expect(try await client.isClosedByServer())
        }
    }

    @Test func headHasContentLengthButNoBody() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("HEAD /doc HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try await client.response(head: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "\("HEAD /doc ".utf8.count)")
            // The next response starts right away: no body bytes were sent for HEAD.
            try await client.send("GET /next HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.response().text == "GET /next ")
        }
    }

    @Test func noContentResponseCarriesNoBody() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("GET /empty HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            let empty = try await client.response()
            #expect(empty.status == 204)
            #expect(empty.header("Content-Length") == nil)
            #expect(try await client.response().text == "GET /after ")
        }
    }

    static let protocolErrors: [(String, Int, String)] = [
        ("GET / HTTP/1.1\r\nHost: t\r\nBad Header: x\r\n\r\n", 400, "bad-request"),
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n", 413, "content-too-large"),
        ("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "x", count: 300) + "\r\n\r\n", 431, "headers-too-large"),
        ("GET /" + String(repeating: "a", count: 200) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414, "uri-too-long"),
        ("BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n", 501, "not-implemented"),
        ("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505, "version-not-supported"),
    ]

    @Test(arguments: protocolErrors)
    func protocolErrorGetsProblemAndClose(request: String, status: Int, slug: String) async throws {
        try await withServer(configure: {
            $0.limits = .init(maxRequestLineLength: 128, maxHeaderSectionSize: 256, maxBodySize: 64)
        }) { _, port in
            let client = try await RawClient(port: port)
            // A good request first: the error must come after its response, in order.
            try await client.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n" + request)
            #expect(try await client.response().status == 200)
            let response = try await client.response()
            #expect(response.status == status)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(response.header("Connection") == "close")
            #expect(response.text.contains("\"type\":\"urn:broadsheet:problem:\(slug)\""))
            #expect(response.text.contains("\"status\":\(status)"))
            #expect(try await client.isClosedByServer())
        }
    }

    @Test func expectContinueGetsInterimResponseBeforeTheBody() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            try await client.send("PUT /up HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            #expect(try await client.response().status == 100)
            try await client.send("hello")
            let final = try await client.response()
            #expect(final.status == 200)
            #expect(final.text == "PUT /up hello")
        }
    }

    @Test func expectContinueWithOversizedBodyIsRefusedUnread() async throws {
        try await withServer(configure: { $0.limits.maxBodySize = 10 }) { _, port in
            let client = try await RawClient(port: port)
            try await client.send("PUT /up HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n")
            let response = try await client.response()
            #expect(response.status == 413)
            #expect(try await client.isClosedByServer())
        }
    }

    @Test func slowHeadersGet408AtTheDeadline() async throws {
        try await withServer(configure: { $0.headerReadTimeout = .milliseconds(300) }) { server, port in
            let slow = try await RawClient(port: port)
            try await slow.send("GET /slowloris HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n")
            // Meanwhile a normal client is served at once.
            let normal = try await RawClient(port: port)
            try await normal.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await normal.response().status == 200)
            let clock = ContinuousClock()
            let started = clock.now
            let response = try await slow.response()
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
            #expect(clock.now - started < .seconds(3))
            #expect(try await slow.isClosedByServer())
        }
    }

    @Test func idleConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await withServer(configure: { $0.idleTimeout = .milliseconds(200) }) { _, port in
            let client = try await RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.response().status == 200)
            // Blocks until the server closes (the client's own read timeout is 5 s).
            #expect(try await client.readToEnd().isEmpty)
        }
    }

    @Test func connectionsBeyondTheLimitAreClosed() async throws {
        let (counts, countsContinuation) = AsyncStream.makeStream(of: Int.self)
        try await withServer(configure: {
            $0.maxConnections = 2
            $0.onConnectionCountChange = { countsContinuation.yield($0) }
        }) { server, port in
            let first = try await RawClient(port: port)
            let second = try await RawClient(port: port)
            for client in [first, second] {
                try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try await client.response().status == 200)
            }
            #expect(server.openConnections == 2)
            let third = try await RawClient(port: port)
            try await third.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await third.readToEnd().isEmpty)
            #expect(server.openConnections == 2)
        }
        var seen: [Int] = []
        for await count in counts {
            seen.append(count)
            if count == 0 { break }
        }
        #expect(seen == [1, 2, 1, 0])
    }

    @Test func shutdownLetsTheInFlightRequestFinish() async throws {
        let gate = Gate()
        let server = HTTPServer(
            configuration: .init(host: "127.0.0.1", port: 0), responder: EchoResponder(gate: gate), logger: Self.quiet)
        let port = try server.start()
        let idle = try await RawClient(port: port)
        try await idle.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try await idle.response().status == 200)
        let busy = try await RawClient(port: port)
        try await busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        await gate.waitForEntry()

        // A child task, so it runs off the cooperative pool like the test (an unstructured task would not).
        async let stopped: Void = server.shutdown()
        // The idle connection is closed at once; the busy one waits for its response.
        #expect(try await idle.isClosedByServer())
        gate.open()
        let response = try await busy.response()
        #expect(response.status == 200)
        #expect(response.text == "GET /slow ")
        #expect(response.header("Connection") == "close")
        #expect(try await busy.isClosedByServer())
        await stopped
        #expect(server.openConnections == 0)
        await server.waitUntilStopped()
        // No longer accepting.
        await #expect(throws: RawClientError.self) { _ = try await RawClient(port: port) }
    }

    @Test func shutdownClosesStuckRequestsAtTheDeadline() async throws {
        let gate = Gate()
        let server = HTTPServer(
            configuration: .init(host: "127.0.0.1", port: 0, shutdownTimeout: .milliseconds(200)),
            responder: EchoResponder(gate: gate), logger: Self.quiet)
        let port = try server.start()
        let stuck = try await RawClient(port: port)
        try await stuck.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        await gate.waitForEntry()
        await server.shutdown()
        #expect(server.openConnections == 0)
        #expect(try await stuck.readToEnd().isEmpty)
        gate.open()
    }

    @Test func largeResponseIsWrittenCompletelyBeforeTheNextOne() async throws {
        try await withServer { _, port in
            let client = try await RawClient(port: port)
            // The 8 MiB body overflows the socket buffer, so the server finishes it with a write source.
            try await client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            let big = try await client.response()
            #expect(big.body.count == 8 << 20 + 3)
            #expect(big.body.suffix(4) == Array("aEND".utf8))
            #expect(try await client.response().text == "GET /after ")
        }
    }

    @Test func manyIdleConnectionsDoNotDelayANormalClient() async throws {
        // The idle connections must outlive the test even on a loaded machine (a parallel test run),
        // or the last check finds them closed by the header timeout rather than still open.
        try await withServer(configure: { $0.headerReadTimeout = .seconds(300) }) { server, port in
            var idle: [RawClient] = []
            for _ in 0..<200 { idle.append(try await RawClient(port: port)) }
            for client in idle.prefix(100) { try await client.send("GET /half") }
            let normal = try await RawClient(port: port)
            for i in 0..<10 {
                try await normal.send("GET /n\(i) HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try await normal.response().text == "GET /n\(i) ")
            }
            #expect(server.openConnections >= 2)
        }
    }

    @Test func ipv6AndNamedHostsBind() async throws {
        for host in ["::1", "localhost", "0.0.0.0"] {
            let server = HTTPServer(
                configuration: .init(host: host, port: 0), responder: EchoResponder(), logger: Self.quiet)
            let port = try server.start()
            #expect(port > 0)
            await server.shutdown()
        }
        #expect(throws: SocketError.self) {
            try HTTPServer(configuration: .init(host: "no.such.host.invalid", port: 0), responder: EchoResponder()).start()
        }
    }
}
