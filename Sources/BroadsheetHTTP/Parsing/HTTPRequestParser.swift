/// An incremental HTTP/1.x request parser (RFC 9112): feed it bytes as they arrive with
/// ``append(_:)``, then call ``next()`` until it returns `nil` (more bytes needed).
///
/// It is a value-type state machine with no I/O. States, in order for each request:
/// - `requestLine`: waiting for `method SP target SP version CRLF` (empty lines before it are skipped);
/// - `headers`: reading field lines until the empty line;
/// - `body(remaining:)`: reading a `Content-Length` body;
/// - `chunkSize`, `chunkData(remaining:)`, `chunkDataEnd`, `trailers`: reading a chunked body (RFC 9112 §7.1);
/// - `failed`: after an error every call rethrows it; the connection must be closed.
///
/// Pipelined requests in one buffer come out one per ``next()`` call, in order.
///
/// ```swift
/// var parser = HTTPRequestParser()
/// parser.append(Array("GET /a?q=1 HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
/// if case .request(let request)? = try parser.next() { print(request.path) }  // "/a"
/// ```
public struct HTTPRequestParser: Sendable {
    /// What ``next()`` produced.
    public enum Event: Sendable {
        /// A complete request, body included.
        case request(HTTPRequest)
        /// The head of a request carrying `Expect: 100-continue` is complete and its declared body is within
        /// limits: answer `100 Continue`, then keep feeding the body; the request follows as a later event.
        case expectContinue
    }

    private enum State: Sendable {
        case requestLine
        case headers
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed(HTTPParserError)
    }

    /// The limits this parser enforces.
    public let limits: Limits

    private var state: State = .requestLine
    private var buffer: [UInt8] = []
    /// The first byte not yet consumed.
    private var readIndex = 0
    /// Where the search for the next LF resumes, so partial lines are not rescanned.
    private var scanIndex = 0

    // The request being assembled.
    private var method = HTTPMethod.get
    private var target = ""
    private var path = ""
    private var query: [(name: String, value: String)] = []
    private var version = HTTPVersion.http1_1
    private var headers = HTTPHeaders()
    private var body: [UInt8] = []
    private var headerBytes = 0
    private var headerCount = 0

    public init(limits: Limits = .default) {
        self.limits = limits
        buffer.reserveCapacity(4096)
    }

    /// Bytes received but not yet consumed by a complete event.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Whether part of a request has arrived (a partial line, head or body): the connection is not idle.
    public var isMidRequest: Bool {
        if case .requestLine = state { return buffer.count > readIndex }
        if case .failed = state { return false }
        return true
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The most buffer capacity kept between requests.
    static let retainedCapacity = 8 * 1024

    private mutating func compact() {
        if readIndex == buffer.count {
            // An idle connection keeps a small buffer, not the one a large body grew.
            buffer.removeAll(keepingCapacity: buffer.capacity <= Self.retainedCapacity)
            readIndex = 0
            scanIndex = 0
        } else if readIndex >= 16 * 1024 {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
    }

    /// Parses as far as the buffered bytes allow.
    ///
    /// - Returns: the next event, or `nil` when more bytes are needed.
    /// - Throws: the first ``HTTPParserError`` met; the parser then stays failed.
    public mutating func next() throws(HTTPParserError) -> Event? {
        if case .failed(let error) = state { throw error }
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPParserError) -> Event? {
        while true {
            switch state {
            case .requestLine:
                guard let line = try nextLine(limit: limits.maxRequestLineLength, overflow: .requestLineTooLong) else {
                    return nil
                }
                if line.isEmpty { continue }  // RFC 9112 §2.2: ignore empty lines before the request line.
                try parseRequestLine(line)
                state = .headers
            case .headers:
                let room = limits.maxHeaderSectionSize - headerBytes
                guard let line = try nextLine(limit: room, overflow: .headerSectionTooLarge) else { return nil }
                headerBytes += line.count + 2
                if headerBytes > limits.maxHeaderSectionSize { throw .headerSectionTooLarge }
                if line.isEmpty {
                    if let event = try finishHead() { return event }
                    continue
                }
                headerCount += 1
                if headerCount > limits.maxHeaderCount { throw .headerSectionTooLarge }
                let field = try parseFieldLine(line)
                headers.add(field.name, field.value)
            case .body(let remaining):
                let available = buffer.count - readIndex
                if available == 0 { return nil }
                let take = min(available, remaining)
                body.append(contentsOf: buffer[readIndex..<(readIndex + take)])
                readIndex += take
                scanIndex = readIndex
                if take == remaining { return .request(completeRequest()) }
                state = .body(remaining: remaining - take)
                return nil
            case .chunkSize:
                guard let line = try nextLine(limit: limits.maxChunkLineLength, overflow: .invalidChunk) else {
                    return nil
                }
                let size = try parseChunkSize(line)
                if size == 0 {
                    state = .trailers
                } else {
                    if size > limits.maxBodySize - body.count { throw .contentTooLarge }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let available = buffer.count - readIndex
                if available == 0 { return nil }
                let take = min(available, remaining)
                body.append(contentsOf: buffer[readIndex..<(readIndex + take)])
                readIndex += take
                scanIndex = readIndex
                state = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                guard buffer.count - readIndex >= 2 else {
                    if buffer.count > readIndex, buffer[readIndex] != 0x0D { throw .invalidChunk }
                    return nil
                }
                guard buffer[readIndex] == 0x0D, buffer[readIndex + 1] == 0x0A else {
                    throw buffer[readIndex] == 0x0A ? .bareLineFeed : .invalidChunk
                }
                readIndex += 2
                scanIndex = readIndex
                state = .chunkSize
            case .trailers:
                // RFC 9112 §7.1.2: trailer fields are validated and then discarded (never merged into headers).
                let room = limits.maxHeaderSectionSize - headerBytes
                guard let line = try nextLine(limit: room, overflow: .headerSectionTooLarge) else { return nil }
                headerBytes += line.count + 2
                if headerBytes > limits.maxHeaderSectionSize { throw .headerSectionTooLarge }
                if line.isEmpty { return .request(completeRequest()) }
                _ = try parseFieldLine(line)
            case .failed(let error):
                throw error
            }
        }
    }

    /// The next CRLF-terminated line (without its CRLF), or `nil` if it has not fully arrived.
    private mutating func nextLine(limit: Int, overflow: HTTPParserError) throws(HTTPParserError) -> Range<Int>? {
        let end = buffer.count
        var i = scanIndex
        while i < end, buffer[i] != 0x0A { i += 1 }
        guard i < end else {
            scanIndex = end
            // The line may still end in CR, which is not part of its length.
            if end - readIndex > limit + 1 { throw overflow }
            return nil
        }
        guard i > readIndex, buffer[i - 1] == 0x0D else { throw .bareLineFeed }
        let line = readIndex..<(i - 1)
        if line.count > limit { throw overflow }
        readIndex = i + 1
        scanIndex = readIndex
        return line
    }

    /// RFC 9112 §3: `method SP request-target SP HTTP-version`.
    private mutating func parseRequestLine(_ line: Range<Int>) throws(HTTPParserError) {
        guard let firstSpace = buffer[line].firstIndex(of: 0x20),
            let lastSpace = buffer[line].lastIndex(of: 0x20), firstSpace < lastSpace
        else { throw .invalidRequestLine }
        let methodBytes = buffer[line.lowerBound..<firstSpace]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPSyntax.isTokenByte) else { throw .invalidMethod }
        let targetBytes = buffer[(firstSpace + 1)..<lastSpace]
        guard !targetBytes.isEmpty else { throw .invalidRequestLine }

        version = try Self.parseVersion(buffer[(lastSpace + 1)..<line.upperBound])
        method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self))
        guard HTTPMethod.implemented.contains(method) else { throw .methodNotImplemented }

        guard targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .invalidTarget }
        let parsed = try RequestTarget.parse(targetBytes, method: method)
        target = String(decoding: targetBytes, as: UTF8.self)
        path = parsed.path
        query = parsed.query
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParserError) -> HTTPVersion {
        // "HTTP/" DIGIT "." DIGIT
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { throw .invalidVersion }
        let major = bytes[bytes.startIndex + 5]
        let dot = bytes[bytes.startIndex + 6]
        let minor = bytes[bytes.startIndex + 7]
        guard HTTPSyntax.isDigit(major), dot == UInt8(ascii: "."), HTTPSyntax.isDigit(minor) else {
            throw .invalidVersion
        }
        switch (major, minor) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw .versionNotSupported
        }
    }

    /// RFC 9112 §5: `field-name ":" OWS field-value OWS`.
    private func parseFieldLine(_ line: Range<Int>) throws(HTTPParserError) -> (name: String, value: String) {
        let first = buffer[line.lowerBound]
        if first == 0x20 || first == 0x09 { throw .obsoleteLineFolding }
        guard let colon = buffer[line].firstIndex(of: UInt8(ascii: ":")) else { throw .invalidHeaderName }
        let nameBytes = buffer[line.lowerBound..<colon]
        guard !nameBytes.isEmpty, nameBytes.allSatisfy(HTTPSyntax.isTokenByte) else { throw .invalidHeaderName }
        var start = colon + 1
        var end = line.upperBound
        while start < end, buffer[start] == 0x20 || buffer[start] == 0x09 { start += 1 }
        while end > start, buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 { end -= 1 }
        let valueBytes = buffer[start..<end]
        guard valueBytes.allSatisfy(HTTPSyntax.isFieldValueByte) else { throw .invalidHeaderValue }
        return (String(decoding: nameBytes, as: UTF8.self), String(decoding: valueBytes, as: UTF8.self))
    }

    /// RFC 9112 §7.1: `chunk-size [ chunk-ext ]`; extensions are checked for control bytes and ignored.
    private func parseChunkSize(_ line: Range<Int>) throws(HTTPParserError) -> Int {
        var size = 0
        var i = line.lowerBound
        while i < line.upperBound, let digit = HTTPSyntax.hexValue(buffer[i]) {
            guard i - line.lowerBound < 15 else { throw .invalidChunk }
            size = size << 4 | Int(digit)
            i += 1
        }
        guard i > line.lowerBound else { throw .invalidChunk }
        while i < line.upperBound, buffer[i] == 0x20 || buffer[i] == 0x09 { i += 1 }
        if i < line.upperBound {
            guard buffer[i] == UInt8(ascii: ";"),
                buffer[i..<line.upperBound].allSatisfy(HTTPSyntax.isFieldValueByte)
            else { throw .invalidChunk }
        }
        return size
    }

    /// Decides the body framing once the head is complete (RFC 9112 §6).
    private mutating func finishHead() throws(HTTPParserError) -> Event? {
        var contentLength: Int? = nil
        var chunked = false
        var hostCount = 0
        var expectation: String? = nil
        var sawTransferEncoding = false
        for field in headers {
            switch field.name.utf8.count {
            case 4 where field.name.caseInsensitiveEquals("Host"):
                hostCount += 1
            case 6 where field.name.caseInsensitiveEquals("Expect"):
                expectation = field.value
            case 14 where field.name.caseInsensitiveEquals("Content-Length"):
                for item in field.value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    let value = try Self.parseContentLength(item)
                    if let existing = contentLength, existing != value { throw .conflictingContentLength }
                    contentLength = value
                }
            case 17 where field.name.caseInsensitiveEquals("Transfer-Encoding"):
                for item in field.value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    let coding = HTTPSyntax.trimmed(item)
                    guard !chunked, String(decoding: coding, as: UTF8.self).caseInsensitiveEquals("chunked") else {
                        throw .unsupportedTransferEncoding
                    }
                    chunked = true
                }
                sawTransferEncoding = true
            default:
                break
            }
        }
        if sawTransferEncoding && contentLength != nil { throw .contentLengthWithTransferEncoding }
        if version == .http1_1 && hostCount != 1 { throw .invalidHost }
        if let length = contentLength, length > limits.maxBodySize { throw .contentTooLarge }

        var wantsContinue = false
        if let expectation, version == .http1_1 {
            // RFC 9110 §10.1.1: only 100-continue is defined; HTTP/1.0 requests' Expect is ignored.
            guard expectation.caseInsensitiveEquals("100-continue") else { throw .unsupportedExpectation }
            wantsContinue = chunked || (contentLength ?? 0) > 0
        }

        if chunked {
            state = .chunkSize
        } else if let length = contentLength, length > 0 {
            // Reserve only a little up front: a declared length is a promise, not bytes received.
            body.reserveCapacity(min(length, 64 * 1024))
            state = .body(remaining: length)
        } else {
            return .request(completeRequest())
        }
        return wantsContinue ? .expectContinue : nil
    }

    private static func parseContentLength(_ bytes: Substring.UTF8View) throws(HTTPParserError) -> Int {
        let digits = HTTPSyntax.trimmed(bytes)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(HTTPSyntax.isDigit) else {
            throw .invalidContentLength
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private mutating func completeRequest() -> HTTPRequest {
        let request = HTTPRequest(
            method: method, target: target, path: path, query: query, version: version, headers: headers, body: body)
        headers = HTTPHeaders()
        body = []
        query = []
        headerBytes = 0
        headerCount = 0
        state = .requestLine
        return request
    }
}
