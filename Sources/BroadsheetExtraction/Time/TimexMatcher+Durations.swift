/// Durations ("nine months", "three-hour", "the next six months", vague "years") and sets ("every
/// week", "weekly", "each Monday", "twice a year", "$5 million a year").
extension TimexMatcher {
    /// A duration phrase at `i`.
    func duration(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        // "the next six months", "the past week", "the last two years", "the coming weeks", "recent years"
        if w == "the", let d = lower(i + 1), ["next", "past", "last", "coming", "previous", "first", "final"].contains(d) {
            var j = i + 2
            var value: Int?? = nil
            if let a = amount(at: j), lower(j) != "a", lower(j) != "an" {
                value = .some(a.value)
                j = a.end
            }
            guard let u = token(j), let unit = TimexUnit.words[u.lower] else { return nil }
            let plural = u.lower.hasSuffix("s") && unit != .century || u.lower == "centuries"
            switch value {
            case .some(let v):
                guard v != 1 || !plural else { return nil }
                return TimexMatch(first: i, end: j + 1, candidate: .duration(amount: v, unit: unit))
            case .none:
                if plural { return TimexMatch(first: i, end: j + 1, candidate: .duration(amount: nil, unit: unit)) }
                // Singular: "the past week" is a duration; "the next day" is a narrative date (in `+Relative`).
                guard d == "past" || d == "last" else { return nil }
                return TimexMatch(first: i, end: j + 1, candidate: .duration(amount: 1, unit: unit))
            }
        }
        // "the nine months", "the latest six months": TimeML keeps the article of a counted duration.
        let k = lower(i + 1) == "latest" ? i + 2 : i + 1
        if w == "the", let t = token(k), t.kind == .number || TimexLexicon.numberWords[t.lower] != nil,
            let a = amount(at: k), let v = a.value, v > 1, let u = token(a.end), u.lower.hasSuffix("s"), let unit = TimexUnit.words[u.lower],
            !["ago", "later", "earlier", "afterward", "afterwards", "old", "-"].contains(lower(a.end + 1) ?? "")
        {
            return TimexMatch(first: i, end: a.end + 1, candidate: .duration(amount: v, unit: unit))
        }
        if w == "recent" || w == "coming", let u = token(i + 1), u.lower.hasSuffix("s"), let unit = TimexUnit.words[u.lower] {
            return TimexMatch(first: i, end: i + 2, candidate: .duration(amount: nil, unit: unit))
        }
        // "half an hour", "half a year"
        if w == "half", let a = lower(i + 1), a == "a" || a == "an", let u = lower(i + 2), let unit = TimexUnit.words[u] {
            switch unit {
            case .hour: return TimexMatch(first: i, end: i + 3, candidate: .duration(amount: 30, unit: .minute))
            case .year: return TimexMatch(first: i, end: i + 3, candidate: .duration(amount: 6, unit: .month))
            case .day: return TimexMatch(first: i, end: i + 3, candidate: .duration(amount: 12, unit: .hour))
            case .century: return TimexMatch(first: i, end: i + 3, candidate: .duration(amount: 50, unit: .year))
            default: return nil
            }
        }
        // "three-hour", "10-year", "1,000-year", "two-day"; an age ("47-year-old") is no time expression: it
        // describes a person, not when anything happened.
        if let n = number(at: i), lower(n.end) == "-", !(token(n.end)?.spaceBefore ?? true), let u = token(n.end + 1),
            !u.spaceBefore, let unit = TimexUnit.words[u.lower], !u.lower.hasSuffix("s")
        {
            var end = n.end + 2
            if lower(end) == "-", lower(end + 1) == "old" { return nil }
            if lower(end) == "-", lower(end + 1) == "long" { end += 2 }
            return TimexMatch(first: i, end: end, candidate: .duration(amount: n.value, unit: unit))
        }
        // "nine months", "a year", "a few days", "six years old"
        if let a = amount(at: i), let u = token(a.end), let unit = TimexUnit.words[u.lower] {
            let plural = u.lower.hasSuffix("s")
            // "at 2030 hours" is a military clock (see ``clock(at:)``), not a length of time.
            if unit == .hour, token(i)?.text.count == 4, let p = lower(i - 1), ["at", "by", "until", "from"].contains(p) { return nil }
            if a.value == 1 && plural { return nil }
            // "a second term", "one second-place finish": ordinal, not a unit.
            if unit == .second, !plural, w == "a" || w == "an" || w == "one" { return nil }
            if let v = a.value, v > 1, !plural, unit != .century {
                // "a two day visit", "the five year plan": an unhyphenated adjective (transcripts write them so).
                let determiners: Set<String> = ["a", "an", "the", "its", "his", "her", "their", "our"]
                guard let p = lower(i - 1), determiners.contains(p), let n = token(a.end + 1), n.isWord, !n.isCapitalized,
                    !["ago", "later", "earlier", "after", "before", "old", "and", "or", "of", "in", "to"].contains(n.lower)
                else { return nil }
                return TimexMatch(first: i, end: a.end + 1, candidate: .duration(amount: v, unit: unit))
            }
            if a.value == nil, !plural { return nil }
            // "a day earlier", "two weeks ago" belong to the relative recognisers; "a week" after an amount is a set.
            if let next = lower(a.end + 1), ["ago", "later", "earlier", "afterward", "afterwards"].contains(next) { return nil }
            // "a quarter of the cost", "another quarter of voters": a fraction, not three months.
            if unit == .quarter, !plural, lower(a.end + 1) == "of" { return nil }
            // "a year-earlier loss": the compared period (see ``yearAgoAdjective(at:)``).
            if unit == .year, !plural, lower(a.end + 1) == "-", let d = lower(a.end + 2), d == "ago" || d == "earlier" { return nil }
            if (w == "a" || w == "an"), let p = lower(i - 1), ["once", "twice", "thrice", "times", "per"].contains(p) || isAmountBefore(i) {
                return nil
            }
            // "One day, …" at the start of a sentence means "once", not a duration.
            if w == "one", unit == .day, isSentenceInitial(i) { return nil }
            let end = a.end + 1
            // "six years old": an age.
            if lower(end) == "old" { return nil }
            return TimexMatch(first: i, end: end, candidate: .duration(amount: a.value, unit: unit))
        }
        // Bare plural units with a vague amount: "for months", "years of fighting", "weeks into his job".
        if let unit = TimexUnit.words[w], w.hasSuffix("s"), unit != .second {
            if let p = lower(i - 1), ["the", "those", "these", "his", "her", "their", "its", "our", "my", "your", "of", "early",
                "final", "last", "past", "next", "first", "coming", "recent", "few", "several", "many", "some", "in",
                "both", "all", "such", "other", "two", "three", "'s", "school", "dog", "glory", "happy", "salad",
            ].contains(p) || token(i - 1)?.kind == .number
            { return nil }
            if let n = lower(i + 1), ["ago", "later", "earlier", "'"].contains(n) { return nil }
            // Only where a length of time is meant: after a preposition or a verb of spending time,
            // at the start of a sentence, or before "of"/"into" ("years of fighting", "weeks into").
            let prevOK = lower(i - 1).map { TimexMatcher.barePluralCues.contains($0) } ?? true
            let nextOK = lower(i + 1).map { ["of", "into", "before", "after", "on", "passed", "went"].contains($0) } ?? false
            guard prevOK || nextOK || isSentenceInitial(i) else { return nil }
            return TimexMatch(first: i, end: i + 1, candidate: .duration(amount: nil, unit: unit))
        }
        return nil
    }

    /// Words after which a bare plural unit ("months") is a vague duration.
    static let barePluralCues: Set<String> = [
        "for", "in", "over", "within", "after", "before", "during", "took", "take", "takes", "taking", "spent",
        "spend", "spends", "lasted", "last", "lasts", "wait", "waited", "waiting", "just", "only", "and", "or",
        "—", ",", "(", "than", "by", "throughout", "across", "through", "lasting", "spanning", "spanned",
    ]

    /// Whether an amount of money or a count ends just before token `i` ("$5 million a year").
    func isAmountBefore(_ i: Int) -> Bool {
        guard let p = token(i - 1) else { return false }
        if p.kind == .number { return true }
        return ["million", "billion", "trillion", "thousand", "hundred", "%", "percent", "dollars", "euros", "pounds",
            "cents", "times", "miles", "hours", "kilometers", "barrels", "tons", "people",
        ].contains(p.lower)
    }

    /// Adverbs of frequency → set value and granularity.
    static let setAdverbs: [String: (String, TimexGranularity)] = [
        "daily": ("P1D", .day), "weekly": ("P1W", .week), "monthly": ("P1M", .month), "yearly": ("P1Y", .year),
        "annually": ("P1Y", .year), "quarterly": ("P1Q", .quarter), "hourly": ("PT1H", .time),
        "nightly": ("P1D", .day), "biweekly": ("P2W", .week), "biannually": ("P6M", .month),
    ]

    /// A set phrase at `i`.
    func set(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        if let (v, g) = Self.setAdverbs[w] {
            if lower(i - 1) == "the" || lower(i - 1) == "a" { return nil }  // "a Chinese daily"
            return TimexMatch(first: i, end: i + 1, candidate: .set(v, g))
        }
        // "every week", "each Monday", "every two years", "every other week", "every morning"
        if w == "every" || w == "each" {
            var j = i + 1
            var n = 1
            if lower(j) == "other" { n = 2; j += 1 } else if let num = number(at: j) { n = num.value; j = num.end }
            guard let u = token(j) else { return nil }
            if let unit = TimexUnit.words[u.lower] {
                if unit == .weekend { return TimexMatch(first: i, end: j + 1, candidate: .set("XXXX-WXX-WE", .week)) }
                return TimexMatch(first: i, end: j + 1, candidate: .set(unit.duration(String(n)), unit.granularity))
            }
            if u.isCapitalized, let wd = TimexLexicon.weekdays[u.lower] {
                return TimexMatch(first: i, end: j + 1, candidate: .set("XXXX-WXX-\(wd)", .day))
            }
            if let part = TimexLexicon.partsOfDay[u.lower] {
                return TimexMatch(first: i, end: j + 1, candidate: .set("XXXX-XX-XXT\(part)", .time))
            }
            if u.isCapitalized, let m = TimexLexicon.monthNames[u.lower] {
                return TimexMatch(first: i, end: j + 1, candidate: .set("XXXX-\(TimexValue.pad(m, 2))", .month))
            }
            if let code = TimexLexicon.seasons[u.lower] {
                return TimexMatch(first: i, end: j + 1, candidate: .set("XXXX-\(code)", .season))
            }
            return nil
        }
        // "once a week", "twice a year", "three times a day", "once per month"
        var j = i
        if w == "once" || w == "twice" || w == "thrice" {
            j = i + 1
        } else if let n = number(at: i), lower(n.end) == "times" {
            j = n.end + 1
        } else if (w == "a" || w == "an" || w == "per"), isAmountBefore(i) {
            guard let u = lower(i + 1), let unit = TimexUnit.words[u], !u.hasSuffix("s") else { return nil }
            return TimexMatch(first: i, end: i + 2, candidate: .set(unit.duration("1"), unit.granularity))
        } else {
            return nil
        }
        guard let a = lower(j), a == "a" || a == "an" || a == "per" || a == "each" || a == "every",
            let u = lower(j + 1), let unit = TimexUnit.words[u], !u.hasSuffix("s")
        else { return nil }
        return TimexMatch(first: i, end: j + 2, candidate: .set(unit.duration("1"), unit.granularity))
    }
}
