import BroadsheetCore

/// The date a narrative last mentioned, for anaphoric expressions ("the next day", "that month"), and
/// the story time: the last date written out with its year, against which yearless dates and weekdays
/// of a narrative set in another year are resolved.
struct NarrativeReference: Sendable {
    /// The last date of day or month granularity.
    var fine: (date: CivilDate, granularity: TimexGranularity)?
    /// The last date of any calendar granularity (day … year).
    var any: (date: CivilDate, granularity: TimexGranularity)?
    /// The sentence ``fine`` was mentioned in.
    var fineSentence: Int?
    /// The last date written with its year ("Oct. 20, 1998", "March 1998", "in 1998"), or dated from one.
    var story: (date: CivilDate, granularity: TimexGranularity, sentence: Int)?
    /// The last quarter mentioned and its sentence, for "a year earlier" in a quarterly report.
    var quarter: (date: CivilDate, sentence: Int)?
    /// The sentence being tagged.
    var sentence = 0

    /// How many sentences the story time stays in scope after its last dated mention.
    static let storyScope = 1

    /// Records a resolved date value mentioned in sentence `sentence`; `explicit` when it was written with
    /// its year (or dated from the story time), which moves the story time.
    mutating func note(value: String, granularity: TimexGranularity, sentence: Int = 0, explicit: Bool = false) {
        guard let range = TimexValue.interval(of: value) else { return }
        switch granularity {
        case .day, .month:
            fine = (range.lowerBound, granularity)
            fineSentence = sentence
            any = fine
        case .week, .quarter, .halfYear, .season, .year:
            any = (range.lowerBound, granularity)
        default: break
        }
        if granularity == .quarter { quarter = (range.lowerBound, sentence) }
        if explicit, [.day, .month, .season, .quarter, .halfYear, .year].contains(granularity) {
            story = (range.lowerBound, granularity, sentence)
        } else if let s = story, s.date != range.lowerBound {
            // Another date the narrative moved to ("the following year", "last week") ends the story time.
            story = nil
        }
    }

    /// The story time when it is in scope and set in an earlier year than `anchor` (a past narrative;
    /// a future-tense clause is not dated from it).
    func storyTime(anchor: CivilDate?, tense: Tense) -> (date: CivilDate, granularity: TimexGranularity)? {
        guard let s = story, sentence - s.sentence <= Self.storyScope, tense != .future else { return nil }
        guard let a = anchor else { return (s.date, s.granularity) }
        return s.date.year < a.year ? (s.date, s.granularity) : nil
    }

    /// How many sentences a quarter stays the period that "a year earlier" compares with.
    static let quarterScope = 4

    /// The quarter the text reports on, when one was mentioned in the last few sentences.
    var reportedQuarter: CivilDate? {
        guard let q = quarter, sentence - q.sentence <= Self.quarterScope else { return nil }
        return q.date
    }
}

/// A normalised value before it becomes a ``TimeExpression``.
struct TimexResolution: Sendable {
    var value: String
    var type: TimexType
    var granularity: TimexGranularity
    var anchored: Bool?
    /// Whether the value was dated from the story time (it then moves the story time on).
    var fromStory = false
}

/// Normalises ``TimexCandidate``s to TIMEX3 values against a publication date (the anchor), the tense
/// of their clause and the narrative's last date.
struct TimexResolver: Sendable {
    /// The publication date; `nil` leaves relative values unresolved (`XXXX-10`).
    let anchor: CivilDate?

    static func rank(_ g: TimexGranularity) -> Int {
        switch g {
        case .time: return 0
        case .day: return 1
        case .week: return 2
        case .month: return 3
        case .quarter: return 4
        case .halfYear, .season: return 5
        case .year: return 6
        case .decade: return 7
        case .century: return 8
        case .reference: return 9
        }
    }

    /// Resolves one candidate.
    /// - Parameters:
    ///   - tense: the tense of the clause, for yearless months, days, weekdays and holidays.
    ///   - narrative: the narrative's last dates, for anaphoric expressions.
    ///   - yearHint: an explicit year bound to this expression by a conjunction ("March 3 and April 5, 2019").
    ///   - sentenceDay: a day the same sentence mentions, for clock times.
    func resolve(
        _ c: TimexCandidate, tense: Tense, narrative: NarrativeReference, yearHint: Int? = nil, sentenceDay: CivilDate? = nil
    ) -> TimexResolution {
        switch c {
        case .calendar(let year, let month, let day):
            if year == nil, yearHint == nil, month != nil, let story = narrative.storyTime(anchor: anchor, tense: tense) {
                // A yearless date in a narrative set in another year ("On Oct. 20, 1998, … On Nov. 2, …").
                var r = calendar(year: story.date.year, month: month, day: day, tense: tense, explicit: false)
                r.anchored = true
                r.fromStory = true
                return r
            }
            return calendar(year: year ?? yearHint, month: month, day: day, tense: tense, explicit: year != nil)
        case .fiscalYear(let y):
            return .init(value: "FY\(TimexValue.pad(y, 4))", type: .date, granularity: .year, anchored: nil)
        case .decade(let d):
            return .init(value: String(d), type: .date, granularity: .decade, anchored: nil)
        case .century(let c):
            return .init(value: TimexValue.pad(c, 2), type: .date, granularity: .century, anchored: nil)
        case .quarter(let q, let year):
            return period(prefix: "Q", index: q, months: 3, year: year ?? yearHint, tense: tense, granularity: .quarter)
        case .halfYear(let h, let year):
            return period(prefix: "H", index: h, months: 6, year: year ?? yearHint, tense: tense, granularity: .halfYear)
        case .season(let code, let year):
            if let y = year ?? yearHint { return .init(value: "\(TimexValue.pad(y, 4))-\(code)", type: .date, granularity: .season, anchored: nil) }
            return season(code, tense: tense, offset: nil)
        case .deicticSeason(let code, let offset):
            return season(code, tense: tense, offset: offset)
        case .weekendByTense:
            guard let a = anchor else { return .init(value: "XXXX-WXX-WE", type: .date, granularity: .week, anchored: false) }
            var d = a
            if tense == .past, a.weekday < 6 { d = a.adding(days: -7) }
            if tense == .future, a.weekday == 7 { d = a.adding(days: 7) }
            return .init(value: TimexValue.isoWeekValue(of: d) + "-WE", type: .date, granularity: .week, anchored: true)
        case .weekday(let wd):
            if let story = narrative.storyTime(anchor: anchor, tense: tense), story.granularity == .day {
                // "On Friday" in a narrative set in another year: the Friday nearest the story's day.
                var r = day(weekday(wd, anchor: story.date, tense: .unknown))
                r.fromStory = true
                return r
            }
            guard let a = anchor else { return .init(value: "XXXX-WXX-\(wd)", type: .date, granularity: .day, anchored: false) }
            return day(weekday(wd, anchor: a, tense: tense))
        case .deicticWeekday(let wd, let offset):
            guard let a = anchor else { return .init(value: "XXXX-WXX-\(wd)", type: .date, granularity: .day, anchored: false) }
            let d: CivilDate
            switch offset {
            case ..<0: d = weekday(wd, anchor: a.adding(days: -1), tense: .past)
            case 1...: d = weekday(wd, anchor: a.adding(days: 1), tense: .future)
            default: d = weekday(wd, anchor: a, tense: tense == .past ? .past : .future)  // "this Friday": the coming one
            }
            return day(d)
        case .deicticMonth(let m, let offset):
            guard let a = anchor else { return .init(value: "XXXX-\(TimexValue.pad(m, 2))", type: .date, granularity: .month, anchored: false) }
            var y = a.year
            if offset < 0, m >= a.month { y -= 1 }
            if offset > 0, m <= a.month { y += 1 }
            return .init(value: TimexValue.monthValue(year: y, month: m), type: .date, granularity: .month, anchored: true)
        case .monthOfDeicticYear(let m, let yearOffset):
            guard let a = anchor else { return .init(value: "XXXX-\(TimexValue.pad(m, 2))", type: .date, granularity: .month, anchored: false) }
            return .init(value: TimexValue.monthValue(year: a.year + yearOffset, month: m), type: .date, granularity: .month, anchored: true)
        case .deictic(let unit, let offset):
            guard let a = anchor else { return unresolved(unit) }
            return shifted(a, granularity: .day, unit: unit, by: offset)
        case .anaphoric(let unit, let offset):
            let ref: (date: CivilDate, granularity: TimexGranularity)?
            if [.day, .week, .weekend, .month].contains(unit) { ref = narrative.fine ?? narrative.any } else { ref = narrative.any ?? narrative.fine }
            guard let r = ref ?? anchor.map({ ($0, TimexGranularity.day) }) else { return unresolved(unit) }
            return shifted(r.date, granularity: r.granularity, unit: unit, by: offset)
        case .yearAgo(let fromNarrative, let quarterWord):
            // "a year earlier" in a report on a quarter is that quarter a year before.
            if let q = narrative.reportedQuarter { return shifted(q, granularity: .quarter, unit: .quarter, by: -4) }
            if quarterWord, let a = anchor {
                // "the year-ago quarter" without a quarter in scope: the last ended quarter, a year before.
                return shifted(a, granularity: .quarter, unit: .quarter, by: -5)
            }
            if fromNarrative { return resolve(.anaphoric(.year, offset: -1), tense: tense, narrative: narrative) }
            return resolve(.deictic(.year, offset: -1), tense: tense, narrative: narrative)
        case .quarterOfYear(let index, let year, let yearOffset):
            let lastEnded = anchor.map { ($0.month - 1) / 3 == 0 ? 4 : ($0.month - 1) / 3 }
            guard let q = index ?? narrative.reportedQuarter.map({ ($0.month - 1) / 3 + 1 }) ?? lastEnded,
                let y = year ?? anchor.map({ $0.year + yearOffset })
            else {
                return .init(value: "XXXX-Q\(index.map(String.init) ?? "X")", type: .date, granularity: .quarter, anchored: false)
            }
            return .init(value: "\(TimexValue.pad(y, 4))-Q\(q)", type: .date, granularity: .quarter, anchored: year == nil ? true : nil)
        case .narrativeTime:
            if let f = narrative.fine, let fs = narrative.fineSentence, narrative.sentence - fs <= 2 {
                return .init(value: Self.format(f.date, f.granularity), type: .date, granularity: f.granularity, anchored: true)
            }
            return .init(value: "PAST_REF", type: .date, granularity: .reference, anchored: nil)
        case .anaphoricSeason(let code):
            guard let r = narrative.any ?? anchor.map({ ($0, TimexGranularity.day) }) else {
                return .init(value: "XXXX-\(code)", type: .date, granularity: .season, anchored: false)
            }
            return .init(value: "\(TimexValue.pad(r.date.year, 4))-\(code)", type: .date, granularity: .season, anchored: true)
        case .anaphoricVague(let unit, let direction):
            guard let r = narrative.fine ?? narrative.any ?? anchor.map({ ($0, TimexGranularity.day) }) else {
                return .init(value: direction < 0 ? "PAST_REF" : "FUTURE_REF", type: .date, granularity: .reference, anchored: false)
            }
            switch unit {
            case .second, .minute, .hour:
                // "Minutes later": still the narrative's day.
                return shifted(r.date, granularity: r.granularity, unit: .day, by: 0)
            case .day, .week, .weekend:
                return shifted(r.date, granularity: r.granularity, unit: .month, by: 0)
            case .month:
                return shifted(r.date, granularity: r.granularity, unit: .year, by: 0)
            default:
                return .init(value: direction < 0 ? "PAST_REF" : "FUTURE_REF", type: .date, granularity: .reference, anchored: true)
            }
        case .deicticVague(_, let direction):
            return .init(value: direction < 0 ? "PAST_REF" : "FUTURE_REF", type: .date, granularity: .reference, anchored: anchor != nil)
        case .holiday(let rule, let year, let offset):
            return holiday(rule, year: year ?? yearHint, offset: offset, tense: tense)
        case .time(let hour, let minute, let zone, let dayRef):
            let date = self.date(of: dayRef, tense: tense, narrative: narrative, sentenceDay: sentenceDay)
            var value = (date?.description ?? "XXXX-XX-XX") + "T\(TimexValue.pad(hour, 2)):\(TimexValue.pad(minute, 2))"
            if let zone { value += zoneSuffix(zone, on: date) }
            return .init(value: value, type: .time, granularity: .time, anchored: date != nil)
        case .partOfDay(let part, let dayRef):
            let date = self.date(of: dayRef, tense: tense, narrative: narrative, sentenceDay: sentenceDay)
            return .init(value: (date?.description ?? "XXXX-XX-XX") + "T\(part)", type: .time, granularity: .time, anchored: date != nil)
        case .duration(let amount, let unit):
            return .init(value: unit.duration(amount.map(String.init) ?? "X"), type: .duration, granularity: unit.granularity, anchored: nil)
        case .set(let value, let g):
            return .init(value: value, type: .set, granularity: g, anchored: nil)
        case .reference(let r):
            return .init(value: r, type: .date, granularity: .reference, anchored: nil)
        }
    }

    // MARK: - Year inference

    /// How far ahead of the publication date a yearless day in a past-tense clause is still read in the
    /// publication's year.
    static let pastToleranceDays = 30

    /// The year of a yearless month (and day) mentioned in a text published on `anchor`.
    ///
    /// Past tense: the latest such date not after the anchor. Future: the earliest not before it.
    /// Present or unknown: the nearest. A February 29 moves to the nearest leap year in that direction.
    static func inferYear(month: Int, day: Int?, anchor: CivilDate, tense: Tense) -> Int {
        let y = anchor.year
        let key = (month, day ?? (tense == .future ? 31 : 1))
        let anchorKey = (anchor.month, anchor.day)
        var year: Int
        switch tense {
        case .past:
            year = (day == nil ? month <= anchor.month : key <= anchorKey) ? y : y - 1
            // A day a few weeks ahead in a past-tense clause is a date reported in advance ("said the vote
            // was set for Nov. 10"): news writes the year of a date almost a year back.
            if year < y, let day, let coming = CivilDate(year: y, month: month, day: day),
                coming.daysSinceEpoch - anchor.daysSinceEpoch <= pastToleranceDays
            {
                year = y
            }
        case .future:
            year = (day == nil ? month >= anchor.month : key >= anchorKey) ? y : y + 1
        case .present, .unknown:
            let target = anchor.year * 12 + anchor.month
            year = [y, y - 1, y + 1].min { abs($0 * 12 + month - target) < abs($1 * 12 + month - target) } ?? y
        }
        if month == 2, day == 29 {
            let step = tense == .past ? -1 : 1
            while !CivilDate.isLeap(year) { year += step }
        }
        return year
    }

    private func calendar(year: Int?, month: Int?, day: Int?, tense: Tense, explicit: Bool) -> TimexResolution {
        guard let month else {
            guard let year else { return .init(value: "XXXX", type: .date, granularity: .year, anchored: false) }
            return .init(value: TimexValue.pad(year, 4), type: .date, granularity: .year, anchored: nil)
        }
        var y = year
        var anchored: Bool? = explicit ? nil : true
        if y == nil, let a = anchor { y = Self.inferYear(month: month, day: day, anchor: a, tense: tense) }
        if y == nil { anchored = false }
        let yearText = y.map { TimexValue.pad($0, 4) } ?? "XXXX"
        guard let day else {
            return .init(value: "\(yearText)-\(TimexValue.pad(month, 2))", type: .date, granularity: .month, anchored: anchored)
        }
        if let y, CivilDate(year: y, month: month, day: day) == nil {
            return .init(value: "\(yearText)-\(TimexValue.pad(month, 2))", type: .date, granularity: .month, anchored: anchored)
        }
        return .init(value: "\(yearText)-\(TimexValue.pad(month, 2))-\(TimexValue.pad(day, 2))", type: .date, granularity: .day, anchored: anchored)
    }

    /// Quarters and halves: explicit year, else by tense (past: the latest that has ended).
    private func period(prefix: String, index: Int, months: Int, year: Int?, tense: Tense, granularity: TimexGranularity) -> TimexResolution {
        if let year { return .init(value: "\(TimexValue.pad(year, 4))-\(prefix)\(index)", type: .date, granularity: granularity, anchored: nil) }
        guard let a = anchor else { return .init(value: "XXXX-\(prefix)\(index)", type: .date, granularity: granularity, anchored: false) }
        let current = (a.month - 1) / months + 1
        var y = a.year
        switch tense {
        case .past: if index > current { y -= 1 }  // the current quarter is nearer than last year's
        case .future: if index < current - 1 { y += 1 }  // the quarter just ended is still being reported on
        case .present, .unknown: break
        }
        return .init(value: "\(TimexValue.pad(y, 4))-\(prefix)\(index)", type: .date, granularity: granularity, anchored: true)
    }

    private static let seasonStart: [String: Int] = ["SP": 3, "SU": 6, "FA": 9, "WI": 12]

    /// Seasons: `offset` -1 the latest that has ended, +1 the next to start, 0 the current or this
    /// year's; `nil` by tense.
    private func season(_ code: String, tense: Tense, offset: Int?) -> TimexResolution {
        guard let a = anchor, let startMonth = Self.seasonStart[code] else {
            return .init(value: "XXXX-\(code)", type: .date, granularity: .season, anchored: false)
        }
        func range(_ y: Int) -> ClosedRange<CivilDate> { TimexValue.interval(of: "\(TimexValue.pad(y, 4))-\(code)")! }
        let candidates = [a.year - 2, a.year - 1, a.year, a.year + 1]
        var year = a.year
        if code == "WI", a.month < startMonth - 9 { year = a.year - 1 }  // January and February belong to last year's winter
        let effective = offset ?? (tense == .past ? -2 : tense == .future ? 2 : 0)
        switch effective {
        case -1: year = candidates.last { range($0).upperBound < a } ?? year
        case -2: year = candidates.last { range($0).lowerBound <= a } ?? year
        case 1: year = candidates.first { range($0).lowerBound > a } ?? year
        case 2: year = candidates.first { range($0).upperBound >= a } ?? year
        default:
            if offset == nil {
                // Present or unknown tense: the instance nearest the anchor (or containing it).
                func distance(_ y: Int) -> Int {
                    let r = range(y)
                    if r.contains(a) { return 0 }
                    return min(abs(r.lowerBound.daysSinceEpoch - a.daysSinceEpoch), abs(r.upperBound.daysSinceEpoch - a.daysSinceEpoch))
                }
                year = candidates.min { distance($0) < distance($1) } ?? year
            }
        }
        return .init(value: "\(TimexValue.pad(year, 4))-\(code)", type: .date, granularity: .season, anchored: true)
    }

    /// The weekday `wd` nearest `anchor` in the tense's direction (past: on or before; future: on or
    /// after, since news names the day even when it is the publication day; otherwise within three
    /// days either way).
    func weekday(_ wd: Int, anchor a: CivilDate, tense: Tense) -> CivilDate {
        let back = (a.weekday - wd + 7) % 7
        let forward = (wd - a.weekday + 7) % 7
        switch tense {
        case .past: return a.adding(days: -back)
        case .future: return a.adding(days: forward)  // AP style names the day even when it is today
        case .present, .unknown: return back <= 3 ? a.adding(days: -back) : a.adding(days: forward)
        }
    }

    private func holiday(_ rule: HolidayCalendar.Rule, year: Int?, offset: Int?, tense: Tense) -> TimexResolution {
        if let year, let d = HolidayCalendar.date(of: rule, year: year) {
            return .init(value: d.description, type: .date, granularity: .day, anchored: nil)
        }
        guard let a = anchor else {
            if case .fixed(let m, let d) = rule {
                return .init(value: "XXXX-\(TimexValue.pad(m, 2))-\(TimexValue.pad(d, 2))", type: .date, granularity: .day, anchored: false)
            }
            return .init(value: "XXXX-XX-XX", type: .date, granularity: .day, anchored: false)
        }
        let dates = [a.year - 1, a.year, a.year + 1].compactMap { HolidayCalendar.date(of: rule, year: $0) }
        let chosen: CivilDate?
        let direction = offset ?? (tense == .past ? -2 : tense == .future ? 2 : 0)
        switch direction {
        case -1: chosen = dates.last { $0 < a }
        case -2: chosen = dates.last { $0 <= a }
        case 1: chosen = dates.first { $0 > a }
        case 2: chosen = dates.first { $0 >= a }
        default: chosen = dates.min { abs($0.daysSinceEpoch - a.daysSinceEpoch) < abs($1.daysSinceEpoch - a.daysSinceEpoch) }
        }
        guard let d = chosen else { return .init(value: "XXXX-XX-XX", type: .date, granularity: .day, anchored: false) }
        return .init(value: d.description, type: .date, granularity: .day, anchored: true)
    }

    // MARK: - Shifting

    /// `ref` (of granularity `granularity`) moved by `n` `unit`s, expressed at the unit's granularity,
    /// or at the reference's when the reference is coarser than the unit.
    func shifted(_ ref: CivilDate, granularity: TimexGranularity, unit: TimexUnit, by n: Int) -> TimexResolution {
        let unitG = unit == .weekend ? TimexGranularity.week : unit.granularity
        // "two decades later" after "1998" is 2018: count decades and centuries in years.
        if unit == .decade || unit == .century, Self.rank(granularity) <= Self.rank(.year), n != 0 {
            return .init(value: TimexValue.pad(ref.year + n * (unit == .decade ? 10 : 100), 4), type: .date, granularity: .year, anchored: true)
        }
        if Self.rank(granularity) > Self.rank(unitG) {
            // "a day earlier" after "In October": only the month is known.
            return .init(value: Self.format(ref, granularity), type: .date, granularity: granularity, anchored: true)
        }
        switch unit {
        case .second, .minute, .hour:
            return .init(value: "\(ref.description)", type: .date, granularity: .day, anchored: true)
        case .day:
            return day(ref.adding(days: n))
        case .week:
            return .init(value: TimexValue.isoWeekValue(of: ref.adding(days: 7 * n)), type: .date, granularity: .week, anchored: true)
        case .weekend:
            return .init(value: TimexValue.isoWeekValue(of: ref.adding(days: 7 * n)) + "-WE", type: .date, granularity: .week, anchored: true)
        case .month:
            let total = ref.year * 12 + (ref.month - 1) + n
            return .init(value: TimexValue.monthValue(year: total / 12, month: total % 12 + 1), type: .date, granularity: .month, anchored: true)
        case .quarter, .halfYear, .season:
            let size = unit == .halfYear ? 6 : 3
            let prefix = unit == .halfYear ? "H" : "Q"
            let total = ref.year * (12 / size) + (ref.month - 1) / size + n
            return .init(
                value: "\(TimexValue.pad(total / (12 / size), 4))-\(prefix)\(total % (12 / size) + 1)", type: .date,
                granularity: unit == .halfYear ? .halfYear : .quarter, anchored: true)
        case .year:
            return .init(value: TimexValue.pad(ref.year + n, 4), type: .date, granularity: .year, anchored: true)
        case .decade:
            return .init(value: String(ref.year / 10 + n), type: .date, granularity: .decade, anchored: true)
        case .century:
            return .init(value: TimexValue.pad(ref.year / 100 + n, 2), type: .date, granularity: .century, anchored: true)
        }
    }

    static func format(_ d: CivilDate, _ g: TimexGranularity) -> String {
        switch g {
        case .day, .time: return d.description
        case .week: return TimexValue.isoWeekValue(of: d)
        case .month, .season, .halfYear: return TimexValue.monthValue(year: d.year, month: d.month)
        case .quarter: return "\(TimexValue.pad(d.year, 4))-Q\((d.month - 1) / 3 + 1)"
        case .year, .reference: return TimexValue.pad(d.year, 4)
        case .decade: return String(d.year / 10)
        case .century: return TimexValue.pad(d.year / 100, 2)
        }
    }

    private func day(_ d: CivilDate) -> TimexResolution {
        .init(value: d.description, type: .date, granularity: .day, anchored: true)
    }

    private func unresolved(_ unit: TimexUnit) -> TimexResolution {
        let value: String
        switch unit {
        case .second, .minute, .hour, .day: value = "XXXX-XX-XX"
        case .week: value = "XXXX-WXX"
        case .weekend: value = "XXXX-WXX-WE"
        case .month: value = "XXXX-XX"
        case .quarter: value = "XXXX-QX"
        case .halfYear: value = "XXXX-HX"
        case .season: value = "XXXX-XX"
        case .year: value = "XXXX"
        case .decade: value = "XXX"
        case .century: value = "XX"
        }
        return .init(value: value, type: .date, granularity: unit == .weekend ? .week : unit.granularity, anchored: false)
    }

    /// The day a clock time or part of day belongs to.
    private func date(of ref: TimexDayRef, tense: Tense, narrative: NarrativeReference, sentenceDay: CivilDate?) -> CivilDate? {
        switch ref {
        case .deictic(let n): return anchor?.adding(days: n)
        case .weekday(let wd):
            if let story = narrative.storyTime(anchor: anchor, tense: tense), story.granularity == .day {
                return weekday(wd, anchor: story.date, tense: .unknown)
            }
            return anchor.map { weekday(wd, anchor: $0, tense: tense) }
        case .narrative:
            if let f = narrative.fine, f.granularity == .day { return f.date }
            return anchor
        case .contextual: return sentenceDay ?? anchor
        }
    }

    /// `-05:00` for a zone on a date (US zones observe daylight time from the second Sunday of March to
    /// the first Sunday of November); `Z` for UTC.
    func zoneSuffix(_ zone: String, on date: CivilDate?) -> String {
        guard let z = TimexLexicon.zones[zone] else { return "" }
        var hours = z.standard
        if let dst = z.daylight, let d = date,
            let start = HolidayCalendar.date(of: .nthWeekday(month: 3, weekday: 7, n: 2), year: d.year),
            let end = HolidayCalendar.date(of: .nthWeekday(month: 11, weekday: 7, n: 1), year: d.year),
            start <= d, d < end
        {
            hours = dst
        }
        if hours == 0 { return "Z" }
        return (hours < 0 ? "-" : "+") + TimexValue.pad(abs(hours), 2) + ":00"
    }
}
