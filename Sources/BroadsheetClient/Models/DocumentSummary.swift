/// One entry of `GET /v1/documents`. Only `id` and `title` are required, so a test can see which
/// of the other members the server sent.
public struct DocumentSummary: Decodable, Sendable, Hashable {
    /// The stable document identifier.
    public var id: String
    /// The headline.
    public var title: String
    /// The by-line names.
    public var authors: [String]?
    /// The outlet, when known.
    public var publication: String?
    /// The publication date as sent (e.g. `2024-03-01`).
    public var publishedAt: String?
    /// The number of words.
    public var wordCount: Int?
    /// The number of paragraphs.
    public var paragraphCount: Int?
    /// The detected article format.
    public var format: String?
    /// The source file name.
    public var source: String?
}
