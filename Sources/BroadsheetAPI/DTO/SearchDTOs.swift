import BroadsheetCore
import BroadsheetSearch

/// `GET /v1/search`: a page of hits with snippets, plus the corrections used and the time taken.
public struct SearchResponseDTO: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var documentId: String
        public var title: String
        public var paragraph: Int
        public var score: Double
        /// The best window of the paragraph, HTML-escaped, matched words in `<mark>…</mark>`.
        public var snippet: String
        /// UTF-16 offsets of the matched words in the document's `text`.
        public var highlights: [Span]
    }
    public struct Span: Encodable, Sendable {
        public var start: Int
        public var end: Int
    }
    public struct Correction: Encodable, Sendable {
        public var from: String
        public var to: String
    }

    public var data: [Hit]
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var tookMs: Double
    public var corrections: [Correction]

    init(_ results: SearchResults, limit: Int, offset: Int) {
        data = results.hits.map {
            Hit(
                documentId: $0.documentId, title: $0.title, paragraph: $0.paragraph, score: ($0.score * 10_000).rounded() / 10_000,
                snippet: $0.snippet, highlights: $0.highlights.map { Span(start: $0.start, end: $0.end) })
        }
        total = results.total
        self.limit = limit
        self.offset = offset
        tookMs = (results.tookMs * 1000).rounded() / 1000
        corrections = results.corrections.map { Correction(from: $0.from, to: $0.to) }
    }
}

/// One completion of `GET /v1/suggest`.
public struct SuggestionDTO: Encodable, Sendable {
    public var text: String
    /// `term` (an indexed word) or `entity`.
    public var kind: String
    /// The entity's id for `entity` suggestions, else null.
    public var entityId: Nullable<String>
}
