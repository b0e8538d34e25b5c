/// Finds time-expression phrases in one sentence's tokens (left to right, longest match first).
///
/// The matcher only recognises and interprets phrases (``TimexCandidate``); ``TimexResolver``
/// turns them into TIMEX3 values against a reference date. Recognisers live in extensions:
/// calendar dates (`+Calendar`), relative expressions (`+Relative`), durations and sets
/// (`+Durations`), clock times (`+Clock`).
struct TimexMatcher {
    let tokens: [TimexToken]

    init(tokens: [TimexToken]) { self.tokens = tokens }

    /// Every phrase in the sentence, non-overlapping, in order.
    func matches() -> [TimexMatch] {
        var out: [TimexMatch] = []
        var i = 0
        while i < tokens.count {
            if let m = bestMatch(at: i), m.end > i {
                out.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// Words that can start a phrase (besides numbers and the lexicon's month, weekday, unit, season,
    /// decade, ordinal and holiday words). Everything else is skipped without running the recognisers.
    static let startWords: Set<String> = {
        var s: Set<String> = [
            "the", "this", "last", "next", "past", "previous", "current", "coming", "upcoming", "early", "late", "mid",
            "middle", "earlier", "later", "about", "around", "roughly", "approximately", "some", "nearly", "almost",
            "circa", "more", "less", "fewer", "at", "up", "a", "an", "few", "several", "many", "numerous", "half",
            "recent", "today", "yesterday", "tomorrow", "tonight", "now", "right", "currently", "nowadays", "these",
            "recently", "lately", "soon", "that", "fiscal", "noon", "midnight", "every", "each", "once", "twice",
            "thrice", "per", "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly", "nightly",
            "biweekly", "biannually", "'", "then",
        ]
        s.formUnion(TimexLexicon.monthNames.keys)
        s.formUnion(TimexLexicon.monthAbbreviations.keys)
        s.formUnion(TimexLexicon.weekdays.keys)
        s.formUnion(TimexLexicon.weekdayPlurals.keys)
        s.formUnion(TimexLexicon.numberWords.keys)
        s.formUnion(TimexLexicon.ordinals.keys)
        s.formUnion(TimexLexicon.seasons.keys)
        s.formUnion(TimexLexicon.decadeWords.keys)
        s.formUnion(TimexUnit.words.keys)
        s.formUnion(HolidayCalendar.byFirstWord.keys)
        return s
    }()

    /// Whether a phrase could start at token `i`.
    func canStart(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .number { return true }
        if Self.startWords.contains(t.lower) { return true }
        return t.lower.count <= 6 && (t.lower.hasPrefix("q") || t.lower.hasPrefix("fy"))
    }

    /// The longest phrase starting at token `i`, with any modifier prefix.
    func bestMatch(at i: Int) -> TimexMatch? {
        guard canStart(i) else { return nil }
        var best: TimexMatch?
        func consider(_ m: TimexMatch?) {
            guard let m else { return }
            if best == nil || m.end > best!.end { best = m }
        }
        consider(modified(at: i))
        consider(core(at: i))
        return best
    }

    /// The longest unmodified phrase at `i`.
    func core(at i: Int) -> TimexMatch? {
        var best: TimexMatch?
        let all: [TimexMatch?] = [
            holiday(at: i), calendarDate(at: i), year(at: i), decadeOrCentury(at: i), quarterOrFiscal(at: i),
            season(at: i), weekdayPhrase(at: i), deictic(at: i), anaphoric(at: i), duration(at: i), set(at: i),
            clock(at: i), reference(at: i),
        ]
        for case let m? in all where best == nil || m.end > best!.end { best = m }
        return best
    }

    // MARK: - Modifiers

    /// `early`/`mid`/`late`/`the end of` before a date; `about`/`more than` before a duration or date.
    func modified(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        var mod: String?
        var j = i
        var forDates = true
        var forDurations = false
        switch w {
        case "early": mod = "START"; j = i + 1
        case "late": mod = "END"; j = i + 1
        case "mid", "middle":
            mod = "MID"
            j = i + 1
            if lower(j) == "-" { j += 1 }
            if w == "middle", lower(j) == "of" { j += 1 }
        case "the":
            if let p = phrase(at: i + 1, ["end", "of"]) { mod = "END"; j = p }
            else if let p = phrase(at: i + 1, ["close", "of"]) { mod = "END"; j = p }
            else if let p = phrase(at: i + 1, ["beginning", "of"]) { mod = "START"; j = p }
            else if let p = phrase(at: i + 1, ["start", "of"]) { mod = "START"; j = p }
            else if let p = phrase(at: i + 1, ["middle", "of"]) { mod = "MID"; j = p }
            else if let p = phrase(at: i + 1, ["turn", "of"]) { mod = "START"; j = p }
            if mod != nil, let unitWord = lower(j) == "the" ? lower(j + 1) : nil, let unit = TimexUnit.words[unitWord],
                [.week, .month, .year, .quarter, .decade, .century, .day].contains(unit)
            {
                // "the end of the month": the current unit of the publication date.
                if unit == .day { return nil }
                return TimexMatch(first: i, end: j + 2, candidate: .deictic(unit, offset: 0), mod: mod)
            }
        case "about", "around", "roughly", "approximately", "some", "nearly", "almost", "circa":
            mod = (w == "nearly" || w == "almost") ? "LESS_THAN" : "APPROX"
            j = i + 1
            forDurations = true
            forDates = w != "some" && w != "nearly" && w != "almost"
        case "more", "less", "fewer":
            guard lower(i + 1) == "than" else { return nil }
            mod = w == "more" ? "MORE_THAN" : "LESS_THAN"
            j = i + 2
            forDurations = true
            forDates = false
        case "at":
            if lower(i + 1) == "least" { mod = "EQUAL_OR_MORE" } else if lower(i + 1) == "most" { mod = "EQUAL_OR_LESS" }
            j = i + 2
            forDurations = true
            forDates = false
        case "up":
            guard lower(i + 1) == "to" else { return nil }
            mod = "EQUAL_OR_LESS"
            j = i + 2
            forDurations = true
            forDates = false
        default: return nil
        }
        guard let mod, j > i, var inner = core(at: j) else { return nil }
        switch inner.candidate {
        case .duration:
            guard forDurations else { return nil }
        case .calendar, .decade, .century, .season, .deicticSeason, .quarter, .halfYear, .fiscalYear:
            guard forDates else { return nil }
        case .yearAgo:
            guard forDates else { return nil }
        case .deictic(let unit, _), .anaphoric(let unit, _):
            guard forDates, unit != .hour, unit != .minute, unit != .second else { return nil }
            if ["START", "MID", "END"].contains(mod), unit == .day { return nil }
        case .time, .partOfDay:
            guard mod == "APPROX" else { return nil }
        case .weekday, .deicticWeekday, .holiday:
            guard forDates, !["START", "MID", "END"].contains(mod) || w == "early" || w == "late" else { return nil }
        default:
            return nil
        }
        // "earlier this month" carries its own meaning; "about" etc. keep an inner mod if present.
        inner.first = i
        if inner.mod == nil { inner.mod = mod }
        return inner
    }

    // MARK: - Token helpers

    func lower(_ i: Int) -> String? { i >= 0 && i < tokens.count ? tokens[i].lower : nil }
    func token(_ i: Int) -> TimexToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    /// The index after `words` if they occur at `i` (lowercase comparison), else `nil`.
    func phrase(at i: Int, _ words: [String]) -> Int? {
        var j = i
        for w in words {
            guard lower(j) == w else { return nil }
            j += 1
        }
        return j
    }

    /// Whether token `i` starts the sentence (or a quotation or parenthesis).
    func isSentenceInitial(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        return ["\"", "'", "(", "—", ":", "["].contains(tokens[i - 1].lower) && (i == 1 || tokens[i - 1].kind == .punct)
    }

    /// A cardinal number at `i` (digits or words, "twenty-five", "two hundred"): value and end index.
    func number(at i: Int) -> (value: Int, end: Int)? {
        guard let t = token(i) else { return nil }
        if let v = t.intValue { return (v, i + 1) }
        guard let v = TimexLexicon.numberWords[t.lower], v != 100, v != 1000 else { return nil }
        var value = v
        var j = i + 1
        if v >= 20, v % 10 == 0, lower(j) == "-", !(token(j)?.spaceBefore ?? true), let ones = lower(j + 1),
            let o = TimexLexicon.numberWords[ones], o < 10
        {
            value += o
            j += 2
        }
        if let w = lower(j), w == "hundred" || w == "thousand" {
            value *= w == "hundred" ? 100 : 1000
            j += 1
        }
        return (value, j)
    }

    /// A quantity before a unit: a number, "a"/"an" (1), or a vague word ("a few", "several": `nil`).
    func amount(at i: Int) -> (value: Int?, end: Int)? {
        guard let w = lower(i) else { return nil }
        if let n = number(at: i) { return (n.value, n.end) }
        switch w {
        case "a", "an":
            if lower(i + 1) == "few" { return (nil, i + 2) }
            if lower(i + 1) == "couple" { return (2, lower(i + 2) == "of" ? i + 3 : i + 2) }
            if let adj = lower(i + 1), ["single", "full", "whole", "entire"].contains(adj) { return (1, i + 2) }
            return (1, i + 1)
        case "few", "several", "many", "numerous":
            return (nil, i + 1)
        default: return nil
        }
    }
}
