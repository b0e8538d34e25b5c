public import BroadsheetCore

/// One row of `GET /v1/documents`.
public struct DocumentSummaryDTO: Encodable, Sendable {
    public var id: String
    public var title: String
    public var authors: [String]
    public var publication: Nullable<String>
    public var publishedAt: Nullable<String>
    public var wordCount: Int
    public var paragraphCount: Int
    public var format: String
    public var source: String

    public init(_ d: Document, wordCount: Int) {
        id = d.id
        title = d.title
        authors = d.authors
        publication = Nullable(d.publication)
        publishedAt = Nullable(d.publishedAt?.description)
        self.wordCount = wordCount
        paragraphCount = d.paragraphs.count
        format = d.format.rawValue
        source = d.source
    }
}

/// `GET /v1/documents/{id}`: the metadata plus sections, paragraphs and the normalised text.
public struct DocumentDetailDTO: Encodable, Sendable {
    public struct SectionDTO: Encodable, Sendable {
        public var title: String
        public var start: Int
        public var end: Int
    }
    public struct ParagraphDTO: Encodable, Sendable {
        public var index: Int
        public var section: Nullable<Int>
        public var text: String
        public var start: Int
        public var end: Int
    }

    public var id: String
    public var title: String
    public var authors: [String]
    public var publication: Nullable<String>
    public var publishedAt: Nullable<String>
    public var dek: Nullable<String>
    public var wordCount: Int
    public var paragraphCount: Int
    public var sentences: Int
    public var format: String
    public var source: String
    public var sections: [SectionDTO]
    public var paragraphs: [ParagraphDTO]
    public var text: String

    public init(_ d: Document, wordCount: Int) {
        id = d.id
        title = d.title
        authors = d.authors
        publication = Nullable(d.publication)
        publishedAt = Nullable(d.publishedAt?.description)
        dek = Nullable(d.dek)
        self.wordCount = wordCount
        paragraphCount = d.paragraphs.count
        sentences = d.sentences.count
        format = d.format.rawValue
        source = d.source
        sections = d.sections.map { SectionDTO(title: $0.title, start: $0.span.start, end: $0.span.end) }
        paragraphs = d.paragraphs.map {
            ParagraphDTO(index: $0.index, section: Nullable($0.section), text: String(d.text.slice($0.span)), start: $0.span.start, end: $0.span.end)
        }
        text = d.text
    }
}
