#if canImport(Glibc)
import Glibc
#endif

/// A failed socket operation.
public enum SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A system call failed with `errno`.
    case failed(call: String, errno: Int32)
    /// The host name could not be resolved (`getaddrinfo` code and message).
    case addressResolution(host: String, code: Int32, message: String)
    /// The call would block (`EAGAIN`/`EWOULDBLOCK`); retry when the descriptor is ready.
    case wouldBlock
    /// The peer closed the connection (or reset it).
    case disconnected

    public var description: String {
        switch self {
        case .failed(let call, let code): "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .addressResolution(let host, _, let message): "cannot resolve \(host): \(message)"
        case .wouldBlock: "operation would block"
        case .disconnected: "peer disconnected"
        }
    }

    /// A ``failed(call:errno:)`` carrying the current `errno`.
    static func lastError(_ call: String) -> SocketError { .failed(call: call, errno: errno) }
}
