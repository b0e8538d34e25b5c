import BroadsheetCore

/// A verb or phrase of saying found in the frame.
struct AttributionCue: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `said`, `told`, `wrote`…: the subject is before it, or after it when inverted (`said X`).
        case verb
        /// `according to X`: the source follows.
        case accordingTo
    }
    var kind: Kind
    /// Index of the cue's first token in the host sentence's tokens.
    var index: Int
    /// Number of tokens in the cue.
    var length: Int
}

/// Finds the attribution of one quotation in the sentence of the writer's text that holds it.
///
/// Orders handled: `“…,” X said`, `“…,” said X, the …`, `“…,” said White House spokesperson X`,
/// `“…,” X, the spokesperson, said`, `X said: “…”`, `X said that … “…”`, `according to X`,
/// `In a statement, X said …`, `X offered a pithy summary: “…”` (a colon introducing the quote), and
/// the agent of a naming verb (`which it called a “…”`).
struct AttributionFinder: Sendable {
    let context: QuoteContext
    let resolver: SpeakerResolver

    init(context: QuoteContext) {
        self.context = context
        self.resolver = SpeakerResolver(context: context)
    }

    /// The cue starting at token `t`, if any.
    ///
    /// With `reporting`, also a verb that reports speech by quoting a fragment after it (`accused the
    /// board of “…”`, see ``AttributionLexicon/reportingVerbs``), unless it is passive (`was accused`).
    func cue(at t: Int, in tokens: [FrameToken], reporting: Bool = false) -> AttributionCue? {
        let tok = tokens[t]
        guard tok.isWord else { return nil }
        // `According to X, …` opens many sentences: the only cue that may be capitalised.
        if tok.lower == "according", t + 1 < tokens.count, tokens[t + 1].lower == "to" {
            return AttributionCue(kind: .accordingTo, index: t, length: 2)
        }
        guard tok.isLowercase else { return nil }
        // `as the columnist put it, “…”`
        if tok.lower == "put" || tok.lower == "puts", t + 1 < tokens.count, tokens[t + 1].lower == "it" {
            return AttributionCue(kind: .verb, index: t, length: 2)
        }
        // `“…,” the mayor pointed out.`, `Ruiz went on: “…”`: phrasal verbs of saying are two-word cues;
        // `went on` only right after a quotation or before a colon or quotation (`went on holiday` is none).
        if tok.lower == "pointed" || tok.lower == "points", t + 1 < tokens.count, tokens[t + 1].lower == "out" {
            return AttributionCue(kind: .verb, index: t, length: 2)
        }
        if ["went", "goes"].contains(tok.lower), t + 1 < tokens.count, tokens[t + 1].lower == "on" {
            let afterQuote = tokens[max(0, t - 5)..<t].contains { $0.kind == .quote }
            let next = t + 2 < tokens.count ? tokens[t + 2] : nil
            let introduces = next.map { $0.isPunct(":") || $0.isPunct(",") || $0.kind == .quote } ?? false
            if (afterQuote && (next == nil || next!.kind == .punctuation)) || introduces {
                return AttributionCue(kind: .verb, index: t, length: 2)
            }
        }
        // `hailed the deal as “…”`: a verb of characterising is a reporting verb when `as` follows.
        let characterises =
            AttributionLexicon.asPredicateVerbs.contains(tok.lower)
            && tokens[(t + 1)...].prefix(5).contains { $0.isWord && $0.lower == "as" }
        if reporting, AttributionLexicon.reportingVerbs.contains(tok.lower) || characterises {
            // `was accused of` is passive; `is labeling it` is a progressive with an agent.
            if t > 0, tokens[t - 1].isWord, AttributionLexicon.passiveMarkers.contains(tokens[t - 1].lower),
                !tok.lower.hasSuffix("ing")
            {
                return nil
            }
            return AttributionCue(kind: .verb, index: t, length: 1)
        }
        guard
            AttributionLexicon.speechVerbs.contains(tok.lower)
                || AttributionLexicon.speechParticiples.contains(tok.lower)
        else { return nil }
        if t > 0, tokens[t - 1].isWord, ["to", "not", "declined", "refused"].contains(tokens[t - 1].lower),
            !isInfinitiveOfSaying(t, tokens)
        {
            return nil
        }
        // `“…,” Ryan continued.`, `“…,” the paper reported.`: right after the quotation it reports it.
        let afterQuote = tokens[max(0, t - 5)..<t].contains { $0.kind == .quote }
        if !afterQuote, tok.lower == "offered" || tok.lower == "continued" || tok.lower == "posted" || tok.lower == "reported" {
            // Only as a verb of saying when it introduces the quote (“offered a summary:”, “continued:”).
            let colon = tokens[(t + 1)...].prefix(6).first { $0.isPunct(":") || $0.kind == .quote }
            guard let colon, colon.isPunct(":") || (colon.kind == .quote && tok.lower != "offered") else { return nil }
        }
        return AttributionCue(kind: .verb, index: t, length: 1)
    }

    /// `went on to say`, `was quick to add`, `proceeded to explain`: an infinitive of saying that the
    /// subject does say (unlike `declined to say`).
    private func isInfinitiveOfSaying(_ t: Int, _ tokens: [FrameToken]) -> Bool {
        guard t >= 2, tokens[t - 1].lower == "to", tokens[t - 2].isWord else { return false }
        return ["on", "quick", "first", "proceeded", "began", "went", "goes", "hastened", "rushed", "later"]
            .contains(tokens[t - 2].lower)
    }

    /// `“…,” an angry mayor retorted.`: after a quotation ending with a comma, question or exclamation
    /// mark, a short clause that ends the sentence with a verb (or starts with one, inverted) is its
    /// attribution, whatever the verb.
    private func trailingClauseCue(after qi: Int, _ tokens: [FrameToken]) -> AttributionCue? {
        let quote = context.quotes[tokens[qi].quote]
        var k = quote.contentEnd - 1
        while k > quote.contentStart, UTF16Text.isSpace(context.text[k]) || UTF16Text.isAnyMark(context.text[k]) {
            k -= 1
        }
        guard k >= quote.contentStart, [0x2C, 0x3F, 0x21].contains(context.text[k]) else { return nil }
        var end = qi + 1
        while end < tokens.count, tokens[end].isWord { end += 1 }
        let clause = tokens[(qi + 1)..<end]
        guard clause.count >= 2, clause.count <= 6, end == tokens.count || tokens[end].kind == .punctuation,
            end == tokens.count || [".", "!", "?"].contains(tokens[end].lower)
        else { return nil }
        func verbLike(_ w: FrameToken) -> Bool {
            w.isLowercase && w.lower.count > 3 && (w.lower.hasSuffix("ed") || w.lower.hasSuffix("s"))
                && !AttributionLexicon.prepositions.contains(w.lower)
        }
        if let last = clause.last, verbLike(last), clause.dropLast().contains(where: { !$0.isLowercase }) || clause.count <= 3 {
            return AttributionCue(kind: .verb, index: clause.endIndex - 1, length: 1)
        }
        if let first = clause.first, verbLike(first), first.lower.hasSuffix("ed"), clause.dropFirst().first?.isCapitalized == true {
            return AttributionCue(kind: .verb, index: clause.startIndex, length: 1)
        }
        return nil
    }

    /// `“…” — Ana Ruiz`: a dash after the quotation followed by a short capitalised name that ends
    /// the sentence signs it (readers' comments, social posts).
    private func dashSignature(after qi: Int, _ tokens: [FrameToken]) -> Attribution? {
        guard qi + 2 < tokens.count, ["—", "―", "–", "-"].contains(tokens[qi + 1].lower) else { return nil }
        var end = qi + 2
        while end < tokens.count, tokens[end].isWord || tokens[end].isPunct(".") || tokens[end].isPunct(",") { end += 1 }
        // `— Tom Becker, Eastfield`: the name before a comma; what follows is a place or a role.
        var name = tokens[(qi + 2)..<end]
        if let comma = name.firstIndex(where: { $0.isPunct(",") }) { name = name[..<comma] }
        while let l = name.last, l.kind == .punctuation { name = name.dropLast() }
        let words = name.filter(\.isWord)
        guard end == tokens.count, !words.isEmpty, words.count <= 6, words.first!.isCapitalized,
            end - (qi + 2) <= 12
        else { return nil }
        guard var a = resolver.resolve(phrase: name) else { return nil }
        a.cue = tokens[qi + 1].lower
        return a
    }

    /// The attribution of quote `q`, or `nil` if its sentence has none of its own.
    func attribution(of q: Int, tokens: [FrameToken], quoteToken qi: Int) -> Attribution? {
        var right: AttributionCue?
        var t = qi + 1
        while t < tokens.count, tokens[t].kind != .quote, t - qi <= 25 {
            if let c = cue(at: t, in: tokens) {
                right = c
                break
            }
            t += 1
        }
        var left: AttributionCue?
        t = qi - 1
        while t >= 0, tokens[t].kind != .quote, qi - t <= 40 {
            // Before the quotation a reporting verb is a cue too (`X accused the board of “…”`).
            if let c = cue(at: t, in: tokens, reporting: true) {
                left = c
                break
            }
            t -= 1
        }
        // Preference: an attribution right after the quote, then the nearest before it, then a later
        // one, then any cue of the sentence (`“A” and “B,” X said`), nearest first. A cue whose
        // subject cannot be read (`… but said`) gives way to the next.
        var candidates: [AttributionCue] = []
        // `X accused A of “…” and Y says …`: a cue after a coordinating conjunction belongs to a new clause.
        if let r = right, left != nil,
            tokens[(qi + 1)..<r.index].contains(where: { $0.isWord && ["and", "but", "while", "whereas"].contains($0.lower) })
        {
            right = nil
        }
        if let r = right, r.index - qi <= 7 { candidates.append(r) }
        if let l = left { candidates.append(l) }
        if let r = right, r.index - qi > 7 { candidates.append(r) }
        candidates += tokens.indices.compactMap { cue(at: $0, in: tokens) }.sorted {
            abs($0.index - qi) < abs($1.index - qi)
        }
        let naming = namingVerb(before: qi, in: tokens)
        for c in candidates {
            // `which one called “…”`: a naming verb right before the quotation has its own agent rules.
            if c.index == naming, let a = namingAgent(before: qi, in: tokens) { return a }
            if var a = attribution(for: c, in: tokens) {
                a.cue = cueText(c, tokens)
                return a
            }
        }
        if let a = namingAgent(before: qi, in: tokens) { return a }
        if let a = dashSignature(after: qi, tokens) { return a }
        if let c = trailingClauseCue(after: qi, tokens), var a = attribution(for: c, in: tokens), a.speakerText != nil {
            a.cue = tokens[c.index].lower
            return a
        }
        return colonIntroduction(before: qi, in: tokens) ?? commaIntroduction(before: qi, in: tokens)
    }

    /// `…, Ana Ruiz shot back, “…”`: a short clause (at most five words) of a named person or `he`/`she`
    /// and a verb, closed by a comma right before the quotation, introduces it whatever the verb.
    private func commaIntroduction(before qi: Int, in tokens: [FrameToken]) -> Attribution? {
        guard qi > 1, tokens[qi - 1].isPunct(",") else { return nil }
        var lo = qi - 1
        while lo > 0, tokens[lo - 1].isWord || tokens[lo - 1].isPunct(".") { lo -= 1 }
        let chunk = tokens[lo..<(qi - 1)]
        let words = chunk.filter(\.isWord)
        guard let first = words.first, words.count >= 2, words.count <= 5,
            lo == 0 || tokens[lo - 1].isClauseComma,
            let verb = words.last, verb.isLowercase, !AttributionLexicon.prepositions.contains(verb.lower)
                || words.count >= 3
        else { return nil }
        var subjectEnd = chunk.startIndex
        if !["he", "she"].contains(first.lower) {
            guard let m = context.mention(covering: first.start), m.start == first.start, m.type == .person,
                let mEnd = chunk.lastIndex(where: { $0.end <= m.end }),
                chunk[(mEnd + 1)...].contains(where: { $0.isWord && $0.isLowercase })
            else { return nil }
            subjectEnd = mEnd
        }
        guard var a = resolver.resolve(phrase: chunk[chunk.startIndex...subjectEnd]) else { return nil }
        a.cue = chunk[(subjectEnd + 1)...].filter(\.isWord).map(\.lower).joined(separator: " ")
        return a
    }

    private func cueText(_ c: AttributionCue, _ tokens: [FrameToken]) -> String {
        switch c.kind {
        case .accordingTo: return "according to"
        case .verb:
            let verb = tokens[c.index].lower
            if verb == "offered", let colon = tokens[(c.index + 1)...].prefix(6).firstIndex(where: { $0.isPunct(":") })
            {
                return tokens[c.index..<colon].map(\.lower).joined(separator: " ")
            }
            if c.length > 1 { return tokens[c.index..<(c.index + c.length)].map(\.lower).joined(separator: " ") }
            return verb
        }
    }

    /// The speaker of cue `c`: the subject before the verb, or after it when inverted or `according to`.
    func attribution(for c: AttributionCue, in tokens: [FrameToken]) -> Attribution? {
        if c.kind == .accordingTo { return invertedSubject(after: c.index + c.length, tokens) }
        let verb = tokens[c.index].lower
        // The clause before the verb, back to the previous quotation or a colon/semicolon.
        var lo = c.index
        while lo > 0, tokens[lo - 1].kind != .quote, !tokens[lo - 1].isPunct(":"), !tokens[lo - 1].isPunct(";") {
            lo -= 1
        }
        var hi = c.index
        while hi > lo, tokens[hi - 1].isWord,
            AttributionLexicon.verbModifiers.contains(tokens[hi - 1].lower)
                || (tokens[hi - 1].lower.hasSuffix("ly") && tokens[hi - 1].lower.count > 4
                    && tokens[hi - 1].isLowercase)
        {
            hi -= 1
        }
        let clause = tokens[lo..<hi]
        if AttributionLexicon.speechParticiples.contains(verb) || (verb.hasSuffix("ing") && !hasAuxiliary(before: c.index, tokens))
            || isInfinitiveOfSaying(c.index, tokens)
        {
            // `Smith criticised the plan, saying …` (or `calling it …`): the subject of the clause the
            // participle hangs on.
            return leadingSubject(clause)
        }
        if !clause.contains(where: \.isWord) {
            guard !AttributionLexicon.objectVerbs.contains(verb) else { return nil }
            return invertedSubject(after: c.index + 1, tokens)
        }
        if let last = clause.last, last.isWord, ["and", "but", "then"].contains(last.lower), clause.count > 1 {
            // `He praised the defense and said …`: the verbs share the clause's subject.
            return leadingSubject(tokens[lo..<(hi - 1)])
        }
        let subject = resolver.resolve(phrase: subjectPhrase(clause))
        // `“…” for the city, said Ana Ruiz`: a verb right after a comma whose clause has no subject is
        // inverted; so is one followed by a named speaker when the clause before names nobody.
        if subject?.speaker == nil, tokens[c.index - 1].isPunct(","), !AttributionLexicon.objectVerbs.contains(verb),
            let inverted = invertedSubject(after: c.index + 1, tokens), let head = inverted.speakerSpan,
            subject == nil || inverted.speaker != nil
        {
            let determined = tokens.contains { $0.start == head.start && AttributionLexicon.determiners.contains($0.lower) }
            if inverted.speaker != nil || determined { return inverted }
        }
        return subject
    }

    /// Whether an auxiliary sits right before the verb at `v` (`is praising`, `has been calling`).
    private func hasAuxiliary(before v: Int, _ tokens: [FrameToken]) -> Bool {
        v > 0 && tokens[v - 1].isWord && AttributionLexicon.passiveMarkers.contains(tokens[v - 1].lower)
    }

    /// The subject at the start of a clause: a leading pronoun, or the first name in subject position.
    private func leadingSubject(_ clause: ArraySlice<FrameToken>) -> Attribution? {
        guard let first = clause.first(where: \.isWord) else { return nil }
        if ["he", "she", "it", "they"].contains(first.lower),
            let i = clause.firstIndex(where: { $0.start == first.start })
        {
            return resolver.resolve(phrase: clause[i...i])
        }
        guard let end = clause.last?.end, let m = resolver.subjectMention(from: first.start, to: end),
            let a = clause.firstIndex(where: { $0.start >= m.start }),
            let b = clause.lastIndex(where: { $0.end <= m.end }), a <= b
        else {
            // `Although he thanked them, he sounded a rare note, saying …`: the pronoun opening the
            // last comma-separated part.
            let parts = clause.split(whereSeparator: \.isClauseComma)
            for part in parts.reversed() {
                guard let w = part.first, w.isWord, ["he", "she", "they"].contains(w.lower) else { continue }
                return resolver.resolve(phrase: part.prefix(1))
            }
            return descriptionSubject(clause)
        }
        return resolver.resolve(phrase: clause[a...b])
    }

    /// `The veteran senator sounded off on the plan, saying …`: a description opening the clause, up
    /// to its verb (a past form in -ed, an auxiliary or a common irregular past), at most five words.
    private func descriptionSubject(_ clause: ArraySlice<FrameToken>) -> Attribution? {
        guard let first = clause.first, first.isWord,
            AttributionLexicon.determiners.contains(first.lower) || first.isCapitalized
        else { return nil }
        var end = clause.startIndex
        while end < clause.endIndex, end - clause.startIndex < 6, clause[end].isWord {
            let w = clause[end]
            if end > clause.startIndex, w.isLowercase,
                (w.lower.hasSuffix("ed") && w.lower.count > 3) || AttributionLexicon.passiveMarkers.contains(w.lower)
                    || AttributionLexicon.verbModifiers.contains(w.lower)
                    || AttributionLexicon.irregularPasts.contains(w.lower)
            {
                guard end - clause.startIndex <= 5 else { return nil }
                return resolver.resolve(phrase: clause[clause.startIndex..<end])
            }
            end += 1
        }
        return nil
    }

    /// The subject at the end of a clause, with appositives (`X, the spokesperson,`) and relative
    /// clauses (`X, who …,`) skipped back to the name they describe.
    private func subjectPhrase(_ clause: ArraySlice<FrameToken>) -> ArraySlice<FrameToken> {
        var end = clause.endIndex
        while end > clause.startIndex, clause[end - 1].kind == .punctuation, !clause[end - 1].isClauseComma { end -= 1 }
        // `Gov. Ann Holt (D-Vt.) said`: a short parenthetical after the name is not the subject.
        func skipParenthetical() {
            if end > clause.startIndex, clause[end - 1].isPunct(")"),
                let open = clause[max(clause.startIndex, end - 8)..<(end - 1)].lastIndex(where: { $0.isPunct("(") }),
                open > clause.startIndex
            {
                end = open
            }
        }
        skipParenthetical()
        let trailingComma = end > clause.startIndex && clause[end - 1].isClauseComma
        if trailingComma { end -= 1 }
        skipParenthetical()
        let chunk0Start =
            clause[clause.startIndex..<end].lastIndex(where: \.isClauseComma).map { $0 + 1 } ?? clause.startIndex
        var chunk0 = clause[chunk0Start..<end]
        let chunk0First = chunk0.first?.lower ?? ""
        // `An official, speaking on condition of anonymity, said`: a participle phrase is no subject.
        let chunk0IsPhrase = resolver.isNounPhrase(Array(chunk0))
        if chunk0.count > 10 { chunk0 = chunk0.suffix(10) }
        // `…, and the mayor, who said`: a bare relative pronoun stands for the phrase before its comma.
        if chunk0.count == 1, ["who", "which", "that"].contains(chunk0.first!.lower), chunk0Start > clause.startIndex {
            let antecedentEnd = chunk0Start - 1
            let antecedentStart =
                clause[clause.startIndex..<antecedentEnd].lastIndex(where: \.isClauseComma).map { $0 + 1 }
                ?? clause.startIndex
            // `among them Mayor X, who`: the antecedent starts after a preposition or object pronoun.
            let head =
                clause[antecedentStart..<antecedentEnd].lastIndex(where: {
                    $0.isWord && $0.isLowercase
                        && (AttributionLexicon.prepositions.contains($0.lower)
                            || ["them", "us", "him", "her", "me"].contains($0.lower))
                }).map { $0 + 1 } ?? antecedentStart
            if head < antecedentEnd { return clause[head..<antecedentEnd] }
        }
        guard trailingComma, chunk0Start > clause.startIndex else { return chunk0 }
        // `X, <chunk0>, said`: an appositive or relative clause between commas describes X.
        let relative = ["who", "which", "whose", "where"].contains(chunk0First)
        let hasSubject =
            chunk0IsPhrase
            && (chunk0.first.map { resolver.subjectMention(from: $0.start, to: chunk0.last!.end) != nil } ?? false)
        let isNumber = chunk0.count == 1 && chunk0.first!.lower.allSatisfy(\.isNumber)
        guard relative || !hasSubject || isNumber else { return chunk0 }
        let chunk1End = chunk0Start - 1
        let chunk1Start =
            clause[clause.startIndex..<chunk1End].lastIndex(where: \.isClauseComma).map { $0 + 1 } ?? clause.startIndex
        let chunk1 = clause[chunk1Start..<chunk1End]
        guard let last = chunk1.last,
            context.mentions(from: chunk1.first!.start, to: last.end).contains(where: { $0.end >= last.end - 1 })
        else { return relative || isNumber || !chunk0IsPhrase ? chunk1 : chunk0 }
        return chunk1
    }

    /// The subject after an inverted verb or `according to`; a description followed by a named
    /// appositive (`said his attorney, Rachel Odom`) gives the name.
    private func invertedSubject(after start: Int, _ tokens: [FrameToken]) -> Attribution? {
        let phrase = rightPhrase(after: start, tokens)
        let first = resolver.resolve(phrase: phrase)
        guard first?.speaker == nil, phrase.endIndex + 1 < tokens.count, tokens[phrase.endIndex].isPunct(",") else {
            return first
        }
        let next = rightPhrase(after: phrase.endIndex + 1, tokens)
        guard let a = next.first, let b = next.last, next.filter(\.isWord).count <= 6,
            let m = resolver.subjectMention(from: a.start, to: b.end), m.type == .person
        else { return first }
        return resolver.resolve(phrase: next)
    }

    /// The words after an inverted verb (`said White House spokesperson X, who …`) up to a clause end.
    private func rightPhrase(after start: Int, _ tokens: [FrameToken]) -> ArraySlice<FrameToken> {
        let stops: Set<String> = [
            "who", "which", "in", "on", "at", "during", "after", "before", "when", "while", "as", "to", "that",
            "because", "adding", "noting", "referring",
        ]
        var end = start
        while end < tokens.count, end - start < 10 {
            let t = tokens[end]
            if t.kind == .quote || (t.kind == .punctuation && t.lower != "." && t.lower != "-" && t.lower != "&") {
                break
            }
            if t.kind == .punctuation && t.lower == "."
                && (end + 1 >= tokens.count || tokens[end + 1].isCapitalized || tokens[end + 1].kind != .word)
            {
                // A period ends the phrase unless it belongs to an initial or abbreviation.
                let prev = end > start ? tokens[end - 1].lower : ""
                if !(prev.count == 1 || AttributionLexicon.abbreviations.contains(prev)) { break }
            }
            if t.isWord && t.isLowercase && stops.contains(t.lower) && end > start { break }
            end += 1
        }
        return tokens[start..<end]
    }

    /// `which it called a “…”`, `he dubbed the plan “…”`: the agent of a naming verb right before the quote.
    func namingAgent(before qi: Int, in tokens: [FrameToken]) -> Attribution? {
        guard let v = namingVerb(before: qi, in: tokens), isAgentive(verbAt: v, tokens) else { return nil }
        if tokens[v].lower.hasSuffix("ing") && !hasAuxiliary(before: v, tokens) {
            // `X went after the plan, calling it “…”`: the participle's agent is its clause's subject.
            var lo = v
            while lo > 0, tokens[lo - 1].kind != .quote, !tokens[lo - 1].isPunct(":"), !tokens[lo - 1].isPunct(";") {
                lo -= 1
            }
            guard var a = leadingSubject(tokens[lo..<v]) else { return nil }
            a.cue = tokens[v].lower
            return a
        }
        var hi = v
        while hi > 0, tokens[hi - 1].isWord, AttributionLexicon.verbModifiers.contains(tokens[hi - 1].lower) { hi -= 1 }
        // The agent: the clause's subject before the verb. After a wh-word it is the short phrase
        // that follows (`which it called`, `what one called`) unless that is a relative clause
        // with a verb of its own (`Activists who have pushed for the bill called`).
        var lo = hi
        while lo > 0, tokens[lo - 1].kind != .quote, !tokens[lo - 1].isPunct(":"), !tokens[lo - 1].isPunct(";"),
            !tokens[lo - 1].isClauseComma
        {
            lo -= 1
        }
        if lo == hi || (lo + 1 == hi && tokens[lo].isClauseComma) {
            // `Smith, the mayor, called it …`: read the appositive back to the name.
            var clauseStart = hi
            while clauseStart > 0, tokens[clauseStart - 1].kind != .quote, !tokens[clauseStart - 1].isPunct(":"),
                !tokens[clauseStart - 1].isPunct(";")
            {
                clauseStart -= 1
            }
            lo = clauseStart
        } else if let wh = tokens[lo..<hi].lastIndex(where: {
            ["what", "which", "who", "that", "whom"].contains($0.lower)
        }) {
            let after = tokens[(wh + 1)..<hi].filter(\.isWord)
            let aux: Set<String> = [
                "have", "has", "had", "is", "are", "was", "were", "will", "would", "can", "could", "been",
            ]
            let isRelativeClause =
                after.count > 3
                || after.contains { aux.contains($0.lower) || ($0.lower.hasSuffix("ed") && $0.isLowercase) }
            if after.isEmpty || isRelativeClause {
                hi = wh
            } else {
                lo = wh + 1
            }
        }
        guard lo < hi, var a = resolver.resolve(phrase: subjectPhrase(tokens[lo..<hi])) else { return nil }
        a.cue = tokens[v].lower
        return a
    }

    /// Index of a naming verb (`called`, `dubbed`…) before the quote, with at most four words of
    /// object between them (`called the thefts “…”`, `described him as “…”`).
    func namingVerb(before qi: Int, in tokens: [FrameToken]) -> Int? {
        var t = qi - 1
        var skipped = 0
        while t >= 0, skipped <= 4, tokens[t].isWord {
            if AttributionLexicon.namingVerbs.contains(tokens[t].lower) && tokens[t].isLowercase { return t }
            if AttributionLexicon.speechVerbs.contains(tokens[t].lower) { return nil }
            skipped += 1
            t -= 1
        }
        return nil
    }

    /// Whether the naming verb at `v` has an agent (`it called`, `Smith has called`) rather than
    /// being a participle after a noun (`an island called`).
    func isAgentive(verbAt v: Int, _ tokens: [FrameToken]) -> Bool {
        // An object between the verb and the quotation makes it active: `called it a`, `described
        // the report as`; a participle takes the name directly: `an island called the “…”`.
        if let q = tokens[(v + 1)...].firstIndex(where: { $0.kind == .quote }) {
            let between = tokens[(v + 1)..<q].filter { $0.isWord && !["the", "a", "an", "as"].contains($0.lower) }
            if !between.isEmpty { return true }
        }
        var t = v - 1
        while t >= 0, tokens[t].isWord, AttributionLexicon.verbModifiers.contains(tokens[t].lower) { t -= 1 }
        guard t >= 0, tokens[t].isWord else { return false }
        if ["it", "he", "she", "they", "we", "i", "you", "one", "some", "many", "others", "critics"].contains(
            tokens[t].lower)
        {
            return true
        }
        let head = tokens[t].lower
        if t > 0,
            AttributionLexicon.anonymousHeads.contains(head) || AttributionLexicon.organizationHeads.contains(head)
                || AttributionLexicon.pluralGroupHeads.contains(head)
        {
            return true
        }
        if t < v - 1, ["has", "have", "had"].contains(tokens[t + 1].lower) { return true }
        return context.mention(covering: tokens[t].start).map { !context.isPossessive($0) } ?? false
    }

    /// `X offered a pithy summary: “…”`, `Dmitriev was optimistic …: “…”`: the subject of the clause
    /// that a colon closes, right before the quote.
    func colonIntroduction(before qi: Int, in tokens: [FrameToken]) -> Attribution? {
        guard qi > 0, tokens[qi - 1].isPunct(":") else { return nil }
        var lo = qi - 1
        while lo > 0, tokens[lo - 1].kind != .quote, !tokens[lo - 1].isPunct(";"), !tokens[lo - 1].isPunct(":") {
            lo -= 1
        }
        let clause = tokens[lo..<(qi - 1)]
        guard let first = clause.first(where: \.isWord), let last = clause.last else { return nil }
        let chunkStart = clause.lastIndex(where: { $0.isPunct(",") }).map { $0 + 1 } ?? clause.startIndex
        // A round-up item, "Name, Publication: “…”": the person before the comma speaks, not the outlet.
        if chunkStart > clause.startIndex, chunkStart < qi - 1, clause.filter({ $0.isPunct(",") }).count == 1,
            let person = resolver.subjectMention(from: first.start, to: tokens[chunkStart - 1].start), person.type == .person,
            let outlet = resolver.subjectMention(from: tokens[chunkStart].start, to: last.end), outlet.type == .organization
        {
            return Attribution(
                speaker: person.key, speakerText: context.text.string(person.start, person.end),
                speakerSpan: .init(start: person.start, end: person.end))
        }
        if let item = roundUpItem(clause) { return item }
        let search = chunkStart < qi - 1 ? tokens[chunkStart..<(qi - 1)] : clause
        if let s = search.first,
            let m = resolver.subjectMention(from: s.start, to: last.end)
                ?? resolver.subjectMention(from: first.start, to: last.end)
        {
            var a = Attribution(
                speaker: m.key, speakerText: context.text.string(m.start, m.end),
                speakerSpan: .init(start: m.start, end: m.end))
            let after = tokens[(qi - 1 - min(6, qi - 1))..<(qi - 1)].filter { $0.start >= m.end && $0.isWord }
            if !after.isEmpty && after.count <= 5 { a.cue = after.map(\.lower).joined(separator: " ") }
            return a
        }
        if let w = search.first(where: \.isWord), ["he", "she"].contains(w.lower) {
            return resolver.resolve(
                phrase: search[search.startIndex..<(search.firstIndex(where: { $0.start == w.start })! + 1)])
        }
        return nil
    }
    /// A round-up item by its shape, `Name Surname, Outlet Name: “…”` opening its paragraph, when the
    /// recogniser missed the person: the capitalised words before the comma speak, not the outlet.
    private func roundUpItem(_ clause: ArraySlice<FrameToken>) -> Attribution? {
        guard let first = clause.first, let p = context.document.paragraphIndex(containing: first.start),
            context.opensParagraph(first.start, p),
            let comma = clause.firstIndex(where: { $0.isPunct(",") }),
            clause.filter({ $0.isPunct(",") }).count == 1, comma + 1 < clause.endIndex
        else { return nil }
        let name = clause[clause.startIndex..<comma]
        let outlet = clause[(comma + 1)...]
        func capitalisedPhrase(_ words: ArraySlice<FrameToken>, _ maxWords: Int) -> Bool {
            words.count >= 1 && words.count <= maxWords
                && words.allSatisfy { ($0.isWord && ($0.isCapitalized || ["the", "of", "de", "van", "von"].contains($0.lower))) || $0.isPunct(".") || $0.isPunct("-") }
                && words.first!.isCapitalized
        }
        guard name.filter(\.isWord).count >= 2, capitalisedPhrase(name, 5), capitalisedPhrase(outlet, 6),
            context.mentions(from: first.start, to: name.last!.end).allSatisfy({ $0.type == .person })
        else { return nil }
        return resolver.resolve(phrase: name)
    }

    /// `Jones disagreed. “That is nonsense.”`: a quotation that opens its sentence with no
    /// attribution of its own, right after a sentence of the same paragraph whose subject is a
    /// person (named, or `he`/`she`) and which holds no quotation.
    func precedingSentenceSubject(of q: Int) -> Attribution? {
        let quote = context.quotes[q]
        let host = context.hostSentence(of: q)
        guard !context.tokenizer.tokens(from: host.start, to: quote.open).contains(where: \.isWord),
            let previousStart = context.previousBoundary(before: host.start, paragraph: quote.paragraph),
            host.start - previousStart < QuoteContext.maxHostReach
        else { return nil }
        let tokens = context.tokenizer.tokens(from: previousStart, to: host.start)
        guard !tokens.contains(where: { $0.kind == .quote }), tokens.filter(\.isWord).count >= 2 else { return nil }
        let opening = tokens.prefix(5)
        if let w = opening.first(where: \.isWord), ["he", "she"].contains(w.lower), w.start == opening.first?.start {
            let key = resolver.resolvePersonPronoun(w.lower == "he" ? .male : .female, word: w.lower, at: w.start)
            return Attribution(
                speaker: key, speakerText: context.text.string(w.start, w.end),
                speakerSpan: .init(start: w.start, end: w.end))
        }
        guard let last = opening.last,
            let m = context.mentions(from: previousStart, to: last.end).first(where: {
                $0.type == .person && !context.isPossessive($0) && !context.isAfterPreposition($0)
                    && !context.isModifierOfFollowingName($0)
            })
        else { return nil }
        return Attribution(
            speaker: m.key, speakerText: context.text.string(m.start, m.end),
            speakerSpan: .init(start: m.start, end: m.end))
    }
    /// `Smith said the plan had failed. It was “a mess from the start.”`: a quotation with no
    /// attribution of its own continues the speaker whose words the sentence just before it (same
    /// paragraph) reports.
    func precedingSentenceReporter(of q: Int) -> Attribution? {
        let quote = context.quotes[q]
        let host = context.hostSentence(of: q)
        guard let previousStart = context.previousBoundary(before: host.start, paragraph: quote.paragraph),
            host.start - previousStart < QuoteContext.maxHostReach
        else { return nil }
        return firstReportedSpeaker(context.tokenizer.tokens(from: previousStart, to: host.start))
    }

    /// The attribution of the first cue in `tokens` whose speaker can be read.
    private func firstReportedSpeaker(_ tokens: [FrameToken]) -> Attribution? {
        for t in tokens.indices {
            guard let c = cue(at: t, in: tokens), var a = attribution(for: c, in: tokens), a.speakerText != nil else {
                continue
            }
            a.cue = cueText(c, tokens)
            return a
        }
        return nil
    }

    /// `Smith said the plan would fail.` ¶ `“It is a disaster.”`: a quotation opening its paragraph
    /// with no attribution of its own continues the speaker whose words the previous paragraph's last
    /// sentence reports (its first cue with a readable subject).
    func previousParagraphReporter(of q: Int) -> Attribution? {
        let quote = context.quotes[q]
        let paragraphs = context.document.paragraphs
        guard quote.paragraph > 0, quote.paragraph < paragraphs.count,
            context.opensParagraph(quote.open, quote.paragraph)
        else { return nil }
        let previous = paragraphs[quote.paragraph - 1].span
        guard previous.end > previous.start else { return nil }
        let lastStart =
            context.previousBoundary(before: previous.end - 1, paragraph: quote.paragraph - 1) ?? previous.start
        return firstReportedSpeaker(
            context.tokenizer.tokens(from: max(lastStart, previous.end - QuoteContext.maxHostReach), to: previous.end))
    }

    /// A quotation opening its paragraph after a paragraph that ends with a colon
    /// (`In a statement, the governor said:`): the attribution of that last sentence.
    func colonParagraphIntroduction(of q: Int) -> Attribution? {
        let quote = context.quotes[q]
        let paragraphs = context.document.paragraphs
        guard quote.paragraph > 0, quote.paragraph < paragraphs.count else { return nil }
        guard context.opensParagraph(quote.open, quote.paragraph) else { return nil }
        let previous = paragraphs[quote.paragraph - 1].span
        let lastStart =
            context.previousBoundary(before: previous.end - 1, paragraph: quote.paragraph - 1) ?? previous.start
        let start = max(lastStart, previous.end - QuoteContext.maxHostReach)
        var tokens = context.tokenizer.tokens(from: start, to: previous.end)
        guard let last = tokens.last, last.isPunct(":"), !tokens.contains(where: { $0.kind == .quote }) else {
            return nil
        }
        tokens.append(FrameToken(kind: .quote, start: quote.open, end: quote.end, lower: "", quote: q))
        return attribution(of: q, tokens: tokens, quoteToken: tokens.count - 1)
    }
}
