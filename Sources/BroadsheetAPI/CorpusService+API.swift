import BroadsheetCorpus

extension CorpusService {
    /// The served corpus.
    /// - Throws: ``APIError/notReady`` while loading.
    func requireSnapshot() throws(APIError) -> CorpusSnapshot {
        guard let s = snapshot else { throw .notReady }
        return s
    }
}
