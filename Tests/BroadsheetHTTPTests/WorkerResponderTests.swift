import BroadsheetHTTP
import Dispatch
import Foundation
import Logging
import Testing
import TestSupport

/// Requests chosen by `runsOnWorker` are answered off the loop: the loop's other connections are
/// answered while one is in flight, and the in-flight answer still arrives in order.
@Suite(.offCooperativePool) struct WorkerResponderTests {
    final class Gate: Sendable {
        let opened = DispatchSemaphore(value: 0)
    }

    struct SlowWrites: HTTPResponder {
        let gate: Gate
        func respond(to request: HTTPRequest) -> HTTPResponse {
            if request.method == .post {
                // Held until the test has its quick answer: on the loop this would hold every connection.
                _ = gate.opened.wait(timeout: .now() + 10)
                return HTTPResponse(status: .created, headers: ["Content-Type": "text/plain"], body: Array("written".utf8))
            }
            return HTTPResponse(headers: ["Content-Type": "text/plain"], body: Array("ok".utf8))
        }
    }

    /// One request over a new connection; the whole answer as text.
    static func exchange(port: Int, _ request: String, timeout seconds: Int = 20) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer += buffer[0..<n]
            if String(decoding: answer, as: UTF8.self).contains("\r\n\r\n"), answer.count > 60 { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func theLoopAnswersOthersWhileAWorkerAnswersASlowRequest() async throws {
        let gate = Gate()
        var logger = Logger(label: "worker-test")
        logger.logLevel = .critical
        let server = HTTPServer(
            configuration: .init(host: "127.0.0.1", port: 0, eventLoops: 1, runsOnWorker: { $0.method == .post }),
            responder: SlowWrites(gate: gate), logger: logger)
        let port = try server.start()
        let slow = Task.detached {
            try Self.exchange(port: port, "POST /write HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        }
        try await Task.sleep(for: .milliseconds(100))
        // Same loop (there is one): answered while the write is still held.
        // (On the loop it would wait for the held write: no answer within 5 s, and the test fails.)
        let quick = try Self.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout: 5)
        #expect(quick.hasPrefix("HTTP/1.1 200"))
        gate.opened.signal()
        let written = try await slow.value
        #expect(written.hasPrefix("HTTP/1.1 201"))
        #expect(written.hasSuffix("written"))
        await server.shutdown()
    }
}
