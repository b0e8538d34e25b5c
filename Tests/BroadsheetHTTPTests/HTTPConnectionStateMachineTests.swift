@testable import BroadsheetHTTP
import Testing

/// The connection's protocol logic without sockets or clocks: each test plays the I/O shell, feeding
/// events and outcomes into ``HTTPConnection/StateMachine`` and checking every action it returns.
/// Times are uptime nanoseconds chosen by the test.
struct HTTPConnectionStateMachineTests {
    /// An action in a comparable form: a request to answer is shown as `METHOD path`.
    enum Step: Equatable {
        case read, write, respond(String), malformed(HTTPParserError), requestTimeout, shutdownWriteSide, close
        case wait(UInt64?)

        init(_ action: HTTPConnection.StateMachine.Action) {
            switch action {
            case .read: self = .read
            case .write: self = .write
            case .respond(let request): self = .respond("\(request.method) \(request.path)")
            case .reportMalformedRequest(let error): self = .malformed(error)
            case .reportRequestTimeout: self = .requestTimeout
            case .shutdownWriteSide: self = .shutdownWriteSide
            case .close: self = .close
            case .wait(let deadline): self = .wait(deadline)
            }
        }
    }

    static let second: UInt64 = 1_000_000_000
    static let start: UInt64 = 1_000 * second
    static let headerTimeout = 10 * second
    static let idleTimeout = 60 * second
    static let lingerTimeout = 1 * second

    /// Plays the shell for one machine; `now` is the time every transition is given.
    struct Shell {
        var machine: HTTPConnection.StateMachine
        var now = HTTPConnectionStateMachineTests.start

        init(maxPipelinedRequests: Int = 16) {
            let configuration = HTTPServer.Configuration(
                headerReadTimeout: .seconds(10), idleTimeout: .seconds(60), maxPipelinedRequests: maxPipelinedRequests,
                lingerTimeout: .seconds(1))
            machine = HTTPConnection.StateMachine(configuration: configuration, now: now)
        }

        mutating func readable() -> Step { Step(machine.ready(forReading: true, forWriting: false, now: now)) }
        mutating func writable() -> Step { Step(machine.ready(forReading: false, forWriting: true, now: now)) }

        mutating func receive(_ text: String, mayHaveMore: Bool = false) -> Step {
            let bytes = Array(text.utf8)
            return Step(bytes.withUnsafeBytes { machine.received($0, mayHaveMore: mayHaveMore, now: now) })
        }

        mutating func readDrained() -> Step { Step(machine.readDrained(now: now)) }
        mutating func readEnded() -> Step { Step(machine.readEnded(now: now)) }
        mutating func next() -> Step { Step(machine.next(now: now)) }
        mutating func drain() -> Step { Step(machine.drain(now: now)) }
        mutating func deadline(at time: UInt64) -> Step {
            now = time
            return Step(machine.deadlinePassed(now: now))
        }

        /// Answers the request in flight with `body` (text/plain) and optional headers.
        mutating func respond(
            _ body: String = "ok", headers: HTTPHeaders = [:], serverStopping: Bool = false
        ) -> Step {
            Step(
                machine.responseReady(
                    HTTPResponse(headers: headers, body: Array(body.utf8)), serverStopping: serverStopping, now: now))
        }

        /// Everything the machine offers to send, as text.
        var unsent: String {
            mutating get {
                machine.withUnsentBytes { head, body in String(decoding: Array(head) + Array(body), as: UTF8.self) }
            }
        }

        /// Sends everything offered; returns the text sent and the next step.
        mutating func writeAll() -> (sent: String, next: Step) {
            let sent = unsent
            return (sent, Step(machine.wrote(machine.unsentByteCount, now: now)))
        }
    }

    static func get(_ path: String, _ extra: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: t\r\n\(extra)\r\n"
    }

    // MARK: One request

    @Test func requestIsReadAnsweredAndWrittenThenTheConnectionIdles() {
        var shell = Shell()
        #expect(shell.machine.deadline == Self.start + Self.headerTimeout)  // a fresh connection must send in time
        #expect(shell.readable() == .read)
        #expect(shell.receive(Self.get("/a")) == .respond("GET /a"))
        #expect(shell.machine.deadline == nil)  // no deadline while the responder works
        shell.now += 5
        #expect(shell.respond("hello") == .write)
        let (sent, next) = shell.writeAll()
        #expect(sent.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(sent.contains("Content-Length: 5\r\n"))
        #expect(!sent.contains("Connection:"))
        #expect(sent.hasSuffix("\r\n\r\nhello"))
        // The short read emptied the socket: wait for the next edge, with the idle deadline from the response.
        #expect(next == .wait(Self.start + 5 + Self.idleTimeout))
    }

    @Test func aFullReadMeansMoreMayWaitSoTheMachineReadsAgain() {
        var shell = Shell()
        #expect(shell.readable() == .read)
        #expect(shell.receive(Self.get("/a"), mayHaveMore: true) == .respond("GET /a"))
        #expect(shell.respond() == .write)
        #expect(shell.writeAll().next == .read)
        #expect(shell.readDrained() == .wait(Self.start + Self.idleTimeout))
    }

    @Test func aRequestInPiecesIsAnsweredWhenComplete() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive("GET /a HTTP/1.1\r\nHo") == .wait(Self.start + Self.headerTimeout))
        #expect(shell.readable() == .read)
        #expect(shell.receive("st: t\r\n\r\n") == .respond("GET /a"))
    }

    @Test func partialWritesContinueAndAFullSocketWaitsForTheWritableEdge() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        #expect(shell.respond("0123456789") == .write)
        let total = shell.machine.unsentByteCount
        #expect(Step(shell.machine.wrote(5, now: shell.now)) == .write)
        #expect(shell.machine.unsentByteCount == total - 5)
        #expect(Step(shell.machine.wrote(0, now: shell.now)) == .wait(Self.start + Self.idleTimeout))
        // A readable edge while blocked reads on (parsing ahead), but nothing more is answered.
        #expect(shell.readable() == .read)
        #expect(shell.receive(Self.get("/b")) == .wait(Self.start + Self.idleTimeout))
        #expect(shell.writable() == .write)
        let (sent, next) = shell.writeAll()
        #expect(sent.hasSuffix("0123456789"))
        #expect(next == .respond("GET /b"))
    }

    @Test func aLargeBodyIsOfferedFromItsOwnStorageAfterTheHead() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/big"))
        let body = String(repeating: "x", count: HTTPConnection.StateMachine.gatherThreshold) + "END"
        #expect(shell.respond(body) == .write)
        let (headCount, bodyCount) = shell.machine.withUnsentBytes { head, large in (head.count, large.count) }
        #expect(bodyCount == body.utf8.count)
        // A send that ends inside the body, then the rest.
        #expect(Step(shell.machine.wrote(headCount + 10, now: shell.now)) == .write)
        #expect(shell.machine.withUnsentBytes { head, large in head.count == 0 && large.count == bodyCount - 10 })
        let (sent, next) = shell.writeAll()
        #expect(sent.hasSuffix("xxEND"))
        #expect(next == .wait(Self.start + Self.idleTimeout))
        #expect(shell.machine.unsentByteCount == 0)
    }

    @Test func headGetsTheHeadersOnly() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive("HEAD /a HTTP/1.1\r\nHost: t\r\n\r\n") == .respond("HEAD /a"))
        #expect(shell.respond("hello") == .write)
        let sent = shell.writeAll().sent
        #expect(sent.contains("Content-Length: 5\r\n"))
        #expect(sent.hasSuffix("\r\n\r\n"))
    }

    @Test func http10StaysOpenOnlyWhenAskedAndSaysSo() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") == .respond("GET /a"))
        _ = shell.respond()
        let (sent, next) = shell.writeAll()
        #expect(sent.contains("Connection: keep-alive\r\n"))
        #expect(next == .wait(Self.start + Self.idleTimeout))
        #expect(shell.readable() == .read)
        #expect(shell.receive("GET /b HTTP/1.0\r\n\r\n") == .respond("GET /b"))
        _ = shell.respond()
        let last = shell.writeAll()
        #expect(last.sent.contains("Connection: close\r\n"))
        #expect(last.next == .shutdownWriteSide)
    }

    @Test func expectContinueSendsTheInterimResponseThenWaitsForTheBody() {
        var shell = Shell()
        _ = shell.readable()
        let head = "POST /u HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"
        #expect(shell.receive(head) == .write)
        let (sent, next) = shell.writeAll()
        #expect(sent == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(next == .wait(Self.start + Self.headerTimeout))
        #expect(shell.readable() == .read)
        #expect(shell.receive("body") == .respond("POST /u"))
    }

    // MARK: Pipelining

    @Test func pipelinedRequestsAreAnsweredOneAtATimeInOrder() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive(Self.get("/1") + Self.get("/2") + Self.get("/3")) == .respond("GET /1"))
        for next in ["/2", "/3"] {
            #expect(shell.respond(next) == .write)
            #expect(shell.writeAll().next == .respond("GET \(next)"))
        }
        #expect(shell.respond() == .write)
        #expect(shell.writeAll().next == .wait(Self.start + Self.idleTimeout))
    }

    /// Past the pipeline limit no read is asked for until the queue drains, although input may be waiting.
    @Test func aFullPipelineStopsReadingUntilTheQueueDrains() {
        var shell = Shell(maxPipelinedRequests: 1)
        _ = shell.readable()
        #expect(shell.receive(Self.get("/1") + Self.get("/2"), mayHaveMore: true) == .respond("GET /1"))
        #expect(shell.respond() == .write)
        #expect(Step(shell.machine.wrote(0, now: shell.now)) == .read)  // blocked; the queue has room: read on
        // The read brings /3; /2 fills the queue: no more reading although input may be waiting.
        #expect(shell.receive(Self.get("/3"), mayHaveMore: true) == .wait(Self.start + Self.idleTimeout))
        #expect(shell.writable() == .write)
        #expect(shell.writeAll().next == .respond("GET /2"))
        #expect(shell.respond() == .write)
        #expect(shell.writeAll().next == .respond("GET /3"))
        #expect(shell.respond() == .write)
        #expect(shell.writeAll().next == .read)  // the queue is empty: reading resumes
    }

    @Test func aParseErrorAfterAPipelinedGoodRequestAnswersTheGoodOneThenTheError() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive(Self.get("/good") + "BROKEN\r\n\r\n" + Self.get("/never")) == .respond("GET /good"))
        #expect(shell.respond("fine") == .write)
        let good = shell.writeAll()
        #expect(good.sent.hasPrefix("HTTP/1.1 200 OK"))
        #expect(!good.sent.contains("Connection: close"))
        #expect(good.next == .malformed(.invalidRequestLine))
        #expect(shell.next() == .write)
        let bad = shell.writeAll()
        #expect(bad.sent.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(bad.sent.contains("Connection: close\r\n"))
        #expect(bad.sent.contains("Content-Type: application/problem+json"))
        #expect(bad.next == .shutdownWriteSide)
        // Lingering: unread input is drained (never answered) until the peer closes.
        #expect(shell.next() == .wait(Self.start + Self.lingerTimeout))
        #expect(shell.readable() == .read)
        #expect(shell.receive(Self.get("/ignored")) == .wait(Self.start + Self.lingerTimeout))
        #expect(shell.readable() == .read)
        #expect(shell.readEnded() == .close)
        #expect(shell.machine.isClosed)
    }

    @Test func theClientClosingItsSideStillGetsTheQueuedAnswers() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive(Self.get("/1") + Self.get("/2"), mayHaveMore: true) == .respond("GET /1"))
        _ = shell.respond()
        #expect(Step(shell.machine.wrote(0, now: shell.now)) == .read)
        #expect(shell.readEnded() == .wait(Self.start + Self.idleTimeout))  // output still blocked
        #expect(shell.writable() == .write)
        #expect(shell.writeAll().next == .respond("GET /2"))
        _ = shell.respond()
        #expect(shell.writeAll().next == .close)  // nothing left to answer and the peer is gone
    }

    // MARK: Closing

    @Test func connectionCloseLingersThenClosesAtTheLingerDeadline() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive(Self.get("/bye", "Connection: close\r\n") + Self.get("/never")) == .respond("GET /bye"))
        _ = shell.respond()
        let (sent, next) = shell.writeAll()
        #expect(sent.contains("Connection: close\r\n"))
        #expect(next == .shutdownWriteSide)
        #expect(shell.next() == .wait(Self.start + Self.lingerTimeout))
        #expect(shell.deadline(at: Self.start + Self.lingerTimeout - 1) == .wait(Self.start + Self.lingerTimeout))
        #expect(shell.deadline(at: Self.start + Self.lingerTimeout) == .close)
        #expect(shell.readable() == .wait(nil))  // closed: nothing more to do
    }

    @Test func aResponseThatAsksToCloseClosesTheConnection() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        _ = shell.respond(headers: ["Connection": "close"])
        let (sent, next) = shell.writeAll()
        #expect(sent.contains("Connection: close\r\n"))
        #expect(next == .shutdownWriteSide)
    }

    @Test func theClientGoneBeforeTheFinalResponseIsSentClosesWithoutLingering() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/bye", "Connection: close\r\n"), mayHaveMore: true)
        _ = shell.respond()
        #expect(Step(shell.machine.wrote(0, now: shell.now)) == .wait(Self.start + Self.idleTimeout))
        // Closing: no more reading, whatever edges arrive.
        #expect(shell.readable() == .wait(Self.start + Self.idleTimeout))
        #expect(shell.writable() == .write)
        #expect(Step(shell.machine.writeFailed()) == .close)
    }

    // MARK: Deadlines

    @Test func aFreshConnectionThatSendsNothingIsClosedSilently() {
        var shell = Shell()
        #expect(shell.deadline(at: Self.start + Self.headerTimeout - 1) == .wait(Self.start + Self.headerTimeout))
        #expect(shell.deadline(at: Self.start + Self.headerTimeout) == .close)
    }

    @Test func aLateRequestGets408ThenTheConnectionCloses() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive("GET /slow HTTP/1.1\r\n") == .wait(Self.start + Self.headerTimeout))
        #expect(shell.deadline(at: Self.start + Self.headerTimeout) == .requestTimeout)
        #expect(shell.next() == .write)
        let (sent, next) = shell.writeAll()
        #expect(sent.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(sent.contains("Connection: close\r\n"))
        #expect(next == .shutdownWriteSide)
    }

    @Test func theRequestDeadlineStartsWithTheFirstByteAfterAResponse() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        _ = shell.respond()
        #expect(shell.writeAll().next == .wait(Self.start + Self.idleTimeout))
        shell.now = Self.start + 30 * Self.second
        #expect(shell.readable() == .read)
        #expect(shell.receive("GET /b") == .wait(shell.now + Self.headerTimeout))
    }

    @Test func anIdleConnectionClosesAtTheIdleDeadline() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        _ = shell.respond()
        _ = shell.writeAll()
        #expect(shell.deadline(at: Self.start + Self.idleTimeout - 1) == .wait(Self.start + Self.idleTimeout))
        #expect(shell.deadline(at: Self.start + Self.idleTimeout) == .close)
    }

    /// A client that stops reading a response is cut off at the idle deadline counted from the response.
    @Test func aDeadlineDuringABlockedWriteClosesTheConnection() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        _ = shell.respond(String(repeating: "x", count: 100_000))
        #expect(Step(shell.machine.wrote(1000, now: shell.now)) == .write)
        #expect(Step(shell.machine.wrote(0, now: shell.now)) == .wait(Self.start + Self.idleTimeout))
        // The header deadline does not apply while a response is being written.
        #expect(shell.deadline(at: Self.start + Self.headerTimeout) == .wait(Self.start + Self.idleTimeout))
        #expect(shell.deadline(at: Self.start + Self.idleTimeout) == .close)
        #expect(shell.writable() == .wait(nil))
    }

    // MARK: Shutdown

    @Test func shutdownClosesAnIdleConnectionAtOnce() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        _ = shell.respond()
        _ = shell.writeAll()
        #expect(shell.drain() == .close)
        #expect(shell.drain() == .wait(nil))
    }

    @Test func shutdownDuringLingeringClosesAtOnce() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/bye", "Connection: close\r\n"))
        _ = shell.respond()
        _ = shell.writeAll()
        #expect(shell.next() == .wait(Self.start + Self.lingerTimeout))
        #expect(shell.drain() == .close)
    }

    /// A drain that arrives while a response is blocked and requests wait behind it: the next answer carries
    /// `Connection: close`, the rest are dropped, unread input is drained once, and the connection closes.
    @Test func shutdownWithPipelinedRequestsWaitingAnswersOneMoreThenCloses() {
        var shell = Shell()
        _ = shell.readable()
        #expect(shell.receive(Self.get("/1") + Self.get("/2") + Self.get("/3")) == .respond("GET /1"))
        _ = shell.respond()
        #expect(Step(shell.machine.wrote(0, now: shell.now)) == .wait(Self.start + Self.idleTimeout))
        #expect(shell.drain() == .wait(Self.start + Self.idleTimeout))
        #expect(shell.readable() == .wait(Self.start + Self.idleTimeout))  // draining: nothing more is read
        #expect(shell.writable() == .write)
        let first = shell.writeAll()
        #expect(!first.sent.contains("Connection: close"))  // framed before the drain
        #expect(first.next == .respond("GET /2"))
        _ = shell.respond()
        let second = shell.writeAll()
        #expect(second.sent.contains("Connection: close\r\n"))
        #expect(second.next == .shutdownWriteSide)
        #expect(shell.next() == .read)  // what has arrived is drained so the close does not reset the response
        #expect(shell.readDrained() == .close)
    }

    @Test func aResponseFinishedWhileTheServerStopsClosesTheConnection() {
        var shell = Shell()
        _ = shell.readable()
        _ = shell.receive(Self.get("/a"))
        _ = shell.respond(serverStopping: true)
        let (sent, next) = shell.writeAll()
        #expect(sent.contains("Connection: close\r\n"))
        #expect(next == .shutdownWriteSide)
    }

    @Test func closeIsFinalAndHappensOnce() {
        var shell = Shell()
        #expect(Step(shell.machine.close()) == .close)
        #expect(Step(shell.machine.close()) == .wait(nil))
        #expect(shell.readable() == .wait(nil))
        #expect(shell.deadline(at: .max) == .wait(nil))
        #expect(shell.machine.deadline == nil)
    }
}
