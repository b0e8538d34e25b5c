/// A token of the writer's own text around quotations (the "frame"); a whole quotation is one token.
struct FrameToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, punctuation, quote }
    var kind: Kind
    var start: Int
    var end: Int
    /// Lowercased text (empty for a quotation).
    var lower: String
    /// Index into the marked quotes for a ``Kind/quote`` token, `-1` otherwise.
    var quote: Int = -1
    /// Whether the word starts with a lowercase letter as written.
    var isLowercase: Bool = false
    /// Whether the word starts with an uppercase letter as written.
    var isCapitalized: Bool = false

    var isWord: Bool { kind == .word }
    func isPunct(_ s: String) -> Bool { kind == .punctuation && lower == s }
    /// A comma, a dash or a parenthesis: the boundary of an appositive or a clause.
    var isClauseComma: Bool {
        kind == .punctuation && (lower == "," || lower == "—" || lower == "–" || lower == "(" || lower == ")")
    }
}

/// Splits a range of text into ``FrameToken``s, turning every quotation into a single token.
struct FrameTokenizer: Sendable {
    let text: UTF16Text
    /// The marked quotes, sorted by ``MarkedQuote/open``.
    let quotes: [MarkedQuote]

    /// Index of the quote whose span contains `offset`, if any.
    func quoteIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = quotes.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let q = quotes[mid]
            if offset < q.open { hi = mid - 1 } else if offset >= q.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    func tokens(from start: Int, to end: Int) -> [FrameToken] {
        var out: [FrameToken] = []
        var i = max(0, start)
        let end = min(end, text.count)
        while i < end {
            if let q = quoteIndex(containing: i) {
                out.append(FrameToken(kind: .quote, start: quotes[q].open, end: quotes[q].end, lower: "", quote: q))
                i = max(i + 1, quotes[q].end)
                continue
            }
            let c = text[i]
            if UTF16Text.isSpace(c) {
                i += 1
                continue
            }
            if UTF16Text.isWordChar(c) {
                var j = i + 1
                while j < end {
                    let d = text[j]
                    if UTF16Text.isWordChar(d) {
                        j += 1
                    } else if (UTF16Text.isApostrophe(d) || d == 0x2D || d == 0x2E) && j + 1 < end
                        && UTF16Text.isWordChar(text[j + 1])
                    {
                        // Inner apostrophe (Trump’s), hyphen (so-called), or period of an abbreviation (U.S).
                        if d == 0x2E && j - i > 3 { break }
                        j += 2
                    } else {
                        break
                    }
                }
                let s = text.string(i, j)
                out.append(
                    FrameToken(
                        kind: .word, start: i, end: j, lower: s.lowercased(),
                        isLowercase: UTF16Text.isLower(c), isCapitalized: UTF16Text.isUpper(c)))
                i = j
                continue
            }
            if !UTF16Text.isAnyMark(c) {
                out.append(FrameToken(kind: .punctuation, start: i, end: i + 1, lower: text.string(i, i + 1)))
            }
            i += 1
        }
        return out
    }
}
