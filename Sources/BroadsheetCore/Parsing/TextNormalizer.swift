import Foundation

/// Text clean-up shared by every format: decoding, line splitting and inline normalisation.
enum TextNormalizer {
    /// Decodes UTF-8 bytes strictly, rejecting binary content.
    ///
    /// - Throws: ``ArticleParseError/invalidUTF8(byteOffset:)``, ``ArticleParseError/binary`` or
    ///   ``ArticleParseError/empty``.
    static func decode(_ bytes: [UInt8]) throws(ArticleParseError) -> String {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if body.contains(0) { throw .binary }
        if let offset = firstInvalidUTF8(body) { throw .invalidUTF8(byteOffset: offset) }
        let text = String(decoding: body, as: UTF8.self)
        var control = 0
        var total = 0
        for s in text.unicodeScalars {
            total += 1
            if s.value < 0x20, s != "\n", s != "\r", s != "\t", s != "\u{0C}" { control += 1 }
        }
        if total > 0, control * 10 > total { throw .binary }
        if text.allSatisfy({ $0.isWhitespace }) { throw .empty }
        return text
    }

    /// The byte offset (index into the original array, so a skipped BOM counts) of the first
    /// invalid UTF-8 sequence, or `nil` when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            let minValue: UInt32
            var value: UInt32
            if b & 0xE0 == 0xC0 { need = 1; minValue = 0x80; value = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; minValue = 0x800; value = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; minValue = 0x10000; value = UInt32(b & 0x07) }
            else { return i }
            if i + need >= end { return i }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minValue || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += need + 1
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
        let nfc = s.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in nfc.unicodeScalars {
            if u.properties.isWhitespace {
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
