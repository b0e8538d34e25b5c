/// Decides whether the first body paragraph of a plain-text article is a dek (standfirst).
///
/// Rule (documented, deliberately conservative): the first block is a paragraph (no heading
/// before it) of at most 32 words and at most 2 sentences; it contains no quotation marks and no
/// attribution (`said`, `says`, `told`, `according to`), does not start with a dateline (an
/// upper-case place followed by a dash), and the next paragraph exists and is longer. Leads are
/// usually longer and attributed; deks are short summaries.
enum DekDetector {
    static func leadingDek(in blocks: [ArticleDraft.Block]) -> String? {
        guard blocks.count >= 3, case .paragraph(let first) = blocks[0], case .paragraph(let second) = blocks[1]
        else { return nil }
        let words = first.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 4, words.count <= 32, second.count > first.count else { return nil }
        guard SentenceSplitter.split(first).count <= 2 else { return nil }
        if first.contains(where: { "\"“”«»".contains($0) }) { return nil }
        let lower = " " + first.lowercased() + " "
        for cue in [" said", " says", " told ", " according to ", " tells "] where lower.contains(cue) { return nil }
        if let firstWord = words.first, firstWord.count > 1,
            firstWord.allSatisfy({ $0.isUppercase || $0 == "," }), words.count > 1,
            words.prefix(4).contains(where: { $0 == "—" || $0 == "-" || $0 == "–" })
        {
            return nil
        }
        guard let last = first.last, ".!?".contains(last) else { return nil }
        return first
    }
}
