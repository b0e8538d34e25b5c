import Foundation

/// Parses JSON articles (one object per file) and NDJSON (one object per line).
///
/// Recognised keys (first match wins):
/// - title: `title`, `headline` (required)
/// - body: `body`, `text`, `content` (a string: paragraphs separated by blank lines, or by single
///   newlines when the string has no blank line; or an array of paragraph strings), `paragraphs`,
///   or `sections` (an array of `{ "title"|"heading", "body"|"text"|"paragraphs" }`)
/// - authors: `authors`, `author`, `byline` (array of strings or `{ "name" }` objects, or a string
///   such as `"A, B and C"`)
/// - publication: `publication`, `publisher`, `source`, `outlet`, `site` (string or `{ "name" }`)
/// - date: `publishedAt`, `published_at`, `datePublished`, `date`, `published` (ISO date or
///   date-time, any form ``DateLineParser`` accepts, or a Unix time number in seconds or
///   milliseconds, taken as a UTC date)
/// - dek: `dek`, `standfirst`, `subtitle`, `subheadline`, `description`, `summary`
/// - id: `id`, `slug` (string or number; slugified)
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
    static func parseLines(_ text: String) -> (drafts: [(line: Int, draft: ArticleDraft)], failures: [(line: Int, error: ArticleParseError)]) {
        var drafts: [(Int, ArticleDraft)] = []
        var failures: [(Int, ArticleParseError)] = []
        for (index, line) in TextNormalizer.lines(text).enumerated() {
            let t = line.trimmingWhitespace
            if t.isEmpty || t.hasPrefix("//") { continue }
            do {
                let object: Any
                do {
                    object = try JSONSerialization.jsonObject(with: Data(t.utf8), options: [])
                } catch {
                    throw ArticleParseError.invalidJSON(jsonErrorReason(error))
                }
                guard let dict = object as? [String: Any] else {
                    throw ArticleParseError.invalidJSON("line is not a JSON object")
                }
                drafts.append((index + 1, try draft(from: dict, format: .ndjson)))
            } catch let error as ArticleParseError {
                failures.append((index + 1, error))
            } catch {
                failures.append((index + 1, .invalidJSON("\(error)")))
            }
        }
        return (drafts, failures)
    }

    static func first(_ dict: [String: Any], _ keys: [String]) -> Any? {
        for k in keys { if let v = dict[k], !(v is NSNull) { return v } }
        // Case-insensitive fallback.
        let lowered = Dictionary(dict.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        for k in keys { if let v = lowered[k.lowercased()], !(v is NSNull) { return v } }
        return nil
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let d as [String: Any]: return string(d["name"])
        default: return nil
        }
    }

    static func draft(from dict: [String: Any], format: ArticleFormat) throws(ArticleParseError) -> ArticleDraft {
        var draft = ArticleDraft(format: format)
        guard let title = string(first(dict, ["title", "headline"]))?.trimmingWhitespace, !title.isEmpty else {
            throw .missingField("title")
        }
        draft.title = title
        draft.id = string(first(dict, ["id", "slug"]))
        draft.publication = string(first(dict, ["publication", "publisher", "source", "outlet", "site"]))
        draft.dek = string(first(dict, ["dek", "standfirst", "subtitle", "subheadline", "description", "summary"]))
        let dateValue = first(dict, ["publishedAt", "published_at", "datePublished", "date", "published"])
        if let number = dateValue as? NSNumber, !(dateValue is Bool) {
            // Unix time, in seconds or (when very large) milliseconds; the UTC calendar date.
            var seconds = number.doubleValue
            if seconds > 1e11 { seconds /= 1000 }
            // Only 1970…9999 is accepted; anything else (NaN, huge, negative) is no date.
            if seconds.isFinite, (0...253_402_300_799).contains(seconds) {
                draft.publishedAt = CivilDate(daysSinceEpoch: Int((seconds / 86400).rounded(.down)))
            }
        } else if let text = string(dateValue) {
            draft.publishedAt = DateLineParser.parseField(text)
        }
        draft.authors = authors(first(dict, ["authors", "author", "byline", "by"]))

        if let body = first(dict, ["body", "text", "content", "paragraphs"]) {
            draft.blocks = blocks(fromBodyValue: body)
        }
        if let sections = first(dict, ["sections"]) as? [Any] {
            for case let section as [String: Any] in sections {
                if let heading = string(first(section, ["title", "heading", "name"])) {
                    draft.blocks.append(.heading(heading))
                }
                if let body = first(section, ["body", "text", "content", "paragraphs"]) {
                    draft.blocks += blocks(fromBodyValue: body)
                }
            }
        }
        if !draft.blocks.contains(where: { if case .paragraph = $0 { return true } else { return false } }) {
            throw .missingField("body")
        }
        return draft
    }

    static func authors(_ value: Any?) -> [String] {
        switch value {
        case let list as [Any]: return list.compactMap { string($0)?.trimmingWhitespace }.filter { !$0.isEmpty }
        case let s as String:
            let t = s.trimmingWhitespace
            if t.isEmpty { return [] }
            return BylineParser.authors(t) ?? BylineParser.names(t) ?? [t]
        case let d as [String: Any]: return string(d["name"]).map { [$0] } ?? []
        default: return []
        }
    }

    static func blocks(fromBodyValue value: Any) -> [ArticleDraft.Block] {
        if let list = value as? [Any] {
            return list.compactMap { string($0) }.flatMap { blocks(fromBody: $0) }
        }
        if let s = string(value) { return blocks(fromBody: s) }
        return []
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
