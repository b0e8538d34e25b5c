import Dispatch
public import Logging
import Synchronization

/// Broadsheet's HTTP/1.1 server: POSIX sockets and Dispatch sources (epoll underneath), no thread per
/// connection, an async ``HTTPResponder`` per request.
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
    private struct State: ~Copyable {
        var listener: Listener?
        var port: Int?
        var connections: [ObjectIdentifier: HTTPConnection] = [:]
        var started = false
        var shuttingDown = false
        var stopped = false
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The configuration the server was created with.
    public let configuration: Configuration
    let responder: any HTTPResponder
    let logger: Logger
    private let state = Mutex(State())
    private let acceptQueue = DispatchQueue(label: "broadsheet.http.accept")

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
    /// whatever remains. Returns when every connection is closed. Calling it again just waits.
    public func shutdown() async {
        let (listener, connections) = state.withLock { state in
            state.shuttingDown = true
            let listener = state.listener
            state.listener = nil
            return (listener, Array(state.connections.values))
        }
        listener?.stop()
        for connection in connections { connection.queue.async { connection.drain() } }
        acceptQueue.asyncAfter(deadline: .now() + .nanoseconds(Int(configuration.shutdownTimeout.nanoseconds))) {
            [self] in
            let remaining = state.withLock { Array($0.connections.values) }
            if !remaining.isEmpty { logger.info("Closing connections still open at the shutdown deadline") }
            for connection in remaining { connection.queue.async { connection.close() } }
        }
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.connections.isEmpty { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
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
            let connection = HTTPConnection(fd: fd, server: self, responder: responder, configuration: configuration)
            state.connections[ObjectIdentifier(connection)] = connection
            return (connection, state.connections.count)
        }
        guard let connection else {
            logger.debug("Connection refused: at the connection limit or shutting down", metadata: ["open": "\(count)"])
            Socket.close(fd)
            return
        }
        configuration.onConnectionCountChange?(count)
        connection.start()
    }

    /// Called by a connection once its descriptor is closed.
    func connectionClosed(_ connection: HTTPConnection) {
        let (count, waiters) = state.withLock { state in
            state.connections[ObjectIdentifier(connection)] = nil
            guard state.shuttingDown && state.connections.isEmpty else {
                return (state.connections.count, [CheckedContinuation<Void, Never>]())
            }
            defer { state.drainWaiters = [] }
            return (0, state.drainWaiters)
        }
        configuration.onConnectionCountChange?(count)
        for waiter in waiters { waiter.resume() }
    }
}
