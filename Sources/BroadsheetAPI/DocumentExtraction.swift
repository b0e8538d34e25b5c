public import BroadsheetCore
public import BroadsheetExtraction

/// Everything the extractors find in one document: the single place that runs them in order
/// (entities first; later extractors link to them). Used by the server and by `broadsheet extract`.
public struct DocumentExtraction: Sendable, Encodable {
    public let documentId: String
    public let entities: DocumentEntities

    /// Runs every extractor on `document`.
    public init(document: Document, recognizer: EntityRecognizer = EntityRecognizer()) {
        documentId = document.id
        entities = recognizer.extract(document)
    }
}
