/// A parsed search query: a tree of word conditions plus field filters.
///
/// ## Query language
///
/// | Syntax | Meaning |
/// |---|---|
/// | `nord stream` | every term is required (AND) |
/// | `pipeline OR gas` | either term; `OR` (upper case) binds tighter than the implicit AND: `a b OR c` = `a AND (b OR c)` |
/// | `(gas OR oil) prices` | parentheses group |
/// | `"nord stream 2"` | exact phrase: the words in this order, adjacent |
/// | `-sanctions`, `-"white house"` | exclude paragraphs containing the term or phrase |
/// | `dmitr*` | prefix: any word starting with `dmitr` (at most 50 expansions, most frequent first) |
/// | `entity:<id>` | only paragraphs that mention the entity (repeat for AND) |
/// | `document:<id>` | only paragraphs of that document (repeat for OR) |
/// | `from:2025`, `from:2025-11`, `to:2025-11-29` | publication (or event) date range, inclusive |
///
/// Words are analysed as the documents are (case and diacritics folded, possessive `'s` dropped,
/// English stemming), so `Sanctioned` finds `sanctions`. A hyphenated word (`son-in-law`) searches as
/// the phrase of its parts. A word of 5–8 letters with no exact match also matches words one typo
/// away (Damerau–Levenshtein: a transposition is one typo; a typo on the first letter counts as two),
/// a word of 9+ letters two typos away; the corrections used are reported.
/// `AND` is accepted and ignored. Queries longer than ``maximumLength`` characters are rejected.
public struct SearchQuery: Sendable, Hashable {
    /// Longest accepted query, in characters: 512.
    public static let maximumLength = 512

    /// A node of the query tree.
    public indirect enum Node: Sendable, Hashable {
        /// A word as typed (analysed at search time).
        case term(String)
        /// A word prefix as typed, without the `*`.
        case prefix(String)
        /// A phrase's text as typed, without quotes.
        case phrase(String)
        /// All children must match (``not`` children must not).
        case all([Node])
        /// At least one child must match.
        case any([Node])
        /// Exclusion; only valid as a child of ``all``.
        case not(Node)
    }

    /// The word conditions, or `nil` for a filter-only query.
    public var root: Node?
    public var filters: SearchFilters

    public init(root: Node?, filters: SearchFilters = SearchFilters()) {
        self.root = root
        self.filters = filters
    }

    /// Parses the query language above.
    ///
    /// - Throws: ``SearchQueryError`` naming the problem (empty, too long, unbalanced quote or
    ///   parenthesis, dangling operator, unknown filter, bad date, only excluded terms).
    public init(parsing text: String) throws(SearchQueryError) {
        // A query of at most that many UTF-8 bytes has at most that many characters.
        if text.utf8.count > Self.maximumLength && text.count > Self.maximumLength {
            throw SearchQueryError(.tooLong, "query is \(text.count) characters long; the limit is \(Self.maximumLength)")
        }
        if text.unicodeScalars.allSatisfy(QueryLexer.isSpace) { throw SearchQueryError(.empty, "query is empty") }
        var parser = QueryParser(tokens: try QueryLexer.lex(text))
        let parsed = try parser.parseTop()
        self.init(root: parsed.root, filters: parsed.filters)
        if let root, !Self.hasPositive(root), filters.isEmpty {
            throw SearchQueryError(.onlyNegative, "query only excludes terms; add a term or a filter to search for")
        }
    }

    static func hasPositive(_ node: Node) -> Bool {
        switch node {
        case .term, .prefix, .phrase: return true
        case .not: return false
        case .all(let c), .any(let c): return c.contains(where: hasPositive)
        }
    }
}

/// Lexical tokens of the query language.
enum QueryToken: Equatable {
    case word(String)
    case phrase(String)
    case filter(field: String, value: String)
    case or
    case minus
    case open
    case close
}

/// Splits a query into ``QueryToken``s. Every syntax character is a single Unicode scalar, so the
/// text is read as scalars (no grapheme breaking) and tokens are sliced from it.
enum QueryLexer {
    static func lex(_ text: String) throws(SearchQueryError) -> [QueryToken] {
        var out: [QueryToken] = []
        let chars = text.unicodeScalars
        func string(_ range: Range<String.Index>) -> String { String(chars[range]) }
        /// 1-based position in characters (as users count them) of the scalar at `i`, for messages.
        func place(_ i: String.Index) -> Int { text[..<i].count + 1 }
        var previous: Unicode.Scalar? = nil
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            let after = chars.index(after: i)
            defer { previous = c }
            if isSpace(c) {
                i = after
            } else if isQuote(c) {
                guard let j = chars[after...].firstIndex(where: isQuote) else {
                    throw SearchQueryError(.unbalancedQuote, "the quote opened at character \(place(i)) is not closed")
                }
                out.append(.phrase(string(after..<j)))
                i = chars.index(after: j)
            } else if c == "(" {
                out.append(.open)
                i = after
            } else if c == ")" {
                out.append(.close)
                i = after
            } else if c == "-" && (out.isEmpty || previous.map { isSpace($0) || $0 == "(" } ?? true) {
                if after == chars.endIndex || isSpace(chars[after]) {
                    throw SearchQueryError(.danglingOperator, "'-' at character \(place(i)) excludes nothing; write -word or -\"a phrase\"")
                }
                out.append(.minus)
                i = after
            } else {
                let j = chars[i...].firstIndex { isSpace($0) || isQuote($0) || $0 == "(" || $0 == ")" } ?? chars.endIndex
                let word = string(i..<j)
                if word == "OR" {
                    out.append(.or)
                } else if word == "AND" {
                    // accepted and ignored
                } else if let colon = chars[i..<j].firstIndex(of: ":"), colon > i,
                    chars[i..<colon].allSatisfy({ $0.isASCII && $0.properties.isAlphabetic })
                {
                    let field = string(i..<colon).lowercased()
                    let value = string(chars.index(after: colon)..<j)
                    guard ["entity", "document", "from", "to"].contains(field) else {
                        throw SearchQueryError(.unknownFilter, "unknown filter '\(string(i..<colon)):'; use entity:, document:, from: or to:")
                    }
                    guard !value.isEmpty else {
                        throw SearchQueryError(.invalidFilterValue, "filter '\(field):' needs a value")
                    }
                    out.append(.filter(field: field, value: value))
                } else {
                    out.append(.word(word))
                }
                i = j
            }
        }
        return out
    }

    /// Unicode white space (what `Character.isWhitespace` accepts), ASCII first.
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D)) : c.properties.isWhitespace
    }

    /// A straight or curly double quote.
    @inline(__always)
    static func isQuote(_ c: Unicode.Scalar) -> Bool { c == "\"" || c == "\u{201C}" || c == "\u{201D}" }
}

/// Recursive-descent parser over ``QueryToken``s:
/// `query := sequence; sequence := disjunction*; disjunction := unary ('OR' unary)*;
/// unary := '-' primary | primary; primary := '(' sequence ')' | phrase | word | word*`.
struct QueryParser {
    let tokens: [QueryToken]
    var i = 0
    var filters = SearchFilters()

    init(tokens: [QueryToken]) { self.tokens = tokens }

    mutating func parseTop() throws(SearchQueryError) -> (root: SearchQuery.Node?, filters: SearchFilters) {
        let nodes = try parseSequence(depth: 0)
        if i < tokens.count {
            throw SearchQueryError(.unbalancedParenthesis, "')' has no matching '('")
        }
        if let from = filters.from, let to = filters.to, from > to {
            throw SearchQueryError(.invalidDate, "from:\(from) is after to:\(to)")
        }
        if nodes.isEmpty && filters.isEmpty { throw SearchQueryError(.empty, "query is empty") }
        let root: SearchQuery.Node? = nodes.isEmpty ? nil : (nodes.count == 1 && !isNot(nodes[0]) ? nodes[0] : .all(nodes))
        return (root, filters)
    }

    func isNot(_ n: SearchQuery.Node) -> Bool {
        if case .not = n { return true }
        return false
    }

    mutating func parseSequence(depth: Int) throws(SearchQueryError) -> [SearchQuery.Node] {
        var nodes: [SearchQuery.Node] = []
        while i < tokens.count {
            switch tokens[i] {
            case .close:
                if depth == 0 { throw SearchQueryError(.unbalancedParenthesis, "')' has no matching '('") }
                return nodes
            case .or:
                throw SearchQueryError(.danglingOperator, "OR needs a term on both sides")
            case .filter(let field, let value):
                i += 1
                try addFilter(field, value)
            default:
                if let node = try parseDisjunction(depth: depth) { nodes.append(node) }
            }
        }
        return nodes
    }

    mutating func addFilter(_ field: String, _ value: String) throws(SearchQueryError) {
        switch field {
        case "entity": filters.entities.append(value)
        case "document": filters.documents.append(value)
        case "from":
            let d = try SearchFilters.date(value, end: false)
            filters.from = filters.from.map { max($0, d) } ?? d
        default:
            let d = try SearchFilters.date(value, end: true)
            filters.to = filters.to.map { min($0, d) } ?? d
        }
    }

    mutating func parseDisjunction(depth: Int) throws(SearchQueryError) -> SearchQuery.Node? {
        var alternatives: [SearchQuery.Node] = []
        guard let first = try parseUnary(depth: depth) else { return nil }
        alternatives.append(first)
        while i < tokens.count, tokens[i] == .or {
            i += 1
            guard i < tokens.count, tokens[i] != .close, tokens[i] != .or else {
                throw SearchQueryError(.danglingOperator, "OR needs a term on both sides")
            }
            if case .filter = tokens[i] {
                throw SearchQueryError(.danglingOperator, "OR cannot join a filter; filters always apply")
            }
            guard let next = try parseUnary(depth: depth) else {
                throw SearchQueryError(.danglingOperator, "OR needs a term on both sides")
            }
            alternatives.append(next)
        }
        if alternatives.count == 1 { return first }
        if alternatives.contains(where: isNot) {
            throw SearchQueryError(.onlyNegative, "an excluded term cannot be an OR alternative")
        }
        return .any(alternatives)
    }

    mutating func parseUnary(depth: Int) throws(SearchQueryError) -> SearchQuery.Node? {
        if tokens[i] == .minus {
            i += 1
            guard i < tokens.count, tokens[i] != .or, tokens[i] != .close, tokens[i] != .minus else {
                throw SearchQueryError(.danglingOperator, "'-' excludes nothing; write -word or -\"a phrase\"")
            }
            if case .filter = tokens[i] {
                throw SearchQueryError(.invalidFilterValue, "filters cannot be excluded with '-'")
            }
            guard let inner = try parsePrimary(depth: depth) else {
                throw SearchQueryError(.danglingOperator, "'-' excludes nothing")
            }
            return .not(inner)
        }
        return try parsePrimary(depth: depth)
    }

    mutating func parsePrimary(depth: Int) throws(SearchQueryError) -> SearchQuery.Node? {
        let t = tokens[i]
        i += 1
        switch t {
        case .open:
            let inner = try parseSequence(depth: depth + 1)
            guard i < tokens.count, tokens[i] == .close else {
                throw SearchQueryError(.unbalancedParenthesis, "'(' is not closed")
            }
            i += 1
            if inner.isEmpty { throw SearchQueryError(.danglingOperator, "empty parentheses") }
            if inner.count == 1, !isNot(inner[0]) { return inner[0] }
            if !inner.contains(where: SearchQuery.hasPositive) {
                throw SearchQueryError(.onlyNegative, "a group only excludes terms")
            }
            return .all(inner)
        case .phrase(let text):
            if text.unicodeScalars.allSatisfy(QueryLexer.isSpace) { throw SearchQueryError(.danglingOperator, "empty phrase \"\"") }
            return .phrase(text)
        case .word(let w):
            if w.hasSuffix("*") {
                let stem = String(w.dropLast())
                if stem.isEmpty || stem.hasSuffix("*") {
                    throw SearchQueryError(.danglingOperator, "'*' needs a word prefix before it, as in dmitr*")
                }
                return .prefix(stem)
            }
            return .term(w)
        case .filter(let field, let value):
            try addFilter(field, value)
            return nil
        case .close:
            throw SearchQueryError(.unbalancedParenthesis, "')' has no matching '('")
        case .or, .minus:
            throw SearchQueryError(.danglingOperator, "operator with nothing to apply to")
        }
    }
}
