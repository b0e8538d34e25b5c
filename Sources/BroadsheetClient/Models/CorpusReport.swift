/// `GET /v1/corpus`: what the server loaded. Every member is optional so that the client keeps
/// decoding while the report grows, and a test can see which members are missing.
public struct CorpusReport: Decodable, Sendable, Hashable {
    /// A file that was not loaded, and why.
    public struct Skipped: Decodable, Sendable, Hashable {
        /// The file path as the server saw it.
        public var path: String
        /// A human-readable reason.
        public var reason: String
    }

    /// The corpus folder.
    public var root: String
    /// How many documents were loaded.
    public var documents: Int
    /// How many paragraphs they hold.
    public var paragraphs: Int
    /// How many sentences they hold.
    public var sentences: Int
    /// The total number of words.
    public var words: Int
    /// How many article files were read (parsed or skipped).
    public var files: Int
    /// Documents per detected format.
    public var formats: [String: Int]?
    /// Files that were skipped.
    public var skipped: [Skipped]
    /// The generation served (grows with every published change).
    public var generation: UInt64?
    /// The data folder the corpus is kept in.
    public var dataFolder: String?
    /// Whether the server takes writes.
    public var writable: Bool?
    /// Articles stored.
    public var stored: Int?
    /// Articles written but not yet served.
    public var pendingWrites: Int?
    /// When the last write was committed.
    public var lastWrite: String?
    /// Bytes of the database files.
    public var storeBytes: Int?
    /// What was found missing, stale or corrupt at start-up and rebuilt.
    public var warnings: [String]?
}
