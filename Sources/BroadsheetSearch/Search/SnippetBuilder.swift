import BroadsheetCore

/// Builds a hit's snippet: the best window of its paragraph with matched words marked.
///
/// The paragraph is re-tokenized; a token matches when its stem is one of the query's (expanded)
/// stems. The window (at most ``maxLength`` UTF-16 units, cut on whitespace, `…` where cut) is the
/// one holding the most matches. Text is HTML-escaped (`&`, `<`, `>`, `"`, `'`) and matches are
/// wrapped in `<mark>…</mark>`.
struct SnippetBuilder {
    /// Longest snippet window, in UTF-16 units, before cutting to word boundaries: 240.
    static let maxLength = 240

    let index: SearchIndex
    let stems: Set<Int32>
    /// The first bytes of `stems`: stemming never changes a word's first byte (but for a leading
    /// apostrophe, which it drops), so a word starting with any other byte cannot match, and needs no
    /// look-up in the vocabulary (a scattered read per word).
    /// One bit per byte value, in four words.
    private var firstBytes = [UInt64](repeating: 0, count: 4)
    private var tokenizer = Tokenizer()
    private var scratch: [UInt8] = []

    init(index: SearchIndex, stems: Set<Int32>) {
        self.index = index
        self.stems = stems
        for stem in stems {
            guard let b = index.stems.bytes(stem).first else { continue }
            firstBytes[Int(b >> 6)] |= 1 << UInt64(b & 63)
        }
    }

    /// Whether some stem starts with byte `b`.
    private func someStemStarts(with b: UInt8) -> Bool { firstBytes[Int(b >> 6)] >> UInt64(b & 63) & 1 != 0 }

    /// The snippet of `text[start..<end]` (UTF-16) and the absolute spans of its matched words.
    mutating func snippet(text: String, start: Int, end: Int) -> (String, [TextSpan]) {
        let paragraph = text.slice(TextSpan(start: start, end: end))
        let units = Array(paragraph.utf16)
        tokenizer.tokenize(paragraph)
        var marks: [(Int, Int)] = []
        for t in tokenizer.tokens where matches(tokenizer.term(t)) {
            let a = Int(t.start)
            let b = Int(t.end)
            if let last = marks.last, a < last.1 {
                marks[marks.count - 1] = (last.0, max(last.1, b))
            } else {
                marks.append((a, b))
            }
        }
        let (ws, we) = window(units: units, marks: marks)
        var out: [UInt8] = []
        out.reserveCapacity((we - ws) * 11 / 10 + 64)
        if ws > 0 { out.append(contentsOf: [0xE2, 0x80, 0xA6]) }  // …
        var cursor = ws
        for (a, b) in marks where a >= ws && b <= we {
            Self.appendEscaped(units[cursor..<a], to: &out)
            out.append(contentsOf: Array("<mark>".utf8))
            Self.appendEscaped(units[a..<b], to: &out)
            out.append(contentsOf: Array("</mark>".utf8))
            cursor = b
        }
        Self.appendEscaped(units[cursor..<we], to: &out)
        if we < units.count { out.append(contentsOf: [0xE2, 0x80, 0xA6]) }
        return (String(decoding: out, as: UTF8.self), marks.map { TextSpan(start: start + $0.0, end: start + $0.1) })
    }

    private mutating func matches(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first != UInt8(ascii: "'") && !someStemStarts(with: first) { return false }
        if let s = index.surfaces.find(bytes) { return stems.contains(index.surfaceStem[Int(s)]) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
        EnglishStemmer.stem(&scratch)
        guard let stem = index.stems.find(scratch[...]) else { return false }
        return stems.contains(stem)
    }

    private func window(units: [UInt16], marks: [(Int, Int)]) -> (Int, Int) {
        let n = units.count
        let maxLength = Self.maxLength
        if n <= maxLength { return (0, n) }
        var bestStart = 0
        var bestCount = -1
        for (i, m) in marks.enumerated() {
            let ws = max(0, m.0 - 40)
            let we = ws + maxLength
            var count = 0
            for k in i..<marks.count where marks[k].1 <= we { count += 1 }
            if count > bestCount {
                bestCount = count
                bestStart = ws
            }
        }
        var ws = bestStart
        var we = min(n, ws + maxLength)
        let firstMark = marks.first { $0.0 >= ws }?.0 ?? we
        if ws > 0 {
            var k = ws
            while k < min(firstMark, ws + 40) && !Self.isSpace(units[k - 1]) { k += 1 }
            if k < firstMark || Self.isSpace(units[k - 1]) { ws = k }
        }
        if we < n {
            let lastMark = marks.last { $0.1 <= we }?.1 ?? ws
            var k = we
            while k > max(lastMark, we - 40) && !Self.isSpace(units[k]) { k -= 1 }
            if Self.isSpace(units[k]) { we = k }
        }
        // Trim whitespace at the cut edges.
        while ws < we && Self.isSpace(units[ws]) { ws += 1 }
        while we > ws && Self.isSpace(units[we - 1]) { we -= 1 }
        return (ws, we)
    }

    private static func isSpace(_ u: UInt16) -> Bool { u == 32 || u == 10 || u == 9 || u == 13 || u == 0xA0 }

    /// Appends UTF-16 `units` as UTF-8, HTML-escaped, to `out`.
    static func appendEscaped(_ units: ArraySlice<UInt16>, to out: inout [UInt8]) {
        var i = units.startIndex
        while i < units.endIndex {
            var c = UInt32(units[i])
            i += 1
            if c >= 0xD800 && c < 0xDC00 && i < units.endIndex {
                let low = UInt32(units[i])
                if low >= 0xDC00 && low < 0xE000 {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00)
                    i += 1
                }
            }
            switch c {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])  // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])  // &gt;
            case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
            case 39: out.append(contentsOf: [38, 35, 51, 57, 59])  // &#39;
            default: CharacterFolding.appendUTF8(c, to: &out)
            }
        }
    }
}
