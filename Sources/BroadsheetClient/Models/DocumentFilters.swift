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
