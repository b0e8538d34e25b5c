import BroadsheetCore

/// A quotation found by its marks, before classification and attribution.
struct MarkedQuote: Sendable, Hashable {
    /// Offset of the opening mark.
    var open: Int
    /// End of the span: after the closing mark, or the end of the quoted text when there is none.
    var end: Int
    /// The quoted text without the marks and surrounding spaces.
    var contentStart: Int
    var contentEnd: Int
    /// Whether a closing mark was found.
    var closed: Bool
    var paragraph: Int
    /// The paragraph ends inside this quote and the next paragraph reopens it (news convention).
    var reopensNext: Bool = false
    /// This piece reopens a quote left open at the end of the previous paragraph.
    var continuesPrevious: Bool = false
}

/// Finds quotations by their marks, paragraph by paragraph.
///
/// - Double marks (`“ ”`, `"`, `« »`) delimit quotations; single marks (`‘ ’`, `'`) inside them are
///   nested quotes and stay part of the text. Single marks delimit a top-level quotation only when an
///   opening mark (after a space, before a letter) has a closing mark later in the same paragraph.
/// - Apostrophes are never quotation marks: inside words (`Trump’s`), elisions (`’80s`, `'90s`,
///   `rock ’n’ roll`, `'em`), and after a plural (`dogs'`), because an apostrophe cannot open.
/// - A straight `"` after a digit (`6'2"`) is an inch mark.
/// - Bounds: a quotation never runs past its paragraph. A paragraph that ends inside a quotation
///   continues into the next one only when that paragraph opens with a mark; otherwise the piece is
///   reported unterminated, ending at its paragraph's end. An open quotation longer than
///   ``maxUnterminatedLength`` ends at the end of its sentence instead and never continues. A second
///   opening mark while one is open ends the first (missing closing mark), so one stray mark cannot
///   swallow the text after it.
struct QuoteMarkScanner: Sendable {
    /// Longest unterminated quotation allowed to run to its paragraph's end. Default: 1,200 UTF-16 units.
    var maxUnterminatedLength = 1_200
    /// How far a single-mark quotation may reach for its closing mark. Default: 400 UTF-16 units.
    var maxSingleQuoteLength = 400

    /// Elisions that start with an apostrophe (lowercased, without it).
    static let elisions: Set<String> = [
        "em", "til", "tis", "twas", "cause", "cos", "bout", "round", "n", "nuff", "cept", "kay", "ere", "twixt",
        "neath", "scuse", "sup", "ya", "y", "s",
    ]

    func scan(_ document: Document, text: UTF16Text, skipping skipped: Set<Int> = []) -> [MarkedQuote] {
        var result: [MarkedQuote] = []
        var previousReopens = false
        for paragraph in document.paragraphs {
            if skipped.contains(paragraph.index) {
                previousReopens = false
                continue
            }
            let pieces = scanParagraph(
                paragraph, text: text, document: document, continuing: previousReopens,
                nextOpens: nextParagraphOpensWithMark(after: paragraph.index, document, text, skipped))
            previousReopens = pieces.last?.reopensNext ?? false
            result += pieces
        }
        return result
    }

    private func firstNonSpace(_ span: TextSpan, _ text: UTF16Text) -> Int? {
        var i = span.start
        while i < span.end, UTF16Text.isSpace(text[i]) { i += 1 }
        return i < span.end ? i : nil
    }

    private func nextParagraphOpensWithMark(
        after index: Int, _ document: Document, _ text: UTF16Text, _ skipped: Set<Int>
    ) -> Bool {
        guard index + 1 < document.paragraphs.count, !skipped.contains(index + 1),
            let i = firstNonSpace(document.paragraphs[index + 1].span, text)
        else { return false }
        let c = text[i]
        return c == UTF16Text.leftDouble || c == UTF16Text.straightDouble || c == UTF16Text.leftGuillemet
            || c == UTF16Text.lowDouble
    }

    private func scanParagraph(
        _ paragraph: Paragraph, text: UTF16Text, document: Document, continuing: Bool, nextOpens: Bool
    ) -> [MarkedQuote] {
        let ps = max(0, paragraph.span.start)
        let pe = min(text.count, paragraph.span.end)
        var out: [MarkedQuote] = []
        var open: Int?
        var openIsStraight = false
        let firstMark = firstNonSpace(paragraph.span, text)

        func emit(_ o: Int, closeMark: Int?, unterminatedEnd: Int? = nil) {
            var cs = o + 1
            var ce = closeMark ?? unterminatedEnd ?? pe
            while cs < ce, UTF16Text.isSpace(text[cs]) { cs += 1 }
            while ce > cs, UTF16Text.isSpace(text[ce - 1]) { ce -= 1 }
            guard (cs..<ce).contains(where: { UTF16Text.isWordChar(text[$0]) }) else { return }
            let end = closeMark.map { $0 + 1 } ?? ce
            var q = MarkedQuote(
                open: o, end: end, contentStart: cs, contentEnd: ce, closed: closeMark != nil,
                paragraph: paragraph.index)
            q.continuesPrevious = continuing && o == firstMark
            out.append(q)
        }

        var i = ps
        while i < pe {
            let c = text[i]
            let prev = i > ps ? text[i - 1] : 0x20
            let next = i + 1 < pe ? text[i + 1] : 0x20
            switch c {
            case UTF16Text.leftDouble, UTF16Text.leftGuillemet, UTF16Text.lowDouble:
                if let o = open { emit(o, closeMark: nil, unterminatedEnd: i) }
                open = i
                openIsStraight = false
            case UTF16Text.rightDouble, UTF16Text.rightGuillemet:
                if let o = open {
                    emit(o, closeMark: i)
                    open = nil
                } else if UTF16Text.isOpeningContext(prev) && UTF16Text.isWordChar(next) {
                    open = i  // a closing mark used as an opening one
                    openIsStraight = false
                }
            case UTF16Text.straightDouble:
                let openerLike = UTF16Text.isOpeningContext(prev) && !UTF16Text.isSpace(next)
                if let o = open {
                    if openerLike && openIsStraight && UTF16Text.isSpace(prev) {
                        emit(o, closeMark: nil, unterminatedEnd: i)
                        open = i
                    } else {
                        emit(o, closeMark: i)
                        open = nil
                    }
                } else if openerLike && !UTF16Text.isDigit(prev) {
                    open = i
                    openIsStraight = true
                }
            case UTF16Text.leftSingle, UTF16Text.straightSingle:
                if open == nil, let close = singleQuoteClose(opening: i, paragraphEnd: pe, text: text) {
                    emit(i, closeMark: close)
                    i = close
                }
            default:
                break
            }
            i += 1
        }
        if let o = open {
            if nextOpens && pe - o <= maxUnterminatedLength {
                emit(o, closeMark: nil)
                if !out.isEmpty, out[out.count - 1].open == o { out[out.count - 1].reopensNext = true }
            } else {
                var end = pe
                if pe - o > maxUnterminatedLength, let s = document.sentenceIndex(containing: o) {
                    end = max(o + 1, min(pe, document.sentences[s].span.end))
                }
                emit(o, closeMark: nil, unterminatedEnd: end)
            }
        }
        return out
    }

    /// The closing mark of a single-mark quotation opening at `i`, if `i` really opens one.
    private func singleQuoteClose(opening i: Int, paragraphEnd pe: Int, text: UTF16Text) -> Int? {
        let prev = text.at(i - 1)
        let next = text.at(i + 1)
        guard UTF16Text.isOpeningContext(prev) || i == 0, UTF16Text.isLetter(next) else { return nil }
        // The word after the mark: an elision such as 'em, ’n’, 'til is not a quotation.
        var j = i + 1
        while j < pe, UTF16Text.isLetter(text[j]) { j += 1 }
        let word = text.string(i + 1, j).lowercased()
        if Self.elisions.contains(word) && !(j < pe && UTF16Text.isApostrophe(text[j]) && word != "n" && word != "y") {
            return nil
        }
        if word == "n" { return nil }
        let limit = min(pe, i + maxSingleQuoteLength)
        var k = i + 2
        while k < limit {
            let c = text[k]
            if UTF16Text.isDoubleMark(c) {
                // British style nests double marks inside single ones: skip a balanced inner quotation.
                let closer: UInt16 =
                    c == UTF16Text.leftDouble
                    ? UTF16Text.rightDouble : c == UTF16Text.straightDouble ? UTF16Text.straightDouble : 0
                guard closer != 0, let inner = (k + 1..<limit).first(where: { text[$0] == closer }) else { return nil }
                k = inner + 1
                continue
            }
            if c == UTF16Text.rightSingle || c == UTF16Text.straightSingle {
                let before = text[k - 1]
                let after = text.at(k + 1)
                if !UTF16Text.isSpace(before) && !UTF16Text.isWordChar(after) {
                    // `dogs' ` is a plural possessive only when followed by a word; at a clause end
                    // (punctuation before or after) it closes.
                    return k
                }
            }
            k += 1
        }
        return nil
    }
}
