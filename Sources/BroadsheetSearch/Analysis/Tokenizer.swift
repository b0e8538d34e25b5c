/// One token of analysed text: its folded term bytes, its position and its UTF-16 span.
struct Token: Sendable {
    /// How a token relates to its neighbours at the same position.
    enum Kind: UInt8, Sendable {
        /// An ordinary word, number or acronym.
        case plain
        /// A hyphenated word as a whole (`son-in-law`); its parts follow as ``part`` tokens.
        case compoundWhole
        /// One part of a hyphenated word.
        case part
        /// A number with its currency sign or percent sign (`$300`, `9.9%`); ``bare`` follows.
        case affixedWhole
        /// The bare number of an affixed number (`300`), at the same position.
        case bare
    }

    /// Range of the folded term in ``Tokenizer/bytes``.
    var termStart: Int32
    var termEnd: Int32
    /// Word position within the analysed text (compound wholes share their first part's position).
    var position: Int32
    /// UTF-16 offsets into the analysed text.
    var start: Int32
    var end: Int32
    var kind: Kind
}

/// Splits text into folded tokens. Rules:
///
/// - A word is a run of letters, digits and combining marks of any script; an apostrophe (`'`, `’`)
///   between two word characters belongs to the word (`don't`, `O’Brien`). A final `'s` is stripped
///   (`Russia’s` → `russia`).
/// - Case is folded and diacritics removed (`Zürich` → `zurich`), see ``CharacterFolding``.
/// - Words joined by hyphens are indexed whole (`son-in-law`) and as parts at consecutive positions
///   (`son`, `in`, `law`); the whole shares the first part's position.
/// - Numbers keep inner `.` and `,` between digits (`9.9`, `2,000` → `2000`); a leading currency sign or
///   trailing `%` makes an affixed token (`$300`, `9.9%`) indexed with its bare number at the same position.
/// - Runs of single letters each followed by a period (`U.S.`, `e.g.`) are one token (`u.s.`).
///
/// The tokenizer keeps its buffers between calls so that indexing allocates little (all-ASCII text, the
/// common case, is widened into a fresh scalar buffer in one pass, and needs no offset table).
struct Tokenizer {
    private(set) var bytes: [UInt8] = []
    private(set) var tokens: [Token] = []
    private var scalars: [UInt32] = []
    /// UTF-16 offset of each scalar and of the end, when the text is not all ASCII (in ASCII text a
    /// scalar's index is its offset).
    private var offsets: [Int32] = []
    private var ascii = true
    private var segments: [Segment] = []

    private struct Segment {
        var start: Int  // scalar index (after any currency sign)
        var end: Int  // scalar index, exclusive (before a trailing %)
        var kind: SegmentKind
        var currency: Bool
        var percent: Bool
    }

    private enum SegmentKind { case word, number, acronym }

    init() {}

    /// Length of the last tokenized text in UTF-16 units.
    var utf16Count: Int { ascii ? scalars.count : Int(offsets.last ?? 0) }

    /// The UTF-16 offset of scalar `k` (or of the end, `k` = the number of scalars).
    @inline(__always)
    private func offset(_ k: Int) -> Int32 { ascii ? Int32(k) : offsets[k] }

    /// The folded bytes of a token.
    func term(_ t: Token) -> ArraySlice<UInt8> { bytes[Int(t.termStart)..<Int(t.termEnd)] }

    /// Tokenizes `text`, replacing ``tokens`` and ``bytes``. Positions start at 0.
    mutating func tokenize(_ text: String) {
        var text = text
        text.withUTF8 { decode($0) }
        scan()
    }

    /// Tokenizes a substring; offsets are relative to the substring's start.
    mutating func tokenize(_ text: Substring) {
        var text = text
        text.withUTF8 { decode($0) }
        scan()
    }

    private mutating func decode(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        offsets.removeAll(keepingCapacity: true)
        ascii = Self.isASCII(utf8)
        if ascii {
            scalars = [UInt32](unsafeUninitializedCapacity: n) { buffer, count in
                for i in 0..<n { buffer[i] = UInt32(utf8[i]) }
                count = n
            }
            return
        }
        scalars.removeAll(keepingCapacity: true)
        scalars.reserveCapacity(n)
        offsets.reserveCapacity(n + 1)
        var i = 0
        var u16: Int32 = 0
        while i < n {
            let b0 = UInt32(utf8[i])
            var c: UInt32
            if b0 < 0x80 {
                c = b0
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                c = ((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                c = ((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F)
                i += 3
            } else if i + 3 < n {
                c = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12) | ((UInt32(utf8[i + 2]) & 0x3F) << 6)
                    | (UInt32(utf8[i + 3]) & 0x3F)
                i += 4
            } else {
                c = 0xFFFD
                i += 1
            }
            scalars.append(c)
            offsets.append(u16)
            u16 += c > 0xFFFF ? 2 : 1
        }
        offsets.append(u16)
    }

    /// Whether every byte is below 0x80, tested eight at a time.
    private static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return true }
        let n = utf8.count
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= n {
            high |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            high |= UInt64(utf8[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    private func at(_ k: Int) -> UInt32 { k < scalars.count ? scalars[k] : 0 }

    private mutating func scan() {
        bytes.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        let n = scalars.count
        var i = 0
        var position: Int32 = 0
        while i < n {
            let c = scalars[i]
            let currencyStart = CharacterFolding.isCurrency(c) && CharacterFolding.isDigit(at(i + 1))
            guard currencyStart || CharacterFolding.isWord(c) else {
                i += 1
                continue
            }
            var seg = segment(from: i)
            var j = seg.end
            guard continuesCompound(at: j) else {
                emit(seg, position: &position)
                i = j
                continue
            }
            segments.removeAll(keepingCapacity: true)
            while true {
                segments.append(seg)
                guard continuesCompound(at: j) else { break }
                seg = segment(from: j + 1)
                j = seg.end
            }
            emitCompound(position: &position)
            i = j
        }
    }

    /// Whether a hyphen at `j` joins the segment ending there to another (a word, or a currency amount).
    @inline(__always)
    private func continuesCompound(at j: Int) -> Bool {
        guard j + 1 < scalars.count, CharacterFolding.isHyphen(scalars[j]) else { return false }
        let next = scalars[j + 1]
        return CharacterFolding.isWord(next) || (CharacterFolding.isCurrency(next) && CharacterFolding.isDigit(at(j + 2)))
    }

    private func segment(from start: Int) -> Segment {
        let n = scalars.count
        var k = start
        var currency = false
        if CharacterFolding.isCurrency(scalars[k]) {
            currency = true
            k += 1
        }
        let first = k
        let c = scalars[k]
        if CharacterFolding.isDigit(c) {
            var m = k + 1
            while m < n {
                let d = scalars[m]
                if CharacterFolding.isWord(d) {
                    m += 1
                } else if (d == 46 || d == 44), CharacterFolding.isDigit(scalars[m - 1]), CharacterFolding.isDigit(at(m + 1)) {
                    m += 1
                } else {
                    break
                }
            }
            var percent = false
            if m < n, scalars[m] == 37 { percent = true }  // `end` stays before the %
            return Segment(start: first, end: m, kind: .number, currency: currency, percent: percent)
        }
        // Acronym: two or more single letters each followed by a period.
        var m = k
        var letters = 0
        while m + 1 < n, CharacterFolding.isLetter(scalars[m]), scalars[m + 1] == 46 {
            letters += 1
            m += 2
        }
        if letters >= 2, !CharacterFolding.isWord(at(m)) {
            return Segment(start: first, end: m, kind: .acronym, currency: false, percent: false)
        }
        m = k + 1
        while m < n {
            let d = scalars[m]
            if CharacterFolding.isWord(d) {
                m += 1
            } else if CharacterFolding.isApostrophe(d), CharacterFolding.isWord(at(m + 1)) {
                m += 2
            } else {
                break
            }
        }
        return Segment(start: first, end: m, kind: .word, currency: false, percent: false)
    }

    /// Appends the folded form of a segment (without affixes) to ``bytes``.
    private mutating func appendTerm(_ s: Segment) {
        let begin = bytes.count
        switch s.kind {
        case .number:
            for k in s.start..<s.end where scalars[k] != 44 { CharacterFolding.appendFolded(scalars[k], to: &bytes) }
        case .acronym, .word:
            if ascii {
                appendLowercasedASCII(s.start..<s.end)
            } else {
                for k in s.start..<s.end { CharacterFolding.appendFolded(scalars[k], to: &bytes) }
            }
            if s.kind == .word, bytes.count - begin > 2, bytes[bytes.count - 1] == 115, bytes[bytes.count - 2] == 39 {
                bytes.removeLast(2)  // possessive 's
            }
        }
    }

    /// Appends ASCII scalars lowercased to ``bytes``, growing it once.
    private mutating func appendLowercasedASCII(_ range: Range<Int>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { out in
            scalars.withUnsafeBufferPointer { source in
                for k in 0..<range.count {
                    let c = source[range.lowerBound + k]
                    out[k] = UInt8(truncatingIfNeeded: c >= 65 && c <= 90 ? c + 32 : c)
                }
            }
            bytes.append(contentsOf: out)
        }
    }

    private mutating func appendAffixed(_ s: Segment) {
        if s.currency { CharacterFolding.appendFolded(scalars[s.start - 1], to: &bytes) }
        appendTerm(s)
        if s.percent { bytes.append(37) }
    }

    private func spanStart(_ s: Segment) -> Int32 { offset(s.currency ? s.start - 1 : s.start) }
    private func spanEnd(_ s: Segment) -> Int32 { offset(s.percent ? s.end + 1 : s.end) }

    /// Emits a lone segment's token (two for an affixed number).
    private mutating func emit(_ s: Segment, position: inout Int32) {
        let a = spanStart(s)
        let b = spanEnd(s)
        if s.currency || s.percent {
            let t0 = Int32(bytes.count)
            appendAffixed(s)
            tokens.append(Token(termStart: t0, termEnd: Int32(bytes.count), position: position, start: a, end: b, kind: .affixedWhole))
            let t1 = Int32(bytes.count)
            appendTerm(s)
            tokens.append(
                Token(termStart: t1, termEnd: Int32(bytes.count), position: position, start: offset(s.start),
                    end: offset(s.end), kind: .bare))
        } else {
            let t0 = Int32(bytes.count)
            appendTerm(s)
            if Int32(bytes.count) > t0 {
                tokens.append(Token(termStart: t0, termEnd: Int32(bytes.count), position: position, start: a, end: b, kind: .plain))
            }
        }
        position += 1
    }

    /// Emits a hyphenated compound of ``segments``: the whole, then each part.
    private mutating func emitCompound(position: inout Int32) {
        let t0 = Int32(bytes.count)
        for (k, s) in segments.enumerated() {
            if k > 0 { bytes.append(45) }
            appendAffixed(s)
        }
        tokens.append(
            Token(termStart: t0, termEnd: Int32(bytes.count), position: position, start: spanStart(segments[0]),
                end: spanEnd(segments[segments.count - 1]), kind: .compoundWhole))
        for s in segments {
            let t = Int32(bytes.count)
            appendAffixed(s)
            if Int32(bytes.count) > t {
                tokens.append(Token(termStart: t, termEnd: Int32(bytes.count), position: position, start: spanStart(s), end: spanEnd(s), kind: .part))
            }
            position += 1
        }
    }
}
