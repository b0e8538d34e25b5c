/// One token of a document, as the entity recogniser sees it. Offsets are UTF-16 offsets into the document text.
struct EntityToken: Sendable {
    enum Kind: UInt8, Sendable {
        /// Letters (and digits, inner apostrophes); an acronym with dots ("U.S.") is one word.
        case word
        /// Digits with inner `,` or `.` ("600,000", "9.9").
        case number
        /// A possessive ending (`’s`, `'s`, or a bare `’` after a plural): never part of a name.
        case possessive
        /// Any other single character that is not white space.
        case punct
    }

    var start: Int
    var end: Int
    var kind: Kind
    /// The token as written, with curly apostrophes straightened.
    var text: String
    /// Lowercased ``text`` (words only; otherwise equal to ``text``).
    var lower: String
    /// How a token is joined to the previous one.
    enum Separator: UInt8, Sendable {
        case none, space, hyphen
        /// As written in a lookup key: `""`, `" "` or `"-"`.
        var string: String {
            switch self {
            case .none: ""
            case .space: " "
            case .hyphen: "-"
            }
        }
    }

    /// Separator from the previous token: white space, a joining hyphen, or nothing.
    var separator: Separator
    var isCapitalized: Bool
    var isAllCaps: Bool
    /// Index into ``BroadsheetCore/Document/sentences``.
    var sentence: Int
    /// The first word of its sentence (after any opening quotes or brackets).
    var isSentenceInitial: Bool

    var spaceBefore: Bool { separator == .space }
    var hyphenBefore: Bool { separator == .hyphen }
    var isWord: Bool { kind == .word }
}
