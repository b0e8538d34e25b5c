import BroadsheetHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

struct UnixSignalsTests {
    @Test func signalArrivesOnTheStream() async {
        let signals = UnixSignals.stream([SIGUSR2])
        // The source registers asynchronously, so keep signalling until the stream yields.
        let sender = Task {
            while !Task.isCancelled {
                kill(getpid(), SIGUSR2)
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        var received: Int32? = nil
        for await signal in signals {
            received = signal
            break
        }
        sender.cancel()
        #expect(received == SIGUSR2)
    }
}
