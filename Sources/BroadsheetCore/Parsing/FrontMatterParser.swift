import Foundation

/// Parses articles with a `---` front-matter block followed by a Markdown body.
///
/// The block is a small YAML subset: `key: value` lines, values plain, `"double"` (with `\"`,
/// `\\`, `\n` escapes) or `'single'` (with `''`) quoted, flow lists `[a, "b, c"]`, and block
/// lists (`key:` followed by `- item` lines). `#` comment lines are ignored. Keys: `title`,
/// `authors`/`author`, `publication`/`publisher`/`source`, `date`/`publishedAt`/`published`,
/// `dek`/`description`/`subtitle`/`standfirst`, `id`/`slug`, and as metadata `category`/`desk`
/// (the first item of a list), `tags`/`keywords` (a list, or one scalar tag), `url`/`link`,
/// `language`/`lang`, `source` (also the publication when no other key gives one). Unknown keys
/// are ignored.
///
/// The block ends at a `---` or `...` line; a block that never ends is an error.
enum FrontMatterParser {
    enum Value: Equatable {
        case scalar(String)
        case list([String])

        var strings: [String] {
            switch self {
            case .scalar(let s): return [s]
            case .list(let l): return l
            }
        }
        var scalar: String? {
            switch self {
            case .scalar(let s): return s
            case .list(let l): return l.first
            }
        }
    }

    static func parse(_ text: String) throws(ArticleParseError) -> ArticleDraft {
        let lines = TextNormalizer.lines(text)
        var i = 0
        while i < lines.count, lines[i].trimmingWhitespace.isEmpty { i += 1 }
        guard i < lines.count, lines[i].trimmingWhitespace == "---" else {
            throw .invalidFrontMatter("missing opening --- line")
        }
        var end = i + 1
        while end < lines.count, lines[end].trimmingWhitespace != "---", lines[end].trimmingWhitespace != "..." {
            end += 1
        }
        guard end < lines.count else { throw .invalidFrontMatter("the --- block is never closed") }
        let fields = try parseFields(Array(lines[(i + 1)..<end]), firstLineNumber: i + 2)

        var draft = ArticleDraft(format: .frontMatter)
        func field(_ keys: [String]) -> Value? {
            for k in keys { if let v = fields[k] { return v } }
            return nil
        }
        draft.title = field(["title", "headline"])?.scalar ?? ""
        if let a = field(["authors", "author", "byline"]) {
            switch a {
            case .list(let l): draft.authors = l
            case .scalar(let s): draft.authors = BylineParser.authors(s) ?? BylineParser.names(s) ?? [s]
            }
        }
        draft.publication = field(["publication", "publisher", "source", "outlet"])?.scalar
        if let d = field(["date", "publishedat", "published_at", "published", "datepublished"])?.scalar {
            draft.publishedAt = DateLineParser.parseField(d)
        }
        draft.dek = field(["dek", "standfirst", "subtitle", "description", "summary"])?.scalar
        draft.id = field(["id", "slug"])?.scalar
        draft.dateSource = .field
        draft.category = field(["category", "categories", "desk"])?.scalar
        draft.tags = field(["tags", "keywords"])?.strings ?? []
        draft.url = field(["url", "link", "canonical", "canonicalurl"])?.scalar
        draft.language = field(["language", "lang"])?.scalar
        draft.sourceName = fields["source"]?.scalar

        let body = MarkdownBody.parse(Array(lines[(end + 1)...]))
        if draft.title.trimmingWhitespace.isEmpty, let h1 = body.title { draft.title = h1 }
        draft.blocks = body.blocks
        if body.title != nil, draft.title != body.title, let h1 = body.title {
            // The H1 duplicated or differed from the title key: keep it as a heading only if it differs.
            if TextNormalizer.inline(h1) != TextNormalizer.inline(draft.title) { draft.blocks.insert(.heading(h1), at: 0) }
        }
        return draft
    }

    /// Parses `key: value` lines (keys lowercased).
    static func parseFields(_ lines: [String], firstLineNumber: Int) throws(ArticleParseError) -> [String: Value] {
        var fields: [String: Value] = [:]
        var listKey: String?
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("- ") || line == "-" {
                guard let key = listKey else {
                    throw .invalidFrontMatter("line \(firstLineNumber + offset): list item without a key")
                }
                let item = unquote(String(line.dropFirst(1)).trimmingWhitespace)
                if case .list(let items) = fields[key] { fields[key] = .list(items + [item]) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw .invalidFrontMatter("line \(firstLineNumber + offset): expected 'key: value'")
            }
            let key = line[..<colon].trimmingWhitespaceSub.lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingWhitespace
            guard !key.isEmpty, !key.contains(" ") || key.count < 40 else {
                throw .invalidFrontMatter("line \(firstLineNumber + offset): expected 'key: value'")
            }
            if value.isEmpty {
                fields[key] = .list([])
                listKey = key
            } else if value.hasPrefix("[") && value.hasSuffix("]") {
                fields[key] = .list(splitFlowList(String(value.dropFirst().dropLast())))
                listKey = nil
            } else {
                fields[key] = .scalar(unquote(stripComment(value)))
                listKey = nil
            }
        }
        return fields
    }

    static func stripComment(_ v: String) -> String {
        if v.hasPrefix("\"") || v.hasPrefix("'") { return v }
        if let r = v.range(of: " #") { return String(v[..<r.lowerBound]).trimmingWhitespace }
        return v
    }

    static func unquote(_ v: String) -> String {
        if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") {
            var out = ""
            var escaped = false
            for ch in v.dropFirst().dropLast() {
                if escaped {
                    switch ch {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: out.append(ch)
                    }
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else {
                    out.append(ch)
                }
            }
            return out
        }
        if v.count >= 2, v.hasPrefix("'"), v.hasSuffix("'") {
            return String(v.dropFirst().dropLast()).replacingAll("''", with: "'")
        }
        return v
    }

    /// Splits `a, "b, c", 'd'` on commas outside quotes.
    static func splitFlowList(_ s: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for ch in s {
            if let q = quote {
                current.append(ch)
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                current.append(ch)
            } else if ch == "," {
                items.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        items.append(current)
        return items.map { unquote($0.trimmingWhitespace) }.filter { !$0.isEmpty }
    }
}
