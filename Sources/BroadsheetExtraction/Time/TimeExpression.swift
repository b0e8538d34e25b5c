public import BroadsheetCore

/// A time expression found in a document, normalised in the style of TimeML's TIMEX3.
///
/// `value` follows TIMEX3: `2025-08-06`, `2025-10`, `2025`, `2025-W48`, `2025-W48-WE`, `2025-Q3`,
/// `2025-H1`, `2025-SU`, `FY2025`, `198` (the 1980s), `19` (the 1900s), `2025-11-29T15:30-05:00`,
/// `2025-11-29TNI`, `P9M`, `PT3H`, `PXY` (vague "years"), `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`,
/// `XXXX-12-25` (a month and day whose year could not be resolved), `XXXX-WXX-1` (every Monday).
public struct TimeExpression: Sendable, Hashable, Codable {
    /// UTF-16 span into ``Document/text``.
    public var span: TextSpan
    /// The text as written.
    public var text: String
    /// The TIMEX3 value.
    public var value: String
    /// Date, time, duration or set.
    public var type: TimexType
    /// The unit the value is expressed in (`.month` for `2025-10`, `.week` for `2025-W49`, the unit of a
    /// duration or set, `.reference` for `*_REF`).
    public var granularity: TimexGranularity
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`, `MORE_THAN`, `EQUAL_OR_LESS`,
    /// `EQUAL_OR_MORE`, or `nil`. ("earlier this month" keeps value `2025-11` with no mod.)
    public var mod: String?
    /// Index into ``Document/sentences``.
    public var sentence: Int
    /// Whether the value depended on a reference date: `true` when it was resolved against the
    /// publication date or the narrative date ("last month", "the next day", a yearless "Aug. 6"),
    /// `false` when it needed one and none was available (the value then holds `X`s), `nil` when the
    /// expression is self-contained ("November 29, 2025", "nine months").
    public var anchored: Bool?

    /// Creates a time expression (the tagger does; tests and decoders may too).
    public init(
        span: TextSpan, text: String, value: String, type: TimexType, granularity: TimexGranularity,
        mod: String? = nil, sentence: Int, anchored: Bool? = nil
    ) {
        self.span = span
        self.text = text
        self.value = value
        self.type = type
        self.granularity = granularity
        self.mod = mod
        self.sentence = sentence
        self.anchored = anchored
    }

    /// The calendar interval a date or time value covers (a month covers its first to its last day,
    /// a week Monday to Sunday, `198` 1980-01-01 to 1989-12-31), or `nil` for durations, sets,
    /// `*_REF` values and values with unresolved `X` digits. Sorting by `interval?.start` puts a month
    /// at its first day.
    public var interval: ClosedRange<CivilDate>? {
        guard type == .date || type == .time else { return nil }
        return TimexValue.interval(of: value)
    }
}

/// The TIMEX3 types.
public enum TimexType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A calendar date or period: `2025-08-06`, `2025-10`, `2025-W49`, `198`.
    case date
    /// A time of day, possibly with its date: `2025-11-29T10:00`, `2025-11-29TNI`.
    case time
    /// A length of time: `P9M`, `PT3H`.
    case duration
    /// A recurring time: `P1W` ("weekly"), `XXXX-WXX-1` ("every Monday").
    case set
}

/// How fine a time expression is (for durations and sets: their unit).
public enum TimexGranularity: String, Sendable, Hashable, Codable, CaseIterable {
    /// A clock time or part of day (`T10:00`, `TNI`), or a duration in hours, minutes or seconds.
    case time
    case day, week, month, quarter
    /// `2025-H1`.
    case halfYear = "half-year"
    /// `2025-SU`.
    case season
    case year
    /// `198` (the 1980s).
    case decade
    /// `19` (the 1900s).
    case century
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: no calendar extent.
    case reference
}
