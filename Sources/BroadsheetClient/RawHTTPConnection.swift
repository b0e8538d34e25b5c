#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A test aid: one blocking TCP connection that sends arbitrary bytes and reads responses back.
///
/// libcurl cannot send a malformed request or pipeline several requests, so tests that need
/// either write the bytes themselves:
///
/// ```swift
/// let connection = try RawHTTPConnection(port: port)
/// try connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
/// let responses = try connection.readResponses(count: 2)
/// ```
///
/// Every call blocks the calling thread for at most the receive timeout, so use it only in tests.
/// It is not `Sendable`: use one connection from one task.
public final class RawHTTPConnection {
    private var fd: Int32
    private var reader = RawResponseReader()
    private var peerClosed = false

    /// Connects to `host:port` (an IPv4 address such as `127.0.0.1`).
    ///
    /// - Parameter timeout: the send and receive timeout of each socket call, in seconds. Default: 5.
    /// - Throws: ``BroadsheetClientError/socket(call:errno:)``.
    public init(host: String = "127.0.0.1", port: Int, timeout: Double = 5) throws(BroadsheetClientError) {
        #if canImport(Glibc)
            let streamType = Int32(SOCK_STREAM.rawValue)
        #else
            let streamType = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw .socket(call: "socket", errno: errno) }
        self.fd = fd
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            closeDescriptor(fd)
            self.fd = -1
            throw .socket(call: "inet_pton", errno: EINVAL)
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            closeDescriptor(fd)
            self.fd = -1
            throw .socket(call: "connect", errno: error)
        }
    }

    deinit {
        if fd >= 0 { closeDescriptor(fd) }
    }

    /// Sends all of `bytes`.
    /// - Throws: ``BroadsheetClientError/socket(call:errno:)``.
    public func send(_ bytes: [UInt8]) throws(BroadsheetClientError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBufferPointer { buffer in
                sendBytes(fd, buffer.baseAddress! + sent, buffer.count - sent)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .socket(call: "send", errno: errno)
            }
            sent += count
        }
    }

    /// Sends the UTF-8 bytes of `text` (spell out `\r\n` yourself).
    public func send(_ text: String) throws(BroadsheetClientError) {
        try send(Array(text.utf8))
    }

    /// Half-closes the connection: the server sees end of input, and responses can still be read.
    public func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads and returns the next complete response.
    ///
    /// - Parameter expectBody: false when the request was `HEAD`.
    /// - Returns: the response, or `nil` when the server closed the connection before sending one.
    /// - Throws: ``BroadsheetClientError/socket(call:errno:)`` (errno `EAGAIN` on timeout) or
    ///   ``BroadsheetClientError/malformedResponse(_:)``.
    public func readResponse(expectBody: Bool = true) throws(BroadsheetClientError) -> ClientResponse? {
        while true {
            if let response = try reader.next(expectBody: expectBody, atEndOfStream: peerClosed) {
                return response
            }
            if peerClosed { return nil }
            try receiveMore()
        }
    }

    /// Reads up to `count` responses, stopping early if the server closes the connection.
    public func readResponses(count: Int, expectBody: Bool = true) throws(BroadsheetClientError) -> [ClientResponse] {
        var responses: [ClientResponse] = []
        while responses.count < count, let response = try readResponse(expectBody: expectBody) {
            responses.append(response)
        }
        return responses
    }

    /// Reads everything until the server closes the connection (or `limit` bytes), without parsing.
    public func readUntilClosed(limit: Int = 16 * 1024 * 1024) throws(BroadsheetClientError) -> [UInt8] {
        while !peerClosed && reader.buffer.count < limit {
            try receiveMore()
        }
        let bytes = reader.buffer
        reader = RawResponseReader()
        return bytes
    }

    /// Whether the server has closed its side (seen as end of stream or a reset).
    public var isClosedByPeer: Bool { peerClosed }

    /// Closes the connection now.
    public func close() {
        if fd >= 0 {
            closeDescriptor(fd)
            fd = -1
        }
        peerClosed = true
    }

    private func receiveMore() throws(BroadsheetClientError) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                reader.feed(chunk[..<count])
                return
            }
            if count == 0 {
                peerClosed = true
                return
            }
            let error = errno
            if error == EINTR { continue }
            if error == ECONNRESET {
                peerClosed = true
                return
            }
            throw .socket(call: "recv", errno: error)
        }
    }
}

/// `close(2)`, out of reach of the instance method of the same name.
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

/// `send(2)` without SIGPIPE, out of reach of the instance method of the same name.
private func sendBytes(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
        return send(fd, bytes, count, 0)
    #else
        return send(fd, bytes, count, Int32(MSG_NOSIGNAL))
    #endif
}
