public import BroadsheetCore

/// Helpers for TIMEX3 value strings.
public enum TimexValue {
    /// The calendar interval covered by a TIMEX3 date value (`2025`, `2025-10`, `2025-10-17`,
    /// `2025-W48`, `2025-W48-WE`, `2025-Q3`, `2025-H2`, `2025-SU`, `FY2025`, `198`, `19`, and a date
    /// with a `T…` time part), or `nil` when the value is not a resolved date.
    public static func interval(of value: String) -> ClosedRange<CivilDate>? {
        var v = Substring(value)
        if let t = v.firstIndex(of: "T") { v = v[..<t] }
        if v.hasPrefix("FY") { v = v.dropFirst(2) }
        if v.contains("X") || v.isEmpty { return nil }
        let parts = v.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, head.allSatisfy(\.isASCIIDigitChar), let n = Int(head) else { return nil }
        switch head.count {
        case 2:  // century: 19 → 1900–1999
            return range(n * 100, 1, 1, n * 100 + 99, 12, 31)
        case 3:  // decade: 198 → 1980–1989
            return range(n * 10, 1, 1, n * 10 + 9, 12, 31)
        case 4: break
        default: return nil
        }
        let year = n
        if parts.count == 1 { return range(year, 1, 1, year, 12, 31) }
        let second = parts[1]
        if second.hasPrefix("W"), let w = Int(second.dropFirst()), (1...53).contains(w) {
            guard let monday = isoWeekMonday(year: year, week: w) else { return nil }
            if parts.count >= 3, parts[2] == "WE" { return monday.adding(days: 5)...monday.adding(days: 6) }
            if parts.count >= 3, let d = Int(parts[2]), (1...7).contains(d) {
                let day = monday.adding(days: d - 1)
                return day...day
            }
            return monday...monday.adding(days: 6)
        }
        if second.hasPrefix("Q"), let q = Int(second.dropFirst()), (1...4).contains(q) {
            let m = (q - 1) * 3 + 1
            return range(year, m, 1, year, m + 2, CivilDate.daysIn(month: m + 2, year: year))
        }
        if second.hasPrefix("H"), let h = Int(second.dropFirst()), (1...2).contains(h) {
            return h == 1 ? range(year, 1, 1, year, 6, 30) : range(year, 7, 1, year, 12, 31)
        }
        switch second {
        case "SP": return range(year, 3, 1, year, 5, 31)
        case "SU": return range(year, 6, 1, year, 8, 31)
        case "FA": return range(year, 9, 1, year, 11, 30)
        case "WI": return range(year, 12, 1, year + 1, 2, CivilDate.daysIn(month: 2, year: year + 1))
        default: break
        }
        guard let month = Int(second), (1...12).contains(month) else { return nil }
        if parts.count == 2 { return range(year, month, 1, year, month, CivilDate.daysIn(month: month, year: year)) }
        guard let day = Int(parts[2]), let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return date...date
    }

    /// The Monday of ISO week `week` of ISO year `year`.
    public static func isoWeekMonday(year: Int, week: Int) -> CivilDate? {
        guard let jan4 = CivilDate(year: year, month: 1, day: 4) else { return nil }
        let week1Monday = jan4.adding(days: 1 - jan4.weekday)
        return week1Monday.adding(days: (week - 1) * 7)
    }

    /// `2025-W48` for a date.
    public static func isoWeekValue(of date: CivilDate) -> String {
        let w = date.isoWeek
        return "\(pad(w.year, 4))-W\(pad(w.week, 2))"
    }

    /// `2025-10` for a year and month.
    public static func monthValue(year: Int, month: Int) -> String { "\(pad(year, 4))-\(pad(month, 2))" }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private static func range(_ y1: Int, _ m1: Int, _ d1: Int, _ y2: Int, _ m2: Int, _ d2: Int) -> ClosedRange<CivilDate>? {
        guard let a = CivilDate(year: y1, month: m1, day: d1), let b = CivilDate(year: y2, month: m2, day: d2), a <= b
        else { return nil }
        return a...b
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}
