public import BroadsheetCore

/// One served article: the parsed document and what the extractors found in it.
public struct CorpusEntry: Sendable, Hashable, Codable {
    public var document: Document
    public var extraction: DocumentExtraction

    public init(document: Document, extraction: DocumentExtraction) {
        self.document = document
        self.extraction = extraction
    }
}
