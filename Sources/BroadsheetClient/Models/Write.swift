/// An article to write with ``BroadsheetClient/createDocument(_:key:wait:)``: the fields of `POST /v1/documents`.
public struct ArticleInput: Encodable, Sendable, Hashable {
    public var id: String?
    public var title: String
    public var body: String
    public var dek: String?
    public var authors: [String]?
    public var publication: String?
    /// `YYYY-MM-DD`.
    public var publishedAt: String?
    public var url: String?
    public var category: String?
    public var tags: [String]?

    public init(
        id: String? = nil, title: String, body: String, dek: String? = nil, authors: [String]? = nil,
        publication: String? = nil, publishedAt: String? = nil, url: String? = nil, category: String? = nil,
        tags: [String]? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.dek = dek
        self.authors = authors
        self.publication = publication
        self.publishedAt = publishedAt
        self.url = url
        self.category = category
        self.tags = tags
    }
}

/// The answer to a single-article write.
public struct WriteResult: Decodable, Sendable, Hashable {
    public var id: String
    /// `created`, `replaced` or `unchanged`.
    public var status: String
    /// The corpus generation that serves the article.
    public var generation: UInt64
    /// Whether the article was served when the answer was sent.
    public var visible: Bool
}

/// One line of the answer to an NDJSON write.
public struct WriteLine: Decodable, Sendable, Hashable {
    public var line: Int
    public var id: String?
    /// `created`, `replaced`, `unchanged`, `conflict` or `rejected`.
    public var status: String
    public var problem: ProblemBody?
}
