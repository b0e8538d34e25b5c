import BroadsheetWire
import BroadsheetClient
import Testing
import TestSupport

/// Tests of the client's pure pieces: head parsing, headers, framing, gzip, query encoding.
@Suite(.offCooperativePool)
struct ClientTests {
    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\n", "1.1", 200, "OK"),
        ("HTTP/1.0 404 Not Found\r\n", "1.0", 404, "Not Found"),
        ("HTTP/1.1 204 \r\n", "1.1", 204, ""),
        ("HTTP/1.1 503\r\n", "1.1", 503, ""),
    ])
    func statusLineParses(line: String, version: String, status: Int, reason: String) throws {
        let parsed = try ResponseHead.parseStatusLine(line)
        #expect(parsed.version == version)
        #expect(parsed.status == status)
        #expect(parsed.reason == reason)
    }

    @Test(arguments: ["", "200 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 abc OK", "HTTP/1.1 099 Low"])
    func badStatusLineThrows(line: String) {
        #expect(throws: ResponseHead.ParseError.self) { try ResponseHead.parseStatusLine(line) }
    }

    @Test func headerLineTrimsOptionalWhitespace() throws {
        let field = try ResponseHead.parseHeaderLine("Content-Type: \t application/json \t\r\n")
        #expect(field == HeaderField("Content-Type", "application/json"))
        let empty = try ResponseHead.parseHeaderLine("X-Empty:\r\n")
        #expect(empty.value == "")
        #expect(throws: ResponseHead.ParseError.invalidHeaderLine("no colon")) {
            try ResponseHead.parseHeaderLine("no colon\r\n")
        }
        #expect(throws: ResponseHead.ParseError.self) { try ResponseHead.parseHeaderLine(": value") }
    }

    @Test func headersKeepOrderAndDuplicatesWithCaseInsensitiveLookup() throws {
        let head = try ResponseHead.parse(lines: [
            "HTTP/1.1 200 OK\r\n", "Set-Cookie: a=1\r\n", "content-type: text/plain\r\n", "SET-COOKIE: b=2\r\n", "\r\n",
        ])
        #expect(head.headers.count == 3)
        #expect(head.headers["Content-Type"] == "text/plain")
        #expect(head.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(head.headers.fields.map(\.name) == ["Set-Cookie", "content-type", "SET-COOKIE"])
        #expect(head.headers["Missing"] == nil)
    }

    @Test func readerSplitsPipelinedResponses() throws {
        var reader = RawResponseReader()
        reader.feed(Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 404 Not Found\r\nContent-Le".utf8))
        let first = try #require(try reader.next())
        #expect(first.status == 200)
        #expect(first.bodyText == "hello")
        #expect(try reader.next() == nil)  // second head incomplete
        reader.feed(Array("ngth: 2\r\n\r\n{}".utf8))
        let second = try #require(try reader.next())
        #expect(second.status == 404)
        #expect(second.bodyText == "{}")
        #expect(reader.buffer.isEmpty)
    }

    @Test func readerDecodesChunkedBodyWithExtensionsAndTrailers() throws {
        var reader = RawResponseReader()
        let wire =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;ext=1\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nX-Trailer: t\r\n\r\nrest"
        reader.feed(Array(wire.utf8))
        let response = try #require(try reader.next())
        #expect(response.bodyText == "Wikipedia in \r\n\r\nchunks.")
        #expect(reader.buffer == Array("rest".utf8))
    }

    @Test func readerRejectsBadChunkSize() {
        var reader = RawResponseReader()
        reader.feed(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".utf8))
        #expect(throws: BroadsheetClientError.self) { try reader.next() }
    }

    @Test func readerHandlesHeadAndNoBodyStatusesAndCloseDelimitedBodies() throws {
        var reader = RawResponseReader()
        reader.feed(
            Array(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\n\r\n"
                    .utf8))
        #expect(try reader.next(expectBody: false)?.body == [])
        #expect(try reader.next()?.status == 304)
        reader.feed(Array("HTTP/1.0 200 OK\r\n\r\nuntil close".utf8))
        #expect(try reader.next() == nil)
        #expect(try reader.next(atEndOfStream: true)?.bodyText == "until close")
    }

    @Test func readerReportsTruncationAtEndOfStream() {
        var reader = RawResponseReader()
        reader.feed(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort".utf8))
        #expect(throws: BroadsheetClientError.self) { try reader.next(atEndOfStream: true) }
    }

    /// `gzip.compress(b"Broadsheet gzip check\n", mtime=0)` from CPython: an independent encoder.
    static let pythonGzip: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x73, 0x2a, 0xca, 0x4f, 0x4c, 0x29, 0xce, 0x48,
        0x4d, 0x2d, 0x51, 0x48, 0xaf, 0xca, 0x2c, 0x50, 0x48, 0xce, 0x48, 0x4d, 0xce, 0xe6, 0x02, 0x00, 0xb3, 0x94,
        0x51, 0xe9, 0x16, 0x00, 0x00, 0x00,
    ]

    @Test func gunzipDecodesAnotherEncodersOutput() throws {
        #expect(try BroadsheetClient.gunzip(Self.pythonGzip) == Array("Broadsheet gzip check\n".utf8))
    }

    @Test func gzipRoundTripsLargeInput() throws {
        let text = Array(String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 5000).utf8)
        let compressed = try BroadsheetClient.gzip(text)
        #expect(compressed.count < text.count / 10)
        #expect(Array(compressed.prefix(2)) == [0x1f, 0x8b])
        #expect(try BroadsheetClient.gunzip(compressed) == text)
    }

    @Test func gunzipRejectsTruncatedAndForeignData() {
        #expect(throws: BroadsheetClientError.self) { try BroadsheetClient.gunzip(Array(Self.pythonGzip.dropLast(12))) }
        #expect(throws: BroadsheetClientError.self) { try BroadsheetClient.gunzip(Array("not gzip at all".utf8)) }
    }

    @Test func queryIsPercentEncoded() {
        #expect(
            BroadsheetClient.target(path: "/v1/search", query: [("q", "a b&c=d"), ("limit", "5")])
                == "/v1/search?q=a%20b%26c%3Dd&limit=5")
        #expect(BroadsheetClient.percentEncode("Zürich-~._") == "Z%C3%BCrich-~._")
        #expect(BroadsheetClient.target(path: "/v1/documents", query: []) == "/v1/documents")
    }

    @Test func nonSuccessStatusThrowsDecodedProblem() throws {
        let body =
            #"{"type":"https://broadsheet.example/problems/invalid-query","title":"Invalid query","status":400,"detail":"limit must be 1...100","parameter":"limit"}"#
        let response = ClientResponse(status: 400, body: Array(body.utf8))
        do {
            _ = try BroadsheetClient.checked(response)
            Issue.record("expected a throw")
        } catch {
            guard case .problem(let status, let problem) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(status == 400)
            #expect(problem.parameter == "limit")
            #expect(problem.title == "Invalid query")
        }
        #expect(throws: BroadsheetClientError.self) {
            try BroadsheetClient.checked(ClientResponse(status: 500, body: Array("oops".utf8)))
        }
        #expect(try BroadsheetClient.checked(ClientResponse(status: 204)).status == 204)
    }

    @Test func invalidBaseURLIsRejected() {
        #expect(throws: BroadsheetClientError.self) { try BroadsheetClient(baseURL: "127.0.0.1:8080") }
    }

    @Test func responseExposesProblemAndTypedDecodingErrors() throws {
        let problem = ClientResponse(
            status: 404, body: Array(#"{"title":"Not Found","status":404,"detail":"no document x"}"#.utf8))
        #expect(problem.problem?.status == 404)
        #expect(problem.problem?.detail == "no document x")
        #expect(ClientResponse(status: 200, body: Array("[1,2]".utf8)).problem == nil)
        #expect(try ClientResponse(status: 200, body: Array("[1,2]".utf8)).decode([Int].self) == [1, 2])
        #expect(throws: BroadsheetClientError.self) {
            try ClientResponse(status: 200, body: Array("{".utf8)).decode([Int].self)
        }
    }

    @Test func requestHeadersLiteralKeepsOrderAndDuplicates() {
        var headers: ClientHeaders = [("Accept", "a"), ("X-Twice", "1")]
        headers.add("x-twice", "2")
        #expect(
            headers.fields == [HeaderField("Accept", "a"), HeaderField("X-Twice", "1"), HeaderField("x-twice", "2")])
        #expect(headers.contains("ACCEPT"))
        #expect(!headers.contains("Host"))
    }
}
