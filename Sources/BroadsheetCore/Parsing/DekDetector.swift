/// Decides whether the first body paragraph of a plain-text article is a dek (standfirst).
///
/// Rule (documented, deliberately conservative): the first block is a paragraph (no heading
/// before it) of 4–32 words in exactly two sentences, or of at most 20 words in one sentence; it
/// ends with `.`, `!` or `?`, contains no quotation marks, no attribution (`said`, `says`, `told`,
/// `according to`) and no weekday, `yesterday` or month-and-day date (leads anchor news in
/// time), does not start with
/// a dateline (an upper-case place followed by a dash), and the next paragraph exists and is
/// longer; the body must have at least three blocks. Leads are
/// usually longer and attributed; deks are short summaries.
enum DekDetector {
    static func leadingDek(in blocks: [ArticleDraft.Block]) -> String? {
        guard blocks.count >= 3, case .paragraph(let first) = blocks[0], case .paragraph(let second) = blocks[1]
        else { return nil }
        let words = first.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 4, words.count <= 32, second.count > first.count else { return nil }
        let sentenceCount = SentenceSplitter.split(first).count
        guard sentenceCount == 2 || (sentenceCount == 1 && words.count <= 20) else { return nil }
        if first.contains(where: { "\"“”«»".contains($0) }) { return nil }
        let lower = " " + first.lowercased() + " "
        for cue in [" said", " says", " told ", " according to ", " tells "] where lower.contains(cue) { return nil }
        // Leads anchor news in time ("on Tuesday"); deks rarely do.
        for day in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"]
        where lower.contains(" " + day) {
            return nil
        }
        if let firstWord = words.first, firstWord.count > 1,
            firstWord.allSatisfy({ $0.isUppercase || $0 == "," }), words.count > 1,
            words.prefix(4).contains(where: { $0 == "—" || $0 == "-" || $0 == "–" })
        {
            return nil
        }
        // A calendar date ("on Jan. 9", "March 3") also anchors a lead.
        let tokens = DateLineParser.tokens(first)
        for (i, t) in tokens.enumerated().dropLast()
        where t.first?.isUppercase == true && DateLineParser.months[t.lowercased()] != nil
            && DateLineParser.dayNumber(tokens[i + 1]) != nil
        {
            return nil
        }
        guard let last = first.last, ".!?".contains(last) else { return nil }
        return first
    }
}
