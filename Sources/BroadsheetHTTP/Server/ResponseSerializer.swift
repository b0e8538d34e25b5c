/// Writes a response head and body into one buffer, so each response costs one `send`.
///
/// The server owns framing: it drops any `Content-Length`, `Transfer-Encoding`, `Connection` and `Date`
/// the responder set and writes its own (RFC 9112 §6, RFC 9110 §6.6.1).
enum ResponseSerializer {
    /// How the response will be framed.
    struct Framing {
        /// The request was `HEAD`: send the headers a `GET` would get, no body (RFC 9110 §9.3.2).
        var isHead: Bool
        /// Send `Connection: close` and close after writing.
        var close: Bool
        /// The request was HTTP/1.0 and the connection stays open: send `Connection: keep-alive`.
        var announceKeepAlive: Bool
    }

    /// Appends the serialised response to `out`.
    /// - Parameter includeBody: false to write the head only (the caller sends ``bodyToSend(_:framing:)``
    ///   itself, from the response's own storage, without copying it: see `HTTPResponse.sendsBody`).
    static func append(
        _ response: HTTPResponse, framing: Framing, date: [UInt8], to out: inout [UInt8], includeBody: Bool = true
    ) {
        let code = response.status.code
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(code, to: &out)
        out.append(0x20)
        out.append(contentsOf: response.status.reasonPhrase.utf8)
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: date)

        var explicitLength: String? = nil
        for field in response.headers {
            let name = field.name
            switch name.utf8.count {
            case 4 where name.caseInsensitiveEquals("Date"): continue
            case 10 where name.caseInsensitiveEquals("Connection"): continue
            case 14 where name.caseInsensitiveEquals("Content-Length"):
                explicitLength = field.value
                continue
            case 17 where name.caseInsensitiveEquals("Transfer-Encoding"): continue
            default: break
            }
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: ": ".utf8)
            // A CR, LF or NUL in a value would split the response (RFC 9110 §5.5): replace it with a space.
            if field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
                out.append(contentsOf: field.value.utf8.map { $0 == 0x0D || $0 == 0x0A || $0 == 0 ? 0x20 : $0 })
            } else {
                out.append(contentsOf: field.value.utf8)
            }
            out.append(contentsOf: "\r\n".utf8)
        }

        // RFC 9110 §6.4.1: 1xx, 204 and 304 responses never have content.
        let bodyless = code < 200 || code == 204 || code == 304
        if !bodyless {
            out.append(contentsOf: "Content-Length: ".utf8)
            if framing.isHead, response.body.isEmpty, let explicitLength {
                out.append(contentsOf: explicitLength.utf8)
            } else {
                appendDecimal(response.body.count, to: &out)
            }
            out.append(contentsOf: "\r\n".utf8)
        }
        if framing.close {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if framing.announceKeepAlive {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        if includeBody && !bodyless && !framing.isHead {
            out.append(contentsOf: response.body)
        }
    }

    /// Appends a non-negative integer in decimal without going through `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(max(value, 0)))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }
}

extension HTTPRequest {
    /// Whether the client wants the connection kept open after this request (RFC 9112 §9.3):
    /// HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    var wantsPersistentConnection: Bool {
        var close = false
        var keepAlive = false
        for field in headers where field.name.utf8.count == 10 && field.name.caseInsensitiveEquals("Connection") {
            for token in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                let option = String(decoding: HTTPSyntax.trimmed(token), as: UTF8.self)
                if option.caseInsensitiveEquals("close") { close = true }
                if option.caseInsensitiveEquals("keep-alive") { keepAlive = true }
            }
        }
        if close { return false }
        return version == .http1_1 || keepAlive
    }
}

extension HTTPResponse {
    /// Whether the responder asked for the connection to be closed (`Connection: close`).
    var asksToClose: Bool {
        guard let value = headers["Connection"] else { return false }
        return value.utf8.split(separator: UInt8(ascii: ",")).contains {
            String(decoding: HTTPSyntax.trimmed($0), as: UTF8.self).caseInsensitiveEquals("close")
        }
    }

    /// Whether the body of `response` is sent at all under `framing` (not for HEAD, 1xx, 204, 304).
    static func sendsBody(_ response: HTTPResponse, framing: ResponseSerializer.Framing) -> Bool {
        let code = response.status.code
        return !framing.isHead && !(code < 200 || code == 204 || code == 304) && !response.body.isEmpty
    }
}
