/// Calendar units the tagger reasons with.
enum TimexUnit: String, Sendable, Hashable {
    case second, minute, hour, day, week, weekend, month, quarter, halfYear, season, year, decade, century

    /// TIMEX3 duration designator (`P3Y`, `PT3H`), with `T` for clock units.
    func duration(_ amount: String) -> String {
        switch self {
        case .second: return "PT\(amount)S"
        case .minute: return "PT\(amount)M"
        case .hour: return "PT\(amount)H"
        case .day: return "P\(amount)D"
        case .week, .weekend: return "P\(amount)W"
        case .month: return "P\(amount)M"
        case .quarter: return "P\(amount)Q"  // TimeBank: "several quarters" = PXQ
        case .halfYear: return "P\(amount)H"
        case .season: return "P\(amount)QS"  // not TIMEX3 standard; unused by the lexicon
        case .year: return "P\(amount)Y"
        case .decade: return "P\(amount)DE"
        case .century: return "P\(amount)CE"
        }
    }

    var granularity: TimexGranularity {
        switch self {
        case .second, .minute, .hour: return .time
        case .day: return .day
        case .week, .weekend: return .week
        case .month: return .month
        case .quarter: return .quarter
        case .halfYear: return .halfYear
        case .season: return .season
        case .year: return .year
        case .decade: return .decade
        case .century: return .century
        }
    }

    /// Unit words, singular and plural.
    static let words: [String: TimexUnit] = [
        "second": .second, "seconds": .second, "minute": .minute, "minutes": .minute, "hour": .hour,
        "hours": .hour, "day": .day, "days": .day, "week": .week, "weeks": .week, "weekend": .weekend,
        "weekends": .weekend, "month": .month, "months": .month, "quarter": .quarter, "quarters": .quarter,
        "year": .year, "years": .year, "decade": .decade, "decades": .decade, "century": .century,
        "centuries": .century, "fortnight": .week, "fortnights": .week,
    ]
}

/// The day a time of day belongs to, before resolution.
enum TimexDayRef: Sendable, Hashable {
    /// Days from the publication date (0 = today, -1 = yesterday).
    case deictic(Int)
    /// A weekday, resolved by tense.
    case weekday(Int)
    /// The narrative's current day ("that night").
    case narrative
    /// Whatever date the sentence mentions, else the publication date.
    case contextual
}

/// What a matched phrase means, before it is normalised against a reference date.
enum TimexCandidate: Sendable {
    /// A calendar date, possibly without its year ("Aug. 6", "October", "May 2024", "2022").
    case calendar(year: Int?, month: Int?, day: Int?)
    /// A fiscal year: `FY2025`.
    case fiscalYear(Int)
    case decade(Int)
    case century(Int)
    /// `2025-Q3`; year may need inference.
    case quarter(Int, year: Int?)
    case halfYear(Int, year: Int?)
    /// A season ("SU") with an explicit year or by tense.
    case season(String, year: Int?)
    /// A season relative to the publication date ("last summer" = -1).
    case deicticSeason(String, offset: Int)
    /// "over the weekend": the last weekend in past clauses, the coming one in future clauses.
    case weekendByTense
    /// A bare weekday, resolved by tense.
    case weekday(Int)
    /// "last Monday" (-1), "next Friday" (+1), "this Friday" (0).
    case deicticWeekday(Int, offset: Int)
    /// A month name relative to the publication date: "last March" (-1), "next March" (+1), "this March" (0).
    case deicticMonth(Int, offset: Int)
    /// A month of a publication-relative year: "January this year" (0), "March last year" (-1).
    case monthOfDeicticYear(Int, yearOffset: Int)
    /// Offset from the publication date in a unit ("last month", "today", "two weeks ago").
    case deictic(TimexUnit, offset: Int)
    /// Offset from the narrative's last date ("the next day", "that same month", "a day earlier").
    case anaphoric(TimexUnit, offset: Int)
    /// "a year ago", "a year earlier" (`fromNarrative`), "the year-ago quarter" (`quarterWord`): the
    /// reported quarter a year before when a quarter is in scope, else the year before.
    case yearAgo(fromNarrative: Bool, quarterWord: Bool)
    /// A quarter of a given or publication-relative year: "the 1988 third quarter", "this year's third
    /// quarter", "last year's quarter" (`index` `nil`: the quarter the text reports on, else the last ended).
    case quarterOfYear(index: Int?, year: Int?, yearOffset: Int)
    /// "at that time", "at the time": the narrative's date when one is in scope, else `PAST_REF`.
    case narrativeTime
    /// "that spring": the season in the narrative's year.
    case anaphoricSeason(String)
    /// A vague offset from the narrative's last date ("a few days later"): resolves one level coarser.
    case anaphoricVague(TimexUnit, direction: Int)
    /// A vague offset from the publication date ("a few days ago").
    case deicticVague(TimexUnit, direction: Int)
    /// A holiday with an explicit year, or by tense; `offset` for "last Christmas" / "next Easter".
    case holiday(HolidayCalendar.Rule, year: Int?, offset: Int?)
    /// A clock time on a day.
    case time(hour: Int, minute: Int, zone: String?, day: TimexDayRef)
    /// A part of a day: `TMO`, `TAF`, `TEV`, `TNI`.
    case partOfDay(String, day: TimexDayRef)
    /// A length of time; `nil` amount is vague (`PXY`).
    case duration(amount: Int?, unit: TimexUnit)
    /// A ready TIMEX3 value for a set.
    case set(String, TimexGranularity)
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    case reference(String)
}

extension TimexCandidate {
    /// Whether the candidate's day is a weekday resolved by tense ("Friday", "Friday night", "9 a.m. Tuesday").
    var isWeekdayBased: Bool {
        switch self {
        case .weekday: return true
        case .partOfDay(_, .weekday), .time(_, _, _, .weekday): return true
        default: return false
        }
    }

    /// Whether the candidate compares with another period ("a year earlier", "the 1988 quarter") rather
    /// than moving the narrative.
    var isComparison: Bool {
        switch self {
        case .yearAgo, .quarterOfYear: return true
        default: return false
        }
    }

    /// Whether the candidate is dated from the narrative's last date ("the next day", "that spring").
    var isNarrativeRelative: Bool {
        switch self {
        case .anaphoric, .anaphoricSeason, .anaphoricVague, .narrativeTime: return true
        default: return false
        }
    }
}

/// A phrase the matcher found: token range, meaning and TIMEX3 mod.
struct TimexMatch: Sendable {
    var first: Int
    /// One past the last token.
    var end: Int
    var candidate: TimexCandidate
    var mod: String?
}
