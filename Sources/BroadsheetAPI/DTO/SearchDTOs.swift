import BroadsheetCore
import BroadsheetSearch
import BroadsheetWire

extension SearchResponseDTO {
    /// - Parameter document: the document of a hit's id, for its publication and authors.
    init(_ results: BroadsheetSearch.SearchResults, unit: SearchUnit, limit: Int, offset: Int, document: (String) -> Document?) {
        func spans(_ s: [TextSpan]) -> [Span] { s.map { Span(start: $0.start, end: $0.end) } }
        self.init(
            unit: unit.rawValue,
            data: results.hits.map { hit in
                let doc = document(hit.documentId)
                return Hit(
                    documentId: hit.documentId, title: hit.title, publishedAt: hit.publishedAt?.description,
                    publication: doc?.publication, authors: doc?.authors ?? [], score: (hit.score * 10_000).rounded() / 10_000,
                    paragraph: hit.paragraph, snippet: hit.snippet, highlights: spans(hit.highlights),
                    passages: hit.passages.map { Passage(paragraph: $0.paragraph, snippet: $0.snippet, highlights: spans($0.highlights)) })
            },
            total: results.total, limit: limit, offset: offset, tookMs: (results.tookMs * 1000).rounded() / 1000,
            corrections: results.corrections.map { Correction(from: $0.from, to: $0.to) })
    }
}
