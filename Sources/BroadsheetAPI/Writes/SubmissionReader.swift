import BroadsheetCorpus
import BroadsheetHTTP
import Foundation

/// Reads a write's body into articles, by its `Content-Type` (parsing is ``SubmissionParser``'s).
///
/// - `application/json`, `text/plain`, `text/markdown`: one article.
/// - `application/x-ndjson`: one article object per line; each line is read on its own, and the size
///   limit applies per line.
///
/// A body in another media type is a `415`.
struct SubmissionReader: Sendable {
    var parser = SubmissionParser()

    /// The body's kind, from its `Content-Type`.
    enum Kind: Sendable, Equatable {
        case article(mediaType: String)
        case ndjson
    }

    /// One line of an NDJSON body: its article, or why it is not one.
    struct Line: Sendable {
        var number: Int
        var result: Result<ArticleSubmission, APIError>
    }

    func kind(contentType: String?) throws(APIError) -> Kind {
        let essence = String((contentType ?? "").split(separator: ";").first ?? "")
            .trimmingCharacters(in: .whitespaces).lowercased()
        switch essence {
        case "application/x-ndjson", "application/jsonl", "application/ndjson": return .ndjson
        case _ where SubmissionParser.articleMediaTypes.contains(essence): return .article(mediaType: essence)
        default: throw .unsupportedMediaType(essence.isEmpty ? "(none)" : essence)
        }
    }

    /// One article from a body of one article's media type.
    func article(_ body: [UInt8], kind: Kind) throws(APIError) -> ArticleSubmission {
        guard case .article(let mediaType) = kind else { throw .unsupportedMediaType("application/x-ndjson") }
        do {
            return try parser.parse(body, mediaType: mediaType)
        } catch {
            throw .invalidArticle(error.message, field: error.field)
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
                result = .success(try parser.parse(Array(trimmed), mediaType: "application/json"))
            } catch {
                result = .failure(.invalidArticle(error.message, field: error.field))
            }
            lines.append(Line(number: offset + 1, result: result))
        }
        guard !lines.isEmpty else { throw .invalidArticle("The body holds no article (no non-blank line).", field: nil) }
        return lines
    }
}
