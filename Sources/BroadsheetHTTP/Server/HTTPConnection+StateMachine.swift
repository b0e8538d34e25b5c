extension HTTPConnection {
    /// The protocol logic of one connection as a value with no I/O: events go in, and each transition
    /// returns the one ``Action`` the I/O shell (``HTTPConnection``) must carry out next. The shell
    /// reports the outcome of that action through another transition, and so on until ``Action/wait(deadline:)``
    /// ends the turn. Time comes in as a parameter (uptime nanoseconds), so every transition, deadlines
    /// included, can be driven by a test without sockets or clocks.
    ///
    /// Phases:
    /// - `open`: reading requests (parsed ahead into a queue of at most
    ///   ``HTTPServer/Configuration/maxPipelinedRequests``) and answering them one at a time, in order
    ///   (RFC 9112 §9.3.2): the next request goes to the responder only once the previous response is fully sent;
    /// - `closing`: a final response (`Connection: close`: the client asked, the server is shutting down, a
    ///   protocol error, a request timeout) is queued; nothing more is read or answered;
    /// - `lingering(until:)`: the final response is sent and the write side shut; unread input is drained until
    ///   the peer closes or the deadline passes, so that the client is not reset before it reads the response;
    /// - `closed`: the shell has been told to close the descriptor; every transition now returns `.wait(deadline: nil)`.
    ///
    /// Besides the phase, the machine tracks whether input may be waiting (an edge-triggered `EPOLLIN` was
    /// seen and no read has come back short or empty since), whether the socket refused output (until the
    /// next `EPOLLOUT`), whether the peer's input has ended, whether the server asked it to drain, and
    /// the request handed to the responder.
    ///
    /// ```swift
    /// var machine = HTTPConnection.StateMachine(configuration: .init(), now: 0)
    /// var action = machine.ready(forReading: true, forWriting: true, now: 0)   // .read
    /// action = machine.received(bytes, mayHaveMore: false, now: 0)              // .respond(request)
    /// action = machine.responseReady(response, serverStopping: false, now: 0)   // .write
    /// action = machine.wrote(machine.unsentByteCount, now: 0)                   // .wait(deadline: idle deadline)
    /// ```
    struct StateMachine {
        /// What the shell must do next, and which transition reports how it went.
        enum Action {
            /// Read once from the socket; report ``received(_:mayHaveMore:now:)``, ``readDrained(now:)`` (`EAGAIN`)
            /// or ``readEnded(now:)`` (end of stream, reset or another error).
            case read
            /// Send the bytes ``withUnsentBytes(_:)`` offers (one `send` or gathering `sendmsg`); report
            /// ``wrote(_:now:)`` (0 when the socket is full) or ``writeFailed()``.
            case write
            /// Answer the request with the responder; report ``responseReady(_:serverStopping:now:)``.
            case respond(HTTPRequest)
            /// A malformed request arrived: log it. Its problem response is queued; continue with ``next(now:)``.
            case reportMalformedRequest(HTTPParserError)
            /// A request was not received in time: log it. A `408` is queued; continue with ``next(now:)``.
            case reportRequestTimeout
            /// The final response is sent: shut the socket's write side, then continue with ``next(now:)``.
            case shutdownWriteSide
            /// Stop watching the socket and close it. The machine is closed.
            case close
            /// Nothing to do until the next socket event, shutdown request or deadline sweep; `deadline`
            /// (uptime ns) is when ``deadlinePassed(now:)`` must run, if any.
            case wait(deadline: UInt64?)
        }

        private enum Phase: Equatable {
            case open
            case closing
            case lingering(until: UInt64)
            case closed
        }

        /// A parsed event or parse failure waiting to be answered.
        private enum Item {
            case event(HTTPRequestParser.Event)
            case failure(HTTPParserError)
        }

        /// What the response to the request at the responder will be framed by.
        private struct InFlight {
            var isHead: Bool
            var keepAlive: Bool
            var version: HTTPVersion
        }

        /// What happens when the connection's deadline passes.
        private enum Expiry { case close, requestTimeout }

        /// Bodies at least this large are sent with a gathering write instead of being copied behind the head.
        static let gatherThreshold = 4096
        private static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

        private let maxPipelinedRequests: Int
        private let headerReadTimeout: UInt64
        private let idleTimeout: UInt64
        private let lingerTimeout: UInt64

        private var phase = Phase.open
        private var parser: HTTPRequestParser
        /// Input may be waiting: set by a readable edge, cleared once a read comes back short or empty.
        private var readReady = false
        /// The last send came back with 0 bytes: wait for a writable edge.
        private var writeBlocked = false
        /// The peer's input has ended (end of stream or a read error).
        private var peerClosed = false
        /// The server is shutting down: answer what is under way, then close.
        private var draining = false
        /// The parser failed; its error is the last queued item and no more requests are read.
        private var parseFailed = false
        /// Whether a response has been completed on this connection (a fresh one has a request deadline).
        private var servedAny = false
        /// The request at the responder, if any.
        private var inFlight: InFlight?

        private var pending: [Item] = []
        private var pendingHead = 0

        private var output: [UInt8] = []
        private var outputOffset = 0
        /// A large response body, sent from the response's own storage after `output` (no copy into `output`).
        private var outputBody: [UInt8] = []
        private var outputBodyOffset = 0
        private var dateHeader = DateHeader()

        /// Uptime (ns) when the request being read began (accept time for the first one).
        private var requestStart: UInt64
        /// Uptime (ns) of the last completed response.
        private var lastActivity: UInt64

        /// - Parameters:
        ///   - configuration: the limits, pipeline depth and timeouts to apply.
        ///   - now: uptime (ns) at accept, the start of the first request's deadline.
        init(configuration: HTTPServer.Configuration, now: UInt64) {
            parser = HTTPRequestParser(limits: configuration.limits)
            maxPipelinedRequests = max(1, configuration.maxPipelinedRequests)
            headerReadTimeout = configuration.headerReadTimeout.nanoseconds
            idleTimeout = configuration.idleTimeout.nanoseconds
            lingerTimeout = configuration.lingerTimeout.nanoseconds
            requestStart = now
            lastActivity = now
        }

        // MARK: Queries

        /// Whether the machine has told the shell to close.
        var isClosed: Bool { phase == .closed }

        /// The next deadline (uptime ns), if any.
        var deadline: UInt64? { currentDeadline()?.at }

        /// Bytes queued for the socket and not yet sent.
        var unsentByteCount: Int { (output.count - outputOffset) + (outputBody.count - outputBodyOffset) }

        private var hasUnsentOutput: Bool { outputOffset < output.count || outputBodyOffset < outputBody.count }
        private var pendingCount: Int { pending.count - pendingHead }

        /// Whether a `.read` may be issued in the open phase: a failed parse, an ended input, a drain or a
        /// full pipeline stops reading.
        private var acceptsInput: Bool {
            !parseFailed && !peerClosed && !draining && pendingCount < maxPipelinedRequests
        }

        /// Calls `body` with what is left to send: the head bytes, then a large body sent from its own
        /// storage (empty when there is none). Only valid after a `.write` action. (`mutating` only so that
        /// the shell's call works on its stored machine in place, never on a copy.)
        mutating func withUnsentBytes<Result>(
            _ body: (_ head: UnsafeRawBufferPointer, _ largeBody: UnsafeRawBufferPointer) -> Result
        ) -> Result {
            output.withUnsafeBytes { head in
                outputBody.withUnsafeBytes { large in
                    body(
                        UnsafeRawBufferPointer(rebasing: head[outputOffset...]),
                        UnsafeRawBufferPointer(rebasing: large[outputBodyOffset...]))
                }
            }
        }

        // MARK: Transitions

        /// The socket has events: `forReading` for input, end of input, hang-up or error; `forWriting` for
        /// room to send (or an error, which the next send reports).
        mutating func ready(forReading: Bool, forWriting: Bool, now: UInt64) -> Action {
            if forReading { readReady = true }
            if forWriting { writeBlocked = false }
            return next(now: now)
        }

        /// A read returned `bytes` (never empty). `mayHaveMore` is false when the read came back short, which
        /// means the socket is empty and new input will raise a new edge.
        mutating func received(_ bytes: UnsafeRawBufferPointer, mayHaveMore: Bool, now: UInt64) -> Action {
            if !mayHaveMore { readReady = false }
            // Lingering drains input unread; in the other phases no read is asked for.
            guard phase == .open else { return next(now: now) }
            if servedAny && !parser.isMidRequest { requestStart = now }
            parser.append(bytes)
            parseAhead()
            return next(now: now)
        }

        /// A read found nothing (`EAGAIN`): wait for the next readable edge.
        mutating func readDrained(now: UInt64) -> Action {
            readReady = false
            return next(now: now)
        }

        /// A read hit the end of the stream or failed: answer what is queued, then close.
        mutating func readEnded(now: UInt64) -> Action {
            readReady = false
            if case .lingering = phase { return close() }
            peerClosed = true
            return next(now: now)
        }

        /// The responder answered the request of the last `.respond` action.
        ///
        /// - Parameter serverStopping: the server's shutdown has begun (the response then closes the
        ///   connection even when the drain request is still queued behind it).
        mutating func responseReady(_ response: HTTPResponse, serverStopping: Bool, now: UInt64) -> Action {
            guard phase == .open, let request = inFlight else { return next(now: now) }
            inFlight = nil
            servedAny = true
            let close = !request.keepAlive || draining || serverStopping || response.asksToClose
            let framing = ResponseSerializer.Framing(
                isHead: request.isHead, close: close, announceKeepAlive: !close && request.version == .http1_0)
            queue(response, framing: framing)
            lastActivity = now
            requestStart = now
            return next(now: now)
        }

        /// A send took `count` bytes of what ``withUnsentBytes(_:)`` offered; 0 means the socket is full.
        mutating func wrote(_ count: Int, now: UInt64) -> Action {
            guard count > 0 else {
                writeBlocked = true
                return next(now: now)
            }
            precondition(count <= unsentByteCount, "wrote more than was offered")
            let fromHead = min(count, output.count - outputOffset)
            outputOffset += fromHead
            outputBodyOffset += count - fromHead
            if !hasUnsentOutput {
                // Keep room for typical heads; a big body's buffer goes back to the allocator.
                output.removeAll(keepingCapacity: output.capacity <= 8 * 1024)
                outputOffset = 0
                outputBody = []
                outputBodyOffset = 0
            }
            return next(now: now)
        }

        /// A send failed (the peer is gone): close.
        mutating func writeFailed() -> Action {
            close()
        }

        /// A deadline sweep at `now`: acts on a deadline that has passed (closing, or answering `408` to a
        /// request that is late), or returns `.wait` with the deadline still ahead.
        mutating func deadlinePassed(now: UInt64) -> Action {
            guard let deadline = currentDeadline(), now >= deadline.at else { return next(now: now) }
            switch deadline.expiry {
            case .close:
                return close()
            case .requestTimeout:
                guard parser.isMidRequest else { return close() }
                queue(
                    ProblemDetails(.requestTimeout, status: .requestTimeout, detail: "The request was not received in time.")
                        .response(),
                    framing: .init(isHead: false, close: true, announceKeepAlive: false))
                return .reportRequestTimeout
            }
        }

        /// The server is shutting down: close now when idle or lingering, otherwise stop reading, finish the
        /// response under way (it carries `Connection: close`) and close after it.
        mutating func drain(now: UInt64) -> Action {
            switch phase {
            case .closed:
                return .wait(deadline: nil)
            case .lingering:
                return close()
            case .open, .closing:
                draining = true
                if phase == .open && inFlight == nil && !hasUnsentOutput && pendingCount == 0 { return close() }
                return next(now: now)
            }
        }

        /// Closes whatever the state (the server's shutdown deadline); `.wait` if already closed.
        mutating func close() -> Action {
            guard phase != .closed else { return .wait(deadline: nil) }
            phase = .closed
            readReady = false
            return .close
        }

        /// Decides what to do next from the current state; the shell calls it after the actions that need no
        /// report (`.reportMalformedRequest`, `.reportRequestTimeout`, `.shutdownWriteSide`).
        mutating func next(now: UInt64) -> Action {
            while true {
                switch phase {
                case .closed:
                    return .wait(deadline: nil)
                case .lingering(let until):
                    if readReady { return .read }
                    // Server shutdown: what had arrived is drained; close without waiting for the peer.
                    if draining { return close() }
                    return .wait(deadline: until)
                case .closing:
                    if hasUnsentOutput { return writeBlocked ? .wait(deadline: currentDeadline()?.at) : .write }
                    if peerClosed { return close() }
                    // Shut the write side and drain input briefly: closing with unread input would reset the
                    // connection and could destroy the response before the client reads it.
                    phase = .lingering(until: now + lingerTimeout)
                    if draining { readReady = true }
                    return .shutdownWriteSide
                case .open:
                    break
                }
                if hasUnsentOutput {
                    if !writeBlocked { return .write }
                } else if inFlight == nil {
                    if pendingCount == 0 && pendingHead > 0 {
                        pending.removeAll(keepingCapacity: true)
                        pendingHead = 0
                    }
                    // Requests the pipeline limit kept in the parser's buffer.
                    if pendingCount == 0 && parser.bufferedByteCount > 0 { parseAhead() }
                    if pendingCount > 0 {
                        let item = pending[pendingHead]
                        pendingHead += 1
                        switch item {
                        case .event(.expectContinue):
                            output.append(contentsOf: Self.continueBytes)
                            continue
                        case .event(.request(let request)):
                            inFlight = InFlight(
                                isHead: request.method == .head, keepAlive: request.wantsPersistentConnection,
                                version: request.version)
                            return .respond(request)
                        case .failure(let error):
                            queue(error.problem.response(), framing: .init(isHead: false, close: true, announceKeepAlive: false))
                            return .reportMalformedRequest(error)
                        }
                    }
                }
                if readReady && acceptsInput { return .read }
                if peerClosed && inFlight == nil && pendingCount == 0 && !hasUnsentOutput { return close() }
                return .wait(deadline: currentDeadline()?.at)
            }
        }

        // MARK: Internals

        /// Parses buffered bytes into `pending` until the parser needs more, fails, or the queue is full.
        private mutating func parseAhead() {
            while !parseFailed && pendingCount < maxPipelinedRequests {
                do {
                    guard let event = try parser.next() else { return }
                    pending.append(.event(event))
                } catch {
                    pending.append(.failure(error))
                    parseFailed = true
                }
            }
        }

        /// Serialises a response behind any unsent output; a closing one ends the open phase.
        private mutating func queue(_ response: HTTPResponse, framing: ResponseSerializer.Framing) {
            assert(outputBodyOffset >= outputBody.count, "a response queued behind an unsent large body")
            if framing.close {
                phase = .closing
                pending.removeAll()
                pendingHead = 0
                parseFailed = true
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
        }

        private func currentDeadline() -> (at: UInt64, expiry: Expiry)? {
            switch phase {
            case .closed:
                return nil
            case .lingering(let until):
                return (until, .close)
            case .open, .closing:
                if hasUnsentOutput { return (lastActivity + idleTimeout, .close) }
                if inFlight != nil || pendingCount > 0 { return nil }
                if parser.isMidRequest || !servedAny { return (requestStart + headerReadTimeout, .requestTimeout) }
                return (lastActivity + idleTimeout, .close)
            }
        }
    }
}
