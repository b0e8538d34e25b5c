import Foundation

/// Parses JSON articles (one object per file) and NDJSON (one object per line).
///
/// Recognised keys (first match wins):
/// - title: `title`, `headline` (required)
/// - body: `body`, `text`, `content` (a string: paragraphs separated by blank lines, or by single
///   newlines when the string has no blank line; or an array of paragraph strings), `paragraphs`,
///   or `sections` (an array of `{ "title"|"heading", "body"|"text"|"paragraphs" }`)
/// - authors: `authors` (array of strings or `{ "name" }` objects), `author`, `byline`, `by` (the
///   same, or one string such as `"A, B and C"`, or one `{ "name" }` object)
/// - publication: `publication`, `publisher`, `outlet`, `site` (string or `{ "name" }`); else `source`
/// - date: `publishedAt`, `published_at`, `datePublished`, `date`, `published` (a string: ISO date
///   or date-time, or any form ``DateLineParser`` accepts; a number is an error, not a Unix time)
/// - dek: `dek`, `standfirst`, `subtitle`, `subheadline`, `description`, `summary` (string)
/// - id: `id`, `slug` (string or number; slugified)
/// - metadata: `category`/`desk` (string), `tags`/`keywords` (array of strings), `url`/`link`/
///   `canonicalUrl` (string), `language`/`lang` (string), `source` (string or `{ "name" }`)
///
/// Types are strict: a value of the wrong JSON type is ``ArticleParseError/invalidField(name:reason:)``
/// naming the field, e.g. `field 'publishedAt' must be a date string such as "2025-11-29", not a number`.
///
/// A body that contains HTML paragraph or heading tags is converted first (see ``SimpleHTML``).
enum JSONArticleParser {
    static func isCompleteJSONObject(_ s: String) -> Bool {
        guard let data = s.data(using: .utf8) else { return false }
        return (try? JSONSerialization.jsonObject(with: data)) is [String: Any]
    }

    /// Parses a file holding one JSON object.
    static func parseObject(_ text: String) throws(ArticleParseError) -> ArticleDraft {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(jsonErrorReason(error))
        }
        guard let dict = object as? [String: Any] else {
            if object is [Any] {
                throw .invalidJSON("top-level value is an array; expected one article object (use NDJSON for several)")
            }
            throw .invalidJSON("top-level value is not an object")
        }
        return try draft(from: dict, format: .json)
    }

    static func jsonErrorReason(_ error: any Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo["NSDebugDescription"] as? String { return detail }
        return "malformed JSON"
    }

    /// Parses NDJSON: each non-blank line is one article. Returns the good drafts and, per bad
    /// line, its 1-based line number and the reason.
    /// Parses one NDJSON line (already decoded).
    static func parseRecord(_ text: String) throws(ArticleParseError) -> ArticleDraft {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            throw .invalidJSON(jsonErrorReason(error))
        }
        guard let dict = object as? [String: Any] else { throw .invalidJSON("line is not a JSON object") }
        return try draft(from: dict, format: .ndjson)
    }

    static func parseLines(_ text: String) -> (drafts: [(line: Int, draft: ArticleDraft)], failures: [(line: Int, error: ArticleParseError)]) {
        var drafts: [(Int, ArticleDraft)] = []
        var failures: [(Int, ArticleParseError)] = []
        for (index, line) in TextNormalizer.lines(text).enumerated() {
            let t = line.trimmingWhitespace
            if t.isEmpty || t.hasPrefix("//") { continue }
            do {
                drafts.append((index + 1, try parseRecord(t)))
            } catch {
                failures.append((index + 1, error))
            }
        }
        return (drafts, failures)
    }

    /// The first present, non-null key of `keys` (exact spelling first, then any case) and its value.
    static func first(_ dict: [String: Any], _ keys: [String]) -> (key: String, value: Any)? {
        for k in keys { if let v = dict[k], !(v is NSNull) { return (k, v) } }
        // Case-insensitive fallback.
        for k in keys {
            if let (key, v) = dict.first(where: { $0.key.lowercased() == k.lowercased() && !($0.value is NSNull) }) {
                return (key, v)
            }
        }
        return nil
    }

    /// `"a string"`, `"a number"`, `"a boolean"`, `"an array"`, `"an object"`: the JSON type of a
    /// value from `JSONSerialization`, for error messages.
    static func kind(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case let n as NSNumber: return String(cString: n.objCType) == "c" ? "a boolean" : "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "null"
        }
    }

    static func wrongType(_ key: String, expected: String, _ value: Any) -> ArticleParseError {
        .invalidField(name: key, reason: "must be \(expected), not \(kind(value))")
    }

    /// A string field; with `nameObject`, an object `{ "name": "…" }` is accepted too.
    static func string(_ dict: [String: Any], _ keys: [String], nameObject: Bool = false) throws(ArticleParseError) -> String? {
        guard let (key, value) = first(dict, keys) else { return nil }
        if let s = value as? String { return s }
        if nameObject, let object = value as? [String: Any], let name = object["name"] as? String { return name }
        throw wrongType(key, expected: nameObject ? "a string or an object with a \"name\" string" : "a string", value)
    }

    /// An array of strings (items may be `{ "name" }` objects when `nameObject`).
    static func strings(_ key: String, _ value: Any, nameObject: Bool = false) throws(ArticleParseError) -> [String] {
        guard let list = value as? [Any] else { throw wrongType(key, expected: "an array of strings", value) }
        var out: [String] = []
        for (i, item) in list.enumerated() {
            if let s = item as? String {
                out.append(s)
            } else if nameObject, let object = item as? [String: Any], let name = object["name"] as? String {
                out.append(name)
            } else if !(item is NSNull) {
                throw .invalidField(name: key, reason: "item \(i + 1) must be a string, not \(kind(item))")
            }
        }
        return out
    }

    /// Builds a draft from one article object. Every recognised field must have its documented
    /// JSON type: a wrong type is an ``ArticleParseError/invalidField(name:reason:)`` naming the
    /// field as spelled in the input (no silent coercion); `null` counts as absent.
    static func draft(from dict: [String: Any], format: ArticleFormat) throws(ArticleParseError) -> ArticleDraft {
        var draft = ArticleDraft(format: format)
        guard let title = try string(dict, ["title", "headline"])?.trimmingWhitespace, !title.isEmpty else {
            throw .missingField("title")
        }
        draft.title = title
        if let (key, value) = first(dict, ["id", "slug"]) {
            switch value {
            case let s as String: draft.id = s
            case let n as NSNumber where kind(n) == "a number": draft.id = n.stringValue
            default: throw wrongType(key, expected: "a string or a number", value)
            }
        }
        draft.publication = try string(dict, ["publication", "publisher", "outlet", "site"], nameObject: true)
        draft.sourceName = try string(dict, ["source"], nameObject: true)
        if draft.publication == nil { draft.publication = draft.sourceName }
        draft.dek = try string(dict, ["dek", "standfirst", "subtitle", "subheadline", "description", "summary"])
        if let (key, value) = first(dict, ["publishedAt", "published_at", "datePublished", "date", "published"]) {
            guard let text = value as? String else {
                throw wrongType(key, expected: "a date string such as \"2025-11-29\"", value)
            }
            draft.publishedAt = DateLineParser.parseField(text)
        }
        draft.dateSource = .field
        draft.authors = try authors(dict)
        draft.category = try string(dict, ["category", "desk"])
        if let (key, value) = first(dict, ["tags", "keywords"]) { draft.tags = try strings(key, value) }
        draft.url = try string(dict, ["url", "link", "canonicalUrl", "canonical_url"])
        draft.language = try string(dict, ["language", "lang"])

        if let (key, body) = first(dict, ["body", "text", "content", "paragraphs"]) {
            draft.blocks = try blocks(key, body)
        }
        if let (key, value) = first(dict, ["sections"]) {
            guard let sections = value as? [Any] else { throw wrongType(key, expected: "an array of objects", value) }
            for (i, item) in sections.enumerated() {
                guard let section = item as? [String: Any] else {
                    throw .invalidField(name: key, reason: "item \(i + 1) must be an object, not \(kind(item))")
                }
                if let heading = try string(section, ["title", "heading", "name"]) {
                    draft.blocks.append(.heading(heading))
                }
                if let (bodyKey, body) = first(section, ["body", "text", "content", "paragraphs"]) {
                    draft.blocks += try blocks("\(key)[\(i + 1)].\(bodyKey)", body)
                }
            }
        }
        if !draft.blocks.contains(where: { if case .paragraph = $0 { return true } else { return false } }) {
            throw .missingField("body")
        }
        return draft
    }

    /// `authors`: an array of names (strings or `{ "name" }` objects); `author`, `byline`, `by`:
    /// one string such as `"A, B and C"`, a `{ "name" }` object, or an array like `authors`.
    static func authors(_ dict: [String: Any]) throws(ArticleParseError) -> [String] {
        guard let (key, value) = first(dict, ["authors", "author", "byline", "by"]) else { return [] }
        if key.lowercased() == "authors" || value is [Any] {
            return try strings(key, value, nameObject: true).map(\.trimmingWhitespace).filter { !$0.isEmpty }
        }
        if let object = value as? [String: Any], let name = object["name"] as? String { return [name] }
        guard let s = value as? String else {
            throw wrongType(key, expected: "a string, an array of strings or an object with a \"name\" string", value)
        }
        let t = s.trimmingWhitespace
        if t.isEmpty { return [] }
        return BylineParser.authors(t) ?? BylineParser.names(t) ?? [t]
    }

    /// A body value: a string, or an array of paragraph strings.
    static func blocks(_ key: String, _ value: Any) throws(ArticleParseError) -> [ArticleDraft.Block] {
        if let s = value as? String { return blocks(fromBody: s) }
        if value is [Any] { return try strings(key, value).flatMap { blocks(fromBody: $0) } }
        throw wrongType(key, expected: "a string or an array of strings", value)
    }

    /// A body string: blank-line paragraphs (lines joined) or, without blank lines, one paragraph
    /// per line. Markdown `#` lines are headings.
    static func blocks(fromBody rawBody: String) -> [ArticleDraft.Block] {
        let body = SimpleHTML.looksLikeHTML(rawBody) ? SimpleHTML.toText(rawBody) : rawBody
        let lines = TextNormalizer.lines(body)
        let hasBlank = lines.contains { $0.trimmingWhitespace.isEmpty } && lines.count > 1
        var out: [ArticleDraft.Block] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { out.append(.paragraph(BodyReflower.join(current))) }
            current = []
        }
        for line in lines {
            let t = line.trimmingWhitespace
            if t.isEmpty { flush(); continue }
            if BodyReflower.isMarkdownHeading(t) {
                flush()
                out.append(.heading(PlainTextParser.stripMarkdownHeading(t)))
                continue
            }
            current.append(t)
            if !hasBlank { flush() }
        }
        flush()
        return out
    }
}
