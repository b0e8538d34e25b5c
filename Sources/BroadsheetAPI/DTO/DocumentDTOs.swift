public import BroadsheetCore

/// One row of `GET /v1/documents`.
public struct DocumentSummaryDTO: Encodable, Sendable {
    public var id: String
    public var title: String
    public var authors: [String]
    public var publication: Nullable<String>
    public var publishedAt: Nullable<String>
    /// Where `publishedAt` came from: `field`, `dateline`, `path`, `default` or `none`.
    public var dateSource: String
    public var wordCount: Int
    public var paragraphCount: Int
    public var format: String
    /// The file the article came from, relative to the corpus folder (`api` for a write).
    public var source: String
    public var metadata: DocumentMetadataDTO

    public init(_ d: Document, wordCount: Int) {
        id = d.id
        title = d.title
        authors = d.authors
        publication = Nullable(d.publication)
        publishedAt = Nullable(d.publishedAt?.description)
        dateSource = d.dateSource.rawValue
        self.wordCount = wordCount
        paragraphCount = d.paragraphs.count
        format = d.format.rawValue
        source = d.source
        metadata = DocumentMetadataDTO(d)
    }
}

/// What an article says of itself beyond its title, authors and date, as given (nulls when not).
public struct DocumentMetadataDTO: Encodable, Sendable {
    public var category: Nullable<String>
    public var tags: [String]
    public var url: Nullable<String>
    public var language: Nullable<String>
    /// The `source` field of a structured article (an agency or feed name).
    public var sourceName: Nullable<String>

    init(_ d: Document) {
        category = Nullable(d.category)
        tags = d.tags
        url = Nullable(d.url)
        language = Nullable(d.language)
        sourceName = Nullable(d.sourceName)
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
    public var dateSource: String
    public var metadata: DocumentMetadataDTO
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
        dateSource = d.dateSource.rawValue
        metadata = DocumentMetadataDTO(d)
        sections = d.sections.map { SectionDTO(title: $0.title, start: $0.span.start, end: $0.span.end) }
        paragraphs = d.paragraphs.map {
            ParagraphDTO(index: $0.index, section: Nullable($0.section), text: String(d.text.slice($0.span)), start: $0.span.start, end: $0.span.end)
        }
        text = d.text
    }
}
