import BroadsheetCore

/// Splits a document's text into ``EntityToken``s in one pass over its UTF-16 code units.
///
/// Rules: letters and digits form words; an inner apostrophe followed by a letter stays in the word ("O'Brien",
/// "don't") except the possessive `’s`, which becomes its own ``EntityToken/Kind/possessive`` token; an inner
/// hyphen splits words but is recorded as the next token's separator; single letters joined by dots ("U.S.",
/// "U.K.") form one word; numbers keep inner `,` and `.` ("600,000", "9.9").
struct EntityTokenizer {
    /// The tokens, plus document-level word statistics used to judge sentence-initial capitals.
    struct Output {
        var tokens: [EntityToken]
        /// Lowercased forms of words written in lower case somewhere in the document.
        var lowercaseWords: WordSet
        /// Capitalised words seen somewhere other than the start of a sentence (only those that also start a sentence).
        var capitalizedNonInitial: WordSet
        /// The document text as UTF-16 code units.
        var units: [UInt16]
        /// The tokens' strings: keep this output alive while the tokens are used.
        var strings: EntityTokenStrings
    }

    /// A string from UTF-16 code units, with a fast path for ASCII (optionally lowercased).
    @inline(__always)
    static func string(_ units: [UInt16], _ a: Int, _ b: Int, lowercase: Bool, isASCII: Bool? = nil) -> String {
        var ascii = true
        if let isASCII {
            ascii = isASCII
        } else {
            var p = a
            while p < b { if units[p] >= 0x80 { ascii = false; break }; p += 1 }
        }
        if ascii {
            return String(unsafeUninitializedCapacity: b - a) { buf in
                for k in 0..<(b - a) {
                    var c = UInt8(truncatingIfNeeded: units[a + k])
                    if lowercase && c >= 65 && c <= 90 { c += 32 }
                    buf[k] = c
                }
                return b - a
            }
        }
        let s = bmpString(units, a, b, straighteningApostrophes: false) ?? String(decoding: units[a..<b], as: UTF16.self)
        return lowercase ? s.lowercased() : s
    }

    /// The string of code units `a..<b` when none is a surrogate (nil otherwise), transcoded to UTF-8 directly:
    /// the same string as `String(decoding:as: UTF16.self)` without the generic transcoding machinery. With
    /// `straighteningApostrophes`, every U+2019 becomes `'`.
    @inline(__always)
    static func bmpString(_ units: [UInt16], _ a: Int, _ b: Int, straighteningApostrophes: Bool) -> String? {
        var length = 0
        for p in a..<b {
            let u = units[p]
            if u < 0x80 { length += 1 } else if u < 0x800 { length += 2 } else if u >= 0xD800 && u <= 0xDFFF { return nil } else { length += 3 }
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var o = 0
            for p in a..<b {
                var u = units[p]
                if straighteningApostrophes && u == 0x2019 { u = 39 }
                if u < 0x80 {
                    out[o] = UInt8(truncatingIfNeeded: u)
                    o += 1
                } else if u < 0x800 {
                    out[o] = UInt8(truncatingIfNeeded: 0xC0 | (u >> 6))
                    out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
                    o += 2
                } else {
                    out[o] = UInt8(truncatingIfNeeded: 0xE0 | (u >> 12))
                    out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((u >> 6) & 0x3F))
                    out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
                    o += 3
                }
            }
            return o
        }
    }

    /// The UTF-16 code units of `text`, transcoded from its UTF-8 bytes in one pass. (`Array(text.utf16)` first
    /// measures the UTF-16 length of non-ASCII text, which builds an index of the whole string.)
    static func utf16Units(_ text: String) -> [UInt16] {
        text.withUTF8Bytes { bytes in
            [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                let n = bytes.count
                var i = 0
                var o = 0
                // Native strings hold valid UTF-8; UTF-16 never needs more units than UTF-8 has bytes.
                while i < n {
                    let b0 = UInt32(bytes[i])
                    if b0 < 0x80 { out[o] = UInt16(b0); i += 1; o += 1; continue }
                    let scalar: UInt32
                    if b0 < 0xE0 {
                        scalar = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        scalar = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        scalar = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    if scalar < 0x10000 {
                        out[o] = UInt16(scalar)
                        o += 1
                    } else {
                        let v = scalar - 0x10000
                        out[o] = UInt16(0xD800 + (v >> 10))
                        out[o + 1] = UInt16(0xDC00 + (v & 0x3FF))
                        o += 2
                    }
                }
                count = o
            }
        }
    }

    /// Tokenizes `document`, looking every token up once in `wordClasses` (``EntityLexicons/wordClasses``).
    static func tokenize(_ document: Document, wordClasses: WordMap<UInt64>) -> Output {
        let units = utf16Units(document.text)
        let n = units.count
        var tokens: [EntityToken] = []
        // News prose has about one token per four or five code units; growing the array would copy it.
        tokens.reserveCapacity(n / 3 + 16)
        // Every token covers at least one code unit, so `n` strings is enough.
        let texts = UnsafeMutablePointer<String>.allocate(capacity: n)
        let lowers = UnsafeMutablePointer<String>.allocate(capacity: n)
        var lowercaseWords = WordSet()
        var capitalizedNonInitial = WordSet()

        let sentences = document.sentences
        var sentenceIdx = 0
        var sentenceStartPending = true

        var i = 0
        var separator = EntityToken.Separator.none
        var sawSpace = true

        @inline(__always) func scalar(at p: Int) -> (Unicode.Scalar, Int) {
            let u = units[p]
            if u < 0xD800 || u > 0xDFFF { return (Unicode.Scalar(u)!, 1) }
            if u <= 0xDBFF, p + 1 < n, units[p + 1] >= 0xDC00, units[p + 1] <= 0xDFFF {
                let v = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[p + 1]) - 0xDC00)
                return (Unicode.Scalar(v) ?? "?", 2)
            }
            return ("?", 1)
        }
        @inline(__always) func isLetter(_ p: Int) -> Bool {
            guard p < n else { return false }
            let u = units[p]
            if u < 0x80 { return (u >= 65 && u <= 90) || (u >= 97 && u <= 122) }
            let (s, _) = scalar(at: p)
            return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
        }
        @inline(__always) func isDigit(_ p: Int) -> Bool { p < n && units[p] >= 48 && units[p] <= 57 }
        @inline(__always) func isUpper(_ p: Int) -> Bool {
            let u = units[p]
            if u < 0x80 { return u >= 65 && u <= 90 }
            return scalar(at: p).0.properties.isUppercase
        }
        @inline(__always) func isApostrophe(_ u: UInt16) -> Bool { u == 39 || u == 0x2019 }

        func emit(_ start: Int, _ end: Int, _ kind: EntityToken.Kind) {
            // Sentence bookkeeping.
            while sentenceIdx < sentences.count && sentences[sentenceIdx].span.end <= start {
                sentenceIdx += 1
                sentenceStartPending = true
            }
            let sIndex = min(sentenceIdx, max(0, sentences.count - 1))
            if sentenceIdx < sentences.count && start < sentences[sentenceIdx].span.start { sentenceStartPending = true }
            var ascii = true
            var hasUpper = false
            var hasApostrophe = false
            // Every U+2019 stands between ASCII units (or at an edge), so each is a character of its own.
            var curlyApostrophesAlone = true
            for p in start..<end {
                let u = units[p]
                if u >= 0x80 {
                    ascii = false
                    if u == 0x2019 {
                        hasApostrophe = true
                        if (p > start && units[p - 1] >= 0x80) || (p + 1 < end && units[p + 1] >= 0x80) { curlyApostrophesAlone = false }
                    }
                }
                else if u >= 65 && u <= 90 { hasUpper = true }
                else if u == 39 { hasApostrophe = true }
            }
            var text: String
            var straightened = false
            if kind == .word, !ascii, hasApostrophe, curlyApostrophesAlone,
                let s = Self.bmpString(units, start, end, straighteningApostrophes: true)
            {
                // `replacing("\u{2019}", with: "'")` below, done while transcoding (each one is a whole character).
                text = s
                straightened = true
            } else {
                text = Self.string(units, start, end, lowercase: false, isASCII: ascii)
            }
            var initial = false
            var cap = false
            var allCaps = false
            var lower = text
            if kind == .word {
                if !ascii, !straightened, text.utf8.contains(0xE2) { text = text.replacing("\u{2019}", with: "'") }
                initial = sentenceStartPending
                if let prev = tokens.last, prev.kind == .punct, prev.end == start || prev.isPunct(":"),
                    prev.isPunct("\u{201C}") || prev.isPunct("\u{2018}") || prev.isPunct("\"") || prev.isPunct(":")
                {
                    initial = true
                }
                sentenceStartPending = false
                cap = isUpper(start)
                if cap {
                    allCaps = true
                    var p = start
                    while p < end {
                        let u = units[p]
                        if u < 0x80 { if u >= 97 && u <= 122 { allCaps = false; break } } else if !isUpper(p) && isLetter(p) { allCaps = false; break }
                        p += 1
                    }
                }
                lower = cap ? Self.string(units, start, end, lowercase: true, isASCII: ascii) : text
            } else if kind == .number {
                sentenceStartPending = false
            } else if kind == .possessive {
                text = "'s"
                lower = text
            }
            let classes = WordClasses.of(lower: lower, text: text, sameText: kind != .word || !cap, in: wordClasses)
            (texts + tokens.count).initialize(to: text)
            (lowers + tokens.count).initialize(to: lower)
            tokens.append(EntityToken(
                start: start, end: end, kind: kind, strings: .placeholder, index: tokens.count,
                length: ascii && kind != .possessive ? end - start : text.count, unit: units[start],
                isPlainASCII: ascii && kind != .possessive, hasASCIIUpper: hasUpper, hasApostrophe: kind == .word ? hasApostrophe : text.utf8.contains(39), separator: separator,
                isCapitalized: cap, isAllCaps: allCaps, sentence: sIndex, isSentenceInitial: initial, classes: classes))
            separator = .none
            sawSpace = false
        }

        while i < n {
            let u = units[i]
            // White space.
            if u == 32 || u == 10 || u == 9 || u == 13 || u == 0xA0 || u == 0x2009 || u == 0x202F {
                separator = .space
                sawSpace = true
                i += 1
                continue
            }
            if isLetter(i) {
                let start = i
                // Dotted acronym: L.L. or L.L.L. (single letters each followed by a dot).
                if i + 3 < n, units[i + 1] == 46, isLetter(i + 2), units[i + 3] == 46, !isLetter(i + 4) || (i + 4 < n && units[i + 4] == 46) {
                    var p = i
                    while p + 1 < n, isLetter(p), !isLetter(p + 1), units[p + 1] == 46 { p += 2 }
                    emit(start, p, .word)
                    i = p
                    continue
                }
                var p = i
                while p < n {
                    let u = units[p]
                    if u < 0x80 {
                        // ASCII letters and digits are one unit each.
                        if (u >= 97 && u <= 122) || (u >= 65 && u <= 90) || (u >= 48 && u <= 57) { p += 1; continue }
                    } else if isLetter(p) {
                        p += scalar(at: p).1
                        continue
                    }
                    if isApostrophe(units[p]), isLetter(p + 1) {
                        // Possessive 's: apostrophe + s + non-letter ends the word.
                        if (units[p + 1] == 115 || units[p + 1] == 83) && !isLetter(p + 2) { break }
                        p += 1
                        continue
                    }
                    break
                }
                emit(start, p, .word)
                i = p
                if i < n, units[i] == 45 || units[i] == 0x2010, i + 1 < n, isLetter(i + 1) || isDigit(i + 1) {
                    i += 1
                    separator = .hyphen
                }
                continue
            }
            if isDigit(i) {
                let start = i
                var p = i
                while p < n {
                    if isDigit(p) { p += 1; continue }
                    if (units[p] == 44 || units[p] == 46), isDigit(p + 1) { p += 1; continue }
                    break
                }
                emit(start, p, .number)
                i = p
                if i < n, units[i] == 45 || units[i] == 0x2010, i + 1 < n, isLetter(i + 1) || isDigit(i + 1) {
                    i += 1
                    separator = .hyphen
                }
                continue
            }
            if isApostrophe(u) {
                // Possessive after a word (or after an abbreviation's dot): 's, or a bare ’ after a plural.
                if let last = tokens.last, last.end == i, last.kind == .word || last.isPunct(".") {
                    if i + 1 < n, units[i + 1] == 115 || units[i + 1] == 83, !isLetter(i + 2) {
                        emit(i, i + 2, .possessive)
                        i += 2
                        continue
                    }
                    if last.kind == .word, texts[tokens.count - 1].hasSuffix("s"), !isLetter(i + 1) {
                        emit(i, i + 1, .possessive)
                        i += 1
                        continue
                    }
                }
            }
            let w = scalar(at: i).1
            emit(i, i + w, .punct)
            i += w
        }
        _ = sawSpace
        let strings = EntityTokenStrings(count: tokens.count, texts: texts, lowers: lowers)
        for k in tokens.indices { tokens[k].strings = strings }
        // Lowercase forms of sentence-initial words that also occur in lower case. A (first byte, length) bitmap
        // keeps the set lookups to the few words that could match.
        var initialLowers = WordSet()
        var bitmap = [Bool](repeating: false, count: 256 * 32)
        for t in tokens where t.isSentenceInitial && t.isCapitalized {
            initialLowers.insert(t.lower)
            if let (f, c) = t.lowerFirstByteAndCount { bitmap[Int(f) * 32 + min(31, c)] = true }
        }
        for t in tokens where t.kind == .word {
            guard let (f, c) = t.lowerFirstByteAndCount, bitmap[Int(f) * 32 + min(31, c)] else { continue }
            if !t.isCapitalized {
                if initialLowers.contains(t.lower) { lowercaseWords.insert(t.lower) }
            } else if !t.isSentenceInitial, initialLowers.contains(t.lower) {
                // Only sentence-initial words are ever looked up in this set.
                capitalizedNonInitial.insert(t.text)
            }
        }
        return withExtendedLifetime(strings) {
            Output(tokens: tokens, lowercaseWords: lowercaseWords, capitalizedNonInitial: capitalizedNonInitial, units: units, strings: strings)
        }
    }
}
