/// Detects an article file's format and parses it into ``Document``s.
///
/// Placeholder interface; the implementation lands with the foundation issue.
public struct ArticleParser: Sendable {
    public init() {}

    /// Parses one file's bytes. NDJSON files may yield several documents.
    ///
    /// - Parameters:
    ///   - bytes: the raw file contents.
    ///   - source: the file's path relative to the corpus root; used for ids and error messages.
    /// - Throws: ``ArticleParseError`` when the file is not a readable article.
    public func parse(_ bytes: [UInt8], source: String) throws(ArticleParseError) -> [Document] {
        throw .empty
    }

    /// Convenience for tests and tools: parses a string as if it were a file named `source`.
    public func parse(text: String, source: String = "article.txt") throws(ArticleParseError) -> [Document] {
        try parse(Array(text.utf8), source: source)
    }
}

/// Why a file could not be parsed as an article.
public enum ArticleParseError: Error, Sendable, Hashable {
    case empty
    case invalidUTF8(byteOffset: Int)
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case invalidJSON(String)
    case missingField(String)
    case noBody
}
