/// Splits a paragraph into sentences, returning UTF-16 spans relative to the paragraph.
///
/// A sentence ends at `.`, `?`, `!` or `…` (runs such as `?!` or `...` count once), followed by
/// any closing quotes or brackets, then whitespace. Whether it really ends depends on what comes
/// next and on the word before a period:
///
/// - The next word starts with a lower-case letter → never a boundary (`U.S. companies`,
///   `“Where?” he asked`, `Trump Jr. who`).
/// - Titles and fixed abbreviations that precede something (`Mr.`, `Dr.`, `Gen.`, `Lt.`, `Sen.`,
///   `Rep.`, `Gov.`, `St.`, `Prof.`, `e.g.`, `i.e.`, `vs.`, …) → never a boundary.
/// - `No.`, month abbreviations (`Aug.`, `Sept.`) → not a boundary before a number (`Aug. 6`).
/// - A single capital letter (`Stephen P. Lynch`) → not a boundary (middle initial).
/// - Dotted acronyms (`U.S.`, `U.K.`, `a.m.`, `D.C.`) → a boundary only when the next word is a
///   typical sentence opener (`The`, `He`, `But`, `In`, …) or an opening quote; so
///   `in the U.S. The next day` splits while `the U.S. Embassy` does not.
/// - Anything else (`Jr.`, `Inc.`, ordinary words, numbers) → a boundary before a capital letter,
///   digit, quote or other non-lower-case character.
/// - Decimals and `U.S.-made` never split because no whitespace follows the period.
///
/// ```swift
/// let spans = SentenceSplitter.split("He left. She stayed.")
/// // [0..<8, 9..<20]
/// ```
public enum SentenceSplitter {
    /// The sentences of `text` as UTF-16 spans relative to `text`, trimmed of surrounding whitespace.
    public static func split(_ text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var offsets = [Int](repeating: 0, count: n + 1)
        for (i, s) in scalars.enumerated() { offsets[i + 1] = offsets[i] + (s.value > 0xFFFF ? 2 : 1) }

        var spans: [TextSpan] = []
        var start = 0
        while start < n, scalars[start].properties.isWhitespace { start += 1 }
        var i = start
        while i < n {
            guard terminators.contains(scalars[i]) else { i += 1; continue }
            var j = i
            while j < n, terminators.contains(scalars[j]) { j += 1 }
            var k = j
            while k < n, closers.contains(scalars[k]) { k += 1 }
            guard k < n else { break }
            guard scalars[k].properties.isWhitespace else { i = j; continue }
            var m = k
            while m < n, scalars[m].properties.isWhitespace { m += 1 }
            guard m < n else { break }
            if isBoundary(scalars, sentenceStart: start, termStart: i, termEnd: j, next: m) {
                spans.append(TextSpan(start: offsets[start], end: offsets[k]))
                start = m
            }
            i = m
        }
        var end = n
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        if end > start { spans.append(TextSpan(start: offsets[start], end: offsets[end])) }
        return spans
    }

    static let terminators: Set<Unicode.Scalar> = [".", "?", "!", "…"]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "»", "›"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "\u{201C}", "\u{2018}", "(", "[", "«", "‹"]

    /// Abbreviations that are followed by more of the same sentence (titles, Latin forms).
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
        "pvt", "adm", "cmdr", "cdr", "brig", "sen", "sens", "rep", "reps", "gov", "govt", "pres", "rev",
        "hon", "st", "ste", "mt", "ft", "fr", "supt", "insp", "det", "atty", "gen", "vs", "v",
        "e.g", "i.e", "cf", "approx", "dept", "est", "fig", "mme", "mlle", "mssrs",
    ]
    /// Abbreviations that are not final before a number (`No. 1`, `Aug. 6`, `p. 12`).
    static let beforeNumber: Set<String> = [
        "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "p", "pp", "vol", "art", "sec", "ch", "op",
    ]
    /// Words that typically open a sentence; after a dotted acronym they signal a boundary.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at",
        "that", "this", "these", "those", "there", "his", "her", "its", "their", "our", "my", "your",
        "some", "many", "most", "if", "when", "while", "as", "after", "before", "yet", "so", "still",
        "meanwhile", "however", "instead", "now", "then", "nor", "or", "for", "last", "next", "earlier",
        "later", "both", "each", "other", "one", "two", "three", "such", "what", "why", "how", "who",
        "where", "no", "not", "all", "few", "several", "since", "until", "by", "from", "with", "to",
        "during", "despite", "although", "though", "because", "under", "over", "among", "even",
        "officials", "critics", "analysts",
    ]

    static func isBoundary(
        _ s: [Unicode.Scalar], sentenceStart: Int, termStart i: Int, termEnd j: Int, next m: Int
    ) -> Bool {
        // The next word, without leading openers.
        var f = m
        while f < s.count, openers.contains(s[f]) { f += 1 }
        let nextStartsWithOpener = f > m
        guard f < s.count else { return true }
        let nextFirst = s[f]
        if nextFirst.properties.isLowercase { return false }
        let run = s[i..<j]
        if run.contains("?") || run.contains("!") || run.contains("…") || run.count > 1 { return true }

        // The word before the period, without leading openers or trailing closers.
        var b = i
        while b > sentenceStart, !s[b - 1].properties.isWhitespace { b -= 1 }
        var wordScalars = Array(s[b..<i])
        while let first = wordScalars.first, openers.contains(first) { wordScalars.removeFirst() }
        while let last = wordScalars.last, closers.contains(last) { wordScalars.removeLast() }
        let word = String(String.UnicodeScalarView(wordScalars))
        let lower = word.lowercased()
        if word.isEmpty { return true }
        // "1." or "A." opening a list item is not a sentence.
        if b == sentenceStart, word.count <= 2, word.allSatisfy({ $0.isNumber }) { return false }

        var e = f
        while e < s.count, !s[e].properties.isWhitespace { e += 1 }
        var nextWord = String(String.UnicodeScalarView(Array(s[f..<e]))).lowercased()
        while let last = nextWord.last, !last.isLetter && !last.isNumber { nextWord.removeLast() }
        let nextIsNumber = nextFirst.properties.numericType != nil

        if neverFinal.contains(lower) { return false }
        if beforeNumber.contains(lower), nextIsNumber { return false }
        if wordScalars.count == 1, wordScalars[0].properties.isUppercase, word != "I" { return false }
        if word.dropLast().contains("."), word.contains(where: { $0.isLetter }) {
            // Dotted acronym such as U.S, a.m, D.C (the final period is the terminator itself).
            return nextStartsWithOpener || sentenceOpeners.contains(nextWord)
        }
        return true
    }
}
