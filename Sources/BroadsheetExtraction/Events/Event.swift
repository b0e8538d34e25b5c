public import BroadsheetCore

/// Something the text reports as happening at a time: a dated meeting, trip, statement, deal, sanction…
public struct Event: Sendable, Hashable, Codable {
    /// Index into ``Document/sentences``.
    public var sentence: Int
    /// When it happened (a date-typed expression of day to year granularity). For an event whose
    /// sentence has no date of its own (``inherited``), the date of the sentence it continues.
    public var date: TimeExpression
    /// The word that names the event: its main verb ("flew", "met") or an event noun ("summit").
    public var trigger: String
    /// UTF-16 span of ``trigger`` in ``Document/text``.
    public var triggerSpan: TextSpan
    public var type: EventType
    /// The clause that reports it, trimmed to about 200 characters.
    public var summary: String
    /// ``DocumentEntity/key``s of the people, organisations and countries taking part, the actor
    /// (the subject of the trigger, or the agent of a passive) first.
    public var participants: [Int]
    /// ``DocumentEntity/key``s of the places where it happened or that it went to.
    public var places: [Int]
    /// `true` when the sentence has no date of its own and continues the previous sentence's dated
    /// action ("On Aug. 6, she flew to Rome. She met the pope.").
    public var inherited: Bool

    public init(
        sentence: Int, date: TimeExpression, trigger: String, triggerSpan: TextSpan, type: EventType, summary: String,
        participants: [Int] = [], places: [Int] = [], inherited: Bool = false
    ) {
        self.sentence = sentence
        self.date = date
        self.trigger = trigger
        self.triggerSpan = triggerSpan
        self.type = type
        self.summary = summary
        self.participants = participants
        self.places = places
        self.inherited = inherited
    }
}

/// The kinds of event Broadsheet distinguishes (a closed set).
public enum EventType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Meetings, summits, talks held, calls, visits received: "met", "hosted", "summit".
    case meeting
    /// Trips and arrivals: "flew", "visited", "arrived", "returned", "trip".
    case travel
    /// Things said or written: "said", "told", "argued", "interview".
    case statement
    /// Bargaining and discussion short of a deal: "negotiated", "discussed", "proposed", "talks".
    case negotiation
    /// Deals, treaties and approvals: "agreed", "signed", "deal", "cease-fire".
    case agreement
    /// Money changing hands: "bought", "paid", "acquired", "invested", "merger".
    case transaction
    /// Sanctions, bans, freezes and their lifting: "sanctioned", "blocked", "embargo".
    case sanction
    /// Courts, charges, filings, licences: "sued", "charged", "ruled", "lawsuit".
    case legal
    /// Violence and war: "attacked", "invaded", "struck", "invasion".
    case conflict
    /// Votes and elections: "elected", "voted", "election".
    case election
    /// Deaths: "died", "was killed", "funeral".
    case death
    /// Public announcements, launches and releases: "announced", "launched", "leaked", "unveiled".
    case announcement
    /// Appointments, hirings, resignations: "appointed", "resigned", "hired", "leaving".
    case personnel
    /// Anything else dated: "gave", "canceled", "took".
    case other
}
