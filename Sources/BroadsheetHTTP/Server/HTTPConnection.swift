import BroadsheetSync
import CEpoll
import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// One client connection: a non-blocking socket watched by one ``EventLoop`` (edge-triggered epoll).
///
/// This class is the I/O shell around ``StateMachine``, which holds all the protocol logic (parsing,
/// pipelining, framing, deadlines, closing): every callback turns into a transition, and the shell carries
/// out the actions it returns (read, write, call the responder, shut the write side, close) and reports
/// their outcome, until the machine says to wait. Each request is answered by the (synchronous) responder
/// on the loop thread; its response is serialised into one buffer and sent at once. When the socket is
/// full the rest goes out on the next `EPOLLOUT` edge. Deadlines are checked by the loop's sweeps.
final class HTTPConnection: EventLoopChannel, @unchecked Sendable {
    // @unchecked Sendable: `machine` and `announcedDeadline` are read and written only on the loop thread
    // (events, tasks, responder calls and deadline sweeps all run there); `descriptorOpen` is locked.

    /// The loop whose thread runs everything this connection does.
    let loop: EventLoop
    private let fd: Int32
    private let server: HTTPServer  // strong: the server drops its reference when this connection closes
    private let responder: any HTTPResponder
    /// Which requests a worker thread answers (``HTTPServer/Configuration/runsOnWorker``).
    private let runsOnWorker: (@Sendable (HTTPRequest) -> Bool)?
    private let maxWorkers: Int

    /// Requests being answered on worker threads, across every connection (each on a serial queue of
    /// its own, so a worker that waits, as a write with `wait=true` does, holds only its own thread).
    static let workers = WorkerCount()

    final class WorkerCount: Sendable {
        private let count = Locked(0)
        /// Takes a place if fewer than `limit` are taken.
        func acquire(limit: Int) -> Bool {
            count.withLock { count in
                guard count < limit else { return false }
                count += 1
                return true
            }
        }
        func release() { count.withLock { $0 -= 1 } }
    }
    private var machine: StateMachine
    /// Guards `fd` against ``abort()`` from another thread after the descriptor was closed.
    private let descriptorOpen = Locked(true)
    /// The deadline announced to the loop, or 0.
    private var announcedDeadline: UInt64 = 0

    /// - Parameter loop: the server's event loop this connection runs on (connections share a loop's thread).
    init(
        fd: Int32, server: HTTPServer, responder: any HTTPResponder, configuration: HTTPServer.Configuration,
        loop: EventLoop
    ) {
        self.fd = fd
        self.server = server
        self.responder = responder
        self.loop = loop
        self.machine = StateMachine(configuration: configuration, now: Self.uptime())
        self.runsOnWorker = configuration.runsOnWorker
        self.maxWorkers = configuration.maxWorkers
    }

    private static func uptime() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Registers with the loop (from any thread); input already waiting arrives as the first edge.
    func start() {
        loop.execute { [self] in
            // A shutdown may have closed the connection before this task ran.
            guard !machine.isClosed else { return }
            loop.register(fd, self)
            perform(.wait(deadline: machine.deadline), now: Self.uptime())
        }
    }

    // MARK: Loop callbacks

    func handle(events: UInt32) {
        let now = Self.uptime()
        let readable = events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
        let writable = events & (EPOLLOUT.rawValue | EPOLLERR.rawValue) != 0
        perform(machine.ready(forReading: readable, forWriting: writable, now: now), now: now)
    }

    func checkDeadline(now: UInt64) -> UInt64 {
        announcedDeadline = 0
        perform(machine.deadlinePassed(now: now), now: now)
        return machine.isClosed ? 0 : announcedDeadline
    }

    /// Starts a graceful close for server shutdown: idle connections close now, a busy one after its response.
    func drain() {
        let now = Self.uptime()
        perform(machine.drain(now: now), now: now)
    }

    /// Stops watching the socket, closes it and tells the server (the shutdown deadline). Loop thread only.
    func close() {
        perform(machine.close(), now: Self.uptime())
    }

    /// Shuts the socket down in both directions from any thread, without touching the connection's
    /// state: the client sees the end at once. `shutdown(2)` does not release the descriptor, so this is
    /// safe while the loop still uses it; ``close()`` releases it later (and after that, this does nothing).
    func abort() {
        descriptorOpen.withLock { open in
            if open { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    // MARK: Carrying out actions

    /// Carries out `action` and the ones that follow from it, until the machine waits or closes.
    private func perform(_ action: consuming StateMachine.Action, now: UInt64) {
        var action = action
        var now = now
        while true {
            switch consume action {
            case .read:
                action = read(now: now)
            case .write:
                // One send (or one gathering sendmsg) of what is left; nil when the peer is gone.
                let sent: Int? = machine.withUnsentBytes { head, body in
                    body.isEmpty ? try? Socket.send(fd, head) : try? Socket.send(fd, head, body)
                }
                action = sent.map { machine.wrote($0, now: now) } ?? machine.writeFailed()
            case .respond(let request):
                if let runsOnWorker, runsOnWorker(request), HTTPConnection.workers.acquire(limit: maxWorkers) {
                    // On a worker thread; the machine waits (no deadline runs while a request is in flight)
                    // and reads ahead; the response comes back through the loop. If the connection is closed
                    // meanwhile, the machine ignores it.
                    let responder = self.responder
                    DispatchQueue(label: "broadsheet.http.worker").async { [self] in
                        let response = responder.respond(to: request)
                        HTTPConnection.workers.release()
                        loop.execute { [self] in
                            let now = Self.uptime()
                            perform(machine.responseReady(response, serverStopping: server.isStopping, now: now), now: now)
                        }
                    }
                    return
                }
                // On the loop thread, in this turn: no task, no thread hop.
                let response = responder.respond(to: request)
                now = Self.uptime()
                action = machine.responseReady(response, serverStopping: server.isStopping, now: now)
            case .reportMalformedRequest(let error):
                server.logger.debug("Malformed request", metadata: ["error": "\(error)"])
                action = machine.next(now: now)
            case .reportRequestTimeout:
                server.logger.debug("Request read deadline passed")
                action = machine.next(now: now)
            case .shutdownWriteSide:
                _ = Glibc.shutdown(fd, Int32(SHUT_WR))
                action = machine.next(now: now)
            case .close:
                closeDescriptor()
                return
            case .wait(let deadline):
                // Announce only an earlier deadline; later ones are picked up at the sweep, so steady
                // keep-alive traffic costs the loop nothing.
                if let deadline, announcedDeadline == 0 || deadline < announcedDeadline {
                    announcedDeadline = deadline
                    loop.noteDeadline(deadline)
                }
                return
            }
        }
    }

    /// One read into the loop's buffer (every read is copied into the parser at once, so connections share it).
    private func read(now: UInt64) -> StateMachine.Action {
        let buffer = loop.readBuffer
        do {
            let count = try Socket.read(fd, into: buffer)
            return machine.received(
                UnsafeRawBufferPointer(rebasing: buffer[0..<count]), mayHaveMore: count == buffer.count, now: now)
        } catch .wouldBlock {
            return machine.readDrained(now: now)
        } catch {
            return machine.readEnded(now: now)
        }
    }

    private func closeDescriptor() {
        loop.deregister(fd)
        descriptorOpen.withLock { open in
            open = false
            Socket.close(fd)
        }
        server.connectionClosed(self)
    }
}
