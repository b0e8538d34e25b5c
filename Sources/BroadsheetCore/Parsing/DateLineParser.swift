/// Recognises a line that is (essentially) a publication date, and parses date strings.
///
/// Accepted forms, with an optional label (`Updated`, `Published`, `Posted`, `Date:`) and weekday
/// (`Saturday,` / `Sat.`) in front: `November 29, 2025`, `Nov. 29, 2025`, `Nov 29 2025`,
/// `29 November 2025`, `29 Nov. 2025`, `2025-11-29` (also an ISO date-time), `11/29/2025` (US order).
/// A line may continue only with a time and zone (`10:00 am ET`, `at 5 p.m. EST`) or a second
/// dated label (`Updated Nov. 30, 2025`); anything else means the line is prose, not a date line.
enum DateLineParser {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let labels: Set<String> = [
        "updated", "published", "posted", "date", "on", "last", "first", "modified", "dated",
    ]
    static let timeWords: Set<String> = [
        "at", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst",
        "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "ist", "jst", "aest",
        "local", "time", "noon", "midnight",
    ]

    /// Tokens: words (letters and inner dots), numbers (digits with `:`, `/`, `-` inside), or single
    /// punctuation characters. Whitespace separates tokens.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        func flush() { if !cur.isEmpty { out.append(cur); cur = "" } }
        for ch in s {
            if ch.isLetter || ch.isNumber || ((ch == "." || ch == ":" || ch == "/" || ch == "-") && !cur.isEmpty) {
                cur.append(ch)
            } else {
                flush()
                if !ch.isWhitespace { out.append(String(ch)) }
            }
        }
        flush()
        // Split a trailing "." from month abbreviations ("Nov." → "Nov"), keep "a.m."
        return out.map { t in
            var t = t
            while t.hasSuffix(".") || t.hasSuffix("-") || t.hasSuffix(":"), !["a.m.", "p.m."].contains(t.lowercased()) {
                t.removeLast()
            }
            return t
        }.filter { !$0.isEmpty }
    }

    /// The date of a line that is a date line, or `nil` when the line is not just a date.
    static func dateLine(_ line: String) -> CivilDate? {
        let toks = tokens(line)
        guard !toks.isEmpty, toks.count <= 16 else { return nil }
        var i = 0
        var found: CivilDate?
        while i < toks.count {
            let t = toks[i].lowercased()
            if found == nil, let (date, used) = dateAt(toks, i) {
                found = date
                i += used
                continue
            }
            if let (_, used) = dateAt(toks, i) { i += used; continue }  // a second date ("Updated …")
            if labels.contains(t) || weekdays.contains(t) || timeWords.contains(t) || t == "," || t == "|"
                || t == "·" || t == "•" || t == "—" || t == "–" || t == "-" || t == "(" || t == ")" || t == ":"
                || isTime(t)
            {
                i += 1
                continue
            }
            return nil
        }
        return found
    }

    static func isTime(_ t: String) -> Bool {
        let parts = t.split(separator: ":")
        guard parts.count == 2 || parts.count == 3 else {
            // "5pm" / "10am"
            let lower = t.lowercased()
            for suffix in ["am", "pm"] where lower.hasSuffix(suffix) {
                return Int(lower.dropLast(2)).map { (1...12).contains($0) } ?? false
            }
            return false
        }
        var p = parts.map(String.init)
        let lastLower = p[p.count - 1].lowercased()
        for suffix in ["am", "pm"] where lastLower.hasSuffix(suffix) { p[p.count - 1] = String(lastLower.dropLast(2)) }
        return p.allSatisfy { !$0.isEmpty && $0.count <= 2 && Int($0) != nil }
    }

    /// Parses a date starting at token `i`; returns the date and the number of tokens used.
    static func dateAt(_ toks: [String], _ i: Int) -> (CivilDate, Int)? {
        let t = toks[i]
        // ISO 2025-11-29 or 2025-11-29T10:00:00Z
        if t.count >= 10, let date = CivilDate(iso: String(t.prefix(10))) {
            let rest = t.dropFirst(10)
            if rest.isEmpty || rest.first == "T" || rest.first == "t" { return (date, 1) }
        }
        // US numeric 11/29/2025
        let slash = t.split(separator: "/")
        if slash.count == 3, slash[2].count == 4, let m = Int(slash[0]), let d = Int(slash[1]), let y = Int(slash[2]),
            let date = CivilDate(year: y, month: m, day: d)
        {
            return (date, 1)
        }
        // Month D, YYYY
        if let month = months[t.lowercased()] {
            var j = i + 1
            guard j < toks.count, let day = dayNumber(toks[j]) else { return nil }
            j += 1
            if j < toks.count, toks[j] == "," { j += 1 }
            guard j < toks.count, toks[j].count == 4, let year = Int(toks[j]),
                let date = CivilDate(year: year, month: month, day: day)
            else { return nil }
            return (date, j + 1 - i)
        }
        // D Month YYYY
        if let day = dayNumber(t), i + 2 < toks.count, let month = months[toks[i + 1].lowercased()] {
            var j = i + 2
            if toks[j] == "," { j += 1 }
            guard j < toks.count, toks[j].count == 4, let year = Int(toks[j]),
                let date = CivilDate(year: year, month: month, day: day)
            else { return nil }
            return (date, j + 1 - i)
        }
        return nil
    }

    /// `29`, `29th`, `1st`.
    static func dayNumber(_ t: String) -> Int? {
        var digits = t
        for suffix in ["st", "nd", "rd", "th"] where t.lowercased().hasSuffix(suffix) { digits = String(t.dropLast(2)) }
        guard digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    /// Parses a date field value (JSON / front matter): a date line, or an ISO date-time.
    static func parseField(_ value: String) -> CivilDate? {
        let trimmed = value.trimmingWhitespace
        if trimmed.count >= 10, let d = CivilDate(iso: String(trimmed.prefix(10))) { return d }
        return dateLine(trimmed)
    }
}

