import BroadsheetCore

/// A token of a sentence, as the time tagger and the event extractor see it.
///
/// Words are maximal runs of letters and digits with inner apostrophes (`o’clock`, `don’t`), inner
/// digit separators (`1,000`, `9.9`, `3:30`); every other non-space character is a token of its own
/// (`-`, `.`, `’`, `,`), and a possessive `’s` is one token (lowercased `'s`). Offsets are UTF-16 offsets into the document text.
struct TimexToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punct }
    var text: String
    /// Lowercased, with typographic apostrophes replaced by `'`.
    var lower: String
    var start: Int
    var end: Int
    var kind: Kind
    /// Whether whitespace separates it from the previous token.
    var spaceBefore: Bool

    var isCapitalized: Bool { text.first?.isUppercase ?? false }
    var isWord: Bool { kind == .word }
    /// The integer value of an all-digit token (commas allowed: `1,000`).
    var intValue: Int? {
        guard kind == .number, !text.contains("."), !text.contains(":") else { return nil }
        let digits = text.filter { $0 != "," }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigitChar) else { return nil }
        return Int(digits)
    }
}

/// Splits text into ``TimexToken``s.
enum TimexTokenizer {
    /// Tokenizes `text`, whose first character is at UTF-16 offset `base` of the document.
    static func tokenize(_ text: Substring, base: Int) -> [TimexToken] {
        var tokens: [TimexToken] = []
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var o = base
        for s in scalars {
            offsets.append(o)
            o += s.utf16.count
        }
        offsets.append(o)
        func isAlnum(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII {
                let v = s.value
                return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
            }
            return s.properties.isAlphabetic
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
        /// A possessive `’s` at `k`: apostrophe, `s`, then no letter.
        func isPossessive(at k: Int) -> Bool {
            guard k + 1 < scalars.count, isApostrophe(scalars[k]), scalars[k + 1] == "s" || scalars[k + 1] == "S" else { return false }
            return k + 2 >= scalars.count || !scalars[k + 2].properties.isAlphabetic
        }
        var i = 0
        var space = true
        while i < scalars.count {
            let s = scalars[i]
            if s == " " || s == "\n" || s == "\t" || (!s.isASCII && s.properties.isWhitespace) {
                space = true
                i += 1
                continue
            }
            if isAlnum(s) {
                var j = i + 1
                while j < scalars.count {
                    let c = scalars[j]
                    if isAlnum(c) {
                        j += 1
                        continue
                    }
                    let next = j + 1 < scalars.count ? scalars[j + 1] : nil
                    guard let n = next else { break }
                    if isApostrophe(c), scalars[j - 1].properties.isAlphabetic, n.properties.isAlphabetic,
                        !isPossessive(at: j)
                    {
                        j += 2
                        continue
                    }
                    if (c == "," || c == "." || c == ":"), isDigit(scalars[j - 1]), isDigit(n) {
                        if c == "," {
                            // Thousands separator only: exactly three digits follow.
                            var k = j + 1
                            while k < scalars.count, isDigit(scalars[k]) { k += 1 }
                            if k - (j + 1) != 3 { break }
                        }
                        j += 2
                        continue
                    }
                    break
                }
                var str = ""
                str.unicodeScalars.append(contentsOf: scalars[i..<j])
                let kind: TimexToken.Kind = isDigit(s) ? .number : .word
                // Lowercase only what needs it (most tokens are already lowercase ASCII).
                let plain = scalars[i..<j].allSatisfy { $0.isASCII && !($0.value >= 65 && $0.value <= 90) }
                let lower = plain ? str : str.lowercased().replacingApostrophes
                tokens.append(
                    TimexToken(text: str, lower: lower, start: offsets[i], end: offsets[j], kind: kind, spaceBefore: space))
                i = j
            } else if isPossessive(at: i), i > 0, !space, isAlnum(scalars[i - 1]) {
                var str = ""
                str.unicodeScalars.append(contentsOf: scalars[i...(i + 1)])
                tokens.append(
                    TimexToken(text: str, lower: "'s", start: offsets[i], end: offsets[i + 2], kind: .punct, spaceBefore: false))
                i += 2
            } else {
                var str = ""
                str.unicodeScalars.append(s)
                let norm: String
                switch s {
                case "\u{2019}", "\u{2018}", "`": norm = "'"
                case "\u{2013}", "\u{2014}", "\u{2010}", "\u{2011}": norm = s == "\u{2014}" ? "—" : "-"
                case "\u{201C}", "\u{201D}": norm = "\""
                default: norm = str
                }
                tokens.append(
                    TimexToken(text: str, lower: norm, start: offsets[i], end: offsets[i + 1], kind: .punct, spaceBefore: space))
                i += 1
            }
            space = false
        }
        return tokens
    }
}

extension String {
    var replacingApostrophes: String {
        guard contains("\u{2019}") else { return self }
        return String(map { $0 == "\u{2019}" ? "'" : $0 })
    }
}
