import BroadsheetHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

struct UnixSignalsTests {
    /// The signal source registers asynchronously, so the test keeps signalling until the stream yields,
    /// for at most about 10 s (2,000 tries 5 ms apart); then it gives up, ends the wait and fails.
    @Test(.timeLimit(.minutes(1)))
    func signalArrivesOnTheStream() async {
        let signals = UnixSignals.stream([SIGUSR2])
        let received = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                for await signal in signals { return signal }
                return nil  // cancelled: the sender gave up
            }
            group.addTask {
                for _ in 0..<2000 {
                    if Task.isCancelled { return nil }
                    kill(getpid(), SIGUSR2)
                    try? await Task.sleep(for: .milliseconds(5))
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(received == SIGUSR2)
    }
}
