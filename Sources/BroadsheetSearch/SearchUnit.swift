/// What one search hit is.
public enum SearchUnit: String, Sendable, Hashable, CaseIterable, Codable {
    /// An article: it matches when the query is satisfied anywhere in its title, dek and paragraphs
    /// (a phrase within one of them); ranked by BM25 over the article (text + boosted title), shown by
    /// its best passages.
    case article
    /// One paragraph: every required word in that paragraph; ranked by BM25 over paragraphs.
    case paragraph
}
