/// What a format-specific parser extracts before the document is assembled: metadata and an
/// ordered list of body blocks (headings and paragraphs, not yet normalised).
struct ArticleDraft: Sendable {
    /// One block of the body in reading order.
    enum Block: Sendable, Hashable {
        case heading(String)
        case paragraph(String)
    }

    var id: String?
    var title: String = ""
    var authors: [String] = []
    var publication: String?
    var publishedAt: CivilDate?
    /// Where ``publishedAt`` came from; meaningful only when it is set.
    var dateSource: DateSource = .field
    var dek: String?
    var category: String?
    var tags: [String] = []
    var url: String?
    var language: String?
    var sourceName: String?
    var blocks: [Block] = []
    var format: ArticleFormat
    /// Whether the first paragraph may be taken as the dek when no dek was found (text formats only).
    var inferDek = false

    init(format: ArticleFormat) { self.format = format }
}
