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

    /// The index's vocabulary: word forms, their stems, and stems (only these tables, not a copy of
    /// the whole index, which would retain each of its tables).
    private let surfaces: TermInterner
    private let surfaceStem: [Int32]
    private let stemTable: TermInterner
    let stems: Set<Int32>
    /// The first bytes of `stems`: stemming never changes a word's first byte (but for a leading
    /// apostrophe, which it drops), so a word starting with any other byte cannot match, and needs no
    /// look-up in the vocabulary (a scattered read per word).
    /// One bit per byte value, in four words.
    private var firstBytes = [UInt64](repeating: 0, count: 4)
    private var tokenizer = Tokenizer()
    private var scratch: [UInt8] = []

    init(index: borrowing SearchIndex, stems: Set<Int32>) {
        surfaces = index.surfaces
        surfaceStem = index.surfaceStem
        stemTable = index.stems
        self.stems = stems
        for stem in stems {
            guard let b = stemTable.bytes(stem).first else { continue }
            firstBytes[Int(b >> 6)] |= 1 << UInt64(b & 63)
        }
    }

    /// Whether some stem starts with byte `b`.
    private func someStemStarts(with b: UInt8) -> Bool { firstBytes[Int(b >> 6)] >> UInt64(b & 63) & 1 != 0 }

    /// The snippet of `text[start..<end]` (UTF-16) and the absolute spans of its matched words.
    mutating func snippet(text: String, start: Int, end: Int) -> (String, [TextSpan]) {
        var paragraph = text.slice(TextSpan(start: start, end: end))
        tokenizer.tokenize(paragraph)
        var marks: [Range<Int>] = []
        for t in tokenizer.tokens where matches(tokenizer.term(t)) {
            let a = Int(t.start)
            let b = Int(t.end)
            if let last = marks.last, a < last.upperBound {
                marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, b)
            } else {
                marks.append(a..<b)
            }
        }
        let spans = marks.map { TextSpan(start: start + $0.lowerBound, end: start + $0.upperBound) }
        // In ASCII text (most English paragraphs) a UTF-8 byte is a UTF-16 unit: no copy to UTF-16.
        let out: [UInt8]
        if paragraph.utf8.count == tokenizer.utf16Count {
            out = paragraph.withUTF8 { bytes in
                Self.render(count: bytes.count, marks: marks, isSpace: { Self.isSpace(UInt16(bytes[$0])) }) { Self.appendEscaped(bytes[$0], to: &$1) }
            }
        } else {
            let units = Array(paragraph.utf16)
            out = Self.render(count: units.count, marks: marks, isSpace: { Self.isSpace(units[$0]) }) { Self.appendEscaped(units[$0], to: &$1) }
        }
        return (String(decoding: out, as: UTF8.self), spans)
    }

    /// The snippet of `text[start..<end]` (UTF-16) with `spans` (absolute) marked instead of the
    /// query's words: for hits whose matches are not words, such as an entity's mentions.
    static func snippet(text: String, start: Int, end: Int, marking spans: [TextSpan]) -> String {
        let units = Array(text.slice(TextSpan(start: start, end: end)).utf16)
        var marks: [Range<Int>] = []
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start >= start && span.end <= end && span.start < span.end {
            let range = (span.start - start)..<(span.end - start)
            if let last = marks.last, range.lowerBound < last.upperBound {
                marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                marks.append(range)
            }
        }
        let out = render(count: units.count, marks: marks, isSpace: { isSpace(units[$0]) }) { appendEscaped(units[$0], to: &$1) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The snippet's UTF-8 bytes: the best window of a paragraph of `count` units (UTF-16 units, or
    /// ASCII bytes), escaped by `append`, with `marks` (unit offsets) wrapped in `<mark>…</mark>`.
    private static func render(
        count: Int, marks: [Range<Int>], isSpace: (Int) -> Bool, append: (Range<Int>, inout [UInt8]) -> Void
    ) -> [UInt8] {
        let (ws, we) = window(count: count, marks: marks, isSpace: isSpace)
        var out: [UInt8] = []
        out.reserveCapacity((we - ws) * 11 / 10 + 64)
        if ws > 0 { out.append(contentsOf: [0xE2, 0x80, 0xA6]) }  // …
        var cursor = ws
        for mark in marks where mark.lowerBound >= ws && mark.upperBound <= we {
            append(cursor..<mark.lowerBound, &out)
            out.append(contentsOf: "<mark>".utf8)
            append(mark, &out)
            out.append(contentsOf: "</mark>".utf8)
            cursor = mark.upperBound
        }
        append(cursor..<we, &out)
        if we < count { out.append(contentsOf: [0xE2, 0x80, 0xA6]) }
        return out
    }

    private mutating func matches(_ bytes: ArraySlice<UInt8>) -> Bool { matchedStem(bytes) != nil }

    /// The query stem that folded word `bytes` matches, if any.
    private mutating func matchedStem(_ bytes: ArraySlice<UInt8>) -> Int32? {
        guard let first = bytes.first else { return nil }
        if first != UInt8(ascii: "'") && !someStemStarts(with: first) { return nil }
        if let s = surfaces.find(bytes) {
            let stem = surfaceStem[Int(s)]
            return stems.contains(stem) ? stem : nil
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
        EnglishStemmer.stem(&scratch)
        guard let stem = stemTable.find(scratch[...]) else { return nil }
        return stems.contains(stem) ? stem : nil
    }

    /// The best `count` passages of an article whose body is `text` with `paragraphs`, best first.
    ///
    /// A paragraph ranks by the number of distinct query stems it holds, then by how close together
    /// they are (the fewest words in a window holding one of each), then by its order in the article.
    /// When no paragraph holds a query word (the article matched on its title or dek), the passage is
    /// the first paragraph with text, unmarked.
    mutating func passages(of text: String, paragraphs: [Paragraph], count: Int) -> [SearchPassage] {
        var ranked: [(distinct: Int, spread: Int32, paragraph: Int)] = []
        var matched: [(stem: Int32, position: Int32)] = []
        // The body is tokenized once; its tokens fall into paragraphs by their UTF-16 offsets.
        tokenizer.tokenize(text)
        var k = 0
        var current = -1
        func close() {
            if current >= 0 && !matched.isEmpty { ranked.append(Self.rank(matched, paragraph: current)) }
            matched.removeAll(keepingCapacity: true)
        }
        for t in tokenizer.tokens {
            while k < paragraphs.count && Int(t.start) >= paragraphs[k].span.end { k += 1 }
            guard k < paragraphs.count else { break }
            guard Int(t.start) >= paragraphs[k].span.start, let stem = matchedStem(tokenizer.term(t)) else { continue }
            if k != current {
                close()
                current = k
            }
            matched.append((stem, t.position))
        }
        close()
        ranked.sort { ($1.distinct, $0.spread, $0.paragraph) < ($0.distinct, $1.spread, $1.paragraph) }
        var chosen = ranked.prefix(count).map(\.paragraph)
        if chosen.isEmpty, count > 0, let first = paragraphs.firstIndex(where: { $0.span.end > $0.span.start }) { chosen = [first] }
        return chosen.map { k in
            let span = paragraphs[k].span
            let (snippet, highlights) = snippet(text: text, start: span.start, end: span.end)
            return SearchPassage(paragraph: k, snippet: snippet, highlights: highlights)
        }
    }

    /// A paragraph's rank keys from its matched words (in position order): distinct stems, and the
    /// width in positions of the smallest window holding one of each.
    private static func rank(_ matched: [(stem: Int32, position: Int32)], paragraph: Int) -> (Int, Int32, Int) {
        var distinct: [Int32] = []
        for m in matched where !distinct.contains(m.stem) { distinct.append(m.stem) }
        if distinct.count == 1 { return (1, 0, paragraph) }
        // Sliding window over the matches: the narrowest span holding every distinct stem.
        var counts = [Int](repeating: 0, count: distinct.count)
        var have = 0
        var best = Int32.max
        var lo = 0
        for hi in 0..<matched.count {
            let i = distinct.firstIndex(of: matched[hi].stem)!
            if counts[i] == 0 { have += 1 }
            counts[i] += 1
            while have == distinct.count {
                best = min(best, matched[hi].position - matched[lo].position)
                let j = distinct.firstIndex(of: matched[lo].stem)!
                counts[j] -= 1
                if counts[j] == 0 { have -= 1 }
                lo += 1
            }
        }
        return (distinct.count, best, paragraph)
    }

    /// The window (unit offsets) of a paragraph of `n` units holding the most marks, cut at spaces.
    private static func window(count n: Int, marks: [Range<Int>], isSpace: (Int) -> Bool) -> (Int, Int) {
        let maxLength = Self.maxLength
        if n <= maxLength { return (0, n) }
        var bestStart = 0
        var bestCount = -1
        for (i, m) in marks.enumerated() {
            let ws = max(0, m.lowerBound - 40)
            let we = ws + maxLength
            var count = 0
            for k in i..<marks.count where marks[k].upperBound <= we { count += 1 }
            if count > bestCount {
                bestCount = count
                bestStart = ws
            }
        }
        var ws = bestStart
        var we = min(n, ws + maxLength)
        let firstMark = marks.first { $0.lowerBound >= ws }?.lowerBound ?? we
        if ws > 0 {
            var k = ws
            while k < min(firstMark, ws + 40) && !isSpace(k - 1) { k += 1 }
            if k < firstMark || isSpace(k - 1) { ws = k }
        }
        if we < n {
            let lastMark = marks.last { $0.upperBound <= we }?.upperBound ?? ws
            var k = we
            while k > max(lastMark, we - 40) && !isSpace(k) { k -= 1 }
            if isSpace(k) { we = k }
        }
        // Trim whitespace at the cut edges.
        while ws < we && isSpace(ws) { ws += 1 }
        while we > ws && isSpace(we - 1) { we -= 1 }
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
            if let escape = escape(c) { escape.withUTF8Buffer { out.append(contentsOf: $0) } } else { CharacterFolding.appendUTF8(c, to: &out) }
        }
    }

    /// Appends ASCII `bytes`, HTML-escaped, to `out`: runs without a character to escape are copied whole.
    static func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        var run = bytes.startIndex
        for i in bytes.startIndex..<bytes.endIndex {
            guard let escape = escape(UInt32(bytes[i])) else { continue }
            out.append(contentsOf: bytes[run..<i])
            escape.withUTF8Buffer { out.append(contentsOf: $0) }
            run = i + 1
        }
        out.append(contentsOf: bytes[run..<bytes.endIndex])
    }

    /// The HTML escape of `&`, `<`, `>`, `"` and `'`; nil for every other scalar.
    @inline(__always)
    private static func escape(_ c: UInt32) -> StaticString? {
        switch c {
        case 38: "&amp;"
        case 60: "&lt;"
        case 62: "&gt;"
        case 34: "&quot;"
        case 39: "&#39;"
        default: nil
        }
    }
}
