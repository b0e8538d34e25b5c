import Synchronization

/// Holds the served corpus: empty while loading, then one immutable ``CorpusSnapshot`` at a time.
///
/// Read-copy-update: handlers take the current snapshot and keep reading it while a writer builds
/// the next one; ``publish(_:)`` makes a new snapshot visible to every handler at once.
public final class CorpusService: Sendable {
    private let current = Mutex<CorpusSnapshot?>(nil)

    public init(snapshot: CorpusSnapshot? = nil) {
        current.withLock { $0 = snapshot }
    }

    /// Makes `snapshot` the served corpus.
    public func publish(_ snapshot: CorpusSnapshot) {
        current.withLock { $0 = snapshot }
    }

    /// The served corpus, or `nil` while loading.
    public var snapshot: CorpusSnapshot? { current.withLock { $0 } }

    public var isReady: Bool { snapshot != nil }

    /// The generation of the served snapshot (0 while loading): it changes whenever the corpus does.
    public var generation: UInt64 { snapshot?.generation ?? 0 }
}
