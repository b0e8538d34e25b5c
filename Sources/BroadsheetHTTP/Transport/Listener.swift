import Dispatch

/// A listening socket driven by a Dispatch read source: when connections are pending it accepts them
/// all (until `EAGAIN`) and hands each descriptor to `onAccept`.
///
/// The listening descriptor is closed only in the source's cancel handler, after ``stop()``.
final class Listener: @unchecked Sendable {
    // @unchecked Sendable: `source` and `fd` are set in init and never change; `onAccept` runs on `queue` only.

    /// The port actually bound (useful after binding port 0).
    let port: Int
    private let fd: Int32
    private let source: DispatchSource
    private let queue: DispatchQueue

    /// Binds and starts listening; `onAccept` runs on `queue` with each accepted, non-blocking descriptor.
    init(
        host: String, port: Int, backlog: Int32, queue: DispatchQueue,
        onAccept: @escaping @Sendable (Int32) -> Void
    ) throws(SocketError) {
        _ = Socket.ignoreSIGPIPE
        let fd = try Socket.listen(host: host, port: port, backlog: backlog)
        do {
            self.port = try Socket.localPort(fd)
        } catch {
            Socket.close(fd)
            throw error
        }
        self.fd = fd
        self.queue = queue
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue) as! DispatchSource
        self.source = source
        source.setEventHandler {
            while true {
                do {
                    guard let client = try Socket.accept(fd) else { return }
                    onAccept(client)
                } catch {
                    // EMFILE/ENFILE and the like: leave the rest pending; the source fires again.
                    return
                }
            }
        }
        source.setCancelHandler { Socket.close(fd) }
        source.resume()
    }

    /// Stops accepting; the descriptor is closed once the source is cancelled.
    func stop() {
        source.cancel()
    }
}
