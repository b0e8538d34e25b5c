import BroadsheetCore
import BroadsheetSync

/// Holds the served corpus: empty while loading, then one immutable ``CorpusSnapshot``.
///
/// The server starts answering before the corpus is loaded (so `/healthz` works and `/readyz`
/// says 503); ``publish(_:)`` makes the snapshot visible to every handler at once.
public final class CorpusService: Sendable {
    private let current = Locked<CorpusSnapshot?>(nil)

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

    /// The served corpus.
    /// - Throws: ``APIError/notReady`` while loading.
    func requireSnapshot() throws(APIError) -> CorpusSnapshot {
        guard let s = snapshot else { throw .notReady }
        return s
    }
}
