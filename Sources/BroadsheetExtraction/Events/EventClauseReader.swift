import BroadsheetCore

/// Reads one sentence around a date: the clause, its trigger, its actor and other participants.
struct EventClauseReader {
    let tokens: [TimexToken]
    let mentions: [EventMention]
    let text: String
    /// The person the previous sentence was about, for a subject "he"/"she".
    let previousPerson: Int?

    /// What the reader found for one date.
    struct Reading {
        var trigger: String
        var triggerSpan: TextSpan
        var type: EventType
        var summary: String
        var participants: [Int]
        var places: [Int]
        var tense: Tense
    }

    static let determiners: Set<String> = [
        "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "another",
        "each", "every", "no", "'s", "any", "some", "first", "second", "last", "next", "such", "whose",
    ]
    static let prepositions: Set<String> = [
        "of", "in", "at", "to", "from", "with", "for", "by", "on", "near", "into", "about", "against", "between",
        "over", "under", "through", "across", "toward", "towards", "inside", "outside", "around", "within", "via",
        "like", "among", "behind", "beyond", "than", "without", "after", "before", "during", "since", "until", "as",
    ]
    static let hypotheticalModals: Set<String> = ["could", "might", "may", "should", "can", "must", "cannot"]
    static let clauseOpeners: Set<String> = [",", "but", "and", "who", "which", "that", "when", "then", "as", "while", "so", "\"", "yet", "or", "where", "after", "before"]
    static let leadingWords: Set<String> = [
        "in", "on", "at", "during", "by", "early", "late", "since", "around", "about", "also", "then", "only", "just",
        "again", "later", "earlier", "back", "sometime", "until", "through", "over",
    ]

    func lower(_ i: Int) -> String? { i >= 0 && i < tokens.count ? tokens[i].lower : nil }

    // MARK: - Segments

    /// The hard clause segment (between `;`, `—`, parentheses and quotation marks) containing token `i`.
    func segment(containing i: Int) -> Range<Int> {
        let hard: Set<String> = [";", "—", "(", ")", "\""]
        var s = i
        while s > 0, !hard.contains(tokens[s - 1].lower) { s -= 1 }
        var e = i
        while e < tokens.count, !hard.contains(tokens[e].lower) { e += 1 }
        return s..<e
    }

    /// Token ranges inside quotation marks.
    func quoted() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: Int?
        for (i, t) in tokens.enumerated() {
            if t.text == "\u{201C}" { open = i } else if t.text == "\u{201D}", let o = open { out.append(o..<(i + 1)); open = nil }
            else if t.text == "\"" { if let o = open { out.append(o..<(i + 1)); open = nil } else { open = i } }
        }
        if let o = open { out.append(o..<tokens.count) }
        return out
    }

    func mention(at i: Int) -> EventMention? { mentions.first { $0.first <= i && i <= $0.last } }

    // MARK: - Verbs

    /// The event type of a verb candidate at `i`, or `nil` when the token is not a usable verb.
    func verb(at i: Int) -> EventType? {
        let t = tokens[i]
        guard t.isWord, !t.isCapitalized || i == 0, mention(at: i) == nil else { return nil }
        let w = t.lower
        if EventLexicon.stateVerbs.contains(w) || EventLexicon.auxiliaries.contains(w) { return nil }
        let prev = lower(i - 1) ?? ""
        if Self.determiners.contains(prev) { return nil }
        if prev == "-" { return nil }  // "long-held", "U.S.-led"
        if lower(i + 1) == "-" { return nil }
        let known = EventLexicon.verbs[w]
        let isPast = TenseDetector.irregularPast.contains(w) || (w.count > 4 && w.hasSuffix("ed") && !TenseDetector.notVerbsEd.contains(w))
        guard known != nil || isPast || isVerbSlot(i) else { return nil }
        if w.hasSuffix("ing") {
            // Progressive only: "was hosting", "were discussing".
            guard ["is", "are", "was", "were", "been", "be", "am"].contains(prev) else { return nil }
        }
        if let k = known, w == k.lemma {
            // A base form is a verb after "to" handed on by a control verb ("set to visit"), after a
            // modal or "will", or after a plural pronoun ("they meet"); otherwise it is likely a noun.
            if prev == "to" {
                guard let c = lower(i - 2), EventLexicon.controlVerbs.contains(c) else { return nil }
            } else if !(prev.hasSuffix("'ll") || ["will", "would", "did", "shall", "again", "also", "then", "and", "not", "n't", "they", "we", "i", "you"]
                .contains(prev) || Self.hypotheticalModals.contains(prev))
            {
                return nil
            }
        }
        if EventLexicon.controlVerbs.contains(w), lower(i + 1) == "to", i + 2 < tokens.count, EventLexicon.verbs[tokens[i + 2].lower] != nil {
            return nil  // "planned to meet": the infinitive is the trigger
        }
        return known?.type ?? .other
    }

    /// Words that follow "will" or a control verb's "to" without being its verb.
    static let notVerbsInSlot: Set<String> = [
        "also", "not", "soon", "still", "then", "now", "never", "again", "only", "just", "first", "finally",
        "eventually", "once", "both", "all", "each", "either", "neither", "the", "a", "an", "this", "that",
    ]

    /// A lowercase word right after "will", "would", "shall" or "'ll" ("they'll"), or after the "to" of a control verb
    /// ("expected to run", "plans to reopen"), is a verb even when the lexicon does not list it.
    func isVerbSlot(_ i: Int) -> Bool {
        let w = tokens[i].lower
        guard w.count > 1, w.allSatisfy(\.isLetter), !w.hasSuffix("ly"), !Self.notVerbsInSlot.contains(w) else { return false }
        let prev = lower(i - 1) ?? ""
        if ["will", "would", "shall"].contains(prev) || prev.hasSuffix("'ll") { return true }
        if prev == "to", let control = lower(i - 2), EventLexicon.controlVerbs.contains(control) { return true }
        return false
    }

    /// Whether the verb at `i` is negated or hypothetical.
    func isNegatedOrHypothetical(_ i: Int) -> Bool {
        for k in max(0, i - 3)..<i {
            let w = tokens[k].lower
            if w == "not" || w == "never" || w.hasSuffix("n't") || w == "no" || Self.hypotheticalModals.contains(w) { return true }
        }
        return false
    }

    // MARK: - Reading a dated clause

    /// The event a date at token range `dateTokens` belongs to, if any.
    func read(dateTokens: ClosedRange<Int>) -> Reading? {
        let seg = segment(containing: dateTokens.lowerBound)
        // 1. An event noun the date modifies: "the Aug. 15 summit", "Russia's 2022 invasion".
        var n = dateTokens.upperBound + 1
        if lower(n) == "'s" { n += 1 }
        if n < seg.upperBound, let type = EventLexicon.nouns[tokens[n].lower], tokens[n].isWord {
            var start = dateTokens.lowerBound
            var k = start - 1
            while k >= seg.lowerBound, start - k <= 4, Self.determiners.contains(tokens[k].lower) || mention(at: k) != nil || tokens[k].lower == "'s" {
                start = k
                k -= 1
            }
            var end = n + 1
            while end < seg.upperBound, tokens[end].lower != "," { end += 1 }
            return reading(trigger: n, type: type, window: start..<end, summaryRange: start..<end)
        }
        // A date that only modifies a noun ("its fiscal 2024 forecast", "first-quarter sales") does
        // not date the clause.
        if let next = n < tokens.count ? tokens[n] : nil, next.isWord, !next.isCapitalized, isContentNoun(n) {
            let p = dateTokens.lowerBound - 1
            let introduced = p < seg.lowerBound || [",", "\"", "—"].contains(tokens[p].lower) || Self.prepositions.contains(tokens[p].lower)
                || Self.leadingWords.contains(tokens[p].lower)
            if !introduced { return nil }
        }
        // 2. The clause's verb: forward from a leading date, else backward first.
        var p = dateTokens.lowerBound - 1
        while p >= seg.lowerBound, Self.leadingWords.contains(tokens[p].lower) { p -= 1 }
        let leading = p < seg.lowerBound || Self.clauseOpeners.contains(tokens[p].lower)
        let forward = Array((dateTokens.upperBound + 1)..<max(dateTokens.upperBound + 1, seg.upperBound))
        let backward = Array(stride(from: dateTokens.lowerBound - 1, through: seg.lowerBound, by: -1))
        let order = leading ? forward + backward : backward + forward
        guard let v = order.first(where: { verb(at: $0) != nil }), let type = verb(at: v) else {
            // 3. An event noun just before the date: "a meeting on Monday".
            for k in stride(from: dateTokens.lowerBound - 1, through: max(seg.lowerBound, dateTokens.lowerBound - 3), by: -1) {
                if let type = EventLexicon.nouns[tokens[k].lower], tokens[k].isWord {
                    return reading(trigger: k, type: type, window: seg, summaryRange: seg)
                }
            }
            return nil
        }
        if isNegatedOrHypothetical(v) { return nil }
        // "The summit was held…", "Elections will take place…": the event noun names the event.
        let lemma = EventLexicon.verbs[tokens[v].lower]?.lemma ?? tokens[v].lower
        if Self.weakVerbs.contains(lemma) {
            let around = Array(stride(from: v - 1, through: seg.lowerBound, by: -1)) + Array((v + 1)..<min(seg.upperBound, v + 5))
            for k in around {
                // A one-word "entity" that is an event noun ("Talks will resume…") is still the event.
                if let nounType = EventLexicon.nouns[tokens[k].lower], tokens[k].isWord,
                    mention(at: k).map({ $0.first == $0.last }) ?? true
                {
                    return reading(trigger: k, type: nounType, window: seg, summaryRange: seg)
                }
            }
            // "the quarter, which ended Sept. 28": a period ending is not news.
            if let subject = (seg.lowerBound..<v).last(where: { tokens[$0].isWord && !EventLexicon.auxiliaries.contains(tokens[$0].lower) && tokens[$0].lower != "which" }),
                TimexUnit.words[tokens[subject].lower] != nil || ["period", "term", "season", "year", "quarter"].contains(tokens[subject].lower)
            {
                return nil
            }
        }
        return reading(trigger: v, type: type, window: seg, summaryRange: seg)
    }

    /// Verbs that only say that an event happened; the event noun before them is the better trigger.
    static let weakVerbs: Set<String> = [
        "hold", "take", "begin", "start", "end", "occur", "happen", "come", "open", "close", "fall", "resume", "continue",
    ]

    /// A sentence continuing the previous one's dated action: its past-simple event verb outside quotes.
    func readContinuation() -> Reading? {
        guard tokens.last?.lower != "?" else { return nil }
        let quotes = quoted()
        for i in tokens.indices where !quotes.contains(where: { $0.contains(i) }) {
            guard let type = verb(at: i) else { continue }
            let w = tokens[i].lower
            let lemma = EventLexicon.verbs[w]?.lemma
            let pastForm = TenseDetector.irregularPast.contains(w) || w.hasSuffix("ed")
            guard pastForm, lemma != w else { return nil }  // the main verb must be past simple
            if isNegatedOrHypothetical(i) { return nil }
            if let p = lower(i - 1), p == "had" || p == "been" || p == "has" || p == "have" { return nil }
            if let p = lower(i - 2), p == "had" { return nil }
            let seg = segment(containing: i)
            return reading(trigger: i, type: type, window: seg, summaryRange: seg)
        }
        return nil
    }

    /// The first person in subject position (before the first verb), for "he"/"she" in the next sentence.
    func firstSubjectPerson() -> Int? {
        let firstVerb = tokens.indices.first { verb(at: $0) != nil } ?? tokens.count
        return mentions.first { $0.type == .person && $0.first < firstVerb && lower($0.last + 1) != "'s" }?.key
    }

    // MARK: - Clause structure

    static let subordinators: Set<String> = [
        "when", "as", "after", "before", "while", "although", "though", "if", "because", "since", "once", "until",
        "by", "despite", "with", "whereas", "unless", "in",
    ]

    /// Relative clauses in `seg`: from ", who"/", which" to the next comma (inclusive).
    func relativeClauses(_ seg: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = seg.lowerBound
        while i < seg.upperBound - 1 {
            if tokens[i].lower == ",", ["who", "which", "whose"].contains(tokens[i + 1].lower) {
                var e = i + 2
                while e < seg.upperBound, tokens[e].lower != "," { e += 1 }
                out.append(i..<min(seg.upperBound, e + 1))
                i = e
            }
            i += 1
        }
        return out
    }

    /// The coordinated part of `seg` containing `v`, split at "but", "while", "whereas", "although".
    func part(of seg: Range<Int>, containing v: Int) -> Range<Int> {
        let splitters: Set<String> = ["but", "whereas", "although", "though", "yet"]
        var lo = seg.lowerBound
        var hi = seg.upperBound
        for k in seg where k > seg.lowerBound && (
            (splitters.contains(tokens[k].lower) && !["all", "anything", "nothing", "everything", "only", "last"].contains(tokens[k - 1].lower))
                || (["and", "or", "so"].contains(tokens[k].lower) && tokens[k - 1].lower == "," && k + 1 < seg.upperBound
                    && (tokens[k + 1].isCapitalized || ["he", "she", "they", "it", "we", "i"].contains(tokens[k + 1].lower))))
        {
            if k <= v { lo = k } else { hi = min(hi, k); break }
        }
        return lo..<hi
    }

    /// A leading subordinate clause ("By the time Zelensky arrived,", "As leaders met,") of `seg`.
    func leadingSubordinate(_ seg: Range<Int>) -> Range<Int>? {
        var k = seg.lowerBound
        while k < seg.upperBound, ["and", "but", "so"].contains(tokens[k].lower) { k += 1 }
        guard k < seg.upperBound, Self.subordinators.contains(tokens[k].lower) else { return nil }
        guard let comma = (k..<seg.upperBound).first(where: { tokens[$0].lower == "," }) else { return nil }
        // "In April, Dmitriev…": a plain prepositional phrase without a verb is not a clause.
        guard (k..<comma).contains(where: { verb(at: $0) != nil || EventLexicon.stateVerbs.contains(tokens[$0].lower) }) else { return nil }
        return k..<(comma + 1)
    }

    /// Whether the word at `i` is probably a noun (not a verb, auxiliary, function word or adverb).
    func isContentNoun(_ i: Int) -> Bool {
        let w = tokens[i].lower
        if EventLexicon.auxiliaries.contains(w) || EventLexicon.stateVerbs.contains(w) || w.hasSuffix("ly") { return false }
        if Self.prepositions.contains(w) || Self.clauseOpeners.contains(w) || Self.determiners.contains(w) { return false }
        if ["ago", "later", "earlier", "alone", "too", "again", "also", "off", "out", "up", "down", "away", "back", "over", "he", "she", "they", "it", "we", "i", "you", "not", "never", "to"].contains(w) { return false }
        if EventLexicon.verbs[w] != nil || TenseDetector.irregularPast.contains(w) || w.hasSuffix("ed") { return false }
        return true
    }

    /// Whether a mention modifies a following noun ("Trump donor", "Kremlin translator") rather than
    /// standing as a subject.
    func isModifier(_ m: EventMention) -> Bool {
        guard let n = tokens.indices.contains(m.last + 1) ? tokens[m.last + 1] : nil, n.isWord, !n.isCapitalized else { return false }
        let w = n.lower
        if EventLexicon.auxiliaries.contains(w) || EventLexicon.stateVerbs.contains(w) || w.hasSuffix("ly") { return false }
        if ["and", "or", "who", "which", "that", "also", "then", "still", "again", "himself", "herself", "itself", "themselves", "alone", "too", "not", "never", "had", "has", "will", "would"].contains(w) { return false }
        if EventLexicon.verbs[w] != nil || TenseDetector.irregularPast.contains(w) || w.hasSuffix("ed") { return false }
        return true
    }
}

extension String {
    var trimmingTrailingPunctuation: String {
        var s = Substring(self)
        while let l = s.last, l == "," || l == ";" || l == ":" || l == " " || l == "—" { s = s.dropLast() }
        return String(s)
    }
}
