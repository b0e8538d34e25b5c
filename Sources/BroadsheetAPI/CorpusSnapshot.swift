public import BroadsheetCore

/// Everything the API serves, computed once from a loaded corpus and never mutated afterwards.
///
/// Handlers share it by value (it is `Sendable`); building it is the only expensive step, done
/// before the server is marked ready.
public struct CorpusSnapshot: Sendable {
    /// The corpus folder as given on the command line.
    public let root: String
    /// Documents, newest first, then by title, then by id.
    public let documents: [Document]
    /// Word count per document, parallel to ``documents``.
    public let wordCounts: [Int]
    /// Position in ``documents`` by id.
    public let documentIndex: [String: Int]
    /// Files read but not served, with the reason.
    public let skipped: [(path: String, reason: String)]
    /// Files read, parsed or skipped.
    public let filesRead: Int

    /// Indexes a loaded corpus.
    public init(corpus: Corpus, root: String) {
        self.init(
            root: root, documents: corpus.documents, skipped: corpus.skipped.map { ($0.path, $0.reason) },
            filesRead: corpus.filesScanned)
    }

    public init(root: String, documents: [Document], skipped: [(path: String, reason: String)], filesRead: Int) {
        let sorted = documents.sorted { a, b in
            switch (a.publishedAt, b.publishedAt) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (a.title, a.id) < (b.title, b.id)
            }
        }
        self.root = root
        self.documents = sorted
        self.wordCounts = sorted.map(\.wordCount)
        self.documentIndex = Dictionary(sorted.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        self.skipped = skipped
        self.filesRead = filesRead
    }

    /// The document with this id, if any.
    public func document(id: String) -> (document: Document, wordCount: Int)? {
        documentIndex[id].map { (documents[$0], wordCounts[$0]) }
    }
}
