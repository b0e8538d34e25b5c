import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction

/// A normalised time expression (TIMEX3 conventions).
public struct TimeDTO: Encodable, Sendable {
    /// `2025-08-06`, `2025-10`, `2025-W49`, `198` (the 1980s), `P9M`…
    public var value: String
    public var type: String
    public var granularity: String
    /// `START`, `MID`, `END`, `APPROX`…, or null.
    public var mod: Nullable<String>
    public var text: String
    public var start: Int
    public var end: Int

    init(_ t: TimeExpression) {
        value = t.value
        type = t.type.rawValue
        granularity = t.granularity.rawValue
        mod = Nullable(t.mod)
        text = t.text
        start = t.span.start
        end = t.span.end
    }
}

/// One event of the timeline.
public struct EventDTO: Encodable, Sendable {
    public var id: String
    public var documentId: String
    /// The article's title and date, so that a list needs no lookup per row.
    public var documentTitle: String
    public var publishedAt: Nullable<String>
    public var date: TimeDTO
    public var trigger: String
    public var type: String
    public var summary: String
    public var sentence: String
    /// The actor first.
    public var participants: [EntityRefDTO]
    public var places: [EntityRefDTO]
    /// True when the date was inherited from the narrative rather than written in the sentence.
    public var inherited: Bool

    init(_ r: EventRecord, snapshot: CorpusSnapshot) {
        let catalog = snapshot.entities
        let document = snapshot.document(id: r.documentId)?.document
        id = r.id
        documentId = r.documentId
        documentTitle = document?.title ?? ""
        publishedAt = Nullable(document?.publishedAt?.description)
        date = TimeDTO(r.event.date)
        trigger = r.event.trigger
        type = r.event.type.rawValue
        summary = r.event.summary
        sentence = r.sentence
        participants = r.participantIds.compactMap { catalog.entity(id: $0) }.map(EntityRefDTO.init)
        places = r.placeIds.compactMap { catalog.entity(id: $0) }.map(EntityRefDTO.init)
        inherited = r.event.inherited
    }
}
