import BroadsheetCore
import BroadsheetSearch

/// `GET /v1/search`: a page of hits (articles, or paragraphs with `unit=paragraph`) with their best
/// passages, plus the corrections used and the time taken.
public struct SearchResponseDTO: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var documentId: String
        public var title: String
        public var publishedAt: Nullable<String>
        public var publication: Nullable<String>
        public var authors: [String]
        public var score: Double
        /// The matching paragraph; for an article, its best passage's paragraph (0 without passages).
        public var paragraph: Int
        /// The best window of that paragraph, HTML-escaped, matched words in `<mark>…</mark>` ("" without passages).
        public var snippet: String
        /// UTF-16 offsets of the matched words of that paragraph in the document's `text`.
        public var highlights: [Span]
        /// The best passages, best first (`passages` of them for an article; the paragraph itself for a paragraph).
        public var passages: [Passage]
    }
    public struct Passage: Encodable, Sendable {
        public var paragraph: Int
        public var snippet: String
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

    /// `article` or `paragraph`: what each hit is.
    public var unit: String
    public var data: [Hit]
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var tookMs: Double
    public var corrections: [Correction]

    /// - Parameter document: the document of a hit's id, for its publication and authors.
    init(_ results: SearchResults, unit: SearchUnit, limit: Int, offset: Int, document: (String) -> Document?) {
        func spans(_ s: [TextSpan]) -> [Span] { s.map { Span(start: $0.start, end: $0.end) } }
        self.unit = unit.rawValue
        data = results.hits.map { hit in
            let doc = document(hit.documentId)
            return Hit(
                documentId: hit.documentId, title: hit.title, publishedAt: Nullable(hit.publishedAt?.description),
                publication: Nullable(doc?.publication), authors: doc?.authors ?? [], score: (hit.score * 10_000).rounded() / 10_000,
                paragraph: hit.paragraph, snippet: hit.snippet, highlights: spans(hit.highlights),
                passages: hit.passages.map { Passage(paragraph: $0.paragraph, snippet: $0.snippet, highlights: spans($0.highlights)) })
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
