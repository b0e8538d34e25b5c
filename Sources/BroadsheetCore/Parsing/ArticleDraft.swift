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
    var dek: String?
    var blocks: [Block] = []
    var format: ArticleFormat
    /// Whether the first paragraph may be taken as the dek when no dek was found (text formats only).
    var inferDek = false

    init(format: ArticleFormat) { self.format = format }
}
