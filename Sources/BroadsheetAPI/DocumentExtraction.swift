public import BroadsheetCore
public import BroadsheetExtraction

/// Everything the extractors find in one document: the single place that runs them in order
/// (entities first; later extractors link to them). Used by the server and by `broadsheet extract`.
public struct DocumentExtraction: Sendable, Encodable {
    public let documentId: String
    public let entities: DocumentEntities
    /// Quotations in order of their start; speakers refer to keys of ``entities``.
    public let quotes: [Quote]
    /// Time expressions, normalised against the publication date.
    public let times: [TimeExpression]
    /// Dated events; participants and places refer to keys of ``entities``.
    public let events: [Event]

    /// Runs every extractor on `document`.
    public init(document: Document, recognizer: EntityRecognizer = EntityRecognizer()) {
        documentId = document.id
        entities = recognizer.extract(document)
        quotes = QuoteExtractor().extract(document, entities: entities)
        times = TimexTagger().tag(document)
        events = EventExtractor().extract(document, entities: entities, times: times)
    }
}
