import BroadsheetCore

/// Who a quotation is attributed to, and how the text says so.
struct Attribution: Sendable, Hashable {
    var speaker: Int?
    var speakerText: String?
    var speakerSpan: TextSpan?
    var cue: String?
}

/// Turns a subject phrase ("Witkoff", "he", "the company", "one of these people") into a speaker.
///
/// Named speakers come from the entity mentions in the phrase (people first, then organisations,
/// then places acting as governments), skipping possessive modifiers (`Poland’s prime minister X`)
/// and objects of prepositions (`a spokesperson for the Department`). Pronouns are resolved from
/// the narrative (see ``resolvePersonPronoun(_:word:at:)``); indefinite and anonymous descriptions
/// (`an administration official`, `people familiar with …`, `officials`) never get a named speaker.
struct SpeakerResolver: Sendable {
    let context: QuoteContext

    private var sentences: [Sentence] { context.document.sentences }

    /// Resolves the phrase written at `tokens` (words and punctuation of the frame).
    func resolve(phrase tokens: ArraySlice<FrameToken>) -> Attribution? {
        var words = Array(tokens.filter { $0.kind != .quote })
        // Leading conjunctions and relative words are not part of the subject ("which it", "but he").
        let leading: Set<String> = [
            "whose", "and", "but", "so", "while", "as", "that", "because", "when", "although", "which", "who", "whom",
            "though", "since", "if", "then", "yet", "where",
        ]
        while let f = words.first, f.kind == .punctuation || leading.contains(f.lower) { words.removeFirst() }
        // `in which he`, `of whom she`: a preposition opening a relative clause.
        if words.count > 2, AttributionLexicon.prepositions.contains(words[0].lower),
            ["which", "whom", "whose"].contains(words[1].lower)
        {
            words.removeFirst(2)
        }
        while let l = words.last, l.kind == .punctuation { words.removeLast() }
        guard let first = words.first, let last = words.last else { return nil }
        // A speaker is a noun phrase, never an adverbial ("in a low voice", "on condition of anonymity").
        if !isNounPhrase(words) { return nil }
        // `a farmer waved at the bus and Okafor`, `a baker who opened a shop when she`: a long
        // phrase that runs over a clause boundary; the subject is the short name or pronoun after it.
        let splitters: Set<String> = ["who", "that", "which", "when", "while", "as", "and", "but", "because", "where"]
        if words.filter(\.isWord).count > 6,
            let cut = words.lastIndex(where: { $0.isWord && $0.isLowercase && splitters.contains($0.lower) }),
            cut + 1 < words.count, words.count - cut - 1 <= 4
        {
            let tail = Array(words[(cut + 1)...])
            let named = tail.first.map { t in
                ["he", "she", "they", "it"].contains(t.lower) || context.mention(covering: t.start) != nil
            } ?? false
            if named { return resolve(phrase: tail[...]) }
        }
        let span = TextSpan(start: first.start, end: last.end)
        let phrase = context.text.string(span.start, span.end)
        let wordTokens = words.filter(\.isWord)

        // `a Pentagon official`, `Exxon executives`: an unnamed source of a named body stays anonymous.
        if let head = wordTokens.last, head.isLowercase, AttributionLexicon.anonymousHeads.contains(head.lower),
            context.mention(covering: head.start) == nil
        {
            return Attribution(speaker: nil, speakerText: phrase, speakerSpan: span)
        }
        if let m = subjectMention(from: span.start, to: span.end) {
            let asWritten = wordTokens.count <= 8 ? phrase : context.text.string(m.start, m.end)
            let s = wordTokens.count <= 8 ? span : TextSpan(start: m.start, end: m.end)
            return Attribution(speaker: m.key, speakerText: asWritten, speakerSpan: s)
        }
        // `a statement from the Police Department`, `a report by X`: the document's author speaks.
        if let doc = wordTokens.firstIndex(where: { AttributionLexicon.documentNouns.contains($0.lower) }),
            doc + 1 < wordTokens.count, ["from", "by", "of"].contains(wordTokens[doc + 1].lower),
            let m = context.mentions(from: wordTokens[doc + 1].end, to: span.end).first(where: {
                ($0.type == .organization || $0.type == .person || $0.type == .location) && !context.isPossessive($0)
            })
        {
            return Attribution(speaker: m.key, speakerText: phrase, speakerSpan: span)
        }
        if wordTokens.count == 1 {
            let w = wordTokens[0].lower
            switch w {
            case "he", "she":
                let key = resolvePersonPronoun(w == "he" ? .male : .female, word: w, at: span.start)
                return Attribution(speaker: key, speakerText: phrase, speakerSpan: span)
            case "it":
                return Attribution(speaker: resolveIt(at: span.start), speakerText: phrase, speakerSpan: span)
            case "they":
                return Attribution(speaker: resolveThey(at: span.start), speakerText: phrase, speakerSpan: span)
            default:
                break
            }
        }
        return Attribution(
            speaker: resolveDescription(wordTokens, at: span.start), speakerText: phrase, speakerSpan: span)
    }

    /// Whether the phrase `words` can be a speaker's noun phrase: it does not open with a preposition
    /// or adverbial (`in a low voice`, `On Tuesday`, `about the plan`), an auxiliary or subordinator
    /// (`is listed as`, `when asked`), a verb of saying (`told reporters`), or a participle followed by
    /// a time or a preposition (`launched Wednesday`, `released by the ministry`), whatever its case,
    /// unless a recognised name starts there.
    func isNounPhrase(_ words: [FrameToken]) -> Bool {
        guard let first = words.first(where: { $0.kind != .punctuation }), first.isWord else { return true }
        let w = first.lower
        // `About 40 residents`, `Over half of voters`: an approximation before a number is no adverbial.
        let beforeNumber = words.dropFirst().first.map { $0.lower.first?.isNumber == true || $0.lower == "half" } ?? false
        var predicate =
            (AttributionLexicon.adverbialStarts.contains(w) || AttributionLexicon.prepositions.contains(w))
            && !beforeNumber
            || AttributionLexicon.predicateStarts.contains(w)
        if first.isLowercase, w != "noted",
            AttributionLexicon.speechVerbs.contains(w) || AttributionLexicon.speechParticiples.contains(w)
        {
            predicate = true
        }
        // `forcing her to …`, `speaking on condition of anonymity`: a participle phrase.
        if first.isLowercase, w.hasSuffix("ing"), w.count > 5 { predicate = true }
        if first.isLowercase, w.hasSuffix("ed"), w.count > 4 {
            // `launched Wednesday`, `released by …` (a predicate), not `retired general …` (a modifier).
            let next = words.dropFirst().first
            predicate =
                predicate || next == nil
                || next.map {
                    $0.kind == .punctuation || AttributionLexicon.prepositions.contains($0.lower)
                        || AttributionLexicon.timeWords.contains($0.lower)
                        || ["the", "a", "an", "that", "it", "him", "her", "them"].contains($0.lower)
                } == true
        }
        guard predicate else { return true }
        return first.isCapitalized && context.mention(covering: first.start)?.start == first.start
    }

    /// The subject-like mention in a phrase: not possessive, not after a preposition; people first.
    func subjectMention(from start: Int, to end: Int) -> LocatedMention? {
        let candidates = context.mentions(from: start, to: end).filter {
            !context.isPossessive($0) && !context.isAfterPreposition($0, within: start)
                && !context.isModifierOfFollowingName($0) && !isParenthesized($0)
        }
        return candidates.first { $0.type == .person } ?? candidates.first { $0.type == .organization }
            ?? candidates.first { $0.type == .location }
    }

    /// Whether an opening parenthesis comes right before the mention (`Sen. Ann Holt (D-Vt.)`,
    /// `WASHINGTON (Wire)`): an aside, never the subject.
    private func isParenthesized(_ m: LocatedMention) -> Bool {
        var i = m.start - 1
        while i >= 0, UTF16Text.isSpace(context.text[i]) { i -= 1 }
        return i >= 0 && context.text[i] == 0x28
    }

    /// A description with no name in it: anonymous unless it is definite and points back unambiguously
    /// (`the company` → the last organisation; `the envoy` → the one person described as an envoy).
    private func resolveDescription(_ words: [FrameToken], at position: Int) -> Int? {
        guard let first = words.first, let head = words.last?.lower else { return nil }
        // A capitalised word that is a known entity's name or alias (a mention the recogniser missed).
        let covered = context.entities.entities.flatMap(\.mentions).map(\.span)
        for w in words
        where w.isCapitalized && !(w.start == first.start && AttributionLexicon.determiners.contains(w.lower))
            && !covered.contains(where: { $0.start < w.end && w.start < $0.end })
        {
            let matches = context.entities.entities.filter { e in
                (e.type == .person || e.type == .organization)
                    && ([e.name] + e.aliases).contains { name in
                        name.split(separator: " ").contains { $0.lowercased() == w.lower }
                    }
            }
            if matches.count == 1 { return matches[0].key }
        }
        let definite = ["the", "this", "that"].contains(first.lower)
        guard definite, words.count <= 4, !AttributionLexicon.anonymousHeads.contains(head) else { return nil }
        if AttributionLexicon.organizationHeads.contains(head) {
            return resolveRecentOrganization(head: head, before: position)
        }
        let described = context.entities.entities.filter { e in
            e.type == .person
                && e.descriptions.contains { d in
                    d.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == head }
                }
        }
        if described.count == 1 { return described[0].key }
        if described.count > 1 {
            // Several people hold the role: the one mentioned last before the description.
            let keys = Set(described.map(\.key))
            if let m = context.mentions(from: 0, to: position).last(where: { keys.contains($0.key) }) { return m.key }
            return nil
        }
        // Epithets that always point back to someone already named: `the 24-year-old`, `the veteran`.
        if Self.isAgeEpithet(head) || AttributionLexicon.epithets.contains(head) {
            let gender: PronounGender =
                head.hasSuffix("woman") || ["actress", "mother", "daughter", "grandmother", "widow"].contains(head)
                ? .female : head.hasSuffix("man") ? .male : .unknown
            return resolvePersonPronoun(gender, word: "", at: position)
        }
        return nil
    }

    /// `24-year-old`, `34-year-old`.
    static func isAgeEpithet(_ word: String) -> Bool {
        word.hasSuffix("-year-old") && word.first?.isNumber == true
    }

    // MARK: pronouns

    private struct Item {
        enum Kind { case pronoun(String), mention(LocatedMention), group }
        var kind: Kind
        var start: Int
    }

    private func items(sentence s: Int, before limit: Int?, pronouns: Set<String>, types: Set<EntityType>) -> [Item] {
        let span = sentences[s].span
        let end = min(limit ?? span.end, span.end)
        // Long run-on sentences are read only near the pronoun (keeps the walk linear).
        let start = max(span.start, end - QuoteContext.maxHostReach)
        guard start < end else { return [] }
        var out: [Item] = []
        for t in context.tokenizer.tokens(from: start, to: end) where t.isWord {
            if pronouns.contains(t.lower) { out.append(Item(kind: .pronoun(t.lower), start: t.start)) }
            if types.contains(.other), AttributionLexicon.pluralGroupHeads.contains(t.lower), t.isLowercase {
                out.append(Item(kind: .group, start: t.start))
            }
        }
        for m in context.mentions(from: start, to: end)
        where types.contains(m.type) && !context.isModifierOfFollowingName(m) {
            out.append(Item(kind: .mention(m), start: m.start))
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Resolves `he` or `she` at `position` to a person from the narrative, not simply the nearest name.
    ///
    /// Walks back sentence by sentence (at most 12, within three paragraphs): in each sentence the first
    /// person in subject position (not possessive, not after a preposition) who agrees in gender wins;
    /// a sentence whose subject is the same pronoun continues the chain further back. Names inside
    /// quotations are never antecedents. If no subject is found, the first agreeing person seen at all.
    func resolvePersonPronoun(_ gender: PronounGender, word: String, at position: Int) -> Int? {
        guard !sentences.isEmpty else { return nil }
        let s0 = context.sentenceIndex(of: position)
        let p0 = sentences[s0].paragraph
        var fallback: Int?
        var s = s0
        sentenceLoop: while s >= 0 && s0 - s < 12 && sentences[s].paragraph >= p0 - 3 {
            for item in items(sentence: s, before: s == s0 ? position : nil, pronouns: ["he", "she"], types: [.person])
            {
                switch item.kind {
                case .pronoun(let p):
                    if p == word {
                        s -= 1
                        continue sentenceLoop
                    }
                case .mention(let m):
                    guard context.gender(of: m.key).agrees(with: gender) else { continue }
                    if context.isPossessive(m) || context.isAfterPreposition(m) {
                        if fallback == nil { fallback = m.key }
                        continue
                    }
                    return m.key
                case .group:
                    break
                }
            }
            s -= 1
        }
        return fallback
    }

    /// Resolves `it` to an organisation (or a place acting as a government): in the pronoun's own
    /// sentence the nearest one before it that is not the antecedent of a relative clause
    /// (`the Treasury … its Fund, which it called …` → the Treasury); in earlier sentences the subject.
    func resolveIt(at position: Int) -> Int? {
        guard !sentences.isEmpty else { return nil }
        let s0 = context.sentenceIndex(of: position)
        let p0 = sentences[s0].paragraph
        var s = s0
        while s >= 0 && s0 - s < 6 && sentences[s].paragraph >= p0 - 1 {
            let span = sentences[s].span
            let ms = context.mentions(from: span.start, to: s == s0 ? position : span.end)
            if s == s0 {
                let usable = ms.reversed().filter { !context.isRelativeAntecedent($0) && !context.isPossessive($0) }
                if let m = usable.first(where: { $0.type == .organization })
                    ?? usable.first(where: { $0.type == .location })
                {
                    return m.key
                }
            } else {
                let usable = ms.filter { !context.isAfterPreposition($0) && !context.isPossessive($0) }
                if let m = usable.first(where: { $0.type == .organization })
                    ?? usable.first(where: { $0.type == .location })
                {
                    return m.key
                }
            }
            s -= 1
        }
        return nil
    }

    /// Resolves `they` to an organisation, or to nobody when the nearest plural is a group of
    /// unnamed people (`officials`, `residents`), a person (`they` then means people around them), or
    /// several names joined by `and` (`Smith and Jones`, `Apple and Google`): one named speaker would
    /// be wrong.
    func resolveThey(at position: Int) -> Int? {
        guard !sentences.isEmpty else { return nil }
        let s0 = context.sentenceIndex(of: position)
        let p0 = sentences[s0].paragraph
        var s = s0
        sentenceLoop: while s >= 0 && s0 - s < 6 && sentences[s].paragraph >= p0 - 1 {
            var list = items(
                sentence: s, before: s == s0 ? position : nil, pronouns: ["they"],
                types: [.organization, .other, .person])
            if s == s0 { list.reverse() }
            for item in list {
                switch item.kind {
                case .pronoun:
                    if s != s0 {
                        s -= 1
                        continue sentenceLoop
                    }
                case .group:
                    return nil
                case .mention(let m):
                    if m.type == .person || context.isCoordinated(m) { return nil }
                    if !context.isPossessive(m) && (s == s0 || !context.isAfterPreposition(m)) { return m.key }
                }
            }
            s -= 1
        }
        return nil
    }

    /// The organisation a definite description (`the company`, `the agency`) refers back to, within
    /// ten sentences: the last one whose name contains the head noun (`the department` → `State
    /// Department`); else the last one named in this or the previous sentence; else the last one
    /// not named after a preposition (`an analyst at X` is background).
    func resolveRecentOrganization(head: String = "", before position: Int) -> Int? {
        guard !sentences.isEmpty else { return nil }
        let s0 = context.sentenceIndex(of: position)
        let lo = sentences[max(0, s0 - 10)].span.start
        let orgs = context.mentions(from: lo, to: position).filter {
            $0.type == .organization && !context.isRelativeAntecedent($0)
        }
        if !head.isEmpty,
            let m = orgs.last(where: { m in
                context.entity(m.key).map { e in
                    ([e.name] + e.aliases).contains { $0.lowercased().split(separator: " ").contains(Substring(head)) }
                } ?? false
            })
        {
            return m.key
        }
        let near = sentences[max(0, s0 - 1)].span.start
        if let m = orgs.last(where: { $0.start >= near }) { return m.key }
        return (orgs.last { !context.isAfterPreposition($0) } ?? orgs.last)?.key
    }
}
