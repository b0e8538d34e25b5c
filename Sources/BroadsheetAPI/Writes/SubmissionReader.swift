import BroadsheetCore
import BroadsheetCorpus
import BroadsheetHTTP
import Foundation

/// Reads a write's body into articles, by its `Content-Type`.
///
/// - `application/json`: one article object (`title`, `body`, optional `id`, `authors`, ...).
/// - `application/x-ndjson`: one article object per line; each line is read on its own.
/// - `text/plain`, `text/markdown`: one article in a file format the loader reads.
///
/// The size limit applies per article (``maxArticleBytes``); a body in another media type is a `415`.
struct SubmissionReader: Sendable {
    /// The largest article, in bytes. Default: 10 MiB, as for files.
    var maxArticleBytes = 10 * 1024 * 1024

    /// The body's kind, from its `Content-Type`.
    enum Kind: Sendable, Equatable {
        case json, ndjson, text, markdown
    }

    /// One line of an NDJSON body: its article, or why it is not one.
    struct Line: Sendable {
        var number: Int
        var result: Result<ArticleSubmission, APIError>
    }

    func kind(contentType: String?) throws(APIError) -> Kind {
        let essence = (contentType ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        switch essence {
        case "application/json": return .json
        case "application/x-ndjson", "application/jsonl", "application/ndjson", "application/json-seq": return .ndjson
        case "text/plain": return .text
        case "text/markdown": return .markdown
        default: throw .unsupportedMediaType(essence.isEmpty ? "(none)" : essence)
        }
    }

    /// One article from a body of kind `.json`, `.text` or `.markdown`.
    func article(_ body: [UInt8], kind: Kind) throws(APIError) -> ArticleSubmission {
        switch kind {
        case .json: return try jsonArticle(body[...])
        case .text: return try textArticle(body, source: "article.txt", mediaType: "text/plain")
        case .markdown: return try textArticle(body, source: "article.md", mediaType: "text/markdown")
        case .ndjson: throw .unsupportedMediaType("application/x-ndjson")
        }
    }

    /// Every non-blank line of an NDJSON body, read on its own.
    func lines(_ body: [UInt8]) throws(APIError) -> [Line] {
        var lines: [Line] = []
        for (offset, line) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var trimmed = line[...]
            while let last = trimmed.last, last == UInt8(ascii: "\r") || last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
            guard !trimmed.isEmpty else { continue }
            let result: Result<ArticleSubmission, APIError>
            do {
                result = .success(try jsonArticle(trimmed))
            } catch {
                result = .failure(error)
            }
            lines.append(Line(number: offset + 1, result: result))
        }
        guard !lines.isEmpty else { throw .invalidArticle("The body holds no article (no non-blank line).", field: nil) }
        return lines
    }

    private func jsonArticle(_ bytes: ArraySlice<UInt8>) throws(APIError) -> ArticleSubmission {
        try checkSize(bytes.count)
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw APIError.invalidArticle("An article must be a JSON object.", field: nil)
            }
            object = parsed
        } catch let error as APIError {
            throw error
        } catch {
            throw .invalidArticle("The body is not valid JSON.", field: nil)
        }
        var document = try parse(Array(bytes), source: "article.json")
        document.source = "api"
        // The same article sent with its keys in another order or other spacing is the same content.
        let canonical = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { Array($0) } ?? Array(bytes)
        return ArticleSubmission(
            document: document, source: Array(bytes), mediaType: "application/json", explicitId: object["id"] != nil,
            contentHash: ContentHash.of(canonical))
    }

    private func textArticle(_ bytes: [UInt8], source: String, mediaType: String) throws(APIError) -> ArticleSubmission {
        try checkSize(bytes.count)
        var document = try parse(bytes, source: source)
        document.source = "api"
        return ArticleSubmission(document: document, source: bytes, mediaType: mediaType, explicitId: false)
    }

    private func checkSize(_ count: Int) throws(APIError) {
        if count == 0 { throw .invalidArticle("The article is empty.", field: nil) }
        if count > maxArticleBytes {
            throw .invalidArticle("The article is \(count) bytes; the limit is \(maxArticleBytes) bytes.", field: nil)
        }
    }

    private func parse(_ bytes: [UInt8], source: String) throws(APIError) -> Document {
        do {
            let documents = try ArticleParser(maxBytes: maxArticleBytes).parse(bytes, source: source)
            guard documents.count == 1, let document = documents.first else {
                throw APIError.invalidArticle("The body holds \(documents.count) articles; send several as application/x-ndjson.", field: nil)
            }
            return document
        } catch let error as APIError {
            throw error
        } catch let error as ArticleParseError {
            throw .invalidArticle(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".", field: error.field)
        } catch {
            throw .invalidArticle("\(error)", field: nil)
        }
    }
}

extension ArticleParseError {
    /// The JSON field a parse error is about, when it names one (`'title'` in its description).
    var field: String? {
        if case .missingField(let name) = self { return name }
        let text = description
        guard let open = text.firstIndex(of: "'"),
            let close = text[text.index(after: open)...].firstIndex(of: "'")
        else { return nil }
        let name = text[text.index(after: open)..<close]
        return !name.isEmpty && name.allSatisfy({ $0.isLetter || $0 == "_" }) ? String(name) : nil
    }
}
