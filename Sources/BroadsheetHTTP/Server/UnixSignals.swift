import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Turns Unix signals into an `AsyncStream`, as swift-service-lifecycle's `UnixSignalsSequence` does:
/// the default action of each signal is disabled and a Dispatch signal source yields it instead.
///
/// ```swift
/// try server.start()
/// for await signal in UnixSignals.stream() {
///     logger.info("Received signal \(signal)")
///     break
/// }
/// await server.shutdown()
/// ```
public enum UnixSignals {
    /// `SIGTERM` (15), sent by `kill`, systemd and container runtimes.
    public static let terminate: Int32 = SIGTERM
    /// `SIGINT` (2), sent by Ctrl-C.
    public static let interrupt: Int32 = SIGINT
    /// `[SIGTERM, SIGINT]`: the signals that ask a server to stop.
    public static let terminationSignals: [Int32] = [SIGTERM, SIGINT]

    /// A stream yielding each signal number as it arrives. Ending the iteration (or dropping the stream)
    /// cancels the sources; the signals stay ignored afterwards.
    ///
    /// - Parameter signals: the signals to catch. Default: `SIGTERM` and `SIGINT`.
    public static func stream(_ signals: [Int32] = UnixSignals.terminationSignals) -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let queue = DispatchQueue(label: "broadsheet.signals")
            var sources: [DispatchSource] = []
            for number in signals {
                // The default action must be disabled, or the process would still exit (SL does the same).
                _ = signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue) as! DispatchSource
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                sources.append(source)
            }
            let box = SourceBox(sources)
            continuation.onTermination = { _ in box.cancel() }
        }
    }

    /// Holds the sources for the termination handler.
    private final class SourceBox: @unchecked Sendable {
        // @unchecked Sendable: `sources` is set once in init and only read by `cancel()`.
        private let sources: [DispatchSource]
        init(_ sources: [DispatchSource]) { self.sources = sources }
        func cancel() { for source in sources { source.cancel() } }
    }
}
