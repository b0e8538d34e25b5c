/// A normalised time expression (TIMEX3 conventions).
public struct TimeValue: Codable, Sendable, Hashable {
    /// `2025-08-06`, `2025-10`, `2025-W49`, `198` (the 1980s), `P9M`…
    public var value: String
    public var type: String
    public var granularity: String
    /// `START`, `MID`, `END`, `APPROX`…, or null.
    @ExplicitNull public var mod: String?
    public var text: String
    public var start: Int
    public var end: Int

    public init(value: String, type: String, granularity: String, mod: String?, text: String, start: Int, end: Int) {
        self.value = value
        self.type = type
        self.granularity = granularity
        self.mod = mod
        self.text = text
        self.start = start
        self.end = end
    }
}

/// One quotation.
public struct Quote: Codable, Sendable, Hashable {
    public var id: String
    public var documentId: String
    /// The article's title and date, so that a list needs no lookup per row.
    public var documentTitle: String
    @ExplicitNull public var publishedAt: String?
    /// Without the outer quotation marks.
    public var text: String
    public var kind: String
    @ExplicitNull public var speaker: EntityRef?
    /// The speaker as written ("he", "the minister"), or null.
    @ExplicitNull public var speakerText: String?
    @ExplicitNull public var cue: String?
    /// UTF-16 offsets of the quotation, marks included.
    public var start: Int
    public var end: Int
    public var paragraph: Int
    /// The id of the quote this piece continues, for a quote running over several paragraphs.
    @ExplicitNull public var continues: String?

    public init(
        id: String, documentId: String, documentTitle: String, publishedAt: String?, text: String, kind: String,
        speaker: EntityRef?, speakerText: String?, cue: String?, start: Int, end: Int, paragraph: Int, continues: String?
    ) {
        self.id = id
        self.documentId = documentId
        self.documentTitle = documentTitle
        self.publishedAt = publishedAt
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerText = speakerText
        self.cue = cue
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.continues = continues
    }
}

/// One event of the timeline.
public struct Event: Codable, Sendable, Hashable {
    public var id: String
    public var documentId: String
    public var documentTitle: String
    @ExplicitNull public var publishedAt: String?
    public var date: TimeValue
    public var trigger: String
    public var type: String
    public var summary: String
    public var sentence: String
    /// The actor first.
    public var participants: [EntityRef]
    public var places: [EntityRef]
    /// True when the date was inherited from the narrative rather than written in the sentence.
    public var inherited: Bool

    public init(
        id: String, documentId: String, documentTitle: String, publishedAt: String?, date: TimeValue, trigger: String,
        type: String, summary: String, sentence: String, participants: [EntityRef], places: [EntityRef], inherited: Bool
    ) {
        self.id = id
        self.documentId = documentId
        self.documentTitle = documentTitle
        self.publishedAt = publishedAt
        self.date = date
        self.trigger = trigger
        self.type = type
        self.summary = summary
        self.sentence = sentence
        self.participants = participants
        self.places = places
        self.inherited = inherited
    }
}
