public import BroadsheetCore
public import BroadsheetExtraction

/// A dated event placed in the corpus, with global entity ids for its participants and places.
///
/// A class: the corpus lists (timeline, by entity, by document, by type) share one record.
public final class EventRecord: Sendable {
    /// `<documentId>-e<n>`, n counting the document's events from 1.
    public let id: String
    public let documentId: String
    public let event: Event
    /// The text of the event's sentence.
    public let sentence: String
    public let participantIds: [String]
    public let placeIds: [String]
    /// The calendar interval of the event's date (`nil` when the date could not be resolved).
    public let interval: ClosedRange<CivilDate>?

    init(
        id: String, documentId: String, event: Event, sentence: String, participantIds: [String], placeIds: [String],
        interval: ClosedRange<CivilDate>?
    ) {
        self.id = id
        self.documentId = documentId
        self.event = event
        self.sentence = sentence
        self.participantIds = participantIds
        self.placeIds = placeIds
        self.interval = interval
    }

    public static func records(of events: [Event], in document: Document, catalog: EntityCatalog) -> [EventRecord] {
        events.enumerated().map { index, event in
            let ids = { (keys: [Int]) in keys.compactMap { catalog.globalId(documentId: document.id, key: $0) } }
            return EventRecord(
                id: "\(document.id)-e\(index + 1)", documentId: document.id, event: event,
                sentence: document.sentences.indices.contains(event.sentence)
                    ? String(document.text(of: document.sentences[event.sentence].span)) : "",
                participantIds: ids(event.participants), placeIds: ids(event.places), interval: event.date.interval)
        }
    }

    /// By date (an interval sorts at its start; unresolved dates last), then by document and position.
    public static func timelineOrder(_ a: EventRecord, _ b: EventRecord) -> Bool {
        switch (a.interval, b.interval) {
        case let (x?, y?) where x.lowerBound != y.lowerBound: return x.lowerBound < y.lowerBound
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.documentId, a.event.sentence, a.id) < (b.documentId, b.event.sentence, b.id)
        }
    }

    /// Whether the event's date interval overlaps `from...to` (either bound may be open).
    public func overlaps(from: CivilDate?, to: CivilDate?) -> Bool {
        guard let interval else { return from == nil && to == nil }
        if let from, interval.upperBound < from { return false }
        if let to, interval.lowerBound > to { return false }
        return true
    }
}
