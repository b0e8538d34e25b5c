public import BroadsheetCore
public import BroadsheetExtraction

/// Everything the extractors find in one document: the single place that runs them in order
/// (entities first; later extractors link to them). Used by the server and by `broadsheet extract`.
public struct DocumentExtraction: Sendable, Codable, Hashable {
    public private(set) var documentId: String
    public private(set) var entities: DocumentEntities
    /// Quotations in order of their start; speakers refer to keys of ``entities``.
    public let quotes: [Quote]
    /// Time expressions, normalised against the publication date.
    public let times: [TimeExpression]
    /// Dated events; participants and places refer to keys of ``entities``.
    public let events: [Event]

    /// The extractors' version: stored extractions made by another version are made again at start-up.
    /// Raise it with every change to what the extractors find.
    public static let version = 3

    /// Runs every extractor on `document`.
    public init(document: Document, recognizer: EntityRecognizer = EntityRecognizer()) {
        documentId = document.id
        entities = recognizer.extract(document)
        quotes = QuoteExtractor().extract(document, entities: entities)
        times = TimexTagger().tag(document)
        events = EventExtractor().extract(document, entities: entities, times: times)
    }

    /// The same extraction, for the document under another id.
    func renamed(to id: String) -> DocumentExtraction {
        var copy = self
        copy.documentId = id
        copy.entities.documentId = id
        return copy
    }
}
