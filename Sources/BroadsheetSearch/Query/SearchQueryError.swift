/// Why a search query was rejected. ``message`` names the problem in words a user can act on;
/// the API maps every case to a 400 problem response.
public struct SearchQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of query problems.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The query is empty or only whitespace.
        case empty = "empty-query"
        /// The query is longer than ``SearchQuery/maximumLength`` characters.
        case tooLong = "query-too-long"
        /// A `"` has no closing partner.
        case unbalancedQuote = "unbalanced-quote"
        /// A `(` or `)` has no partner.
        case unbalancedParenthesis = "unbalanced-parenthesis"
        /// `OR`, `-` or `*` with nothing to apply to (`OR cats`, `cats -`, `*`).
        case danglingOperator = "dangling-operator"
        /// `field:value` with a field other than `entity`, `document`, `from`, `to`.
        case unknownFilter = "unknown-filter"
        /// A filter with an empty or malformed value.
        case invalidFilterValue = "invalid-filter-value"
        /// `from:`/`to:` with a value that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `from` after `to`.
        case invalidDate = "invalid-date"
        /// Only excluded terms (`-cats`): there is nothing to exclude them from.
        case onlyNegative = "only-negative"
        /// The query holds no searchable word (only punctuation).
        case noSearchableTerms = "no-searchable-terms"
        /// `entity:<id>` names an entity the caller does not know (or entity filtering is unavailable).
        case unknownEntity = "unknown-entity"
    }

    public var kind: Kind
    /// A human-readable explanation naming the offending part of the query.
    public var message: String
    /// The offending value when there is one (the id of an unknown entity).
    public var value: String?

    public init(_ kind: Kind, _ message: String, value: String? = nil) {
        self.kind = kind
        self.message = message
        self.value = value
    }

    public var description: String { message }
}
