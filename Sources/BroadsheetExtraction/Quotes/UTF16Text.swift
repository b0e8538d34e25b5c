/// A document's text as UTF-16 code units, with the character tests the quote extractor needs.
///
/// Every offset in Broadsheet is a UTF-16 offset, and every quotation mark is a single BMP code
/// unit, so the extractor scans code units directly.
struct UTF16Text: Sendable {
    let units: [UInt16]

    init(_ text: String) { units = Array(text.utf16) }

    var count: Int { units.count }

    subscript(_ i: Int) -> UInt16 { units[i] }

    /// The code unit at `i`, or a space outside the text (so edge tests read naturally).
    func at(_ i: Int) -> UInt16 { i >= 0 && i < units.count ? units[i] : 0x20 }

    func string(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, units.count))
        let hi = max(lo, min(end, units.count))
        return String(decoding: units[lo..<hi], as: UTF16.self)
    }

    // MARK: character classes

    static func isSpace(_ c: UInt16) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F
    }

    static func scalar(_ c: UInt16) -> Unicode.Scalar? {
        (c >= 0xD800 && c <= 0xDFFF) ? nil : Unicode.Scalar(c)
    }

    static func isLetter(_ c: UInt16) -> Bool {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        if c >= 0xD800 && c <= 0xDFFF { return true }  // astral letters: treat as word characters
        return scalar(c)?.properties.isAlphabetic ?? false
    }

    static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }

    static func isWordChar(_ c: UInt16) -> Bool { isLetter(c) || isDigit(c) }

    static func isUpper(_ c: UInt16) -> Bool {
        if c < 0x80 { return c >= 0x41 && c <= 0x5A }
        return scalar(c)?.properties.isUppercase ?? false
    }

    static func isLower(_ c: UInt16) -> Bool {
        if c < 0x80 { return c >= 0x61 && c <= 0x7A }
        return scalar(c)?.properties.isLowercase ?? false
    }

    // Quotation marks.
    static let leftDouble: UInt16 = 0x201C  // “
    static let rightDouble: UInt16 = 0x201D  // ”
    static let straightDouble: UInt16 = 0x22  // "
    static let leftSingle: UInt16 = 0x2018  // ‘
    static let rightSingle: UInt16 = 0x2019  // ’ (also the typographic apostrophe)
    static let straightSingle: UInt16 = 0x27  // '
    static let leftGuillemet: UInt16 = 0xAB  // «
    static let rightGuillemet: UInt16 = 0xBB  // »
    static let lowDouble: UInt16 = 0x201E  // „

    static func isApostrophe(_ c: UInt16) -> Bool { c == rightSingle || c == straightSingle }

    static func isDoubleMark(_ c: UInt16) -> Bool {
        c == leftDouble || c == rightDouble || c == straightDouble || c == leftGuillemet || c == rightGuillemet
            || c == lowDouble
    }

    static func isAnyMark(_ c: UInt16) -> Bool {
        isDoubleMark(c) || c == leftSingle || c == rightSingle || c == straightSingle
    }

    /// Characters after which a straight mark opens a quotation rather than closing one.
    static func isOpeningContext(_ c: UInt16) -> Bool {
        isSpace(c) || c == 0x28 || c == 0x5B || c == 0x7B || c == 0x2014 || c == 0x2013 || c == 0x2F || c == 0x3A
            || c == leftDouble || c == leftSingle || c == leftGuillemet
    }

    static func isTerminal(_ c: UInt16) -> Bool { c == 0x2E || c == 0x3F || c == 0x21 || c == 0x2026 }
}
