/// `GET /v1/corpus`: what the server loaded. Every member is optional so that the client keeps
/// decoding while the report grows.
public struct CorpusReport: Decodable, Sendable, Hashable {
    /// A file that was not loaded, and why.
    public struct Skipped: Decodable, Sendable, Hashable {
        /// The file path as the server saw it.
        public var path: String
        /// A human-readable reason.
        public var reason: String
    }

    /// How many documents were loaded.
    public var documents: Int?
    /// How many files were read.
    public var files: Int?
    /// Files that were skipped.
    public var skipped: [Skipped]?
    /// The total number of words.
    public var words: Int?
    /// When loading finished, as sent.
    public var loadedAt: String?
}
