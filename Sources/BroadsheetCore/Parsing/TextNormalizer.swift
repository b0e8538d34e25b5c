import Foundation

/// Text clean-up shared by every format: decoding, line splitting and inline normalisation.
enum TextNormalizer {
    /// Decoded text and, when it was not plain UTF-8, a warning saying how it was read.
    struct Decoded: Sendable, Hashable {
        var text: String
        /// For example `not valid UTF-8 (first bad byte at offset 6); read as Windows-1252`.
        var warning: String?
    }

    /// Decodes a file's bytes, rejecting binary content.
    ///
    /// - UTF-8, with or without a byte-order mark: read as is.
    /// - UTF-16 with a byte-order mark (`FF FE` little-endian, `FE FF` big-endian): decoded.
    /// - Anything else that is not valid UTF-8: its bytes outside valid UTF-8 sequences are read as
    ///   Windows-1252 (Latin-1 where Windows-1252 leaves a byte undefined), with a warning naming
    ///   the first bad byte (see ``windows1252(_:)``).
    ///
    /// - Throws: ``ArticleParseError/binary`` (NUL bytes or mostly control characters),
    ///   ``ArticleParseError/invalidEncoding(_:)`` (broken UTF-16) or ``ArticleParseError/empty``.
    static func decode(_ bytes: [UInt8]) throws(ArticleParseError) -> Decoded {
        let decoded: Decoded
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            decoded = Decoded(text: try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE), warning: nil)
        } else {
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            let body = bytes[start...]
            if body.contains(0) { throw .binary }
            if let offset = firstInvalidUTF8(body) {
                decoded = Decoded(
                    text: windows1252(body),
                    warning: "not valid UTF-8 (first bad byte at offset \(offset)); read as Windows-1252")
            } else {
                decoded = Decoded(text: String(decoding: body, as: UTF8.self), warning: nil)
            }
        }
        let text = decoded.text
        var control = 0
        var total = 0
        for s in text.unicodeScalars {
            total += 1
            if s.value < 0x20, s != "\n", s != "\r", s != "\t", s != "\u{0C}" { control += 1 }
        }
        if total > 0, control * 10 > total { throw .binary }
        if text.allSatisfy({ $0.isWhitespace }) { throw .empty }
        return decoded
    }

    /// Decodes UTF-16 after a 2-byte byte-order mark.
    ///
    /// - Throws: ``ArticleParseError/invalidEncoding(_:)`` for an odd byte count or an unpaired
    ///   surrogate; ``ArticleParseError/binary`` for a NUL character.
    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(ArticleParseError) -> String {
        guard bytes.count % 2 == 0 else { throw .invalidEncoding("UTF-16 text with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            if unit == 0 { throw .binary }
            units.append(unit)
            i += 2
        }
        var text = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var codec = UTF16()
        var offset = 2
        loop: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                offset += scalar.value > 0xFFFF ? 4 : 2
            case .emptyInput: break loop
            case .error: throw .invalidEncoding("UTF-16 text with an unpaired surrogate near byte offset \(offset)")
            }
        }
        return String(text)
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (0 where the code page leaves a byte
    /// undefined; such bytes are read as Latin-1, i.e. as the C1 control of the same value).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Reads bytes that are not valid UTF-8: each valid UTF-8 sequence of two or more bytes is
    /// kept as its character, and every other byte is read as Windows-1252 (a superset of
    /// Latin-1's printable characters). A Latin-1 file thus reads as Latin-1, and a UTF-8 file
    /// with a few stray Latin-1 bytes keeps its UTF-8 characters (no `â€™` mojibake).
    static func windows1252<C: Collection<UInt8>>(_ bytes: C) -> String {
        let array = ArraySlice(bytes)
        var text = String.UnicodeScalarView()
        var i = array.startIndex
        while i < array.endIndex {
            let b = array[i]
            if b >= 0x80, let (scalar, length) = utf8Sequence(array, at: i) {
                text.append(Unicode.Scalar(scalar)!)
                i += length
                continue
            }
            var value = UInt32(b)
            if (0x80...0x9F).contains(b), windows1252High[Int(b) - 0x80] != 0 { value = windows1252High[Int(b) - 0x80] }
            text.append(Unicode.Scalar(value)!)
            i += 1
        }
        return String(text)
    }

    /// The valid multi-byte UTF-8 sequence starting at `i` (its scalar value and length), or
    /// `nil` (overlong forms, surrogates and values past U+10FFFF are invalid).
    static func utf8Sequence(_ bytes: ArraySlice<UInt8>, at i: Int) -> (UInt32, Int)? {
        let b = bytes[i]
        let need: Int
        let minValue: UInt32
        var value: UInt32
        if b & 0xE0 == 0xC0 { need = 1; minValue = 0x80; value = UInt32(b & 0x1F) }
        else if b & 0xF0 == 0xE0 { need = 2; minValue = 0x800; value = UInt32(b & 0x0F) }
        else if b & 0xF8 == 0xF0 { need = 3; minValue = 0x10000; value = UInt32(b & 0x07) }
        else { return nil }
        if i + need >= bytes.endIndex { return nil }
        for k in 1...need {
            let c = bytes[i + k]
            if c & 0xC0 != 0x80 { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        if value < minValue || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return nil }
        return (value, need + 1)
    }

    /// The byte offset (index into the original array, so a skipped BOM counts) of the first
    /// invalid UTF-8 sequence, or `nil` when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let (_, length) = utf8Sequence(bytes, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// Splits text into lines, accepting `\n`, `\r\n` and lone `\r`; trailing whitespace is removed.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var lastWasCR = false
        for ch in text.unicodeScalars {
            if ch == "\r" {
                result.append(current); current = ""; lastWasCR = true; continue
            }
            if ch == "\n" {
                if !lastWasCR { result.append(current) }
                current = ""; lastWasCR = false; continue
            }
            lastWasCR = false
            current.unicodeScalars.append(ch)
        }
        result.append(current)
        return result.map { line in
            var l = line
            while let last = l.unicodeScalars.last, last.properties.isWhitespace { l.unicodeScalars.removeLast() }
            return l
        }
    }

    /// Inline normalisation: NFC, runs of whitespace collapsed to one space, control and
    /// zero-width characters removed, trimmed. Quotes and dashes are kept as they are.
    static func inline(_ s: String) -> String {
        // ASCII text is already in NFC: skip the Foundation round trip.
        let nfc = s.utf8.allSatisfy { $0 < 0x80 } ? s : s.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in nfc.unicodeScalars {
            // ASCII whitespace (tab, LF, VT, FF, CR, space) without the Unicode property look-up.
            if u.value < 0x80 ? (u.value == 0x20 || (0x09...0x0D).contains(u.value)) : u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if u.value < 0x20 || u.value == 0x7F || u == "\u{FEFF}" || u == "\u{200B}" || u == "\u{00AD}" { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }
}
