import BroadsheetSync
import Dispatch
import Synchronization
public import Logging

/// Broadsheet's HTTP/1.1 server: POSIX sockets, one ``EventLoop`` thread per core (edge-triggered epoll,
/// like nginx workers) answering with a synchronous ``HTTPResponder``, and Dispatch for accepting, timers
/// of the shutdown and signals. No thread per connection.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: router, logger: logger)
/// let port = try server.start()          // bound and accepting; port 0 became an ephemeral port
/// for await _ in UnixSignals.stream() { break }
/// await server.shutdown()                // stop accepting, finish in-flight requests, close
/// ```
///
/// The server adds `Date`, `Content-Length` and `Connection` to every response, answers protocol errors
/// itself with `application/problem+json` and `Connection: close`, and keeps connections persistent by
/// default (RFC 9112 §9.3).
public final class HTTPServer: Sendable {
    private struct State: Sendable {
        var listener: Listener?
        var port: Int?
        var connections: [ObjectIdentifier: HTTPConnection] = [:]
        var started = false
        var shuttingDown = false
        var stopped = false
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        /// Round-robin position in ``HTTPServer/loops`` for the next accepted connection.
        var nextLoop = 0
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The configuration the server was created with.
    public let configuration: Configuration
    let responder: any HTTPResponder
    let logger: Logger
    private let state = Locked(State())
    private let acceptQueue = DispatchQueue(label: "broadsheet.http.accept")
    /// The event loops that answer requests (see ``Configuration/eventLoops``).
    private let loops: [EventLoop]
    /// Set at the start of ``shutdown()``; read by connections (from their loops) to close after the response
    /// in flight even when their drain request is still queued behind it.
    private let stopping = Atomic<Bool>(false)
    var isStopping: Bool { stopping.load(ordering: .relaxed) }
    /// Delivers ``Configuration/onConnectionCountChange`` calls one at a time, in the order the counts changed.
    private let countQueue = DispatchQueue(label: "broadsheet.http.connection-count")

    /// Creates a server; nothing is bound until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: address, limits and timeouts.
    ///   - responder: answers every well-formed request (a router, middleware chain or test double).
    ///   - logger: where connection-level events go (`debug` for client errors, `info` for start and stop).
    public init(
        configuration: Configuration = Configuration(), responder: any HTTPResponder,
        logger: Logger = Logger(label: "broadsheet.http")
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.loops = (0..<configuration.eventLoops).map { _ in EventLoop() }
    }

    deinit {
        // A server dropped without ``shutdown()`` (it has no connections, or they would keep it alive).
        for loop in loops { loop.stop() }
    }

    /// The port the server is bound to, once started.
    public var boundPort: Int? { state.withLock { $0.port } }

    /// The number of connections open right now.
    public var openConnections: Int { state.withLock { $0.connections.count } }

    /// Binds, listens and starts accepting connections; returns at once.
    ///
    /// - Returns: the bound port (the ephemeral one when ``Configuration/port`` is 0).
    /// - Throws: ``SocketError`` when the address cannot be resolved or bound.
    @discardableResult
    public func start() throws(SocketError) -> Int {
        let alreadyStarted = state.withLock { state in
            defer { state.started = true }
            return state.started
        }
        precondition(!alreadyStarted, "HTTPServer.start() called twice")
        let listener = try Listener(
            host: configuration.host, port: configuration.port, backlog: Int32(clamping: configuration.backlog),
            queue: acceptQueue
        ) { [self] fd in accepted(fd) }
        for loop in loops { loop.start() }
        state.withLock {
            $0.listener = listener
            $0.port = listener.port
        }
        logger.info("HTTP server listening", metadata: ["host": "\(configuration.host)", "port": "\(listener.port)"])
        return listener.port
    }

    /// Starts the server and returns when ``shutdown()`` has completed.
    public func run() async throws {
        try start()
        await waitUntilStopped()
    }

    /// Returns once ``shutdown()`` has completed (at once if it already has).
    public func waitUntilStopped() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.stopped { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Shuts down gracefully: stops accepting, closes idle connections, lets in-flight requests finish
    /// (their responses carry `Connection: close`), and after ``Configuration/shutdownTimeout`` closes
    /// whatever remains: a connection whose responder is still running has its socket shut down at once
    /// and its descriptor closed when the responder returns. Returns when every connection is closed or
    /// abandoned that way. Calling it again just waits.
    public func shutdown() async {
        stopping.store(true, ordering: .relaxed)
        let (listener, connections) = state.withLock { state in
            state.shuttingDown = true
            let listener = state.listener
            state.listener = nil
            return (listener, Array(state.connections.values))
        }
        listener?.stop()
        for connection in connections { connection.loop.execute { connection.drain() } }
        acceptQueue.asyncAfter(deadline: .now() + .nanoseconds(Int(configuration.shutdownTimeout.nanoseconds))) {
            [self] in
            let remaining = state.withLock { Array($0.connections.values) }
            if !remaining.isEmpty { logger.info("Closing connections still open at the shutdown deadline") }
            for connection in remaining {
                // A responder still running holds the connection's loop thread; shutting the socket down from
                // here tells the client at once, and the loop closes the descriptor when the responder returns.
                connection.abort()
                connection.loop.execute { connection.close() }
                connectionClosed(connection)
            }
        }
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.connections.isEmpty { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        for loop in loops { loop.stop() }
        let waiters = state.withLock { state in
            let first = !state.stopped
            state.stopped = true
            defer { state.stopWaiters = [] }
            return first ? state.stopWaiters : []
        }
        logger.info("HTTP server stopped")
        for waiter in waiters { waiter.resume() }
    }

    /// Runs on the accept queue for each accepted descriptor.
    private func accepted(_ fd: Int32) {
        let (connection, count) = state.withLock { state -> (HTTPConnection?, Int) in
            guard !state.shuttingDown, state.connections.count < configuration.maxConnections else {
                return (nil, state.connections.count)
            }
            let connection = HTTPConnection(
                fd: fd, server: self, responder: responder, configuration: configuration, loop: loops[state.nextLoop])
            state.nextLoop = (state.nextLoop + 1) % loops.count
            state.connections[ObjectIdentifier(connection)] = connection
            reportCount(state.connections.count)
            return (connection, state.connections.count)
        }
        guard let connection else {
            logger.debug("Connection refused: at the connection limit or shutting down", metadata: ["open": "\(count)"])
            Socket.close(fd)
            return
        }
        connection.start()
    }

    /// Queues a count report; called with the lock held so reports keep the order of the changes.
    private func reportCount(_ count: Int) {
        guard let callback = configuration.onConnectionCountChange else { return }
        countQueue.async { callback(count) }
    }

    /// Called by a connection once its descriptor is closed (and at the shutdown deadline for connections
    /// whose responder has not returned). A second call for the same connection changes nothing.
    func connectionClosed(_ connection: HTTPConnection) {
        let waiters = state.withLock { state in
            guard state.connections.removeValue(forKey: ObjectIdentifier(connection)) != nil else {
                return [CheckedContinuation<Void, Never>]()
            }
            reportCount(state.connections.count)
            guard state.shuttingDown && state.connections.isEmpty else { return [CheckedContinuation<Void, Never>]() }
            defer { state.drainWaiters = [] }
            return state.drainWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
