import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction

/// One quotation as the API serves it.
public struct QuoteDTO: Encodable, Sendable {
    public var id: String
    public var documentId: String
    /// The article's title and date, so that a list needs no lookup per row.
    public var documentTitle: String
    public var publishedAt: Nullable<String>
    /// Without the outer quotation marks.
    public var text: String
    public var kind: String
    public var speaker: Nullable<EntityRefDTO>
    /// The speaker as written ("he", "Witkoff", "one of these people"), or null.
    public var speakerText: Nullable<String>
    public var cue: Nullable<String>
    /// UTF-16 offsets of the quotation, marks included.
    public var start: Int
    public var end: Int
    public var paragraph: Int
    /// The id of the quote this piece continues, for a quote running over several paragraphs.
    public var continues: Nullable<String>

    init(_ record: QuoteRecord, snapshot: CorpusSnapshot) {
        let catalog = snapshot.entities
        let document = snapshot.document(id: record.documentId)?.document
        id = record.id
        documentId = record.documentId
        documentTitle = document?.title ?? ""
        publishedAt = Nullable(document?.publishedAt?.description)
        text = record.quote.text
        kind = record.quote.kind.rawValue
        speaker = Nullable(record.speakerId.flatMap { catalog.entity(id: $0) }.map(EntityRefDTO.init))
        speakerText = Nullable(record.quote.speakerText)
        cue = Nullable(record.quote.cue)
        start = record.quote.span.start
        end = record.quote.span.end
        paragraph = record.quote.paragraph
        continues = Nullable(record.continuesId)
    }
}
