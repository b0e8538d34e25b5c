/// Decides whether a quotation is a full utterance, a fragment of speech, or a quoted name.
///
/// - `direct`: the quotation starts its sentence, follows a verb of saying or a colon, contains a
///   sentence break of its own, or is a piece of a quotation continued across paragraphs.
/// - `term`: a name after `known as`, `so-called`, `dubbed`, `titled`, a non-agentive `called`…;
///   a short Title Case phrase inside the writer's sentence (a nickname or title); or a one- or
///   two-word scare quote in a sentence with no attribution.
/// - `partial`: any other fragment inside the writer's sentence (`leaders have “talked a lot of trash”`),
///   including the object of an agentive naming verb (`which it called a “slush fund”`).
struct QuoteClassifier: Sendable {
    let context: QuoteContext
    let finder: AttributionFinder

    static let smallWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "de", "la", "le", "von", "van",
        "with", "from", "is", "&",
    ]

    /// Words that cannot be the noun a scare-quoted modifier qualifies (`a “mistake” that …`, `a
    /// “faker” and …`, `a “welcome step,” he said`): pronouns, conjunctions, relatives, auxiliaries.
    static let clauseWords: Set<String> = [
        "he", "she", "it", "they", "we", "i", "you", "and", "or", "but", "nor", "so", "that", "which", "who",
        "whom", "whose", "where", "when", "while", "because", "if", "as", "than", "is", "was", "are", "were",
        "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "not",
    ]

    func classify(_ q: Int, tokens: [FrameToken], quoteToken qi: Int, sentenceHasCue: Bool) -> QuoteKind {
        let quote = context.quotes[q]
        if quote.continuesPrevious || quote.reopensNext { return .direct }
        let content = FrameTokenizer(text: context.text, quotes: []).tokens(
            from: quote.contentStart, to: quote.contentEnd)
        let words = content.filter(\.isWord)
        guard let firstWord = words.first else { return .term }

        let titleCase =
            words.allSatisfy { $0.isCapitalized || Self.smallWords.contains($0.lower) || !$0.lower.first!.isLetter }
            && firstWord.isCapitalized
        if let v = finder.namingVerb(before: qi, in: tokens) {
            // `which it called a “slush fund”` quotes the agent; `fans called it the “Berg Era”` is a nickname.
            return finder.isAgentive(verbAt: v, tokens) && !(titleCase && words.count <= 5) ? .partial : .term
        }
        if hasTermCue(before: qi, tokens) { return .term }

        let before = tokens[..<qi]
        let atStart = !before.contains { $0.kind != .punctuation }
        let previous = before.last
        var afterCue = previous.map { $0.isPunct(":") } ?? false
        if let p = previous, p.isWord, p.isLowercase, AttributionLexicon.speechVerbs.contains(p.lower) {
            afterCue = true
        }
        if let p = previous, p.isPunct(","), qi >= 2, tokens[qi - 2].isWord,
            AttributionLexicon.speechVerbs.contains(tokens[qi - 2].lower)
        {
            afterCue = true
        }
        if atStart || afterCue || hasInternalSentenceBreak(quote) { return .direct }

        // Inside the writer's sentence.
        if titleCase && words.count <= 8 && !(words.count == 1 && sentenceHasCue && words[0].lower == "i")
            && !(sentenceHasCue && endsInExclamationOrQuestion(quote))
        {
            return .term
        }
        // `described the plan as “reckless”`, `dismissed him as a “reformer”`: a predicate someone gave.
        if isPredicateAfterAs(qi, tokens) { return .partial }
        if words.count <= 2 && !sentenceHasCue { return .term }
        // A scare-quoted modifier inside a noun phrase: `the “temporary” fence`.
        if words.count <= 3, let p = previous, p.isWord,
            ["the", "a", "an", "this", "its", "their", "his", "her", "our"].contains(p.lower),
            qi + 1 < tokens.count, tokens[qi + 1].isWord, tokens[qi + 1].isLowercase,
            !AttributionLexicon.prepositions.contains(tokens[qi + 1].lower),
            !AttributionLexicon.speechVerbs.contains(tokens[qi + 1].lower),
            !AttributionLexicon.speechParticiples.contains(tokens[qi + 1].lower),
            !Self.clauseWords.contains(tokens[qi + 1].lower)
        {
            return .term
        }
        return .partial
    }

    /// Whether the quotation ends with `!` or `?` (`tweeted that it was “Shameful!”`): an utterance,
    /// not a name, when the sentence reports speech.
    private func endsInExclamationOrQuestion(_ quote: MarkedQuote) -> Bool {
        var k = quote.contentEnd - 1
        while k > quote.contentStart, UTF16Text.isSpace(context.text[k]) || UTF16Text.isAnyMark(context.text[k]) {
            k -= 1
        }
        return k >= quote.contentStart && (context.text[k] == 0x21 || context.text[k] == 0x3F)
    }

    /// `as (a|an|the)? “…”` after a verb of the clause with an object (`hailed the deal as a
    /// “breakthrough”`, `rejected the idea as “absurd”`), not a naming phrase (`known as`, `billed as`,
    /// which ``hasTermCue(before:_:)`` has already taken).
    private func isPredicateAfterAs(_ qi: Int, _ tokens: [FrameToken]) -> Bool {
        var a = qi - 1
        if a >= 0, tokens[a].isWord, ["a", "an", "the"].contains(tokens[a].lower) { a -= 1 }
        guard a >= 1, tokens[a].isWord, tokens[a].lower == "as" else { return false }
        // A verb within the four words before `as`: a past form, a present in -s, or a reporting verb.
        var t = a - 1
        while t >= 0, a - t <= 4, tokens[t].isWord {
            let w = tokens[t].lower
            if tokens[t].isLowercase,
                AttributionLexicon.reportingVerbs.contains(w) || AttributionLexicon.speechVerbs.contains(w)
                    || AttributionLexicon.asPredicateVerbs.contains(w)
            {
                return true
            }
            t -= 1
        }
        return false
    }

    private func hasTermCue(before qi: Int, _ tokens: [FrameToken]) -> Bool {
        var end = qi
        // Skip a determiner between the cue and the quote: `known as the “…”`.
        if end > 0, tokens[end - 1].isWord,
            ["the", "a", "an", "its", "his", "her", "their"].contains(tokens[end - 1].lower)
        {
            end -= 1
        }
        for cue in AttributionLexicon.termCues where cue.count <= end {
            let slice = tokens[(end - cue.count)..<end]
            if zip(slice, cue).allSatisfy({ $0.isWord && $0.lower == $1 }) { return true }
        }
        return false
    }

    private func hasInternalSentenceBreak(_ quote: MarkedQuote) -> Bool {
        let text = context.text
        var i = quote.contentStart
        while i + 2 < quote.contentEnd {
            if UTF16Text.isTerminal(text[i]) && UTF16Text.isSpace(text[i + 1]) {
                var k = i + 1
                while k < quote.contentEnd, UTF16Text.isSpace(text[k]) { k += 1 }
                if k < quote.contentEnd && (UTF16Text.isUpper(text[k]) || text[k] == UTF16Text.leftSingle) {
                    var j = i
                    while j > quote.contentStart, UTF16Text.isLetter(text[j - 1]) { j -= 1 }
                    let w = text.string(j, i).lowercased()
                    if text[i] != 0x2E
                        || !(w.count <= 1 || AttributionLexicon.abbreviations.contains(w) || text.at(j - 1) == 0x2E)
                    {
                        return true
                    }
                }
            }
            i += 1
        }
        return false
    }
}
