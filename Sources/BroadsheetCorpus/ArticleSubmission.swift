public import BroadsheetCore

/// One article offered to ``LiveCorpus/write(_:mode:)``: parsed, with its source as given.
public struct ArticleSubmission: Sendable, Hashable {
    public var document: Document
    /// The source bytes as given.
    public var source: [UInt8]
    /// What makes two writes "the same content" (idempotent writes): ``ContentHash`` of the source,
    /// or of a canonical form of it (JSON with sorted keys), as the reader decides.
    public var contentHash: String
    /// The media type the source came in.
    public var mediaType: String
    /// Whether the writer chose the id (then another article under it is a conflict, not a suffix).
    public var explicitId: Bool
    public var origin: ArticleOrigin

    public init(
        document: Document, source: [UInt8], mediaType: String, explicitId: Bool, origin: ArticleOrigin = .api,
        contentHash: String? = nil
    ) {
        self.document = document
        self.source = source
        self.contentHash = contentHash ?? ContentHash.of(source)
        self.mediaType = mediaType
        self.explicitId = explicitId
        self.origin = origin
    }
}
