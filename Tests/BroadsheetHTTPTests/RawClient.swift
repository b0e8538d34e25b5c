import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A response as read off the wire by ``RawClient``.
struct RawResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawClientError: Error { case connect(Int32), timeout, malformed(String) }

/// A blocking loopback client on plain POSIX sockets, so tests can send any bytes (malformed ones too).
/// Every call runs on a Dispatch queue, never on the cooperative pool (a blocked call would hold one of its few threads).
final class RawClient: @unchecked Sendable {
    // @unchecked Sendable: each test uses a client from one task at a time, one call after another.
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)

    init(port: Int) async throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let fd = self.fd
        let target = address
        let result = try await Self.offPool {
            var address = target
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else { throw RawClientError.connect(errno) }
    }

    deinit {
        close(fd)
        chunk.deallocate()
    }

    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            // A serial queue of its own targets an overcommitting root queue: a blocked call gets its own thread
            // instead of starving the width-limited global queue.
            DispatchQueue(label: "raw-client").async { continuation.resume(with: Result { try body() }) }
        }
    }

    func send(_ text: String) async throws { try await send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) async throws {
        let fd = self.fd
        _ = try await Self.offPool {
            bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }

    /// Reads one response; `head` means no body follows whatever the Content-Length says.
    func response(head: Bool = false) async throws -> RawResponse {
        try await Self.offPool { try self.readResponse(head: head) }
    }

    /// Reads until the server closes; returns everything not yet consumed.
    func readToEnd() async throws -> [UInt8] {
        try await Self.offPool {
            while try self.fill() {}
            defer { self.buffer = [] }
            return self.buffer
        }
    }

    /// Whether the server has closed the connection (reads end of stream with nothing pending).
    func isClosedByServer() async throws -> Bool {
        try await Self.offPool {
            guard self.buffer.isEmpty else { return false }
            return try !self.fill()
        }
    }

    /// Reads more bytes; `false` at end of stream.
    private func fill() throws -> Bool {
        let count = recv(fd, chunk.baseAddress, chunk.count, 0)
        if count > 0 {
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw RawClientError.timeout
    }

    private func readResponse(head: Bool) throws -> RawResponse {
        let terminator = Array("\r\n\r\n".utf8)
        var end: Int? = nil
        while end == nil {
            if let range = buffer.firstRange(of: terminator) {
                end = range.upperBound
            } else if try !fill() {
                throw RawClientError.malformed("closed before the head ended: \(String(decoding: buffer, as: UTF8.self))")
            }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end!)
        var lines = headText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw RawClientError.malformed(headText)
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        let bodyless = head || status < 200 || status == 204 || status == 304
        if !bodyless, let length = response.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length {
                guard try fill() else { throw RawClientError.malformed("closed inside the body") }
            }
            response.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        }
        return response
    }
}
