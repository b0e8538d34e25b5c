import Testing

@testable import BroadsheetHTTP

/// Raw bytes in (with `\r\n` spelled out), requests or typed errors out.
struct HTTPRequestParserTests {
    /// Feeds `text` in one piece (or in pieces of `chunk` bytes) and collects every event.
    static func events(
        _ text: String, chunk: Int? = nil, limits: HTTPRequestParser.Limits = .default
    ) throws(HTTPParserError) -> [HTTPRequestParser.Event] {
        var parser = HTTPRequestParser(limits: limits)
        var events: [HTTPRequestParser.Event] = []
        let bytes = Array(text.utf8)
        let step = chunk ?? max(bytes.count, 1)
        var offset = 0
        repeat {
            parser.append(Array(bytes[offset..<min(offset + step, bytes.count)]))
            offset += step
            while let event = try parser.next() { events.append(event) }
        } while offset < bytes.count
        return events
    }

    static func requests(
        _ text: String, chunk: Int? = nil, limits: HTTPRequestParser.Limits = .default
    ) throws(HTTPParserError) -> [HTTPRequest] {
        try events(text, chunk: chunk, limits: limits).compactMap {
            if case .request(let request) = $0 { return request }
            return nil
        }
    }

    @Test func simpleGet() throws {
        let requests = try Self.requests("GET /docs/a%20b?q=new+york&limit=5&q=x%26y HTTP/1.1\r\nHost: example.com\r\n\r\n")
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .get)
        #expect(request.target == "/docs/a%20b?q=new+york&limit=5&q=x%26y")
        #expect(request.path == "/docs/a b")
        #expect(request.query.map(\.name) == ["q", "limit", "q"])
        #expect(request.query.map(\.value) == ["new york", "5", "x&y"])
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "example.com")
        #expect(request.body.isEmpty)
    }

    @Test func duplicateHeadersKeptInOrderAndLookupIgnoresCase() throws {
        let request = try #require(
            try Self.requests("GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\nX-Tag:  one \r\nx-tag: two\r\n\r\n").first)
        #expect(request.headers.values(for: "X-TAG") == ["one", "two"])
        #expect(request.headers["ACCEPT"] == "a")
        #expect(request.headers.fields.map(\.name) == ["Host", "Accept", "X-Tag", "x-tag"])
    }

    @Test func contentLengthBody() throws {
        let request = try #require(
            try Self.requests("POST /e HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world").first)
        #expect(request.method == .post)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world")
    }

    @Test func pipelinedRequestsInOneBuffer() throws {
        let text =
            "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
            + "GET /3 HTTP/1.1\r\nHost: h\r\n\r\n"
        let requests = try Self.requests(text)
        #expect(requests.map(\.path) == ["/1", "/2", "/3"])
        #expect(requests[1].body == Array("abc".utf8))
    }

    @Test func byteByByteFeedingGivesTheSameRequests() throws {
        let text =
            "POST /a?x=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;name=value\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Checksum: 1\r\n\r\n"
            + "GET /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok"
        let whole = try Self.requests(text)
        let single = try Self.requests(text, chunk: 1)
        #expect(single.map(\.path) == ["/a", "/b"])
        #expect(single.map(\.body) == whole.map(\.body))
        #expect(String(decoding: single[0].body, as: UTF8.self) == "Wikipedia")
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let text =
            "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "7 ; ext=\"q\"\r\nBroadsh\r\nA\r\neet news!!\r\n0;last\r\nExpires: never\r\nX-Sum: 9\r\n\r\n"
        let request = try #require(try Self.requests(text).first)
        #expect(String(decoding: request.body, as: UTF8.self) == "Broadsheet news!!")
        #expect(request.headers["Expires"] == nil)  // trailers are not merged into headers
    }

    @Test func http10KeepAliveAndAbsoluteForm() throws {
        let request = try #require(
            try Self.requests("GET http://example.com/x/y?z=1 HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").first)
        #expect(request.version == .http1_0)
        #expect(request.path == "/x/y")
        #expect(request.query.first?.value == "1")
        #expect(request.wantsPersistentConnection)
        let plain = try #require(try Self.requests("GET / HTTP/1.0\r\n\r\n").first)
        #expect(!plain.wantsPersistentConnection)
        let closing = try #require(try Self.requests("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").first)
        #expect(!closing.wantsPersistentConnection)
    }

    @Test func expectContinueComesBeforeTheBody() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        guard case .expectContinue? = try parser.next() else {
            Issue.record("expected 100-continue")
            return
        }
        #expect(try parser.next() == nil)
        parser.append(Array("data".utf8))
        guard case .request(let request)? = try parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == Array("data".utf8))
    }

    @Test func expectContinueWithTooLargeBodyFailsBeforeReading() {
        var parser = HTTPRequestParser(limits: .init(maxBodySize: 10))
        parser.append(Array("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n".utf8))
        #expect(throws: HTTPParserError.contentTooLarge) { try parser.next() }
    }

    @Test func leadingEmptyLineAndOptionsAsterisk() throws {
        let request = try #require(try Self.requests("\r\nOPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(request.path == "*")
    }

    @Test func partialRequestIsReportedAsMidRequest() throws {
        var parser = HTTPRequestParser()
        #expect(!parser.isMidRequest)
        parser.append(Array("GET / HT".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.isMidRequest)
    }

    static let small = HTTPRequestParser.Limits(
        maxRequestLineLength: 64, maxHeaderSectionSize: 128, maxHeaderCount: 4, maxBodySize: 16)

    /// One row per error: the raw request and the exact error (and so the status) it must produce.
    static let errorCases: [(String, HTTPParserError, Int)] = [
        ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc", .contentLengthWithTransferEncoding, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", .conflictingContentLength, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 4\r\n\r\nabcd", .conflictingContentLength, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", .invalidContentLength, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1e3\r\n\r\n", .invalidContentLength, 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: one\r\n two\r\n\r\n", .obsoleteLineFolding, 400),
        ("GET / HTTP/1.1\nHost: h\r\n\r\n", .bareLineFeed, 400),
        ("GET / HTTP/1.1\r\nHost: h\n\r\n", .bareLineFeed, 400),
        ("GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", .invalidTarget, 400),
        ("GET /a\u{01}b HTTP/1.1\r\nHost: h\r\n\r\n", .invalidTarget, 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n", .invalidHeaderName, 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A : x\r\n\r\n", .invalidHeaderName, 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX(A): x\r\n\r\n", .invalidHeaderName, 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", .invalidHeaderName, 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{00}b\r\n\r\n", .invalidHeaderValue, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", .unsupportedTransferEncoding, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferEncoding, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .invalidChunk, 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", .invalidChunk, 400),
        ("GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n", .invalidPercentEncoding, 400),
        ("GET /a%00b HTTP/1.1\r\nHost: h\r\n\r\n", .invalidPercentEncoding, 400),
        ("GET /?q=%4 HTTP/1.1\r\nHost: h\r\n\r\n", .invalidPercentEncoding, 400),
        ("GET /%FF HTTP/1.1\r\nHost: h\r\n\r\n", .invalidPercentEncoding, 400),
        ("G@T / HTTP/1.1\r\nHost: h\r\n\r\n", .invalidMethod, 400),
        ("GET / HTTP/1.1\r\n\r\n", .invalidHost, 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .invalidHost, 400),
        ("GET /\r\nHost: h\r\n\r\n", .invalidRequestLine, 400),
        ("GET / HTTP/1.1x\r\nHost: h\r\n\r\n", .invalidVersion, 400),
        ("GET / http/1.1\r\nHost: h\r\n\r\n", .invalidVersion, 400),
        ("BREW / HTTP/1.1\r\nHost: h\r\n\r\n", .methodNotImplemented, 501),
        ("CONNECT h:443 HTTP/1.1\r\nHost: h\r\n\r\n", .methodNotImplemented, 501),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", .versionNotSupported, 505),
        ("GET / HTTP/0.9\r\nHost: h\r\n\r\n", .versionNotSupported, 505),
        ("GET /" + String(repeating: "a", count: 80) + " HTTP/1.1\r\nHost: h\r\n\r\n", .requestLineTooLong, 414),
        ("GET /" + String(repeating: "a", count: 80), .requestLineTooLong, 414),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "b", count: 200) + "\r\n\r\n", .headerSectionTooLarge, 431),
        ("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", .headerSectionTooLarge, 431),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 17\r\n\r\n", .contentTooLarge, 413),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n1\r\nx\r\n", .contentTooLarge, 413),
        ("POST / HTTP/1.1\r\nHost: h\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx", .unsupportedExpectation, 417),
    ]

    @Test(arguments: errorCases)
    func malformedRequestIsRejected(text: String, error: HTTPParserError, status: Int) {
        #expect(throws: error) { try Self.events(text, limits: Self.small) }
        // Fed a byte at a time, the same error comes out.
        #expect(throws: error) { try Self.events(text, chunk: 1, limits: Self.small) }
        #expect(error.status.code == status)
        #expect(error.problem.status == status)
    }

    @Test func failedParserStaysFailed() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/3.0\r\n".utf8))
        #expect(throws: HTTPParserError.versionNotSupported) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(throws: HTTPParserError.versionNotSupported) { try parser.next() }
    }

    @Test func everyErrorHasABadRequestClassStatusAndProblem() {
        for error in HTTPParserError.allCases {
            #expect((400..<506).contains(error.status.code))
            #expect(error.problem.type.hasPrefix("urn:broadsheet:problem:"))
        }
    }
}
