public import BroadsheetCore
import Foundation

/// Turns an article's bytes, in a media type, into an ``ArticleSubmission``: the one place that reads
/// articles offered over HTTP, from an export or from the command line.
///
/// - `application/json`: one article object; its `id`, when present, is the writer's choice; the
///   content hash is taken over the object with sorted keys, so key order and spacing do not matter.
/// - `text/plain`, `text/markdown`: one article in a file format the loader reads.
public struct SubmissionParser: Sendable {
    /// The largest article, in bytes. Default: 10 MiB, as for files.
    public var maxArticleBytes: Int
    /// The date of articles that give none (`--default-date`).
    public var defaultDate: CivilDate?

    public init(maxArticleBytes: Int = 10 * 1024 * 1024, defaultDate: CivilDate? = nil) {
        self.maxArticleBytes = maxArticleBytes
        self.defaultDate = defaultDate
    }

    /// Why bytes are not an article: a sentence for the writer, and the field at fault when there is one.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var field: String?
        public init(_ message: String, field: String? = nil) {
            self.message = message
            self.field = field
        }
        public var description: String { message }
    }

    /// Media types of one article that ``parse(_:mediaType:sourceName:)`` reads.
    public static let articleMediaTypes: Set<String> = ["application/json", "text/plain", "text/markdown"]

    /// Parses one article.
    ///
    /// - Parameter sourceName: a file name whose extension helps format detection (text only).
    public func parse(_ bytes: [UInt8], mediaType: String, sourceName: String? = nil) throws(Failure) -> ArticleSubmission {
        if bytes.isEmpty { throw Failure("The article is empty.") }
        if bytes.count > maxArticleBytes {
            throw Failure("The article is \(bytes.count) bytes; the limit is \(maxArticleBytes) bytes.")
        }
        switch mediaType {
        case "application/json": return try json(bytes)
        case "text/markdown": return try text(bytes, sourceName: sourceName ?? "article.md", mediaType: mediaType)
        default: return try text(bytes, sourceName: sourceName ?? "article.txt", mediaType: "text/plain")
        }
    }

    private func json(_ bytes: [UInt8]) throws(Failure) -> ArticleSubmission {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw Failure("An article must be a JSON object.")
            }
            object = parsed
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure("The body is not valid JSON.")
        }
        var document = try document(bytes, sourceName: "article.json")
        document.source = "api"
        // The same article sent with its keys in another order or other spacing is the same content.
        let canonical = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { Array($0) } ?? bytes
        return ArticleSubmission(
            document: document, source: bytes, mediaType: "application/json", explicitId: object["id"] != nil,
            contentHash: ContentHash.of(canonical))
    }

    private func text(_ bytes: [UInt8], sourceName: String, mediaType: String) throws(Failure) -> ArticleSubmission {
        var document = try document(bytes, sourceName: sourceName)
        document.source = "api"
        return ArticleSubmission(document: document, source: bytes, mediaType: mediaType, explicitId: false)
    }

    private func document(_ bytes: [UInt8], sourceName: String) throws(Failure) -> Document {
        let documents: [Document]
        do {
            documents = try ArticleParser(maxBytes: maxArticleBytes, defaultDate: defaultDate).parse(bytes, source: sourceName)
        } catch {
            let text = error.description
            throw Failure(text.prefix(1).uppercased() + text.dropFirst() + ".", field: error.field)
        }
        guard documents.count == 1, let document = documents.first else {
            throw Failure("The body holds \(documents.count) articles; send several as application/x-ndjson.")
        }
        return document
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
