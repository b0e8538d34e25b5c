import BroadsheetCore

/// Building a ``EventClauseReader/Reading``: the clause window around a trigger, its actor (subject,
/// passive agent, pronoun or relative-clause antecedent), other participants, places and summary.
extension EventClauseReader {
    /// The reading of a clause whose trigger is token `v`, within the hard segment `seg`.
    func reading(trigger v: Int, type rawType: EventType, window seg: Range<Int>, summaryRange: Range<Int>) -> Reading {
        var type = phrasalType(v) ?? rawType
        let rels = relativeClauses(seg)
        var window: [Int]
        var summaryRange = summaryRange
        var antecedent: Int?
        if let rel = rels.first(where: { $0.contains(v) }) {
            window = Array(rel)
            antecedent = mentions.last { $0.last < rel.lowerBound && $0.last >= rel.lowerBound - 1 - 0 && [.person, .organization].contains($0.type) }?.key
                ?? mentions.last { $0.last < rel.lowerBound && [.person, .organization].contains($0.type) }?.key
            if summaryRange == seg {
                let start = mentions.last { $0.last < rel.lowerBound }?.first ?? rel.lowerBound
                summaryRange = start..<rel.upperBound
            }
        } else {
            let p = part(of: seg, containing: v)
            var w = Array(p).filter { k in !rels.contains { $0.contains(k) } }
            if let sub = leadingSubordinate(seg), !sub.contains(v) { w.removeAll { sub.contains($0) } }
            window = w
            if summaryRange == seg { summaryRange = p }
        }
        let windowSet = Set(window)
        let inWindow = mentions.filter { windowSet.contains($0.first) }
        let actorTypes: Set<EntityType> = [.person, .organization, .location]
        var actor: Int?
        // Passive with an agent: "was blocked by the Treasury", "given a license by Treasury".
        let passive = ([lower(v - 1), lower(v - 2)].contains { ["was", "were", "been", "being", "is", "are", "be", ","].contains($0 ?? "") }
            && tokens[v].lower.hasSuffix("ed")) || ["given", "taken", "held", "struck", "shot", "sent", "sold", "bought", "paid", "made", "told"].contains(tokens[v].lower)
        if passive, let by = ((v + 1)..<min(tokens.count, v + 8)).first(where: { tokens[$0].lower == "by" && windowSet.contains($0) }),
            let agent = inWindow.first(where: { actorTypes.contains($0.type) && $0.first > by && $0.first <= by + 2 })
        {
            actor = agent.key
        }
        func subject(among candidates: [EventMention]) -> Int? {
            let before = candidates.filter {
                actorTypes.contains($0.type) && $0.last < v && !isPrepositional($0) && lower($0.last + 1) != "'s" && !isModifier($0)
            }
            guard var first = before.first else { return nil }
            if first.type != .person, let person = before.dropFirst().first(where: { $0.type == .person }), person.first > first.last,
                !tokens[(first.last + 1)..<person.first].contains(where: { $0.lower == "," || $0.lower == "and" })
            {
                first = person  // "Exxon Mobil Senior Vice President Neil Chapman met"
            }
            return first.key
        }
        if actor == nil { actor = subject(among: inWindow) }
        if actor == nil, let pronoun = window.last(where: { $0 < v && ["he", "she", "who"].contains(tokens[$0].lower) }) {
            if tokens[pronoun].lower == "who" {
                actor = antecedent ?? mentions.last { $0.last < pronoun && $0.type == .person }?.key
            } else {
                let quotes = quoted()
                actor = mentions.first { m in
                    m.type == .person && m.last < pronoun && !quotes.contains(where: { $0.contains(m.first) })
                        && !isPrepositional(m) && lower(m.last + 1) != "'s"
                }?.key ?? previousPerson
            }
        }
        if actor == nil, antecedent != nil { actor = antecedent }
        if actor == nil {
            // A shared subject before the coordinated part: "Lynch … had been seeking…, but in April dialed up…".
            let sub = leadingSubordinate(seg)
            let outside = mentions.filter { m in seg.contains(m.first) && !rels.contains { $0.contains(m.first) } && !(sub?.contains(m.first) ?? false) }
            actor = subject(among: outside)
        }
        var participants: [Int] = actor.map { [$0] } ?? []
        if let a = antecedent, !participants.contains(a) { participants.append(a) }
        var places: [Int] = []
        for m in inWindow where m.key != actor {
            switch m.type {
            case .person, .organization:
                if !participants.contains(m.key) { participants.append(m.key) }
            case .location:
                if lower(m.last + 1) == "'s" {
                    if !participants.contains(m.key) { participants.append(m.key) }
                } else if !places.contains(m.key) {
                    places.append(m.key)
                }
            default: break
            }
        }
        places.removeAll { participants.contains($0) }
        // "took over": a company buys another, a person takes a job.
        if type == .transaction, lower(v + 1) == "over", let a = actor, mentions.first(where: { $0.key == a })?.type == .person {
            type = .personnel
        }
        let tense = TenseDetector.cue(tokens, v) ?? TenseDetector.tense(tokens, around: v..<(v + 1))
        return Reading(
            trigger: tokens[v].text, triggerSpan: TextSpan(start: tokens[v].start, end: tokens[v].end), type: type,
            summary: summary(summaryRange), participants: participants, places: places, tense: tense)
    }

    /// The type a particle gives a verb ("reached out", "launched into"), if any.
    func phrasalType(_ v: Int) -> EventType? {
        guard let particle = lower(v + 1) else { return nil }
        let w = tokens[v].lower
        var lemmas: [String] = []
        if let l = EventLexicon.verbs[w]?.lemma { lemmas.append(l) }
        if w.hasSuffix("ed") { lemmas += [String(w.dropLast(2)), String(w.dropLast(1))] }
        lemmas.append(w)
        for l in lemmas { if let t = EventLexicon.phrasal["\(l) \(particle)"] { return t } }
        return nil
    }

    /// Whether a mention is the object of a preposition ("in Miami", "with Putin").
    func isPrepositional(_ m: EventMention) -> Bool {
        var k = m.first - 1
        while k >= 0, ["the", "a", "an"].contains(tokens[k].lower) || (tokens[k].isCapitalized && mention(at: k) == nil && k > 0 && tokens[k - 1].lower != ",") {
            // Skip determiners and title words ("with President Zelensky").
            if tokens[k].lower == "," { break }
            k -= 1
        }
        return k >= 0 && Self.prepositions.contains(tokens[k].lower)
    }

    /// The text of `range`, trimmed of edge punctuation and conjunctions, at most ``EventExtractor/summaryLimit``.
    func summary(_ range: Range<Int>) -> String {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, tokens[lo].kind == .punct || ["and", "but", "or"].contains(tokens[lo].lower) { lo += 1 }
        while hi > lo, tokens[hi - 1].kind == .punct, tokens[hi - 1].lower != "." || hi == range.upperBound {
            if tokens[hi - 1].lower == "." && hi - 1 > lo && tokens[hi - 2].text.count <= 3 && tokens[hi - 2].isCapitalized { break }
            hi -= 1
        }
        guard lo < hi else { return "" }
        var s = String(text.slice(TextSpan(start: tokens[lo].start, end: tokens[hi - 1].end)))
        let limit = EventExtractor.summaryLimit
        if s.count > limit {
            let cut = s.prefix(limit)
            let end = cut.lastIndex(of: " ") ?? cut.endIndex
            s = String(cut[..<end]).trimmingTrailingPunctuation + "…"
        }
        return s
    }
}
