
/// Where an article came from: written over HTTP, or imported from a file of the corpus folder.
public enum ArticleOrigin: Sendable, Hashable {
    /// Written through the API (`POST`/`PUT /v1/documents`).
    case api
    /// Imported from a file (its path relative to the corpus folder) and, for NDJSON, a line.
    case file(path: String, line: Int?)

    /// The file path, for imported articles.
    public var path: String? {
        if case .file(let path, _) = self { return path }
        return nil
    }
}

/// What is kept of one article besides its parsed document and extraction.
public struct StoredArticleHeader: Sendable, Hashable {
    public var id: String
    public var origin: ArticleOrigin
    /// ``ContentHash`` of the source as given.
    public var contentHash: String
    /// The write that last changed the article (increases with every committed write).
    public var sequence: Int64

    public init(id: String, origin: ArticleOrigin, contentHash: String, sequence: Int64) {
        self.id = id
        self.origin = origin
        self.contentHash = contentHash
        self.sequence = sequence
    }
}

/// One article as stored: its source as given, and what was derived from it.
public struct StoredArticle: Sendable, Hashable {
    public var header: StoredArticleHeader
    /// The media type the source was given in (`application/json`, `text/plain`, ...).
    public var mediaType: String
    /// The source bytes as given (one JSON object, one NDJSON line, or a whole text file).
    public var source: [UInt8]
    public var entry: CorpusEntry
    /// ``DocumentExtraction/version`` of the extractors that made ``entry``'s extraction.
    public var extractorVersion: Int

    public init(header: StoredArticleHeader, mediaType: String, source: [UInt8], entry: CorpusEntry, extractorVersion: Int = DocumentExtraction.version) {
        self.header = header
        self.mediaType = mediaType
        self.source = source
        self.entry = entry
        self.extractorVersion = extractorVersion
    }
}

/// An article read back at start-up (without its source, which only export needs).
public struct LoadedArticle: Sendable {
    public var header: StoredArticleHeader
    public var entry: CorpusEntry
    public var extractorVersion: Int
}

/// A file of the corpus folder as last imported: the import skips it while its content is unchanged.
public struct ImportedFile: Sendable, Hashable {
    public var path: String
    public var contentHash: String
    /// Why the file (or some of its lines) gave no article, one reason per entry.
    public var skipped: [String]

    public init(path: String, contentHash: String, skipped: [String] = []) {
        self.path = path
        self.contentHash = contentHash
        self.skipped = skipped
    }
}

/// One durable change: all changes given to ``ArticleStore/commit(_:)`` land together or not at all.
public enum StoreChange: Sendable {
    case put(StoredArticle)
    case delete(id: String)
    case recordFile(ImportedFile)
    case forgetFile(path: String)
}

/// Sizes of the store, for `/v1/corpus` and `/metrics`.
public struct StoreStatistics: Sendable, Hashable {
    public var articles: Int
    /// Bytes of the database files (main file and write-ahead log).
    public var bytes: Int
}

/// The source of truth of the corpus: articles, their sources and derivations, and imported files.
///
/// A commit is durable (synced to disk) when it returns. The embedded implementation is
/// ``SQLiteArticleStore``; a server database for several replicas would be another.
public protocol ArticleStore: Sendable {
    /// Every stored article, for a restart.
    func loadArticles() throws(StoreError) -> [LoadedArticle]
    /// One article with its source.
    func article(id: String) throws(StoreError) -> StoredArticle?
    /// Every article with its source, in id order, in pages (for export).
    func articles(after id: String?, limit: Int) throws(StoreError) -> [StoredArticle]
    /// The files imported from the corpus folder, by path.
    func importedFiles() throws(StoreError) -> [String: ImportedFile]
    /// Applies the changes in one transaction, synced before it returns. Returns the write's sequence number.
    @discardableResult
    func commit(_ changes: [StoreChange]) throws(StoreError) -> Int64
    func statistics() throws(StoreError) -> StoreStatistics
    /// Bytes of the database files (cheap: no query, for `/metrics` and `/v1/corpus`).
    var byteSize: Int { get }
    /// The sequence number of the last commit (0 for a new store).
    func sequence() throws(StoreError) -> Int64
    /// The entity ids handed out so far.
    func entityIds() throws(StoreError) -> EntityIdRegistry
    /// Records new entity ids and merges (synced; not a write of articles: the sequence stays).
    func saveEntityIds(_ changes: EntityIdRegistry.Changes) throws(StoreError)
}

/// Why the store failed. Nothing of a failed commit is kept.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database was written by a newer Broadsheet (its schema has migrations this one does not know).
    case newerSchema(path: String, unknown: [String])
    /// The disk (or the file-size limit) is full.
    case full(String)
    /// The database file is damaged or is not a database.
    case corrupt(String)
    /// Any other failure of the database.
    case failed(String)

    public var description: String {
        switch self {
        case .newerSchema(let path, let unknown):
            "the database at \(path) was written by a newer version of Broadsheet (unknown migrations: \(unknown.joined(separator: ", "))); upgrade Broadsheet or use another data folder"
        case .full(let detail): "the disk is full: \(detail)"
        case .corrupt(let detail): "the database is damaged: \(detail)"
        case .failed(let detail): "database error: \(detail)"
        }
    }
}
