import BroadsheetCorpus
import BroadsheetCore
public import BroadsheetExtraction

/// One quotation as the API serves it.
public struct QuoteDTO: Encodable, Sendable {
    public var id: String
    public var documentId: String
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

    init(_ record: QuoteRecord, catalog: EntityCatalog) {
        id = record.id
        documentId = record.documentId
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
