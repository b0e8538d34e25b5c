import CEpoll
import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// One client connection: a non-blocking socket watched by one ``EventLoop`` (edge-triggered epoll), feeding
/// an ``HTTPRequestParser`` and answering one request at a time, in order (RFC 9112 §9.3.2).
///
/// Phases: `open` (reading and answering requests) → `lingering` (a final response was sent with
/// `Connection: close`; the write side is shut and unread input is drained so the client is not reset)
/// → `closed` (deregistered from the loop, descriptor closed).
///
/// Pipelined requests are parsed ahead into `pending` (at most ``HTTPServer/Configuration/maxPipelinedRequests``;
/// reading is suspended beyond that). Each request is answered by the (synchronous) responder on the loop
/// thread; its response is serialised into one buffer and sent at once. When the socket is full the rest goes
/// out on the next `EPOLLOUT` edge. Deadlines are checked by the loop's sweeps.
final class HTTPConnection: EventLoopChannel, @unchecked Sendable {
    // @unchecked Sendable: every mutable property is read and written only on the loop thread (events,
    // tasks, responder calls and deadline sweeps all run there), except `descriptorOpen`, which is locked.

    private enum Item {
        case event(HTTPRequestParser.Event)
        case failure(HTTPParserError)
    }

    private enum Phase { case open, lingering, closed }

    /// What happens when the connection's deadline passes.
    private enum Expiry { case close, requestTimeout }

    /// The loop whose thread runs everything this connection does.
    let loop: EventLoop
    private let fd: Int32
    private let server: HTTPServer  // strong: the server drops its reference when this connection closes
    private let responder: any HTTPResponder
    private let configuration: HTTPServer.Configuration

    private var parser: HTTPRequestParser
    /// Reading paused (pipeline full, parser failed, peer gone or draining).
    private var readSuspended = false
    /// Input may be waiting: set by an `EPOLLIN` edge, cleared once a read comes back short or empty.
    private var readReady = false
    /// Guards `fd` against ``abort()`` from another thread after ``close()`` released it.
    private let descriptorOpen = Locked(true)
    /// The loop's read buffer: every read copies into the parser at once, so connections share it.
    private var readBuffer: UnsafeMutableRawBufferPointer { loop.readBuffer }

    private var pending: [Item] = []
    private var pendingHead = 0
    private var parserFailed = false
    private var inFlight = false
    private var inFlightIsHead = false
    private var inFlightKeepAlive = false
    private var inFlightVersion = HTTPVersion.http1_1
    /// True while ``processNext()`` runs, so that a response completed inside it does not re-enter it.
    private var processing = false

    private var output: [UInt8] = []
    private var outputOffset = 0
    /// A large response body, sent from the response's own storage after `output` (no copy into `output`).
    private var outputBody: [UInt8] = []
    private var outputBodyOffset = 0
    private var closeAfterWrite = false
    private var draining = false
    private var peerClosed = false
    private var phase = Phase.open
    private var servedAny = false
    private var dateHeader = DateHeader()

    /// Uptime (ns) when the request being read began (accept time for the first one).
    private var requestStart: UInt64
    /// Uptime (ns) of the last completed response.
    private var lastActivity: UInt64
    private var lingerDeadline: UInt64 = 0
    /// The deadline announced to the loop, or 0.
    private var announcedDeadline: UInt64 = 0

    private static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// - Parameter loop: the server's event loop this connection runs on (connections share a loop's thread).
    init(
        fd: Int32, server: HTTPServer, responder: any HTTPResponder, configuration: HTTPServer.Configuration,
        loop: EventLoop
    ) {
        self.fd = fd
        self.server = server
        self.responder = responder
        self.configuration = configuration
        self.loop = loop
        self.parser = HTTPRequestParser(limits: configuration.limits)
        let now = DispatchTime.now().uptimeNanoseconds
        self.requestStart = now
        self.lastActivity = now
    }

    private var hasPendingOutput: Bool { outputOffset < output.count || outputBodyOffset < outputBody.count }

    /// Bodies at least this large are sent with a gathering write instead of being copied behind the head.
    private static let gatherThreshold = 4096
    private var pendingCount: Int { pending.count - pendingHead }

    /// Registers with the loop (from any thread); input already waiting arrives as the first edge.
    func start() {
        loop.execute { [self] in
            // A shutdown may have closed the connection before this task ran.
            guard phase == .open else { return }
            loop.register(fd, self)
            updateTimer()
        }
    }

    // MARK: Loop callbacks

    func handle(events: UInt32) {
        if events & (EPOLLOUT.rawValue | EPOLLERR.rawValue) != 0 && hasPendingOutput { onWritable() }
        if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            readReady = true
        }
        pumpInput()
    }

    func checkDeadline(now: UInt64) -> UInt64 {
        announcedDeadline = 0
        guard let deadline = currentDeadline() else { return 0 }
        if now >= deadline.at {
            expire(deadline.expiry)
            pumpInput()
            guard let next = currentDeadline() else { return 0 }
            announcedDeadline = next.at
            return next.at
        }
        announcedDeadline = deadline.at
        return deadline.at
    }

    /// Edge-triggered input must be read until it runs dry; reading stops only while suspended (and
    /// resumes here, at the end of every callback, when `readReady` says input may still be waiting).
    private func pumpInput() {
        while readReady && !readSuspended && phase != .closed {
            onReadable()
        }
    }

    // MARK: Reading

    /// Reads until the socket runs dry (or reading is suspended), then answers what was parsed.
    private func onReadable() {
        switch phase {
        case .closed:
            return
        case .lingering:
            drainInput()
            return
        case .open:
            break
        }
        let wasIdle = !parser.isMidRequest
        var received = false
        // One read per call: parsing what arrived before reading more keeps the pipeline limit in force,
        // and ``pumpInput()`` calls again while `readReady` says input may be waiting.
        do {
            let count = try Socket.read(fd, into: readBuffer)
            parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
            received = true
            // A short read emptied the socket; later input raises a new edge.
            if count < readBuffer.count { readReady = false }
        } catch .wouldBlock {
            readReady = false
        } catch {
            readReady = false
            peerClosed = true
            suspendReading()
        }
        if received && wasIdle && servedAny { requestStart = DispatchTime.now().uptimeNanoseconds }
        parseAhead()
        processNext()
        closeIfFinished()
        updateTimer()
    }

    /// Parses buffered bytes into `pending` until the parser needs more, fails, or the queue is full.
    private func parseAhead() {
        while !parserFailed && pendingCount < configuration.maxPipelinedRequests {
            do {
                guard let event = try parser.next() else { break }
                pending.append(.event(event))
            } catch {
                pending.append(.failure(error))
                parserFailed = true
            }
        }
        if parserFailed || pendingCount >= configuration.maxPipelinedRequests { suspendReading() }
    }

    private func suspendReading() {
        readSuspended = true
    }

    /// Allows reading again; input already waiting is read by ``pumpInput()`` at the end of this callback.
    private func resumeReading() {
        readSuspended = false
    }

    /// While lingering: discard input until the peer closes (or the linger deadline passes).
    private func drainInput() {
        while true {
            do {
                _ = try Socket.read(fd, into: readBuffer)
            } catch .wouldBlock {
                readReady = false
                return
            } catch {
                readReady = false
                close()
                return
            }
        }
    }

    // MARK: Answering

    /// Answers queued items in order while nothing is in flight and the previous response is fully sent.
    private func processNext() {
        // `complete` (called from inside this loop) calls back here; the outer loop carries on instead.
        guard !processing else { return }
        processing = true
        defer { processing = false }
        while phase == .open && !inFlight && !hasPendingOutput {
            if pendingCount == 0 {
                pending.removeAll(keepingCapacity: true)
                pendingHead = 0
                parseAhead()
                if pendingCount == 0 {
                    if !parserFailed && !peerClosed && !draining { resumeReading() }
                    return
                }
            }
            let item = pending[pendingHead]
            pendingHead += 1
            switch item {
            case .event(.expectContinue):
                output.append(contentsOf: Self.continueBytes)
                flush()
            case .event(.request(let request)):
                dispatch(request)
            case .failure(let error):
                server.logger.debug("Malformed request", metadata: ["error": "\(error)"])
                sendFinal(error.problem.response())
            }
        }
    }

    /// Answers the request on the loop thread, in this turn: no task, no thread hop.
    private func dispatch(_ request: HTTPRequest) {
        inFlight = true
        inFlightIsHead = request.method == .head
        inFlightKeepAlive = request.wantsPersistentConnection
        inFlightVersion = request.version
        complete(responder.respond(to: request))
    }

    private func complete(_ response: HTTPResponse) {
        guard phase == .open, inFlight else { return }
        inFlight = false
        servedAny = true
        let close = !inFlightKeepAlive || draining || server.isStopping || response.asksToClose
        let framing = ResponseSerializer.Framing(
            isHead: inFlightIsHead, close: close, announceKeepAlive: !close && inFlightVersion == .http1_0)
        write(response, framing: framing)
        let now = DispatchTime.now().uptimeNanoseconds
        lastActivity = now
        requestStart = now
        processNext()
        closeIfFinished()
        updateTimer()
    }

    /// Sends a response after which the connection closes (protocol errors, timeouts).
    private func sendFinal(_ response: HTTPResponse) {
        write(response, framing: .init(isHead: false, close: true, announceKeepAlive: false))
    }

    private func write(_ response: HTTPResponse, framing: ResponseSerializer.Framing) {
        if framing.close {
            closeAfterWrite = true
            pending.removeAll()
            pendingHead = 0
            parserFailed = true
        }
        dateHeader.refresh()
        let gather =
            response.body.count >= Self.gatherThreshold && HTTPResponse.sendsBody(response, framing: framing)
        ResponseSerializer.append(
            response, framing: framing, date: dateHeader.line, to: &output, includeBody: !gather)
        if gather {
            outputBody = response.body
            outputBodyOffset = 0
        }
        flush()
    }

    /// Sends buffered output; on `EAGAIN` the next `EPOLLOUT` edge finishes the job.
    private func flush() {
        while hasPendingOutput {
            // One send (or one gathering sendmsg) of what is left; nil when the peer is gone.
            let result: Int? = output.withUnsafeBytes { head in
                let head = UnsafeRawBufferPointer(rebasing: head[outputOffset...])
                if outputBodyOffset >= outputBody.count { return try? Socket.send(fd, head) }
                return outputBody.withUnsafeBytes { body in
                    try? Socket.send(fd, head, UnsafeRawBufferPointer(rebasing: body[outputBodyOffset...]))
                }
            }
            guard var sent = result else {
                close()
                return
            }
            if sent == 0 { return }
            let fromHead = min(sent, output.count - outputOffset)
            outputOffset += fromHead
            sent -= fromHead
            outputBodyOffset += sent
        }
        // Keep room for typical heads; a big body's buffer goes back to the allocator.
        output.removeAll(keepingCapacity: output.capacity <= 8 * 1024)
        outputOffset = 0
        outputBody = []
        outputBodyOffset = 0
        if closeAfterWrite { beginLingering() }
    }

    private func onWritable() {
        guard phase != .closed else { return }
        flush()
        guard !hasPendingOutput else { return }
        processNext()
        closeIfFinished()
        updateTimer()
    }

    // MARK: Closing

    /// Closes once the peer has gone and nothing remains to answer.
    private func closeIfFinished() {
        if phase == .open && peerClosed && !inFlight && pendingCount == 0 && !hasPendingOutput { close() }
    }

    /// After a final response: shut the write side and drain input briefly (avoids a TCP reset that
    /// could destroy the response before the client reads it).
    private func beginLingering() {
        guard phase == .open else { return }
        if peerClosed {
            close()
            return
        }
        phase = .lingering
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
        if draining {
            // Server shutdown: discard what has arrived, then close without waiting for the peer.
            drainInput()
            close()
            return
        }
        lingerDeadline = DispatchTime.now().uptimeNanoseconds + configuration.lingerTimeout.nanoseconds
        resumeReading()
        updateTimer()
    }

    /// Starts a graceful close for server shutdown: idle connections close now, a busy one after its response.
    func drain() {
        if phase == .lingering { close() }
        guard phase == .open else { return }
        draining = true
        if !inFlight && !hasPendingOutput && pendingCount == 0 {
            close()
        } else {
            suspendReading()
        }
    }

    /// Shuts the socket down in both directions from any thread, without touching the connection's
    /// state: the client sees the end at once. `shutdown(2)` does not release the descriptor, so this is
    /// safe while the loop still uses it; ``close()`` releases it later (and after that, this does nothing).
    func abort() {
        descriptorOpen.withLock { open in
            if open { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Stops watching the socket, closes it and tells the server. Loop thread only.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        readReady = false
        loop.deregister(fd)
        descriptorOpen.withLock { open in
            open = false
            Socket.close(fd)
        }
        server.connectionClosed(self)
    }

    // MARK: Deadlines

    private func currentDeadline() -> (at: UInt64, expiry: Expiry)? {
        switch phase {
        case .closed:
            return nil
        case .lingering:
            return (lingerDeadline, .close)
        case .open:
            if hasPendingOutput { return (lastActivity + configuration.idleTimeout.nanoseconds, .close) }
            if inFlight || pendingCount > 0 { return nil }
            if parser.isMidRequest || !servedAny {
                return (requestStart + configuration.headerReadTimeout.nanoseconds, .requestTimeout)
            }
            return (lastActivity + configuration.idleTimeout.nanoseconds, .close)
        }
    }

    /// Announces the deadline to the loop if it is earlier than the one announced; later deadlines are
    /// picked up at the sweep, so steady keep-alive traffic costs the loop nothing.
    private func updateTimer() {
        guard phase != .closed, let deadline = currentDeadline() else { return }
        if announcedDeadline == 0 || deadline.at < announcedDeadline {
            announcedDeadline = deadline.at
            loop.noteDeadline(deadline.at)
        }
    }

    private func expire(_ expiry: Expiry) {
        switch expiry {
        case .close:
            close()
        case .requestTimeout:
            guard parser.isMidRequest else {
                close()
                return
            }
            server.logger.debug("Request read deadline passed")
            sendFinal(
                ProblemDetails(.requestTimeout, status: .requestTimeout, detail: "The request was not received in time.")
                    .response())
        }
    }
}
