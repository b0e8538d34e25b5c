/// Decides a file's format from its content, helped by its extension.
///
/// - Content starting with `{`: one JSON object (``ArticleFormat/json``), or NDJSON when the
///   extension is `.ndjson`/`.jsonl` or when the first line alone is a complete JSON value
///   followed by more lines starting with `{`.
/// - Content starting with a `---` line: front matter.
/// - Anything else: plain text (wrapped or blank-line; ``PlainTextParser`` decides).
enum FormatDetector {
    enum Kind { case json, ndjson, frontMatter, plainText }

    static func detect(_ text: String, source: String) -> Kind {
        let ext = source.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let trimmed = text.drop(while: { $0.isWhitespace })
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            if ext == "ndjson" || ext == "jsonl" { return .ndjson }
            let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map { $0.trimmingWhitespaceSub }.filter { !$0.isEmpty }
            if lines.count >= 2, lines.allSatisfy({ $0.hasPrefix("{") || $0.hasPrefix("//") }),
                JSONArticleParser.isCompleteJSONObject(String(lines[0]))
            {
                return .ndjson
            }
            return .json
        }
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first
        if let f = firstLine, f.trimmingWhitespaceSub == "---" { return .frontMatter }
        if ext == "json" { return .json }
        if ext == "ndjson" || ext == "jsonl" { return .ndjson }
        return .plainText
    }
}

