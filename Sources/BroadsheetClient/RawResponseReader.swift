/// Splits a byte stream into HTTP/1.x responses (RFC 9112 §6.3 message framing), for
/// ``RawHTTPConnection``. Pure: feed it bytes, then ask for the next complete response.
public struct RawResponseReader: Sendable {
    /// Bytes received and not yet consumed.
    public private(set) var buffer: [UInt8] = []

    /// Creates an empty reader.
    public init() {}

    /// Appends received bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Removes and returns the next complete response, or `nil` when more bytes are needed.
    ///
    /// - Parameters:
    ///   - expectBody: false for the answer to a `HEAD` request (no body whatever the headers say).
    ///   - atEndOfStream: true once the peer has closed: a response without `Content-Length` or
    ///     chunked framing then ends here (RFC 9112 §6.3 rule 8).
    /// - Throws: ``BroadsheetClientError/malformedResponse(_:)``.
    public mutating func next(expectBody: Bool = true, atEndOfStream: Bool = false) throws(BroadsheetClientError)
        -> ClientResponse?
    {
        guard let headEnd = Self.find([13, 10, 13, 10], in: buffer, from: 0) else {
            if atEndOfStream && !buffer.isEmpty { throw .malformedResponse("connection closed inside a response head") }
            return nil
        }
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let head: ResponseHead
        do {
            head = try ResponseHead.parse(
                lines: headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init))
        } catch {
            throw .malformedResponse(String(describing: error))
        }
        let bodyStart = headEnd + 4
        let noBody = !expectBody || (100..<200).contains(head.status) || head.status == 204 || head.status == 304
        var body: [UInt8] = []
        var consumed = bodyStart
        if noBody {
            // nothing
        } else if head.headers.values(for: "Transfer-Encoding").joined(separator: ",").lowercased().contains("chunked")
        {
            guard let (decoded, end) = try Self.decodeChunked(buffer, from: bodyStart) else {
                if atEndOfStream { throw .malformedResponse("connection closed inside a chunked body") }
                return nil
            }
            body = decoded
            consumed = end
        } else if let lengthText = head.headers["Content-Length"] {
            guard let length = Int(lengthText), length >= 0 else {
                throw .malformedResponse("bad Content-Length \(lengthText)")
            }
            guard buffer.count - bodyStart >= length else {
                if atEndOfStream { throw .malformedResponse("connection closed inside a body") }
                return nil
            }
            body = Array(buffer[bodyStart..<(bodyStart + length)])
            consumed = bodyStart + length
        } else {
            guard atEndOfStream else { return nil }
            body = Array(buffer[bodyStart...])
            consumed = buffer.count
        }
        buffer.removeFirst(consumed)
        return ClientResponse(
            status: head.status, reason: head.reason, httpVersion: head.httpVersion, headers: head.headers, body: body)
    }

    /// Decodes a chunked body starting at `start`; returns the body and the index after the
    /// trailer section, or `nil` when incomplete (RFC 9112 §7.1).
    static func decodeChunked(_ bytes: [UInt8], from start: Int) throws(BroadsheetClientError) -> ([UInt8], Int)? {
        var position = start
        var body: [UInt8] = []
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: position) else { return nil }
            let sizeLine = String(decoding: bytes[position..<lineEnd], as: UTF8.self)
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingOWS(), radix: 16), size >= 0 else {
                throw .malformedResponse("bad chunk size line \(sizeLine)")
            }
            position = lineEnd + 2
            if size == 0 {
                // Trailer fields, then an empty line.
                while true {
                    guard let end = find([13, 10], in: bytes, from: position) else { return nil }
                    let empty = end == position
                    position = end + 2
                    if empty { return (body, position) }
                }
            }
            guard bytes.count >= position + size + 2 else { return nil }
            body.append(contentsOf: bytes[position..<(position + size)])
            guard bytes[position + size] == 13, bytes[position + size + 1] == 10 else {
                throw .malformedResponse("chunk data not followed by CRLF")
            }
            position += size + 2
        }
    }

    /// The index of the first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }
}
