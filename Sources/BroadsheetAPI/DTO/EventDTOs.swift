import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetWire

extension TimeDTO {
    /// A normalised time expression (TIMEX3 conventions).
    init(_ t: TimeExpression) {
        self.init(
            value: t.value, type: t.type.rawValue, granularity: t.granularity.rawValue, mod: t.mod, text: t.text,
            start: t.span.start, end: t.span.end)
    }
}

extension EventDTO {
    /// One event of the timeline, with its article's title and date.
    init(_ r: EventRecord, snapshot: CorpusSnapshot) {
        let catalog = snapshot.entities
        let document = snapshot.document(id: r.documentId)?.document
        self.init(
            id: r.id, documentId: r.documentId, documentTitle: document?.title ?? "", publishedAt: document?.publishedAt?.description,
            date: TimeDTO(r.event.date), trigger: r.event.trigger, type: r.event.type.rawValue, summary: r.event.summary,
            sentence: r.sentence, participants: r.participantIds.compactMap { catalog.entity(id: $0) }.map(EntityRefDTO.init),
            places: r.placeIds.compactMap { catalog.entity(id: $0) }.map(EntityRefDTO.init), inherited: r.event.inherited)
    }
}
