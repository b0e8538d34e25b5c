/// Calendar dates: month and day, years, decades, quarters, fiscal years, seasons, weekdays, holidays.
extension TimexMatcher {
    /// Capitalised words that may stand before a year ("In 2022", "Since 2018", "Fiscal 2025").
    static let capitalisedBeforeYear: Set<String> = [
        "in", "since", "until", "till", "by", "from", "after", "before", "during", "throughout", "circa", "around",
        "early", "late", "mid", "between", "and", "but", "then", "also", "of", "for", "to", "as", "at", "on",
        "through", "fiscal", "fy", "about", "only", "even", "not", "that", "this", "spring", "summer", "autumn",
        "fall", "winter", "christmas", "easter", "thanksgiving", "year", "ad", "bc", "ce", "bce",
    ]

    /// Words that mark a sports sentence, where "the fourth quarter" is part of a game.
    static let sportsWords: Set<String> = [
        "scored", "score", "scores", "touchdown", "touchdowns", "points", "game", "goal", "goals", "basket", "yards",
        "inning", "overtime", "halftime", "quarterback", "rebounds", "assists", "led", "trailed", "lead", "period",
    ]

    /// A month name at `i` ("August", "Aug.", "Sept."): month and end index. Abbreviations need a period
    /// or a following number.
    func monthName(at i: Int) -> (month: Int, end: Int)? {
        guard let t = token(i), t.isWord, t.isCapitalized else { return nil }
        if let m = TimexLexicon.monthNames[t.lower] {
            return (m, lower(i + 1) == "." && lower(i + 2).map { $0.first?.isNumber == true } == true ? i + 2 : i + 1)
        }
        if let m = TimexLexicon.monthAbbreviations[t.lower] {
            if lower(i + 1) == ".", !(token(i + 1)?.spaceBefore ?? true) { return (m, i + 2) }
            if token(i + 1)?.kind == .number { return (m, i + 1) }
        }
        return nil
    }

    /// A day of the month at `i` ("6", "6th", "sixth"), 1…31.
    func dayOfMonth(at i: Int) -> (day: Int, end: Int)? {
        guard let t = token(i) else { return nil }
        if let v = t.intValue, t.text.count <= 2, (1...31).contains(v) { return (v, i + 1) }
        if t.kind == .number {
            let digits = t.lower.prefix { $0.isASCIIDigitChar }
            let suffix = t.lower.dropFirst(digits.count)
            if ["st", "nd", "rd", "th"].contains(String(suffix)), let v = Int(digits), (1...31).contains(v) { return (v, i + 1) }
        }
        if let v = TimexLexicon.ordinals[t.lower], v <= 31, t.isWord { return (v, i + 1) }
        return nil
    }

    /// A four-digit year at `i` (1000…2199) that is not an amount, address or model number.
    func yearNumber(at i: Int, afterTimex: Bool = false) -> Int? {
        guard let t = token(i), t.kind == .number, t.text.count == 4, let v = t.intValue, (1000...2199).contains(v)
        else { return nil }
        if let p = lower(i - 1) {
            if ["$", "£", "€", "¥", "#", "+", "no", "number", "route", "flight", "room", "highway", "interstate",
                "model", "page", "section", "article", "chapter", "item", "exit", "suite", "apartment", "unit",
                "bus", "box", "pp", "p", "code", "rule", "resolution", "bill", "h.r", "s", "form",
            ].contains(p) { return nil }
            if p == ".", lower(i - 2) == "no" { return nil }
            // "617-555-1690", "ref. 44-1893": a digit group of a phone number or code, not a year ("1998-2001" is).
            if p == "-", !(token(i - 1)?.spaceBefore ?? true), let g = token(i - 2), g.kind == .number, g.text.count != 4 { return nil }
            // "Vision 2030", "Windows 2000": a capitalised name word before, unless it is a function word
            // starting the sentence ("In 2022", "By 2030") or the phrase is a date's year ("Q3 2024").
            if !afterTimex, let pt = token(i - 1), pt.isWord, pt.isCapitalized,
                TimexLexicon.monthNames[pt.lower] == nil, TimexLexicon.monthAbbreviations[pt.lower] == nil,
                TimexLexicon.seasons[pt.lower] == nil, !TimexMatcher.capitalisedBeforeYear.contains(pt.lower)
            { return nil }
        }
        // "at 1600 Pennsylvania Avenue": a street number.
        if lower(i - 1) == "at", let n = token(i + 1), n.isWord, n.isCapitalized, TimexLexicon.monthNames[n.lower] == nil { return nil }
        if let n = lower(i + 1) {
            if ["%", "percent", "people", "troops", "soldiers", "votes", "points", "miles", "meters", "metres", "feet",
                "kilometers", "kilometres", "km", "dollars", "euros", "pounds", "tons", "tonnes", "units", "shares",
                "employees", "workers", "jobs", "cases", "deaths", "students", "members", "copies", "homes", "acres",
                "cars", "calories", "words", "pages", "times", "residents", "patients", "barrels", "hectares",
                "square", "households", "children", "users", "customers", "vehicles", "flights", "rounds", "yards",
                "-strong", "strong", "more", "others", "of",
                // Prices and quantities of markets: "1115 pence", "1450 cents", "2050 points".
                "pence", "p", "cents", "cent", "yen", "pts", "bushels", "lots", "contracts", "francs", "marks", "lire",
                "rupees", "pesetas", "ounces", "oz", "grams", "kg", "lbs", "hours", "hrs",
            ].contains(n) { return nil }
            // A clock in 24-hour digits before a time zone: "1945 GMT", "0830 ET" (see ``clock(at:)``).
            if let z = token(i + 1), TimexLexicon.zones[z.lower] != nil, z.text == z.text.uppercased(), z.text.count >= 2 { return nil }
            if n == "-", let nn = token(i + 2), nn.isWord, !nn.spaceBefore, TimexUnit.words[nn.lower] == nil,
                nn.lower != "to", nn.lower != "era"
            { return nil }
        }
        return v
    }

    /// "Aug. 6", "August 6th, 2025", "6 August 2025", "the 6th of August", "August 2025", "August of
    /// 2025", a guarded bare "October", "2025-08-06", "8/6/2025", "Monday, Nov. 24".
    func calendarDate(at i: Int) -> TimexMatch? {
        // ISO 8601 and US numeric dates.
        if let y = yearNumber(at: i), lower(i + 1) == "-", let m = token(i + 2)?.intValue, (1...12).contains(m),
            token(i + 2)?.text.count == 2, lower(i + 3) == "-", let d = token(i + 4)?.intValue, token(i + 4)?.text.count == 2,
            !(token(i + 2)?.spaceBefore ?? true)
        {
            return TimexMatch(first: i, end: i + 5, candidate: .calendar(year: y, month: m, day: d))
        }
        if let m = token(i)?.intValue, (1...12).contains(m), lower(i + 1) == "/", let d = token(i + 2)?.intValue,
            (1...31).contains(d), lower(i + 3) == "/", let yt = token(i + 4), let y0 = yt.intValue,
            !(token(i + 1)?.spaceBefore ?? true), !(token(i + 3)?.spaceBefore ?? true)
        {
            let y = yt.text.count == 2 ? 2000 + y0 : y0
            if (1000...2199).contains(y) { return TimexMatch(first: i, end: i + 5, candidate: .calendar(year: y, month: m, day: d)) }
        }
        // Weekday before a date: "Monday, Nov. 24".
        var start = i
        var j = i
        if let t = token(i), t.isCapitalized, TimexLexicon.weekdays[t.lower] != nil {
            j = i + 1
            if lower(j) == "," { j += 1 }
            guard monthName(at: j) != nil else { return nil }
        }
        if lower(j) == "the", let d = dayOfMonth(at: j + 1), lower(d.end) == "of", let m = monthName(at: d.end + 1) {
            var end = m.end
            var year: Int?
            if lower(end) == ",", let y = yearNumber(at: end + 1, afterTimex: true) { year = y; end += 2 } else if let y = yearNumber(at: end, afterTimex: true) { year = y; end += 1 }
            return TimexMatch(first: start, end: end, candidate: .calendar(year: year, month: m.month, day: d.day))
        }
        if let d = dayOfMonth(at: j), token(j)?.kind == .number, let m = monthName(at: d.end) {
            // "6 August 2025"
            var end = m.end
            var year: Int?
            if let y = yearNumber(at: end, afterTimex: true) { year = y; end += 1 }
            return TimexMatch(first: start, end: end, candidate: .calendar(year: year, month: m.month, day: d.day))
        }
        guard let m = monthName(at: j) else { return nil }
        start = j == i ? i : start
        var end = m.end
        if let d = dayOfMonth(at: end), token(end)?.kind == .number,
            !(lower(d.end) == ":" || lower(d.end) == "%" || lower(d.end) == "percent")
        {
            end = d.end
            var year: Int?
            if lower(end) == ",", let y = yearNumber(at: end + 1, afterTimex: true) { year = y; end += 2 } else if let y = yearNumber(at: end, afterTimex: true) {
                year = y
                end += 1
            }
            return TimexMatch(first: i, end: end, candidate: .calendar(year: year, month: m.month, day: d.day))
        }
        guard j == i else { return nil }  // a weekday must be followed by a full date
        if let y = yearNumber(at: end) { return TimexMatch(first: i, end: end + 1, candidate: .calendar(year: y, month: m.month, day: nil)) }
        if let s = spokenYear(at: end) { return TimexMatch(first: i, end: s.end, candidate: .calendar(year: s.year, month: m.month, day: nil)) }
        if lower(end) == "of" || lower(end) == ",", let y = yearNumber(at: end + 1) {
            return TimexMatch(first: i, end: end + 2, candidate: .calendar(year: y, month: m.month, day: nil))
        }
        // "January this year", "March last year".
        if let d = lower(end), let off = ["this": 0, "last": -1, "next": 1][d], lower(end + 1) == "year" {
            return TimexMatch(first: i, end: end + 2, candidate: .monthOfDeicticYear(m.month, yearOffset: off))
        }
        // A bare month name: only full names, after a temporal cue, not before another capitalised name.
        guard TimexLexicon.monthNames[lower(i)!] != nil else { return nil }
        if let next = token(end), next.isWord, next.isCapitalized, TimexLexicon.monthNames[next.lower] == nil { return nil }
        if lower(end) == "'s", lower(i) == "may" { return nil }
        let prev = lower(i - 1)
        // "the March on Washington": a named event, not a month.
        if prev == "the", let n = lower(end), ["on", "to", "for", "against", "from"].contains(n) { return nil }
        let cue = prev.map { TimexLexicon.monthCues.contains($0) } ?? false
        if !cue {
            if lower(i) == "may" || lower(i) == "march" { return nil }
            if !isSentenceInitial(i) && prev != "," { return nil }
            // Sentence-initial "October" needs a comma or verb after it to be a date: "October was…" is rare.
            if isSentenceInitial(i), lower(end) != "," { return nil }
        }
        return TimexMatch(first: i, end: end, candidate: .calendar(year: nil, month: m.month, day: nil))
    }

    /// A year spoken in words, as transcripts write it: "nineteen ninety-six", "nineteen oh five"; with
    /// `thousands`, also "two thousand (and) one" (only after "the year": "two thousand" alone is a count).
    func spokenYear(at i: Int, thousands: Bool = false) -> (year: Int, end: Int)? {
        guard let w = lower(i), let hi = TimexLexicon.numberWords[w] else { return nil }
        if thousands, hi == 2, lower(i + 1) == "thousand" {
            var j = i + 2
            if lower(j) == "and" { j += 1 }
            if let n = number(at: j), n.value < 100, TimexLexicon.numberWords[lower(j) ?? ""] != nil { return (2000 + n.value, n.end) }
            return (2000, i + 2)
        }
        guard (16...19).contains(hi), let second = lower(i + 1) else { return nil }
        if second == "oh", let o = lower(i + 2), let v = TimexLexicon.numberWords[o], (1...9).contains(v) { return (hi * 100 + v, i + 3) }
        guard TimexLexicon.numberWords[second] != nil, let n = number(at: i + 1), (10...99).contains(n.value) else { return nil }
        return (hi * 100 + n.value, n.end)
    }

    /// A year on its own: "2022", "in the year 2000", "nineteen ninety-six", "the year two thousand".
    func year(at i: Int) -> TimexMatch? {
        if let e = phrase(at: i, ["the", "year"]), let y = yearNumber(at: e) {
            return TimexMatch(first: i, end: e + 1, candidate: .calendar(year: y, month: nil, day: nil))
        }
        if let e = phrase(at: i, ["the", "year"]), let s = spokenYear(at: e, thousands: true) {
            return TimexMatch(first: i, end: s.end, candidate: .calendar(year: s.year, month: nil, day: nil))
        }
        if let s = spokenYear(at: i) { return TimexMatch(first: i, end: s.end, candidate: .calendar(year: s.year, month: nil, day: nil)) }
        guard let y = yearNumber(at: i) else { return nil }
        return TimexMatch(first: i, end: i + 1, candidate: .calendar(year: y, month: nil, day: nil))
    }

    /// "the 1980s", "’80s", "the eighties", "the 19th century", "the 1900s".
    func decadeOrCentury(at i: Int) -> TimexMatch? {
        var j = i
        if lower(j) == "the" { j += 1 }
        // Optional "early"/"mid"/"late" between "the" and the decade: "the late 1990s".
        var mod: String?
        if j > i, let w = lower(j), let m = ["early": "START", "mid": "MID", "late": "END"][w] {
            mod = m
            j += 1
            if lower(j) == "-" { j += 1 }
        }
        if let w = lower(j), let dec = TimexLexicon.decadeWords[w], j > i {
            return TimexMatch(first: i, end: j + 1, candidate: .decade(dec), mod: mod)
        }
        // "the 1980's"
        if let t = token(j), t.kind == .number, t.text.count == 4, let n = t.intValue, n % 10 == 0, (1000...2190).contains(n),
            lower(j + 1) == "'s", !(token(j + 1)?.spaceBefore ?? true)
        {
            if n % 100 == 0, n != 2000 { return TimexMatch(first: i, end: j + 2, candidate: .century(n / 100), mod: mod) }
            return TimexMatch(first: i, end: j + 2, candidate: .decade(n / 10), mod: mod)
        }
        var apostrophe = false
        if lower(j) == "'" { apostrophe = true; j += 1 }
        guard let t = token(j), t.kind == .number, t.lower.hasSuffix("s") || t.lower.hasSuffix("'s") else {
            // Centuries: "the 19th century", "the nineteenth century".
            if j > i, let d = dayOfMonth(at: j), lower(d.end) == "-" ? lower(d.end + 1) == "century" : lower(d.end) == "century" {
                let end = lower(d.end) == "-" ? d.end + 2 : d.end + 1
                return TimexMatch(first: i, end: end, candidate: .century(d.day - 1), mod: mod)
            }
            return nil
        }
        let digits = String(t.lower.prefix { $0.isASCIIDigitChar })
        guard t.lower.dropFirst(digits.count) == "s" || t.lower.dropFirst(digits.count) == "'s", let n = Int(digits) else { return nil }
        if apostrophe || digits.count == 2 {
            guard digits.count == 2, n % 10 == 0 else { return nil }
            // "in his 60s" is an age, not a decade.
            if ((j - 3)..<j).contains(where: { ["his", "her", "their", "my", "your", "our", "its"].contains(lower($0) ?? "") }) { return nil }
            let decade = n <= 10 ? 200 + n / 10 : 190 + n / 10
            return TimexMatch(first: i, end: j + 1, candidate: .decade(decade), mod: mod)
        }
        guard digits.count == 4, n % 10 == 0, (1000...2190).contains(n) else { return nil }
        if n % 100 == 0, n != 2000 { return TimexMatch(first: i, end: j + 1, candidate: .century(n / 100), mod: mod) }
        return TimexMatch(first: i, end: j + 1, candidate: .decade(n / 10), mod: mod)
    }

    /// "Q3 2024", "the third quarter (of 2024)", "third-quarter", "the first half", "fiscal 2025", "FY2025".
    func quarterOrFiscal(at i: Int) -> TimexMatch? {
        guard let w = lower(i) else { return nil }
        func trailingYear(_ e: Int) -> (Int?, Int) {
            if let y = yearNumber(at: e, afterTimex: true) { return (y, e + 1) }
            if lower(e) == "of" || lower(e) == ",", let y = yearNumber(at: e + 1) { return (y, e + 2) }
            if lower(e) == "of", lower(e + 1) == "fiscal", let y = yearNumber(at: e + 2) { return (y, e + 3) }
            return (nil, e)
        }
        if w.count == 2, w.hasPrefix("q"), let q = Int(w.dropFirst()), (1...4).contains(q) {
            let (y, e) = trailingYear(i + 1)
            return TimexMatch(first: i, end: e, candidate: .quarter(q, year: y))
        }
        if w.hasPrefix("fy"), let t = token(i), t.text.hasPrefix("FY") {
            let digits = w.dropFirst(2)
            if digits.count == 4, let y = Int(digits) { return TimexMatch(first: i, end: i + 1, candidate: .fiscalYear(y)) }
            if digits.count == 2, let y = Int(digits) { return TimexMatch(first: i, end: i + 1, candidate: .fiscalYear(2000 + y)) }
            if digits.isEmpty, let y = yearNumber(at: i + 1) { return TimexMatch(first: i, end: i + 2, candidate: .fiscalYear(y)) }
        }
        if w == "fiscal" {
            if let y = yearNumber(at: i + 1) { return TimexMatch(first: i, end: i + 2, candidate: .fiscalYear(y)) }
            if lower(i + 1) == "year", let y = yearNumber(at: i + 2) { return TimexMatch(first: i, end: i + 3, candidate: .fiscalYear(y)) }
        }
        if w == "the", let y = yearNumber(at: i + 1), let e = phrase(at: i + 2, ["fiscal", "year"]) {
            return TimexMatch(first: i, end: e, candidate: .fiscalYear(y))
        }
        // "the 1988 third quarter", "the 1988 quarter": a quarter of that year.
        if w == "the", let y = yearNumber(at: i + 1, afterTimex: true), let q = quarterAfterYear(at: i + 2) {
            return TimexMatch(first: i, end: q.end, candidate: .quarterOfYear(index: q.index, year: y, yearOffset: 0))
        }
        // "this year's third quarter", "last year's quarter", "next year's first quarter".
        if let off = ["this": 0, "last": -1, "next": 1][w], lower(i + 1) == "year", lower(i + 2) == "'s", let q = quarterAfterYear(at: i + 3) {
            return TimexMatch(first: i, end: q.end, candidate: .quarterOfYear(index: q.index, year: nil, yearOffset: off))
        }
        var j = i
        if w == "the" { j += 1 }
        if lower(j) == "fiscal" { j += 1 }
        guard let ow = lower(j), let ord = TimexLexicon.ordinals[ow] else { return nil }
        var e = j + 1
        let hyphen = lower(e) == "-" && !(token(e)?.spaceBefore ?? true)
        if hyphen { e += 1 }
        if lower(e) == "fiscal" { e += 1 }
        guard let unit = lower(e), unit == "quarter" || unit == "half" else { return nil }
        // Without "the" only the adjective form counts: "third-quarter profit".
        guard j > i || hyphen else { return nil }
        if unit == "half", !(1...2).contains(ord) { return nil }
        if unit == "quarter", !(1...4).contains(ord) { return nil }
        if unit == "half", !hyphen, lower(e + 1) != "of" { return nil }  // "the first half" of what?
        // A game's quarter or half in a sports sentence ("scored in the fourth quarter").
        if lower(e + 1) != "of", yearNumber(at: e + 1, afterTimex: true) == nil,
            tokens.contains(where: { TimexMatcher.sportsWords.contains($0.lower) })
        { return nil }
        let (y, end) = trailingYear(e + 1)
        // "the third-quarter results": TimeML marks the adjective without the article.
        let first = hyphen && w == "the" && y == nil && lower(e + 1) != "of" ? i + 1 : i
        if unit == "half" { return TimexMatch(first: first, end: end, candidate: .halfYear(ord, year: y)) }
        return TimexMatch(first: first, end: end, candidate: .quarter(ord, year: y))
    }

    /// "[fiscal] [third] quarter" after a year: the quarter index (`nil` without an ordinal) and end index.
    private func quarterAfterYear(at k: Int) -> (index: Int?, end: Int)? {
        var j = k
        if lower(j) == "fiscal" { j += 1 }
        var index: Int?
        if let o = lower(j), let q = TimexLexicon.ordinals[o], (1...4).contains(q) {
            index = q
            j += 1
            if lower(j) == "-" { j += 1 }
        }
        guard lower(j) == "quarter" else { return nil }
        return (index, j + 1)
    }

    /// "summer 2024", "the summer of 2019", "in the fall", "this winter" (deictic forms are in `+Relative`).
    func season(at i: Int) -> TimexMatch? {
        var j = i
        if lower(j) == "the" { j += 1 }
        guard let t = token(j), let code = TimexLexicon.seasons[t.lower] else { return nil }
        if let y = yearNumber(at: j + 1, afterTimex: true) { return TimexMatch(first: i, end: j + 2, candidate: .season(code, year: y)) }
        if lower(j + 1) == "of", let y = yearNumber(at: j + 2) {
            return TimexMatch(first: i, end: j + 3, candidate: .season(code, year: y))
        }
        if lower(j + 1) == "of", let s = spokenYear(at: j + 2) {
            return TimexMatch(first: i, end: s.end, candidate: .season(code, year: s.year))
        }
        guard j > i else { return nil }  // a bare season needs "the" ("in the fall")
        if let n = lower(j + 1), ["of", "in", "from", "to", "season", "'s"].contains(n) { return nil }
        if t.isCapitalized && !isSentenceInitial(j) { return nil }  // "the Fall" as a title
        guard let p = lower(i - 1), ["in", "during", "through", "over", "since", "until", "by", "for", "throughout", "before", "after"].contains(p)
        else { return nil }
        return TimexMatch(first: i, end: j + 1, candidate: .season(code, year: nil))
    }

    /// "Monday", "on Mondays" (a set), "Monday morning".
    func weekdayPhrase(at i: Int) -> TimexMatch? {
        guard let t = token(i), t.isWord, t.isCapitalized else { return nil }
        if let wd = TimexLexicon.weekdayPlurals[t.lower] {
            return TimexMatch(first: i, end: i + 1, candidate: .set("XXXX-WXX-\(wd)", .day))
        }
        guard let wd = TimexLexicon.weekdays[t.lower] else { return nil }
        if let p = lower(i - 1), ["super", "black", "cyber", "good", "bloody", "ash", "palm", "easter", "holy", "maundy",
            "shrove", "fat", "blue", "giving", "small", "bowl", "manic", "lazy"].contains(p) { return nil }
        if let n = token(i + 1), n.isWord, n.isCapitalized, TimexLexicon.monthNames[n.lower] == nil,
            TimexLexicon.partsOfDay[n.lower] == nil
        { return nil }
        if let part = lower(i + 1).flatMap({ TimexLexicon.partsOfDay[$0] }) {
            return TimexMatch(first: i, end: i + 2, candidate: .partOfDay(part, day: .weekday(wd)))
        }
        return TimexMatch(first: i, end: i + 1, candidate: .weekday(wd))
    }

    /// "Christmas", "Thanksgiving Day", "New Year’s Day", "Easter 2024", "the Fourth of July".
    func holiday(at i: Int) -> TimexMatch? {
        guard let first = token(i), first.isCapitalized || first.lower == "the" else { return nil }
        var best: (end: Int, rule: HolidayCalendar.Rule)?
        for (words, rule) in HolidayCalendar.byFirstWord[first.lower] ?? [] where words.count > (best.map { $0.end - i } ?? 0) {
            if let e = phrase(at: i, words) { best = (e, rule) }
        }
        guard let (end, rule) = best else { return nil }
        if lower(end) == "'s" || lower(end) == "tree" || lower(end) == "card" { return nil }
        if let y = yearNumber(at: end, afterTimex: true) { return TimexMatch(first: i, end: end + 1, candidate: .holiday(rule, year: y, offset: nil)) }
        if lower(end) == ",", let y = yearNumber(at: end + 1) {
            return TimexMatch(first: i, end: end + 2, candidate: .holiday(rule, year: y, offset: nil))
        }
        return TimexMatch(first: i, end: end, candidate: .holiday(rule, year: nil, offset: nil))
    }
}
