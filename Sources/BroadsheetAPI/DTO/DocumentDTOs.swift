import BroadsheetCore
import BroadsheetWire

extension DocumentSummaryDTO {
    /// One row of `GET /v1/documents`.
    init(_ d: Document, wordCount: Int) {
        self.init(
            id: d.id, title: d.title, authors: d.authors, publication: d.publication, publishedAt: d.publishedAt?.description,
            dateSource: d.dateSource.rawValue, wordCount: wordCount, paragraphCount: d.paragraphs.count, format: d.format.rawValue,
            source: d.source, metadata: DocumentMetadataDTO(d))
    }
}

extension DocumentMetadataDTO {
    init(_ d: Document) {
        self.init(category: d.category, tags: d.tags, url: d.url, language: d.language, sourceName: d.sourceName)
    }
}

extension DocumentDetailDTO {
    /// `GET /v1/documents/{id}`: the metadata plus sections, paragraphs and the normalised text.
    init(_ d: Document, wordCount: Int) {
        self.init(
            summary: DocumentSummaryDTO(d, wordCount: wordCount), dek: d.dek, sentences: d.sentences.count,
            sections: d.sections.map { Section(title: $0.title, start: $0.span.start, end: $0.span.end) },
            paragraphs: d.paragraphs.map {
                Paragraph(index: $0.index, section: $0.section, text: String(d.text.slice($0.span)), start: $0.span.start, end: $0.span.end)
            },
            text: d.text)
    }
}
