public import BroadsheetCore

/// One article offered to ``LiveCorpus/write(_:mode:)``: parsed, with its source as given.
public struct ArticleSubmission: Sendable, Hashable {
    public var document: Document
    /// The source bytes as given; the content hash (idempotent writes) is taken over them.
    public var source: [UInt8]
    /// The media type the source came in.
    public var mediaType: String
    /// Whether the writer chose the id (then another article under it is a conflict, not a suffix).
    public var explicitId: Bool
    public var origin: ArticleOrigin

    public init(document: Document, source: [UInt8], mediaType: String, explicitId: Bool, origin: ArticleOrigin = .api) {
        self.document = document
        self.source = source
        self.mediaType = mediaType
        self.explicitId = explicitId
        self.origin = origin
    }
}
