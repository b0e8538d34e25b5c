import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetWire

extension QuoteDTO {
    /// One quotation as the API serves it, with its article's title and date.
    init(_ record: QuoteRecord, snapshot: CorpusSnapshot) {
        let document = snapshot.document(id: record.documentId)?.document
        self.init(
            id: record.id, documentId: record.documentId, documentTitle: document?.title ?? "",
            publishedAt: document?.publishedAt?.description, text: record.quote.text, kind: record.quote.kind.rawValue,
            speaker: record.speakerId.flatMap { snapshot.entities.entity(id: $0) }.map(EntityRefDTO.init),
            speakerText: record.quote.speakerText, cue: record.quote.cue, start: record.quote.span.start, end: record.quote.span.end,
            paragraph: record.quote.paragraph, continues: record.continuesId)
    }
}
