public import BroadsheetCore

/// Named holidays and how to find their date in a given year (US conventions where they differ).
public enum HolidayCalendar {
    /// A holiday's rule.
    enum Rule: Sendable {
        /// Fixed month and day.
        case fixed(month: Int, day: Int)
        /// The `n`th `weekday` (ISO, 1 = Monday) of `month`; `n == -1` is the last.
        case nthWeekday(month: Int, weekday: Int, n: Int)
        /// Days after Easter Sunday (negative before).
        case easter(offset: Int)
        /// Days after another rule's date.
        indirect case after(Rule, days: Int)
    }

    /// Holiday names as lowercased token sequences (as ``TimexTokenizer`` splits them: a possessive `'s`
    /// and a trailing `'` are tokens of their own) → rule. The tagger matches the longest.
    static let names: [[String]: Rule] = {
        let thanksgiving = Rule.nthWeekday(month: 11, weekday: 4, n: 4)
        let table: [(String, Rule)] = [
            ("christmas", .fixed(month: 12, day: 25)),
            ("christmas day", .fixed(month: 12, day: 25)),
            ("christmas eve", .fixed(month: 12, day: 24)),
            ("boxing day", .fixed(month: 12, day: 26)),
            ("new year 's day", .fixed(month: 1, day: 1)),
            ("new year 's eve", .fixed(month: 12, day: 31)),
            ("new years day", .fixed(month: 1, day: 1)),
            ("new years eve", .fixed(month: 12, day: 31)),
            ("valentine 's day", .fixed(month: 2, day: 14)),
            ("st . patrick 's day", .fixed(month: 3, day: 17)),
            ("saint patrick 's day", .fixed(month: 3, day: 17)),
            ("independence day", .fixed(month: 7, day: 4)),
            ("july fourth", .fixed(month: 7, day: 4)),
            ("fourth of july", .fixed(month: 7, day: 4)),
            ("the fourth of july", .fixed(month: 7, day: 4)),
            ("juneteenth", .fixed(month: 6, day: 19)),
            ("halloween", .fixed(month: 10, day: 31)),
            ("veterans day", .fixed(month: 11, day: 11)),
            ("veterans ' day", .fixed(month: 11, day: 11)),
            ("veteran 's day", .fixed(month: 11, day: 11)),
            ("armistice day", .fixed(month: 11, day: 11)),
            ("remembrance day", .fixed(month: 11, day: 11)),
            ("bastille day", .fixed(month: 7, day: 14)),
            ("may day", .fixed(month: 5, day: 1)),
            ("thanksgiving", thanksgiving),
            ("thanksgiving day", thanksgiving),
            ("black friday", .after(thanksgiving, days: 1)),
            ("cyber monday", .after(thanksgiving, days: 4)),
            ("martin luther king jr . day", .nthWeekday(month: 1, weekday: 1, n: 3)),
            ("martin luther king day", .nthWeekday(month: 1, weekday: 1, n: 3)),
            ("mlk day", .nthWeekday(month: 1, weekday: 1, n: 3)),
            ("presidents day", .nthWeekday(month: 2, weekday: 1, n: 3)),
            ("presidents ' day", .nthWeekday(month: 2, weekday: 1, n: 3)),
            ("president 's day", .nthWeekday(month: 2, weekday: 1, n: 3)),
            ("memorial day", .nthWeekday(month: 5, weekday: 1, n: -1)),
            ("labor day", .nthWeekday(month: 9, weekday: 1, n: 1)),
            ("columbus day", .nthWeekday(month: 10, weekday: 1, n: 2)),
            ("indigenous peoples ' day", .nthWeekday(month: 10, weekday: 1, n: 2)),
            ("mother 's day", .nthWeekday(month: 5, weekday: 7, n: 2)),
            ("father 's day", .nthWeekday(month: 6, weekday: 7, n: 3)),
            ("election day", .after(.nthWeekday(month: 11, weekday: 1, n: 1), days: 1)),
            ("easter", .easter(offset: 0)),
            ("easter sunday", .easter(offset: 0)),
            ("easter monday", .easter(offset: 1)),
            ("good friday", .easter(offset: -2)),
            ("palm sunday", .easter(offset: -7)),
            ("ash wednesday", .easter(offset: -46)),
            ("pentecost", .easter(offset: 49)),
        ]
        var out: [[String]: Rule] = [:]
        for (name, rule) in table {
            out[name.split(separator: " ").map(String.init)] = rule
        }
        return out
    }()

    /// ``names`` grouped by their first token, for the tagger's scan.
    static let byFirstWord: [String: [(words: [String], rule: Rule)]] = {
        var out: [String: [(words: [String], rule: Rule)]] = [:]
        for (words, rule) in names { out[words[0], default: []].append((words, rule)) }
        return out
    }()

    /// The date of a holiday in `year`.
    static func date(of rule: Rule, year: Int) -> CivilDate? {
        switch rule {
        case .fixed(let m, let d):
            return CivilDate(year: year, month: m, day: d)
        case .nthWeekday(let m, let wd, let n):
            if n > 0 {
                guard let first = CivilDate(year: year, month: m, day: 1) else { return nil }
                let delta = (wd - first.weekday + 7) % 7
                return first.adding(days: delta + (n - 1) * 7)
            }
            guard let last = CivilDate(year: year, month: m, day: CivilDate.daysIn(month: m, year: year)) else { return nil }
            return last.adding(days: -((last.weekday - wd + 7) % 7))
        case .easter(let offset):
            return easterSunday(year: year)?.adding(days: offset)
        case .after(let base, let days):
            return date(of: base, year: year)?.adding(days: days)
        }
    }

    /// Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CivilDate? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }

    /// US Thanksgiving (fourth Thursday of November) of `year`.
    public static func thanksgiving(year: Int) -> CivilDate? {
        date(of: .nthWeekday(month: 11, weekday: 4, n: 4), year: year)
    }
}
