public import BroadsheetCore
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
    public let documents: [Document]
    /// Word count per document, parallel to ``documents``.
    public let wordCounts: [Int]
    /// Position in ``documents`` by id.
    public let documentIndex: [String: Int]
    /// Files read but not served, with the reason.
    public let skipped: [(path: String, reason: String)]
    /// Files read, parsed or skipped.
    public let filesRead: Int
    /// What the extractors found in each document, by document id.
    public let extractions: [String: DocumentExtraction]
    /// Every entity of the corpus, merged across documents.
    public let entities: EntityCatalog
    /// Every quotation of the corpus, in document order then text order.
    public let quotes: [QuoteRecord]
    /// Positions in ``quotes`` by speaker entity id.
    public let quotesBySpeaker: [String: [Int]]
    /// Positions in ``quotes`` by document id.
    public let quotesByDocument: [String: [Int]]
    /// Every dated event, by date (a month sorts at its first day), then document and sentence.
    public let events: [EventRecord]
    /// Positions in ``events`` by participant or place entity id.
    public let eventsByEntity: [String: [Int]]
    /// The full-text index over every paragraph.
    public let search: SearchIndex
    /// What `entity:` and date filters of a search need to know.
    public let searchContext: SearchFilterContext
    /// The state of the data behind the snapshot: writes, rebuilds, warnings.
    public let status: CorpusStatus
    /// Entity ids absorbed into another entity → the id of that entity (answered with a redirect).
    public var entityRedirects: [String: String] = [:]

    /// Indexes a loaded corpus, running the extractors on every document (tests and one-off tools).
    public init(corpus: Corpus, root: String) {
        self.init(
            root: root, documents: corpus.documents, skipped: corpus.skipped.map { ($0.path, $0.reason) },
            filesRead: corpus.filesScanned)
    }

    /// Indexes documents, running the extractors on each.
    public init(root: String, documents: [Document], skipped: [(path: String, reason: String)], filesRead: Int) {
        self.init(
            root: root, entries: documents.map { CorpusEntry(document: $0, extraction: DocumentExtraction(document: $0)) },
            skipped: skipped, filesRead: filesRead)
    }

    /// Builds a snapshot from documents whose extractions are known.
    ///
    /// - Parameters:
    ///   - search: an index that already holds exactly these documents (kept up to date by the
    ///     writer, or opened from disk); `nil` builds one.
    public init(
        root: String, entries: [CorpusEntry], skipped: [(path: String, reason: String)], filesRead: Int,
        generation: UInt64 = 1, status: CorpusStatus = CorpusStatus(), search: SearchIndex? = nil,
        assignEntityIds: EntityCatalog.IdAssigner? = nil
    ) {
        let sortedEntries = entries.sorted { a, b in Self.servedOrder(a.document, b.document) }
        let sorted = sortedEntries.map(\.document)
        let extractions = sortedEntries.map(\.extraction)
        self.root = root
        self.generation = generation
        self.status = status
        self.documents = sorted
        self.wordCounts = sorted.map(\.wordCount)
        self.documentIndex = Dictionary(sorted.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        self.skipped = skipped
        self.filesRead = filesRead
        self.extractions = Dictionary(zip(sorted.map(\.id), extractions), uniquingKeysWith: { a, _ in a })
        let catalog = EntityCatalog(zip(sorted, extractions.map(\.entities)).map { ($0, $1) }, assignIds: assignEntityIds)
        self.entities = catalog
        let quotes = zip(sorted, extractions).flatMap { document, extraction in
            QuoteRecord.records(of: extraction.quotes, in: document, catalog: catalog)
        }
        self.quotes = quotes
        self.quotesBySpeaker = Dictionary(grouping: quotes.indices.filter { quotes[$0].speakerId != nil }) {
            quotes[$0].speakerId!
        }
        self.quotesByDocument = Dictionary(grouping: quotes.indices) { quotes[$0].documentId }
        let events = zip(sorted, extractions).flatMap { document, extraction in
            EventRecord.records(of: extraction.events, in: document, catalog: catalog)
        }.sorted(by: EventRecord.timelineOrder)
        self.events = events
        var byEntity: [String: [Int]] = [:]
        for (i, event) in events.enumerated() {
            for id in Set(event.participantIds + event.placeIds) { byEntity[id, default: []].append(i) }
        }
        self.eventsByEntity = byEntity
        self.search = search ?? SearchIndex(documents: sorted)
        self.searchContext = Self.searchContext(documents: sorted, catalog: catalog, events: events)
    }

    /// Newest first, then by title, then by id; undated documents last.
    static func servedOrder(_ a: Document, _ b: Document) -> Bool {
        switch (a.publishedAt, b.publishedAt) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.title, a.id) < (b.title, b.id)
        }
    }

    /// Entity → paragraphs that mention it, and paragraph → dates of the events it tells.
    private static func searchContext(documents: [Document], catalog: EntityCatalog, events: [EventRecord]) -> SearchFilterContext {
        let byId = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var entityParagraphs: [String: [ParagraphRef]] = [:]
        for entity in catalog.entities {
            var seen = Set<ParagraphRef>()
            for mention in entity.mentions {
                guard let paragraph = byId[mention.documentId]?.paragraphIndex(containing: mention.span.start) else { continue }
                let ref = ParagraphRef(documentId: mention.documentId, paragraph: paragraph)
                if seen.insert(ref).inserted { entityParagraphs[entity.id, default: []].append(ref) }
            }
        }
        var paragraphDates: [ParagraphRef: [CivilDate]] = [:]
        for event in events {
            guard let interval = event.interval, let document = byId[event.documentId],
                document.sentences.indices.contains(event.event.sentence)
            else { continue }
            let ref = ParagraphRef(documentId: event.documentId, paragraph: document.sentences[event.event.sentence].paragraph)
            paragraphDates[ref, default: []].append(interval.lowerBound)
        }
        let known = Set(catalog.entities.map(\.id))
        let paragraphsByEntity = entityParagraphs
        let datesByParagraph = paragraphDates
        return SearchFilterContext(
            entityParagraphs: { id in known.contains(id) ? paragraphsByEntity[id] ?? [] : nil },
            paragraphDates: { datesByParagraph[$0] ?? [] })
    }

    /// The document with this id, if any.
    public func document(id: String) -> (document: Document, wordCount: Int)? {
        documentIndex[id].map { (documents[$0], wordCounts[$0]) }
    }
}
