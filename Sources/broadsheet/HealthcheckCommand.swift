import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `broadsheet healthcheck`: exits 0 when the server answers 200 on its health URL.
///
/// The container's `HEALTHCHECK` runs it, so the runtime image needs no curl. It speaks just
/// enough HTTP/1.1 over a plain socket to read the status line.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 if the server's health endpoint answers 200 (for container HEALTHCHECKs)."
    )

    @Option(help: "The URL to probe (env BROADSHEET_HEALTHCHECK_URL).")
    var url: String?

    @Option(help: "Seconds to wait for an answer.")
    var timeout: Int = 3

    func run() throws {
        let target = url ?? Environment.value("BROADSHEET_HEALTHCHECK_URL")
            ?? "http://127.0.0.1:\(Environment.value("BROADSHEET_PORT") ?? "8080")/healthz"
        guard let parsed = HealthcheckURL(target) else {
            throw ValidationError("not an http:// URL: \(target)")
        }
        let status = probe(parsed)
        guard status == 200 else {
            print("unhealthy: \(status.map { "status \($0)" } ?? "no answer") from \(target)")
            throw ExitCode(1)
        }
        print("healthy")
    }

    private func probe(_ url: HealthcheckURL) -> Int? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(url.host, String(url.port), &hints, &result) == 0, let first = result else { return nil }
        defer { freeaddrinfo(result) }
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let ai = node {
            node = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if fd < 0 { continue }
            defer { close(fd) }
            var tv = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            guard connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 else { continue }
            let request = "GET \(url.path) HTTP/1.1\r\nHost: \(url.host)\r\nConnection: close\r\nUser-Agent: broadsheet-healthcheck\r\n\r\n"
            let sent = request.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 512)
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 12 else { continue }
            // "HTTP/1.1 200 OK"
            let line = String(decoding: buffer[0..<n], as: UTF8.self)
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let code = Int(parts[1]) { return code }
        }
        return nil
    }
}

/// `http://host[:port][/path]` (IPv6 hosts in brackets).
struct HealthcheckURL {
    var host: String
    var port: Int
    var path: String

    init?(_ s: String) {
        guard s.hasPrefix("http://") else { return nil }
        var rest = Substring(s.dropFirst(7))
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        path = slash == rest.endIndex ? "/" : String(rest[slash...])
        rest = rest[..<slash]
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            port = after.hasPrefix(":") ? (Int(after.dropFirst()) ?? -1) : 80
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            port = Int(rest[rest.index(after: colon)...]) ?? -1
        } else {
            host = String(rest)
            port = 80
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
    }
}
