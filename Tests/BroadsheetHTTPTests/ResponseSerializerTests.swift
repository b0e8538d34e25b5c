import Testing

@testable import BroadsheetHTTP

/// What the server puts on the wire for a response, byte for byte.
struct ResponseSerializerTests {
    static let date = Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)

    func wire(
        _ response: HTTPResponse, head: Bool = false, close: Bool = false, keepAlive: Bool = false
    ) -> String {
        var out: [UInt8] = []
        ResponseSerializer.append(
            response, framing: .init(isHead: head, close: close, announceKeepAlive: keepAlive), date: Self.date,
            to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func okResponseHasDateLengthAndBody() {
        let response = HTTPResponse(headers: ["Content-Type": "text/plain", "Content-Length": "999"], body: Array("hi".utf8))
        #expect(
            wire(response)
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi")
    }

    @Test func headKeepsTheLengthAndDropsTheBody() {
        let response = HTTPResponse(body: Array("hello".utf8))
        #expect(wire(response, head: true, close: true).hasSuffix("Content-Length: 5\r\nConnection: close\r\n\r\n"))
    }

    @Test(arguments: [HTTPStatus.noContent, .notModified, .continue])
    func bodylessStatusesSendNoBody(status: HTTPStatus) {
        let text = wire(HTTPResponse(status: status, body: Array("x".utf8)), keepAlive: true)
        #expect(text.hasSuffix("Connection: keep-alive\r\n\r\n"))
        #expect(!text.contains("Content-Length"))
    }

    @Test func headerValuesCannotSplitTheResponse() {
        let text = wire(HTTPResponse(headers: ["X-Echo": "a\r\nSet-Cookie: evil"]))
        #expect(text.contains("X-Echo: a  Set-Cookie: evil\r\n"))
    }

    @Test func dateHeaderIsIMFFixdate() {
        #expect(String(decoding: DateHeader.format(784_111_777), as: UTF8.self) == "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n")
        #expect(String(decoding: DateHeader.format(0), as: UTF8.self) == "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n")
    }

    @Test(arguments: [0, 7, 10, 99, 1234, 1_048_576])
    func decimalDigits(value: Int) {
        var out: [UInt8] = []
        ResponseSerializer.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
    }
}
