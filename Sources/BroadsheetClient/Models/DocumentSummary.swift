/// One entry of `GET /v1/documents`. Only `id` and `title` are required, so a test can see which
/// of the other members the server sent.
public struct DocumentSummary: Decodable, Sendable, Hashable {
    /// The stable document identifier.
    public var id: String
    /// The headline.
    public var title: String
    /// The by-line names.
    public var authors: [String]
    /// The outlet, when known.
    public var publication: String?
    /// The publication date as sent (e.g. `2024-03-01`).
    public var publishedAt: String?
    /// The number of words.
    public var wordCount: Int
    /// The number of paragraphs.
    public var paragraphCount: Int
    /// The detected article format.
    public var format: String
    /// The source file name.
    public var source: String
    /// Where `publishedAt` came from (`field`, `dateline`, `path`, `default`, `none`).
    public var dateSource: String
    /// Category, tags, URL, language and source name, as the article gave them.
    public var metadata: DocumentMetadata
}

/// What an article says of itself beyond title, authors and date.
public struct DocumentMetadata: Decodable, Sendable, Hashable {
    public var category: String?
    public var tags: [String]
    public var url: String?
    public var language: String?
    public var sourceName: String?

    public init(category: String? = nil, tags: [String] = [], url: String? = nil, language: String? = nil, sourceName: String? = nil) {
        self.category = category
        self.tags = tags
        self.url = url
        self.language = language
        self.sourceName = sourceName
    }
}

/// The filters and order of `GET /v1/documents` (each `nil` leaves its parameter out).
public struct DocumentFilters: Sendable, Hashable {
    public var from: String?
    public var to: String?
    public var publication: String?
    public var author: String?
    public var category: String?
    public var tag: String?
    public var entity: String?
    public var undated: Bool?
    /// `-published` (the default), `published` or `title`.
    public var sort: String?

    public init(
        from: String? = nil, to: String? = nil, publication: String? = nil, author: String? = nil, category: String? = nil,
        tag: String? = nil, entity: String? = nil, undated: Bool? = nil, sort: String? = nil
    ) {
        self.from = from
        self.to = to
        self.publication = publication
        self.author = author
        self.category = category
        self.tag = tag
        self.entity = entity
        self.undated = undated
        self.sort = sort
    }
}
