/// Expressions relative to the publication date ("last month", "yesterday", "two weeks ago") or to the
/// narrative's last date ("the next day", "that same month", "a day earlier"), and `*_REF` words.
extension TimexMatcher {
    static let calendarUnits: Set<TimexUnit> = [.day, .week, .weekend, .month, .quarter, .year, .decade, .century]

    /// Publication-relative expressions.
    func deictic(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        // "USA Today", "Good Morning America": a capitalised word inside a name.
        if ["today", "tomorrow", "yesterday", "tonight"].contains(w), tokens[i].isCapitalized, !isSentenceInitial(i),
            let p = token(i - 1), p.isCapitalized, p.isWord
        { return nil }
        // "by year-end", "at month-end": the end of the publication's year or month.
        if let unit = TimexUnit.words[w], unit == .year || unit == .month || unit == .quarter, lower(i + 1) == "-",
            lower(i + 2) == "end", !(token(i + 1)?.spaceBefore ?? true)
        {
            return TimexMatch(first: i, end: i + 3, candidate: .deictic(unit, offset: 0), mod: "END")
        }
        // "over the weekend", "during the weekend": the weekend nearest in the clause's tense.
        if w == "the", lower(i + 1) == "weekend", let p = lower(i - 1), ["over", "during", "on", "at", "through", "for"].contains(p) {
            return TimexMatch(first: i, end: i + 2, candidate: .weekendByTense)
        }
        switch w {
        case "today": return after(i, 1, .deictic(.day, offset: 0), part: true, dayOffset: 0)
        case "yesterday": return after(i, 1, .deictic(.day, offset: -1), part: true, dayOffset: -1)
        case "tomorrow": return after(i, 1, .deictic(.day, offset: 1), part: true, dayOffset: 1)
        case "tonight": return TimexMatch(first: i, end: i + 1, candidate: .partOfDay("NI", day: .deictic(0)))
        case "overnight": return nil
        default: break
        }
        // "the coming year", "the current quarter", "the upcoming week": publication-relative dates.
        // "the current fiscal year" too.
        if w == "the", let d = lower(i + 1), let offset = ["coming": 1, "upcoming": 1, "current": 0][d] {
            let k = lower(i + 2) == "fiscal" ? i + 3 : i + 2
            if let u = token(k), let unit = TimexUnit.words[u.lower], !u.lower.hasSuffix("s"), TimexMatcher.calendarUnits.contains(unit),
                unit != .day, k == i + 2 || unit == .year || unit == .quarter
            {
                return TimexMatch(first: i, end: k + 1, candidate: .deictic(unit, offset: offset))
            }
        }
        // A company's year: "the year ended Sept. 30" is a length of time; "for the year", "the full year"
        // are the publication's year.
        if w == "the" {
            var k = i + 1
            let full = lower(k) == "full"
            if full || lower(k) == "fiscal" { k += 1 }
            if lower(k) == "year", let n = lower(k + 1) {
                if n == "ended" || n == "ending" {
                    return TimexMatch(first: i, end: k + 1, candidate: .duration(amount: 1, unit: .year))
                }
                let closes = token(k + 1)?.kind == .punct && n != "-" || ["of", "was", "were", "is", "are", "will", "rose", "fell"].contains(n)
                if closes, full || lower(i - 1) == "for" {
                    return TimexMatch(first: i, end: k + 1, candidate: .deictic(.year, offset: 0))
                }
            }
        }
        if let e = phrase(at: i, ["the", "day", "before", "yesterday"]) {
            return TimexMatch(first: i, end: e, candidate: .deictic(.day, offset: -2))
        }
        if let e = phrase(at: i, ["the", "day", "after", "tomorrow"]) {
            return TimexMatch(first: i, end: e, candidate: .deictic(.day, offset: 2))
        }
        // "earlier this month", "later this year", "earlier today".
        var j = i
        if w == "earlier" || w == "later" {
            j = i + 1
            if lower(j) == "today" { return TimexMatch(first: i, end: j + 1, candidate: .deictic(.day, offset: 0)) }
            guard lower(j) == "this" else { return nil }
        }
        guard let d = lower(j) else { return nil }
        let offset: Int
        switch d {
        case "this", "current": offset = 0
        case "last", "past", "previous": offset = -1
        case "next", "coming": offset = 1
        default: return deicticAgo(at: i)
        }
        if j == i, d == "past" || d == "previous" || d == "current" || d == "coming" { return nil }  // need "the": durations
        // "this past week" / "this coming Monday"
        var k = j + 1
        if d == "this", let n = lower(k), n == "past" || n == "coming" {
            return deicticTail(first: i, at: k + 1, offset: n == "past" ? -1 : 1)
        }
        if let n = lower(k), n == "-" { k += 1 }
        return deicticTail(first: i, at: k, offset: offset)
    }

    /// The part after "this"/"last"/"next": a unit, weekday, season, month, holiday or part of day.
    private func deicticTail(first i: Int, at k: Int, offset: Int) -> TimexMatch? {
        guard let t = token(k) else { return nil }
        if let unit = TimexUnit.words[t.lower], TimexMatcher.calendarUnits.contains(unit), !t.lower.hasSuffix("s") || unit == .century {
            guard unit != .day else { return nil }
            return TimexMatch(first: i, end: k + 1, candidate: .deictic(unit, offset: offset))
        }
        if let part = TimexLexicon.partsOfDay[t.lower] {
            if offset == 0 { return TimexMatch(first: i, end: k + 1, candidate: .partOfDay(part, day: .deictic(0))) }
            if offset == -1, part == "NI" || part == "EV" {
                return TimexMatch(first: i, end: k + 1, candidate: .partOfDay(part, day: .deictic(-1)))
            }
            return nil
        }
        if t.isCapitalized, let wd = TimexLexicon.weekdays[t.lower] {
            return TimexMatch(first: i, end: k + 1, candidate: .deicticWeekday(wd, offset: offset))
        }
        if let code = TimexLexicon.seasons[t.lower] {
            return TimexMatch(first: i, end: k + 1, candidate: .deicticSeason(code, offset: offset))
        }
        if t.isCapitalized, let m = TimexLexicon.monthNames[t.lower] {
            // "last March": the most recent March before; "next March": the coming one.
            return TimexMatch(first: i, end: k + 1, candidate: .deicticMonth(m, offset: offset))
        }
        if let h = holiday(at: k) {
            return TimexMatch(first: i, end: h.end, candidate: {
                if case .holiday(let rule, _, _) = h.candidate { return .holiday(rule, year: nil, offset: offset) }
                return h.candidate
            }())
        }
        return nil
    }

    /// "two weeks ago", "a year ago", "a few days ago", "three years from now".
    func deicticAgo(at i: Int) -> TimexMatch? {
        guard let a = amount(at: i), let u = token(a.end), let unit = TimexUnit.words[u.lower] else { return nil }
        if let e = phrase(at: a.end + 1, ["ago"]) {
            if a.value == 1, unit == .year { return TimexMatch(first: i, end: e, candidate: .yearAgo(fromNarrative: false, quarterWord: false)) }
            if let n = a.value { return TimexMatch(first: i, end: e, candidate: .deictic(unit, offset: -n)) }
            return TimexMatch(first: i, end: e, candidate: .deicticVague(unit, direction: -1))
        }
        if let e = phrase(at: a.end + 1, ["from", "now"]) {
            if let n = a.value { return TimexMatch(first: i, end: e, candidate: .deictic(unit, offset: n)) }
            return TimexMatch(first: i, end: e, candidate: .deicticVague(unit, direction: 1))
        }
        return nil
    }

    /// "today" / "yesterday" optionally followed by a part of day ("yesterday morning").
    private func after(_ i: Int, _ n: Int, _ c: TimexCandidate, part: Bool, dayOffset: Int) -> TimexMatch {
        if part, let p = lower(i + n).flatMap({ TimexLexicon.partsOfDay[$0] }) {
            return TimexMatch(first: i, end: i + n + 1, candidate: .partOfDay(p, day: .deictic(dayOffset)))
        }
        return TimexMatch(first: i, end: i + n, candidate: c)
    }

    /// "the year-ago quarter", "the year-earlier period", "the comparable year-ago third quarter", and a
    /// bare "year-earlier" before another noun: the compared period a year before.
    func yearAgoAdjective(at i: Int) -> TimexMatch? {
        var j = i
        let article = lower(j) == "the"
        if article { j += 1 }
        if article, let c = lower(j), c == "comparable" || c == "corresponding" || c == "same" { j += 1 }
        guard lower(j) == "year", lower(j + 1) == "-", let d = lower(j + 2), d == "ago" || d == "earlier",
            !(token(j + 1)?.spaceBefore ?? true), !(token(j + 2)?.spaceBefore ?? true)
        else { return nil }
        var k = j + 3
        if let o = lower(k), let q = TimexLexicon.ordinals[o], (1...4).contains(q), lower(k + 1) == "quarter" { k += 1 }
        if let n = lower(k), n == "quarter" || n == "period" {
            return TimexMatch(first: i, end: k + 1, candidate: .yearAgo(fromNarrative: true, quarterWord: n == "quarter"))
        }
        guard !article else { return nil }
        return TimexMatch(first: i, end: j + 3, candidate: .yearAgo(fromNarrative: true, quarterWord: false))
    }

    /// Narrative-relative expressions.
    func anaphoric(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        if let m = yearAgoAdjective(at: i) { return m }
        // "at that time", "at the time.": the date the narrative is at, else a vague past.
        if w == "that" || w == "the", lower(i + 1) == "time", let p = lower(i - 1), ["at", "since", "until", "from"].contains(p) {
            let next = token(i + 2)
            if next == nil || next!.kind == .punct || w == "that" && next!.isWord && !["of", "when", "that", "to"].contains(next!.lower) {
                return TimexMatch(first: i, end: i + 2, candidate: .narrativeTime)
            }
        }
        // "the quarter", "the latest quarter" in a company report: the last quarter that has ended.
        if w == "the" {
            var k = i + 1
            if let m = lower(k), m == "latest" || m == "recent" { k += 1 }
            if lower(k) == "most", lower(k + 1) == "recent" { k += 2 }
            if lower(k) == "quarter", lower(k + 1) != "of", lower(k + 1) != "-", token(k + 1)?.kind != .number {
                return TimexMatch(first: i, end: k + 1, candidate: .deictic(.quarter, offset: -1))
            }
        }
        // "earlier in the day", "later in the week": the narrative's current unit.
        if (w == "later" || w == "earlier"), lower(i + 1) == "in", lower(i + 2) == "the", let u = lower(i + 3),
            let unit = TimexUnit.words[u], [.day, .week, .month, .year].contains(unit)
        {
            return TimexMatch(first: i, end: i + 4, candidate: .anaphoric(unit, offset: 0))
        }
        // "later that month", "earlier that day", "that same month", "the same day", "that night"
        var j = i
        if w == "later" || w == "earlier" { j += 1 }
        if let d = lower(j), d == "that" || d == "the" {
            var k = j + 1
            let same = lower(k) == "same"
            if same { k += 1 }
            guard d == "that" || same else { return anaphoricNext(at: i) }
            guard let u = token(k) else { return nil }
            if let unit = TimexUnit.words[u.lower], !u.lower.hasSuffix("s"), TimexMatcher.calendarUnits.contains(unit) {
                return TimexMatch(first: i, end: k + 1, candidate: .anaphoric(unit, offset: 0))
            }
            if let part = TimexLexicon.partsOfDay[u.lower] {
                return TimexMatch(first: i, end: k + 1, candidate: .partOfDay(part, day: .narrative))
            }
            if let code = TimexLexicon.seasons[u.lower], !u.isCapitalized || isSentenceInitial(k) {
                return TimexMatch(first: i, end: k + 1, candidate: .anaphoricSeason(code))
            }
            return nil
        }
        if let m = anaphoricNext(at: i) { return m }
        // "Days later", "weeks earlier": a vague narrative offset.
        if let unit = TimexUnit.words[w], w.hasSuffix("s"), let d = lower(i + 1), d == "later" || d == "earlier",
            !(token(i - 1)?.kind == .number) && !["few", "several", "many", "some", "couple"].contains(lower(i - 1) ?? "")
        {
            return TimexMatch(first: i, end: i + 2, candidate: .anaphoricVague(unit, direction: d == "later" ? 1 : -1))
        }
        // "a day earlier", "two days later", "a few weeks later", "three years before."
        guard let a = amount(at: i), let u = token(a.end), let unit = TimexUnit.words[u.lower],
            let dir = lower(a.end + 1).flatMap({ ["later": 1, "earlier": -1, "before": -1, "after": 1, "afterward": 1, "afterwards": 1, "prior": -1][$0] })
        else { return nil }
        if (lower(a.end + 1) == "before" || lower(a.end + 1) == "after"), let n = token(a.end + 2), n.kind != .punct,
            n.lower != "and", n.lower != "that"
        {
            return nil  // "two days before the vote": a duration with a signal, not a narrative date
        }
        if lower(a.end + 1) == "prior", lower(a.end + 2) == "to" { return nil }
        let end = a.end + 2
        if a.value == 1, unit == .year, dir < 0 { return TimexMatch(first: i, end: end, candidate: .yearAgo(fromNarrative: true, quarterWord: false)) }
        if let n = a.value { return TimexMatch(first: i, end: end, candidate: .anaphoric(unit, offset: dir * n)) }
        return TimexMatch(first: i, end: end, candidate: .anaphoricVague(unit, direction: dir))
    }

    /// "the next day", "the following week", "the previous year", "the day before", "the night before".
    private func anaphoricNext(at i: Int) -> TimexMatch? {
        guard lower(i) == "the" else { return nil }
        if let d = lower(i + 1), let offset = ["next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1][d] {
            guard let u = token(i + 2) else { return nil }
            if let unit = TimexUnit.words[u.lower], !u.lower.hasSuffix("s"), TimexMatcher.calendarUnits.contains(unit) {
                // "over the next week" is a duration; "the next day" is a date.
                if let p = lower(i - 1), ["over", "during", "within", "for", "throughout"].contains(p) {
                    return TimexMatch(first: i, end: i + 3, candidate: .duration(amount: 1, unit: unit))
                }
                return TimexMatch(first: i, end: i + 3, candidate: .anaphoric(unit, offset: offset))
            }
            if let part = TimexLexicon.partsOfDay[u.lower], offset == 1 {
                return TimexMatch(first: i, end: i + 3, candidate: .partOfDay(part, day: .narrative))
            }
            return nil
        }
        if let u = lower(i + 1), let unit = TimexUnit.words[u], [.day, .week, .month, .year].contains(unit), !u.hasSuffix("s"),
            let d = lower(i + 2), d == "before" || d == "after" || d == "earlier" || d == "later"
        {
            // "Oct. 12, the day before the vote": "the day" is the date just named, "before the vote" a signal.
            if d == "before" || d == "after", let n = token(i + 3), n.kind != .punct, n.lower != "and", n.lower != "that",
                let p = lower(i - 1), p == ","
            {
                return TimexMatch(first: i, end: i + 2, candidate: .anaphoric(unit, offset: 0))
            }
            return TimexMatch(first: i, end: i + 3, candidate: .anaphoric(unit, offset: (d == "before" || d == "earlier") ? -1 : 1))
        }
        if lower(i + 1) == "night", lower(i + 2) == "before" {
            return TimexMatch(first: i, end: i + 3, candidate: .partOfDay("NI", day: .narrative))
        }
        return nil
    }

    /// Nouns after "current" that make it a term, not "now" ("current account", "electric current").
    static let notTemporalAfterCurrent: Set<String> = [
        "account", "accounts", "assets", "liabilities", "affairs", "events", "past", "and", "or", "is", "was", "flows",
        "flowing", "of",
    ]
    /// Prepositions before "the past" / "the future" used as `*_REF` ("in the future", "into the future").
    static let prepositionsBeforePastOrFuture: Set<String> = ["in", "into", "for", "about", "toward", "towards", "from"]

    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` words.
    func reference(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        switch w {
        case "now":
            if lower(i - 1) == "right" || lower(i + 1) == "-" { return nil }
            return TimexMatch(first: i, end: i + 1, candidate: .reference("PRESENT_REF"))
        case "right":
            if lower(i + 1) == "now" { return TimexMatch(first: i, end: i + 2, candidate: .reference("PRESENT_REF")) }
        case "currently", "nowadays":
            return TimexMatch(first: i, end: i + 1, candidate: .reference("PRESENT_REF"))
        case "these":
            if lower(i + 1) == "days" { return TimexMatch(first: i, end: i + 2, candidate: .reference("PRESENT_REF")) }
        case "recently", "lately":
            return TimexMatch(first: i, end: i + 1, candidate: .reference("PAST_REF"))
        case "then":
            // "the then current price": what was current at the time.
            if lower(i + 1) == "current" || lower(i + 1) == "-" && lower(i + 2) == "current" {
                let end = lower(i + 1) == "-" ? i + 3 : i + 2
                return TimexMatch(first: i, end: end, candidate: .reference("PAST_REF"))
            }
        case "current", "recent":
            // The adjectives before a noun: "its current chairman" (PRESENT_REF), "a recent filing" (PAST_REF).
            // "the current quarter" and "recent years" are dates and durations (longer matches win).
            guard let n = token(i + 1), n.isWord, !n.isCapitalized || n.lower == "i", !Self.notTemporalAfterCurrent.contains(n.lower),
                lower(i - 1) != "most", !tokens[i].isCapitalized || isSentenceInitial(i)
            else { return nil }
            return TimexMatch(first: i, end: i + 1, candidate: .reference(w == "current" ? "PRESENT_REF" : "PAST_REF"))
        case "soon":
            if lower(i - 1) == "as" || lower(i + 1) == "as" || lower(i + 1) == "after" { return nil }
            return TimexMatch(first: i, end: i + 1, candidate: .reference("FUTURE_REF"))
        case "the":
            guard let p = lower(i - 1), Self.prepositionsBeforePastOrFuture.contains(p) else { return nil }
            // "in the past", "into the future": not "the future of the plant" nor "the past two years".
            if let r = lower(i + 1), r == "past" || r == "future", p == "in" || r == "future" || p == "from" {
                let next = token(i + 2)
                let continues = next.map { $0.lower == "of" || $0.lower == "'s" || $0.kind == .number || TimexUnit.words[$0.lower] != nil
                    || TimexLexicon.numberWords[$0.lower] != nil || TimexLexicon.vagueQuantities.contains($0.lower) } ?? false
                if !continues { return TimexMatch(first: i, end: i + 2, candidate: .reference(r == "past" ? "PAST_REF" : "FUTURE_REF")) }
            }
            guard p == "in" else { return nil }
            if let e = phrase(at: i + 1, ["near", "future"]) ?? phrase(at: i + 1, ["foreseeable", "future"]) {
                return TimexMatch(first: i, end: e, candidate: .reference("FUTURE_REF"))
            }
            if let e = phrase(at: i + 1, ["recent", "past"]) ?? phrase(at: i + 1, ["distant", "past"]) {
                return TimexMatch(first: i, end: e, candidate: .reference("PAST_REF"))
            }
        default: break
        }
        return nil
    }
}
