/// Detects an article file's format and parses it into ``Document``s.
///
/// Formats (see ``ArticleFormat``): a JSON object, NDJSON (one object per line), a `---`
/// front-matter block with a Markdown body, blank-line-separated text, and hard-wrapped text.
/// Detection is by content, helped by the extension (`.json`, `.ndjson`/`.jsonl`).
///
/// ```swift
/// let docs = try ArticleParser().parse(text: "Title\n\nBy Ann Lee\nMay 2, 2024\n\nBody.", source: "a.txt")
/// print(docs[0].title, docs[0].authors, docs[0].publishedAt!)
/// ```
public struct ArticleParser: Sendable {
    /// Files larger than this are rejected with ``ArticleParseError/tooLarge(bytes:limit:)``.
    /// Default: 10 MiB.
    public var maxBytes: Int

    public init(maxBytes: Int = 10 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    /// Parses one file's bytes. NDJSON files may yield several documents; their bad lines are
    /// dropped (use ``parseRecords(_:source:)`` to learn why).
    ///
    /// - Parameters:
    ///   - bytes: the raw file contents.
    ///   - source: the file's path relative to the corpus root; used for ids and error messages.
    /// - Throws: ``ArticleParseError`` when the file is not a readable article (for NDJSON: when
    ///   no line is a readable article).
    public func parse(_ bytes: [UInt8], source: String) throws(ArticleParseError) -> [Document] {
        try parseRecords(bytes, source: source).documents
    }

    /// Convenience for tests and tools: parses a string as if it were a file named `source`.
    public func parse(text: String, source: String = "article.txt") throws(ArticleParseError) -> [Document] {
        try parse(Array(text.utf8), source: source)
    }

    /// Parses one file and reports, for NDJSON, which lines failed and why.
    ///
    /// - Throws: ``ArticleParseError`` when the whole file is unreadable, or when it holds no
    ///   readable article at all (NDJSON: ``ArticleParseError/invalidRecord(line:reason:)`` for the
    ///   first bad line).
    public func parseRecords(_ bytes: [UInt8], source: String) throws(ArticleParseError) -> ParseResult {
        if bytes.count > maxBytes { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        if bytes.isEmpty { throw .empty }
        let text = try TextNormalizer.decode(bytes)
        switch FormatDetector.detect(text, source: source) {
        case .json:
            let draft = try JSONArticleParser.parseObject(text)
            return ParseResult(documents: [try DocumentBuilder.build(draft, source: source)], failures: [])
        case .ndjson:
            let (drafts, failures) = JSONArticleParser.parseLines(text)
            var documents: [Document] = []
            var allFailures = failures.map { RecordFailure(line: $0.line, error: $0.error) }
            for (line, draft) in drafts {
                do {
                    documents.append(try DocumentBuilder.build(draft, source: source))
                } catch {
                    allFailures.append(RecordFailure(line: line, error: error))
                }
            }
            allFailures.sort { $0.line < $1.line }
            if documents.isEmpty {
                if let first = allFailures.first {
                    throw .invalidRecord(line: first.line, reason: first.error.description)
                }
                throw .empty
            }
            return ParseResult(documents: documents, failures: allFailures)
        case .frontMatter:
            let draft = try FrontMatterParser.parse(text)
            return ParseResult(documents: [try DocumentBuilder.build(draft, source: source)], failures: [])
        case .plainText:
            let draft = PlainTextParser.parse(text)
            return ParseResult(documents: [try DocumentBuilder.build(draft, source: source)], failures: [])
        }
    }
}

/// The outcome of parsing one file: its documents and the records (NDJSON lines) that failed.
public struct ParseResult: Sendable, Hashable {
    public var documents: [Document]
    /// Bad NDJSON lines, in line order (always empty for other formats).
    public var failures: [RecordFailure]

    public init(documents: [Document], failures: [RecordFailure]) {
        self.documents = documents
        self.failures = failures
    }
}

/// One record (an NDJSON line) that could not be parsed.
public struct RecordFailure: Sendable, Hashable {
    /// 1-based line number in the file.
    public var line: Int
    public var error: ArticleParseError

    public init(line: Int, error: ArticleParseError) {
        self.line = line
        self.error = error
    }
}
