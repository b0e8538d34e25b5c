public import BroadsheetCore

/// Where a document stands in the order an ``EntityCatalog`` follows: the first document in it names
/// an entity ("first seen"), and mentions and document lists follow it.
///
/// Two orders exist: a position in a given list (``position(_:)``, for catalogs built at once), and
/// the order a corpus serves its documents in (``served(_:)``: newest first, then by title, then by
/// id, undated last), which stays the same when documents come and go.
public struct DocumentRank: Sendable, Hashable, Comparable {
    /// Position, or the negated date for the served order (undated: `Int.max`).
    var major: Int
    var title: String
    var id: String

    /// The `index`th document of a list.
    public static func position(_ index: Int) -> DocumentRank { DocumentRank(major: index, title: "", id: "") }

    /// A document in served order: newest first, then by title, then by id; undated documents last.
    public static func served(_ document: Document) -> DocumentRank {
        let major = document.publishedAt.map { -($0.year * 10_000 + $0.month * 100 + $0.day) } ?? Int.max
        return DocumentRank(major: major, title: document.title, id: document.id)
    }

    public static func < (a: DocumentRank, b: DocumentRank) -> Bool { (a.major, a.title, a.id) < (b.major, b.title, b.id) }
}
