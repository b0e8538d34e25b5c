public import BroadsheetCollections
public import BroadsheetCore
public import HashTreeCollections
public import BroadsheetExtraction
public import BroadsheetSearch

/// Everything the API serves at one generation of the corpus, never mutated once published.
///
/// Handlers share it by value (it is `Sendable`). A write builds the next snapshot from this one's
/// documents and stored extractions (the extractors never run again for an unchanged article) and
/// the corpus publishes it through ``CorpusService``.
public struct CorpusSnapshot: Sendable {
    /// The corpus folder as given on the command line (or the data folder).
    public let root: String
    /// Increases with every published change; `ETag`s and the response cache follow it.
    public let generation: UInt64
    /// Documents, newest first, then by title, then by id.
    public let documents: ChunkedList<Document>
    /// A document and its word count, by id.
    public struct StoredDocument: Sendable {
        public var document: Document
        public var wordCount: Int
    }
    private let byId: TreeDictionary<String, StoredDocument>
    /// Sums over ``documents``.
    public let totals: CorpusTotals
    /// Files read but not served, with the reason.
    public let skipped: [(path: String, reason: String)]
    /// Files read, parsed or skipped.
    public let filesRead: Int
    /// What the extractors found in each document, by document id.
    public let extractions: TreeDictionary<String, DocumentExtraction>
    /// Every entity of the corpus, merged across documents.
    public let entities: EntityCatalog
    /// Every quotation of the corpus, in document order then text order.
    public let quotes: ChunkedList<QuoteRecord>
    /// Each quote's word signature, position for position with ``quotes``.
    let quoteSignatures: ChunkedList<TextMatch.PrefixSignature>
    /// Quotes by speaker entity id, in corpus order.
    public let quotesBySpeaker: TreeDictionary<String, [QuoteRecord]>
    /// Quotes by document id, in text order.
    public let quotesByDocument: TreeDictionary<String, [QuoteRecord]>
    /// Every dated event, by date (a month sorts at its first day), then document and sentence.
    public let events: ChunkedList<EventRecord>
    /// Events by participant or place entity id, in timeline order.
    public let eventsByEntity: TreeDictionary<String, [EventRecord]>
    /// Quotes of each kind, in corpus order.
    public let quotesByKind: [QuoteKind: ChunkedList<QuoteRecord>]
    /// Documents by ``facetKey(_:_:)``, in served order.
    public let documentsByFacet: TreeDictionary<String, ChunkedList<Document>>
    /// The full-text index over every paragraph.
    public let search: SearchIndex
    /// What `entity:` and date filters of a search need to know.
    public let searchContext: SearchFilterContext
    /// The state of the data behind the snapshot: writes, rebuilds, warnings.
    public let status: CorpusStatus
    /// Entity ids absorbed into another entity → the id of that entity (answered with a redirect).
    public var entityRedirects: TreeDictionary<String, String> = [:]

    /// Indexes a loaded corpus, running the extractors on every document (tests and one-off tools).
    public init(corpus: Corpus, root: String) {
        self.init(
            root: root, entries: corpus.documents.map { CorpusEntry(document: $0, extraction: DocumentExtraction(document: $0)) },
            skipped: corpus.skipped.map { ($0.path, $0.reason) }, filesRead: corpus.filesScanned,
            status: CorpusStatus(warnings: corpus.warnings.map { "\($0.path): \($0.message)" }))
    }

    /// Indexes documents, running the extractors on each.
    public init(root: String, documents: [Document], skipped: [(path: String, reason: String)], filesRead: Int) {
        self.init(
            root: root, entries: documents.map { CorpusEntry(document: $0, extraction: DocumentExtraction(document: $0)) },
            skipped: skipped, filesRead: filesRead)
    }

    /// Builds a snapshot from documents whose extractions are known (all at once: a live corpus keeps a
    /// ``SnapshotBuilder`` instead).
    ///
    /// - Parameters:
    ///   - search: an index that already holds exactly these documents; `nil` builds one.
    public init(
        root: String, entries: [CorpusEntry], skipped: [(path: String, reason: String)], filesRead: Int,
        generation: UInt64 = 1, status: CorpusStatus = CorpusStatus(), search: SearchIndex? = nil,
        assignEntityIds: EntityCatalog.IdAssigner? = nil
    ) {
        var builder = SnapshotBuilder()
        builder.update(adding: entries, assignIds: assignEntityIds)
        self = builder.snapshot(search: search, root: root, generation: generation, status: status, skipped: skipped, filesRead: filesRead)
    }

    /// A snapshot of parts built elsewhere (see ``SnapshotBuilder``).
    init(
        root: String, generation: UInt64, documents: ChunkedList<Document>, byId: TreeDictionary<String, StoredDocument>,
        totals: CorpusTotals, skipped: [(path: String, reason: String)], filesRead: Int,
        extractions: TreeDictionary<String, DocumentExtraction>, entities: EntityCatalog, quotes: ChunkedList<QuoteRecord>,
        quoteSignatures: ChunkedList<TextMatch.PrefixSignature>,
        quotesBySpeaker: TreeDictionary<String, [QuoteRecord]>, quotesByDocument: TreeDictionary<String, [QuoteRecord]>,
        events: ChunkedList<EventRecord>, eventsByEntity: TreeDictionary<String, [EventRecord]>,
        quotesByKind: [QuoteKind: ChunkedList<QuoteRecord>], documentsByFacet: TreeDictionary<String, ChunkedList<Document>>,
        search: SearchIndex,
        searchContext: SearchFilterContext, status: CorpusStatus
    ) {
        self.root = root
        self.generation = generation
        self.documents = documents
        self.byId = byId
        self.totals = totals
        self.skipped = skipped
        self.filesRead = filesRead
        self.extractions = extractions
        self.entities = entities
        self.quotes = quotes
        self.quoteSignatures = quoteSignatures
        self.quotesBySpeaker = quotesBySpeaker
        self.quotesByDocument = quotesByDocument
        self.events = events
        self.eventsByEntity = eventsByEntity
        self.quotesByKind = quotesByKind
        self.documentsByFacet = documentsByFacet
        self.search = search
        self.searchContext = searchContext
        self.status = status
    }

    /// The quotes whose text holds every word of `query` (as word prefixes) and that `keep` accepts,
    /// in corpus order: the signatures, read in order, rule out most quotes without touching them.
    public func quotes(matching query: TextMatch.Query, where keep: (QuoteRecord) -> Bool) -> [QuoteRecord] {
        var found: [QuoteRecord] = []
        var position = 0
        quoteSignatures.forEachElement { signature in
            defer { position += 1 }
            guard signature.contains(query.signature) else { return }
            let record = quotes[position]
            if record.words.matchesBytes(query), keep(record) { found.append(record) }
        }
        return found
    }

    /// What a document is listed under for the text filters of `/v1/documents`: `publication|…`,
    /// `author|…`, `category|…`, `tag|…`, each value lowercased.
    public static func facetKey(_ facet: String, _ value: String) -> String { "\(facet)|\(value.lowercased())" }

    static func facetKeys(of d: Document) -> Set<String> {
        var keys = Set<String>()
        if let publication = d.publication { keys.insert(facetKey("publication", publication)) }
        if let category = d.category { keys.insert(facetKey("category", category)) }
        for author in d.authors { keys.insert(facetKey("author", author)) }
        for tag in d.tags { keys.insert(facetKey("tag", tag)) }
        return keys
    }

    /// Newest first, then by title, then by id; undated documents last.
    /// (One definition: ``DocumentRank/served(_:)``, which the entity catalog orders by too.)
    public static func servedOrder(_ a: Document, _ b: Document) -> Bool {
        DocumentRank.served(a) < DocumentRank.served(b)
    }

    /// The documents published from `from` to `to` (either may be open; undated ones are left
    /// out), in served order: newest first and undated last make a date range one run of the list.
    public func documents(from: CivilDate?, to: CivilDate?) -> ChunkedList<Document>.SubSequence {
        let first = to.map { day in documents.partitionPoint(where: { $0.publishedAt.map { $0 <= day } ?? true }) } ?? 0
        let end =
            from.map { day in documents.partitionPoint(where: { $0.publishedAt.map { $0 < day } ?? true }) }
            ?? documents.partitionPoint(where: { $0.publishedAt == nil })
        return documents[min(first, end)..<end]
    }

    /// The document with this id, if any.
    public func document(id: String) -> (document: Document, wordCount: Int)? {
        byId[id].map { ($0.document, $0.wordCount) }
    }
}
