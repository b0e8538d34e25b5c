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
    /// Files larger than this are rejected with ``ArticleParseError/tooLarge(bytes:limit:)``;
    /// for one NDJSON record, ``ArticleParseError/recordTooLarge(bytes:limit:)``.
    /// Default: 10 MiB.
    public var maxBytes: Int
    /// The date given to articles that carry none, neither in their own fields or date line nor
    /// in their path (``DateSource/default``). Default: `nil` (such articles stay undated).
    public var defaultDate: CivilDate?

    public init(maxBytes: Int = 10 * 1024 * 1024, defaultDate: CivilDate? = nil) {
        self.maxBytes = maxBytes
        self.defaultDate = defaultDate
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
        let decoded = try TextNormalizer.decode(bytes)
        var result = try parseDecoded(decoded.text, source: source)
        result.warnings = decoded.warning.map { [$0] } ?? []
        result.documents = result.documents.map { dated($0) }
        return result
    }

    /// Parses one NDJSON record (one line's bytes, without its line break) as the `line`-th line
    /// of the file `source`. The loader streams large NDJSON files through this.
    ///
    /// - Returns: the document and, when the line was not valid UTF-8, a warning.
    /// - Throws: ``ArticleParseError`` for a record that is not a readable article, including
    ///   ``ArticleParseError/recordTooLarge(bytes:limit:)`` past ``maxBytes``.
    public func parseRecord(_ bytes: some Collection<UInt8>, line: Int, source: String) throws(ArticleParseError) -> (document: Document, warning: String?) {
        if bytes.count > maxBytes { throw .recordTooLarge(bytes: bytes.count, limit: maxBytes) }
        var warning: String?
        let text: String
        if let offset = TextNormalizer.firstInvalidUTF8(ArraySlice(bytes)) {
            text = TextNormalizer.windows1252(bytes)
            warning = "line \(line): not valid UTF-8 (first bad byte at offset \(offset) of the line); read as Windows-1252"
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        let draft = try JSONArticleParser.parseRecord(text)
        return (dated(try DocumentBuilder.build(draft, source: source)), warning)
    }

    /// Dates an undated document from its path (``PathDate``), else with ``defaultDate``.
    func dated(_ document: Document) -> Document {
        guard document.publishedAt == nil else { return document }
        var d = document
        if let date = PathDate.date(in: d.source) {
            d.publishedAt = date
            d.dateSource = .path
        } else if let date = defaultDate {
            d.publishedAt = date
            d.dateSource = .default
        } else {
            d.dateSource = .none
        }
        return d
    }

    /// Parses decoded text by its detected format (no dating from path or default).
    func parseDecoded(_ text: String, source: String) throws(ArticleParseError) -> ParseResult {
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
            var draft = PlainTextParser.parse(text)
            let ext = source.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if ext == "md" || ext == "markdown" {
                // Markdown without front matter: strip inline markup from the body.
                draft.blocks = draft.blocks.map { block in
                    switch block {
                    case .heading(let h): return .heading(MarkdownInline.strip(h))
                    case .paragraph(let p): return .paragraph(MarkdownInline.strip(p))
                    }
                }
                draft.title = MarkdownInline.strip(draft.title)
            }
            return ParseResult(documents: [try DocumentBuilder.build(draft, source: source)], failures: [])
        }
    }
}

/// The outcome of parsing one file: its documents, the records (NDJSON lines) that failed, and
/// warnings about how it was read.
public struct ParseResult: Sendable, Hashable {
    public var documents: [Document]
    /// Bad NDJSON lines, in line order (always empty for other formats).
    public var failures: [RecordFailure]
    /// How the file was read when that was not plain UTF-8, e.g. `not valid UTF-8 (first bad
    /// byte at offset 6); read as Windows-1252`.
    public var warnings: [String]

    public init(documents: [Document], failures: [RecordFailure], warnings: [String] = []) {
        self.documents = documents
        self.failures = failures
        self.warnings = warnings
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
