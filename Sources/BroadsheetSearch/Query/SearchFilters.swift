public import BroadsheetCore

/// Restrictions on which paragraphs may match, from `field:value` query terms or from request parameters.
///
/// - ``entities``: every listed entity must be mentioned in the paragraph (AND); resolved through
///   ``SearchFilterContext/entityParagraphs``.
/// - ``documents``: the paragraph belongs to one of the listed documents (OR).
/// - ``from`` / ``to``: inclusive date range. A paragraph passes if its document's publication date is
///   in range, or if any date the caller supplies for that paragraph
///   (``SearchFilterContext/paragraphDates``, e.g. dates of events told in it) is in range. A paragraph
///   with no date at all does not pass a date filter.
public struct SearchFilters: Sendable, Hashable {
    public var entities: [String]
    public var documents: [String]
    public var from: CivilDate?
    public var to: CivilDate?

    public init(entities: [String] = [], documents: [String] = [], from: CivilDate? = nil, to: CivilDate? = nil) {
        self.entities = entities
        self.documents = documents
        self.from = from
        self.to = to
    }

    /// True when no filter is set.
    public var isEmpty: Bool { entities.isEmpty && documents.isEmpty && from == nil && to == nil }

    /// Adds the other filters' restrictions to these (entities and documents are appended; the date
    /// range becomes the intersection).
    public mutating func merge(_ other: SearchFilters) {
        entities += other.entities.filter { !entities.contains($0) }
        documents += other.documents.filter { !documents.contains($0) }
        if let f = other.from { from = from.map { max($0, f) } ?? f }
        if let t = other.to { to = to.map { min($0, t) } ?? t }
    }

    /// Parses a filter date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A partial date means its first day
    /// (`end == false`, for `from`) or its last day (`end == true`, for `to`).
    ///
    /// - Throws: ``SearchQueryError/Kind/invalidDate`` naming the value.
    public static func date(_ text: String, end: Bool) throws(SearchQueryError) -> CivilDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func bad() -> SearchQueryError {
            SearchQueryError(.invalidDate, "'\(text)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { throw bad() }
        let year = Int(parts[0])!
        let month = parts.count > 1 ? Int(parts[1])! : (end ? 12 : 1)
        guard (1...12).contains(month), year >= 1 else { throw bad() }
        let day = parts.count > 2 ? Int(parts[2])! : (end ? CivilDate.daysIn(month: month, year: year) : 1)
        guard let date = CivilDate(year: year, month: month, day: day) else { throw bad() }
        return date
    }
}
