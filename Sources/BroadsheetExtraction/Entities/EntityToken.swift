/// The strings of a document's tokens, kept apart so that an ``EntityToken`` is a plain value: copying one copies
/// a few words, with no reference counting (the recogniser copies tokens millions of times per megabyte).
///
/// The strings sit in fixed buffers (not arrays) so that reading one through an unretained reference does not
/// retain and release a buffer on every access. They are immutable once ``ShoutedLines/recase(_:lex:)`` has
/// re-cased the words of lines in capitals (right after tokenizing, before any rule reads them).
final class EntityTokenStrings: @unchecked Sendable {
    /// Per token: the token as written, with curly apostrophes straightened.
    let texts: UnsafeMutablePointer<String>
    /// Per token: lowercased text (words only; otherwise equal to the text).
    let lowers: UnsafeMutablePointer<String>
    /// The number of strings in each buffer.
    let count: Int

    /// Takes ownership of two buffers whose first `count` elements are initialised.
    init(count: Int, texts: UnsafeMutablePointer<String>, lowers: UnsafeMutablePointer<String>) {
        self.count = count
        self.texts = texts
        self.lowers = lowers
    }

    deinit {
        texts.deinitialize(count: count)
        texts.deallocate()
        lowers.deinitialize(count: count)
        lowers.deallocate()
    }

    /// Holds no strings; tokens point at it only while the tokenizer builds them.
    static let placeholder = EntityTokenStrings(count: 0, texts: .allocate(capacity: 0), lowers: .allocate(capacity: 0))
}

/// One token of a document, as the entity recogniser sees it. Offsets are UTF-16 offsets into the document text.
///
/// The token's strings live in an ``EntityTokenStrings`` that the token does not retain: whoever uses tokens keeps
/// their ``EntityTokenizer/Output`` (which owns the strings) alive, as ``EntityRecognizer/extract(_:)`` does.
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

    // Offsets, counts and indices are stored in 32 bits (documents stay far below 4 G code units), which halves
    // the token: the rules walk the token array over and over.
    private var _start: UInt32
    private var _end: UInt32
    private var _index: UInt32
    private var _length: UInt32
    private var _sentence: UInt32

    var start: Int { Int(_start) }
    var end: Int { Int(_end) }
    var kind: Kind
    /// The owner of ``text`` and ``lower`` (not retained) and this token's index there.
    unowned(unsafe) var strings: EntityTokenStrings
    var index: Int { Int(_index) }
    /// The token as written, with curly apostrophes straightened.
    var text: String { strings.texts[index] }
    /// Lowercased ``text`` (words only; otherwise equal to ``text``).
    var lower: String { strings.lowers[index] }
    /// `text.count` (characters), precomputed.
    var length: Int { Int(_length) }
    /// The first UTF-16 code unit of the token in the document.
    var unit: UInt16
    /// Whether ``text`` is exactly the token's code units, all ASCII (so its bytes are known without reading it).
    var isPlainASCII: Bool
    /// Whether ``text`` contains an ASCII capital letter (A–Z).
    var hasASCIIUpper: Bool
    /// Whether ``text`` contains a straight apostrophe (curly ones are straightened in words).
    var hasApostrophe: Bool
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
    var sentence: Int { Int(_sentence) }
    /// The first word of its sentence (after any opening quotes or brackets).
    var isSentenceInitial: Bool
    /// The word lists ``lower`` and ``text`` belong to.
    var classes: WordClasses

    init(
        start: Int, end: Int, kind: Kind, strings: EntityTokenStrings, index: Int, length: Int, unit: UInt16,
        isPlainASCII: Bool, hasASCIIUpper: Bool, hasApostrophe: Bool, separator: Separator, isCapitalized: Bool,
        isAllCaps: Bool, sentence: Int, isSentenceInitial: Bool, classes: WordClasses
    ) {
        _start = UInt32(start)
        _end = UInt32(end)
        self.kind = kind
        self.strings = strings
        _index = UInt32(index)
        _length = UInt32(length)
        self.unit = unit
        self.isPlainASCII = isPlainASCII
        self.hasASCIIUpper = hasASCIIUpper
        self.hasApostrophe = hasApostrophe
        self.separator = separator
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        _sentence = UInt32(sentence)
        self.isSentenceInitial = isSentenceInitial
        self.classes = classes
    }

    /// The first UTF-8 byte of ``text`` and its UTF-8 length (nil when empty).
    @inline(__always)
    var textFirstByteAndCount: (first: UInt8, count: Int)? {
        if isPlainASCII { return end > start ? (UInt8(truncatingIfNeeded: unit), end - start) : nil }
        let s = text
        guard let f = s.utf8.first else { return nil }
        return (f, s.utf8.count)
    }

    /// The first UTF-8 byte of ``lower`` and its UTF-8 length (nil when empty).
    @inline(__always)
    var lowerFirstByteAndCount: (first: UInt8, count: Int)? {
        if isPlainASCII, kind == .word || kind == .number || kind == .punct {
            guard end > start else { return nil }
            // Words are lowercased byte by byte when ASCII; other kinds keep their text.
            let u = UInt8(truncatingIfNeeded: unit)
            return (kind == .word && u >= 65 && u <= 90 ? u + 32 : u, end - start)
        }
        let s = lower
        guard let f = s.utf8.first else { return nil }
        return (f, s.utf8.count)
    }

    var spaceBefore: Bool { separator == .space }
    var hyphenBefore: Bool { separator == .hyphen }
    var isWord: Bool { kind == .word }

    /// Whether this is the punctuation token `c`; the same as `text == String(c)` without building a string.
    /// (A punctuation token is one scalar; ";" also equals its canonical twin U+037E, as `String` comparison does.)
    @inline(__always)
    func isPunct(_ c: Unicode.Scalar) -> Bool {
        kind == .punct && (UInt32(unit) == c.value || (c == ";" && unit == 0x37E))
    }
}
