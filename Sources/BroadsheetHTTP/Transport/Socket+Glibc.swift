#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the POSIX socket calls the server needs. Every descriptor they return is
/// non-blocking and close-on-exec; callers own it and close it exactly once (see ``Socket/close(_:)``).
enum Socket {
    /// Ignores `SIGPIPE` process-wide, so a write to a reset peer fails with `EPIPE` instead of
    /// killing the process. Sends also pass `MSG_NOSIGNAL`; this covers any other writer.
    static let ignoreSIGPIPE: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Creates a listening TCP socket bound to `host:port` (IPv4 or IPv6, whichever the host resolves to first).
    ///
    /// - Parameters:
    ///   - host: a numeric address (`"0.0.0.0"`, `"::"`, `"127.0.0.1"`, `"::1"`) or a name (`"localhost"`);
    ///     empty means every IPv6 and IPv4 address.
    ///   - port: the port, or 0 for an ephemeral one (read it back with ``localPort(_:)``).
    ///   - backlog: the `listen` queue length.
    /// - Returns: the listening descriptor.
    static func listen(host: String, port: Int, backlog: Int32) throws(SocketError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let code = host.isEmpty
            ? getaddrinfo(nil, String(port), &hints, &list)
            : getaddrinfo(host, String(port), &hints, &list)
        guard code == 0, let first = list else {
            throw .addressResolution(host: host, code: code, message: String(cString: gai_strerror(code)))
        }
        defer { freeaddrinfo(list) }

        var lastError = SocketError.failed(call: "bind", errno: EADDRNOTAVAIL)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                lastError = .lastError("socket")
                continue
            }
            var on: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
            if info.pointee.ai_family == AF_INET6 {
                // "::" accepts IPv4 too (mapped addresses), whatever the system's bindv6only default.
                var off: Int32 = 0
                _ = setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &off, socklen_t(MemoryLayout<Int32>.size))
            }
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                lastError = .lastError("bind")
                _ = Glibc.close(fd)
                continue
            }
            guard Glibc.listen(fd, backlog) == 0 else {
                lastError = .lastError("listen")
                _ = Glibc.close(fd)
                continue
            }
            return fd
        }
        throw lastError
    }

    /// The local port a socket is bound to.
    static func localPort(_ fd: Int32) throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw .lastError("getsockname") }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            throw .failed(call: "getsockname", errno: EAFNOSUPPORT)
        }
    }

    /// Accepts one pending connection as a non-blocking descriptor with `TCP_NODELAY` set.
    ///
    /// - Returns: the descriptor, or `nil` when no connection is pending.
    static func accept(_ listener: Int32) throws(SocketError) -> Int32? {
        while true {
            let fd = Glibc.accept(listener, nil, nil)
            if fd >= 0 {
                // Glibc's Swift overlay does not export accept4, so set the flags after accepting.
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                var on: Int32 = 1
                _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                return fd
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return nil
            default: throw .lastError("accept")
            }
        }
    }

    /// Reads what is available into `buffer`.
    ///
    /// - Returns: the byte count (never 0).
    /// - Throws: ``SocketError/wouldBlock`` when nothing is available, ``SocketError/disconnected`` at end of stream
    ///   or on reset, or ``SocketError/failed(call:errno:)``.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 { return count }
            if count == 0 { throw .disconnected }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: throw .wouldBlock
            case ECONNRESET, EPIPE, ETIMEDOUT: throw .disconnected
            default: throw .lastError("read")
            }
        }
    }

    /// Sends as much of `bytes` as the socket takes now, without raising `SIGPIPE`.
    ///
    /// - Returns: the number of bytes sent (0 when the socket buffer is full).
    /// - Throws: ``SocketError/disconnected`` on reset, or ``SocketError/failed(call:errno:)``.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let count = Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            case ECONNRESET, EPIPE: throw .disconnected
            default: throw .lastError("send")
            }
        }
    }

    /// Sends two buffers with one `sendmsg` (a gathering write, without SIGPIPE).
    ///
    /// - Returns: the bytes sent (from `first`, then `second`), or 0 when the socket is full.
    static func send(_ fd: Int32, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) throws(SocketError)
        -> Int
    {
        var vectors = [
            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress), iov_len: second.count),
        ]
        while true {
            let count = vectors.withUnsafeMutableBufferPointer { iov -> Int in
                var message = msghdr()
                message.msg_iov = iov.baseAddress
                message.msg_iovlen = iov.count
                return Glibc.sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            case ECONNRESET, EPIPE: throw .disconnected
            default: throw .lastError("sendmsg")
            }
        }
    }

    /// Closes a descriptor. Call it once, after whatever watches `fd` (a Dispatch source, an ``EventLoop``) let go of it.
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}
