import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// One client connection: a non-blocking socket driven by Dispatch sources on the connection's own serial
/// queue, feeding an ``HTTPRequestParser`` and answering one request at a time, in order (RFC 9112 §9.3.2).
///
/// Phases: `open` (reading and answering requests) → `lingering` (a final response was sent with
/// `Connection: close`; the write side is shut and unread input is drained so the client is not reset)
/// → `closed` (sources cancelled; the descriptor is closed by the last source's cancel handler).
///
/// Pipelined requests are parsed ahead into `pending` (at most ``HTTPServer/Configuration/maxPipelinedRequests``;
/// reading is suspended beyond that). Each request is answered by the (synchronous) responder on the queue; its
/// response is serialised into one buffer and sent at once, with a write source only when the socket is full.
final class HTTPConnection: @unchecked Sendable {
    // @unchecked Sendable: every mutable property is read and written only on `queue`, which
    // serialises the Dispatch handlers, the responder calls and the timers.

    private enum Item {
        case event(HTTPRequestParser.Event)
        case failure(HTTPParserError)
    }

    private enum Phase { case open, lingering, closed }

    /// What happens when the connection's deadline passes.
    private enum Expiry { case close, requestTimeout }

    let queue: DispatchQueue
    private let fd: Int32
    private let server: HTTPServer  // strong: the server drops its reference when this connection closes
    private let responder: any HTTPResponder
    private let configuration: HTTPServer.Configuration

    private var parser: HTTPRequestParser
    private var readSource: (any DispatchSourceRead)?
    private var writeSource: (any DispatchSourceWrite)?
    private var timer: (any DispatchSourceTimer)?
    private var readSuspended = false
    /// Sources watching `fd` whose cancel handler has not run; the last one closes `fd`.
    private var liveSources = 0
    private let readBuffer: UnsafeMutableRawBufferPointer

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
    /// The deadline the timer is armed for, or 0.
    private var timerArmedAt: UInt64 = 0

    private static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// - Parameter loop: the server's event loop this connection runs on. Its own queue targets the loop, so
    ///   connections share the loop's one thread (an own serial queue per connection would each get a thread:
    ///   ~250 threads at 64 busy connections, and 2-4x worse p99).
    init(
        fd: Int32, server: HTTPServer, responder: any HTTPResponder, configuration: HTTPServer.Configuration,
        loop: DispatchQueue
    ) {
        self.fd = fd
        self.server = server
        self.responder = responder
        self.configuration = configuration
        self.queue = DispatchQueue(label: "broadsheet.http.connection", target: loop)
        self.parser = HTTPRequestParser(limits: configuration.limits)
        self.readBuffer = .allocate(byteCount: 16 * 1024, alignment: 16)
        let now = DispatchTime.now().uptimeNanoseconds
        self.requestStart = now
        self.lastActivity = now
    }

    deinit {
        readBuffer.deallocate()
    }

    private var hasPendingOutput: Bool { outputOffset < output.count || outputBodyOffset < outputBody.count }

    /// Bodies at least this large are sent with a gathering write instead of being copied behind the head.
    private static let gatherThreshold = 4096
    private var pendingCount: Int { pending.count - pendingHead }

    /// Creates and resumes the read source and the deadline timer.
    func start() {
        queue.async { [self] in
            // A shutdown may have closed the connection before this block ran.
            guard phase == .open else { return }
            let read = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            read.setEventHandler { [unowned self] in onReadable() }
            read.setCancelHandler { [self] in sourceCancelled() }
            readSource = read
            liveSources += 1
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { [unowned self] in timerFired() }
            self.timer = timer
            timer.resume()
            read.resume()
            updateTimer()
        }
    }

    // MARK: Reading

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
        while true {
            do {
                let count = try Socket.read(fd, into: readBuffer)
                parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
                received = true
                if count < readBuffer.count { break }
            } catch .wouldBlock {
                break
            } catch {
                peerClosed = true
                suspendReading()
                break
            }
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
        guard !readSuspended, let readSource else { return }
        readSuspended = true
        readSource.suspend()
    }

    private func resumeReading() {
        guard readSuspended, let readSource else { return }
        readSuspended = false
        readSource.resume()
    }

    /// While lingering: discard input until the peer closes (or the linger deadline passes).
    private func drainInput() {
        while true {
            do {
                _ = try Socket.read(fd, into: readBuffer)
            } catch .wouldBlock {
                return
            } catch {
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

    /// Answers the request on this queue, in this turn: no task, no thread hop.
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

    /// Sends buffered output; on `EAGAIN` a write source finishes the job.
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
            if sent == 0 {
                startWriteSource()
                return
            }
            let fromHead = min(sent, output.count - outputOffset)
            outputOffset += fromHead
            sent -= fromHead
            outputBodyOffset += sent
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputOffset = 0
        outputBody = []
        outputBodyOffset = 0
        if closeAfterWrite { beginLingering() }
    }

    private func startWriteSource() {
        guard writeSource == nil else { return }
        let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [unowned self] in onWritable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        writeSource = source
        liveSources += 1
        source.resume()
    }

    private func onWritable() {
        guard phase != .closed else { return }
        flush()
        guard !hasPendingOutput, let source = writeSource else { return }
        writeSource = nil
        source.cancel()
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
    /// safe while the queue still uses it; ``close()`` releases it later.
    func abort() {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Cancels every source; the descriptor is closed by the last cancel handler.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        timer?.cancel()
        if let writeSource {
            self.writeSource = nil
            writeSource.cancel()
        }
        if let readSource {
            if readSuspended {
                readSuspended = false
                readSource.resume()
            }
            readSource.cancel()
        }
        if liveSources == 0 { finish() }
    }

    private func sourceCancelled() {
        liveSources -= 1
        if liveSources == 0 && phase == .closed { finish() }
    }

    private func finish() {
        readSource = nil
        timer = nil
        Socket.close(fd)
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

    /// Arms the timer if the deadline is earlier than the one it is armed for; later deadlines are
    /// picked up when it fires, so steady keep-alive traffic rarely reschedules it.
    private func updateTimer() {
        guard let deadline = currentDeadline() else { return }
        if timerArmedAt == 0 || deadline.at < timerArmedAt { arm(deadline.at) }
    }

    private func arm(_ deadline: UInt64) {
        timerArmedAt = deadline
        timer?.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline), leeway: .milliseconds(5))
    }

    private func timerFired() {
        timerArmedAt = 0
        guard let deadline = currentDeadline() else { return }
        guard DispatchTime.now().uptimeNanoseconds >= deadline.at else {
            arm(deadline.at)
            return
        }
        switch deadline.expiry {
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
