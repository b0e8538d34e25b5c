#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// Everything the server needs to know before it starts. Every property has a documented default.
    ///
    /// ```swift
    /// var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
    /// configuration.headerReadTimeout = .milliseconds(300)
    /// ```
    public struct Configuration: Sendable {
        /// The address to bind: `"0.0.0.0"` (every IPv4 address), `"::"` (every IPv6 and, on Linux,
        /// IPv4 address), `"127.0.0.1"`, `"::1"` or a name such as `"localhost"` (its first address).
        /// Default: `"127.0.0.1"`.
        public var host: String
        /// The TCP port; 0 picks an ephemeral port, read back from ``HTTPServer/start()`` or
        /// ``HTTPServer/boundPort``. Default: 8080.
        public var port: Int
        /// Request parsing limits (line, header section, body sizes). Default: ``HTTPRequestParser/Limits/default``.
        public var limits: HTTPRequestParser.Limits
        /// How long a client has to send a complete request (head and body) once it has connected or sent
        /// the first byte of a request; past it the server answers `408` and closes (slowloris defence).
        /// A fresh connection that sends nothing is closed silently at the same deadline. Default: 10 s.
        public var headerReadTimeout: Duration
        /// How long a persistent connection may stay idle between requests before it is closed. Default: 60 s
        /// (nginx's `keepalive_timeout` is 75 s, Hummingbird's idle timeout is off by default).
        public var idleTimeout: Duration
        /// Most connections open at once; connections accepted beyond it are closed at once. Default: 1,024.
        public var maxConnections: Int
        /// Most pipelined requests parsed ahead and queued per connection while one is being answered;
        /// past it the server stops reading from that connection until the queue drains. Default: 16.
        public var maxPipelinedRequests: Int
        /// How long ``HTTPServer/shutdown()`` waits for in-flight requests before closing what remains. Default: 5 s.
        public var shutdownTimeout: Duration
        /// How long a connection being closed after a final response keeps draining unread input (so the
        /// client sees the response rather than a reset). Default: 1 s.
        public var lingerTimeout: Duration
        /// The `listen(2)` backlog. Default: 1,024.
        public var backlog: Int
        /// How many event loops (each one thread waiting on its own epoll set) answer requests; connections
        /// are spread over them round-robin. A responder runs on its connection's loop, so at most this many
        /// requests are answered at once, as in an nginx-style worker model, and a server's work never waits
        /// behind other Dispatch work of the process. Default: the number of online cores.
        public var eventLoops: Int
        /// Requests answered on a worker thread instead of the connection's loop (slow ones: writes, heavy
        /// queries), so that the loop's other connections, `/healthz` among them, are answered meanwhile.
        /// The response is written from the loop when it is ready. At most ``maxWorkers`` such requests
        /// run at once; past that one is answered on its loop. Default: `nil` (every request on its loop).
        public var runsOnWorker: (@Sendable (HTTPRequest) -> Bool)?
        /// Most requests answered on worker threads at once. Default: 32.
        public var maxWorkers: Int
        /// Called with the new count whenever a connection opens or closes, for metrics. Calls arrive one at a
        /// time on an internal serial queue, in the order the count changed. Default: `nil`.
        public var onConnectionCountChange: (@Sendable (Int) -> Void)?

        public init(
            host: String = "127.0.0.1",
            port: Int = 8080,
            limits: HTTPRequestParser.Limits = .default,
            headerReadTimeout: Duration = .seconds(10),
            idleTimeout: Duration = .seconds(60),
            maxConnections: Int = 1024,
            maxPipelinedRequests: Int = 16,
            shutdownTimeout: Duration = .seconds(5),
            lingerTimeout: Duration = .seconds(1),
            backlog: Int = 1024,
            eventLoops: Int = Configuration.onlineCores,
            onConnectionCountChange: (@Sendable (Int) -> Void)? = nil,
            runsOnWorker: (@Sendable (HTTPRequest) -> Bool)? = nil,
            maxWorkers: Int = 32
        ) {
            self.host = host
            self.port = port
            self.limits = limits
            self.headerReadTimeout = headerReadTimeout
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
            self.maxPipelinedRequests = maxPipelinedRequests
            self.shutdownTimeout = shutdownTimeout
            self.lingerTimeout = lingerTimeout
            self.backlog = backlog
            self.eventLoops = max(1, eventLoops)
            self.onConnectionCountChange = onConnectionCountChange
            self.runsOnWorker = runsOnWorker
            self.maxWorkers = max(1, maxWorkers)
        }
    }
}

extension Duration {
    /// Whole nanoseconds (negative durations count as zero).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}

extension HTTPServer.Configuration {
    /// The number of online processor cores (at least 1).
    public static var onlineCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
