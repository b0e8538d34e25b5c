/// Clock times: "10 a.m.", "3:30 p.m. ET", "10am", "noon", "15:30 GMT", "1945 GMT", "10 o'clock".
extension TimexMatcher {
    /// A clock time at `i`, with an optional zone after it.
    func clock(at i: Int) -> TimexMatch? {
        guard let t = token(i) else { return nil }
        if t.lower == "noon" || t.lower == "midnight" {
            if lower(i - 1) == "after" || lower(i - 1) == "before" || lower(i - 1) == "by" || lower(i - 1) == "at"
                || lower(i - 1) == "until" || lower(i - 1) == "from" || lower(i - 1) == "12" || lower(i - 1) == "around"
                || lower(i - 1) == "past" || lower(i - 1) == "about"
            {
                let (zone, zoneEnd) = zoneAfter(i + 1)
                let (day, end) = dayAfter(zoneEnd)
                return TimexMatch(first: i, end: end, candidate: .time(hour: t.lower == "noon" ? 12 : 24, minute: 0, zone: zone, day: day))
            }
            return nil
        }
        guard t.kind == .number else { return nil }
        var hour: Int
        var minute = 0
        var j = i + 1
        var meridiem: String?
        let text = t.lower
        let digits = text.prefix { $0.isASCIIDigitChar || $0 == ":" }
        let rest = text.dropFirst(digits.count)
        let parts = digits.split(separator: ":")
        guard let h = Int(parts.first ?? ""), parts.count <= 2 else { return nil }
        hour = h
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), m < 60 else { return nil }
            minute = m
        }
        if rest == "am" || rest == "pm" {
            meridiem = String(rest)
        } else if !rest.isEmpty {
            return nil
        } else if let (m, e) = meridiemAfter(i + 1) {
            meridiem = m
            j = e
        } else if lower(j) == "o'clock" {
            j += 1
        } else if parts.count == 1, digits.count == 4, lower(j) == "hours" || lower(j) == "hrs", hour / 100 <= 24, hour % 100 < 60,
            lower(i - 1) == "at" || lower(i - 1) == "by" || lower(i - 1) == "until" || lower(i - 1) == "from"
        {
            // Military time: "at 2030 hours" is 20:30.
            return TimexMatch(first: i, end: j + 1, candidate: .time(hour: hour / 100, minute: hour % 100, zone: nil, day: .contextual))
        } else if parts.count == 1, digits.count == 4, !text.contains(":") {
            // 24-hour digits before a zone, as wires write them: "1945 GMT" is 19:45, never the year 1945.
            let (zone, end) = zoneAfter(j)
            guard zone != nil, hour / 100 <= 24, hour % 100 < 60 else { return nil }
            return TimexMatch(first: i, end: end, candidate: .time(hour: hour / 100, minute: hour % 100, zone: zone, day: .contextual))
        } else if parts.count == 2 {
            // A bare 24-hour time needs a zone or "at": "15:30 GMT", "at 14:00".
            let (zone, end) = zoneAfter(j)
            guard zone != nil || lower(i - 1) == "at" else { return nil }
            guard hour <= 24 else { return nil }
            return TimexMatch(first: i, end: end, candidate: .time(hour: hour, minute: minute, zone: zone, day: .contextual))
        } else {
            return nil
        }
        guard (0...24).contains(hour) else { return nil }
        if let m = meridiem {
            guard (1...12).contains(hour) else { return nil }
            if m == "pm", hour < 12 { hour += 12 }
            if m == "am", hour == 12 { hour = 0 }
        }
        let (zone, zoneEnd) = zoneAfter(j)
        let (day, end) = dayAfter(zoneEnd)
        return TimexMatch(first: i, end: end, candidate: .time(hour: hour, minute: minute, zone: zone, day: day))
    }

    /// A weekday or "yesterday"/"today"/"tomorrow" right after a clock time ("10 p.m. Wednesday", "noon
    /// Thursday"): the day the time is on, and the end index; `.contextual` when there is none.
    func dayAfter(_ j: Int) -> (TimexDayRef, Int) {
        guard let t = token(j) else { return (.contextual, j) }
        if t.isCapitalized, let wd = TimexLexicon.weekdays[t.lower] {
            // "5 p.m. Tuesday, March 4": the weekday belongs to the date that follows.
            if lower(j + 1) == ",", monthName(at: j + 2) != nil { return (.contextual, j) }
            if let n = token(j + 1), n.isWord, n.isCapitalized { return (.contextual, j) }
            return (.weekday(wd), j + 1)
        }
        if let off = ["yesterday": -1, "today": 0, "tomorrow": 1][t.lower] { return (.deictic(off), j + 1) }
        return (.contextual, j)
    }

    /// "a.m.", "p.m.", "am", "pm", "A.M." at `i`: the meridiem and end index.
    private func meridiemAfter(_ i: Int) -> (String, Int)? {
        guard let w = lower(i) else { return nil }
        if w == "am" || w == "pm" { return (w, i + 1) }
        if (w == "a" || w == "p"), lower(i + 1) == ".", lower(i + 2) == "m" {
            let end = lower(i + 3) == "." && !(token(i + 3)?.spaceBefore ?? true) ? i + 4 : i + 3
            return (w + "m", end)
        }
        return nil
    }

    /// A time zone at `i` ("ET", "GMT", "(ET)", "Eastern time"): its lowercase key and end index.
    func zoneAfter(_ i: Int) -> (String?, Int) {
        var j = i
        var paren = false
        if lower(j) == "(" { paren = true; j += 1 }
        if let t = token(j), TimexLexicon.zones[t.lower] != nil, t.text == t.text.uppercased(), t.text.count >= 2 {
            if paren { return lower(j + 1) == ")" ? (t.lower, j + 2) : (nil, i) }
            return (t.lower, j + 1)
        }
        if !paren, let t = token(j), let key = TimexLexicon.zoneNames[t.lower], t.isCapitalized {
            if lower(j + 1) == "time" { return (key, j + 2) }
            if let s = lower(j + 1), s == "standard" || s == "daylight", lower(j + 2) == "time" {
                return (s == "standard" ? String(key.prefix(1)) + "st" : String(key.prefix(1)) + "dt", j + 3)
            }
        }
        return (nil, i)
    }
}
