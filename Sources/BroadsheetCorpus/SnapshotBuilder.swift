import BroadsheetCore
public import BroadsheetExtraction
public import BroadsheetSearch

/// Keeps what a ``CorpusSnapshot`` serves up to date as articles come and go, without an
/// O(corpus) rebuild: the entity catalog is updated by an ``EntityCatalogBuilder``; quotes and events
/// are resolved again only for the documents whose entities changed; the served lists are merged
/// from what they were and what changed.
///
/// The builder is owned by one writer (the corpus's publisher); each ``snapshot(search:root:generation:status:skipped:filesRead:)``
/// is an immutable value that shares its unchanged parts with the one before.
public struct SnapshotBuilder: Sendable {
    private var catalogBuilder = EntityCatalogBuilder()
    private var extractions: [String: DocumentExtraction] = [:]
    /// Documents in served order (``CorpusSnapshot/servedOrder(_:_:)``).
    private var documents: [Document] = []
    private var documentsById: [String: Document] = [:]
    private var wordCounts: [String: Int] = [:]
    private var quotesByDocument: [String: [QuoteRecord]] = [:]
    private var eventsByDocument: [String: [EventRecord]] = [:]
    /// Every event, in timeline order.
    private var events: [EventRecord] = []
    /// Document → paragraph → the dates of the events it tells.
    private var paragraphDates: [String: [Int: [CivilDate]]] = [:]

    public init() {}

    /// How many documents the builder holds.
    public var documentCount: Int { documents.count }

    /// Removes the articles with ids in `removing`, then adds `adding` (an id already present is
    /// replaced).
    ///
    /// - Parameter assignIds: picks the ids of new or changed entities (see ``EntityCatalog/IdAssigner``).
    public mutating func update(removing: Set<String> = [], adding: [CorpusEntry], assignIds: EntityCatalog.IdAssigner? = nil) {
        var latest: [String: CorpusEntry] = [:]
        for entry in adding { latest[entry.document.id] = entry }
        let added = latest.values.sorted { CorpusSnapshot.servedOrder($0.document, $1.document) }
        let gone = removing.subtracting(latest.keys).filter { extractions[$0] != nil }
        let touched = catalogBuilder.update(
            removing: Array(gone), adding: added.map { ($0.document, $0.extraction.entities, DocumentRank.served($0.document)) },
            assignIds: assignIds)

        let replacedOrGone = gone.union(latest.keys.filter { extractions[$0] != nil })
        for id in gone {
            extractions[id] = nil
            wordCounts[id] = nil
            documentsById[id] = nil
            quotesByDocument[id] = nil
            eventsByDocument[id] = nil
            paragraphDates[id] = nil
        }
        for entry in added {
            extractions[entry.document.id] = entry.extraction
            wordCounts[entry.document.id] = entry.document.wordCount
            documentsById[entry.document.id] = entry.document
        }
        documents = Self.merged(
            documents.filter { !replacedOrGone.contains($0.id) }, added.map(\.document), by: CorpusSnapshot.servedOrder)

        // Quotes and events name entities by global id: resolve them again where those changed.
        let catalog = catalogBuilder.catalog
        var newEvents: [EventRecord] = []
        for id in touched {
            guard let extraction = extractions[id], let document = documentsById[id] else { continue }
            quotesByDocument[id] = QuoteRecord.records(of: extraction.quotes, in: document, catalog: catalog)
            let records = EventRecord.records(of: extraction.events, in: document, catalog: catalog)
            eventsByDocument[id] = records
            newEvents += records
            var dates: [Int: [CivilDate]] = [:]
            for event in records {
                guard let interval = event.interval, document.sentences.indices.contains(event.event.sentence) else { continue }
                dates[document.sentences[event.event.sentence].paragraph, default: []].append(interval.lowerBound)
            }
            paragraphDates[id] = dates
        }
        let staleEvents = gone.union(touched)
        if !staleEvents.isEmpty {
            events = Self.merged(
                events.filter { !staleEvents.contains($0.documentId) }, newEvents.sorted(by: EventRecord.timelineOrder),
                by: EventRecord.timelineOrder)
        }
    }

    /// The snapshot of the documents as they stand.
    ///
    /// - Parameter search: an index holding exactly these documents; `nil` builds one.
    public func snapshot(
        search: SearchIndex?, root: String, generation: UInt64, status: CorpusStatus,
        skipped: [(path: String, reason: String)], filesRead: Int
    ) -> CorpusSnapshot {
        let catalog = catalogBuilder.catalog
        var quotes: [QuoteRecord] = []
        for document in documents { quotes += quotesByDocument[document.id] ?? [] }
        var bySpeaker: [String: [Int]] = [:]
        var byDocument: [String: [Int]] = [:]
        for (i, quote) in quotes.enumerated() {
            if let speaker = quote.speakerId { bySpeaker[speaker, default: []].append(i) }
            byDocument[quote.documentId, default: []].append(i)
        }
        var byEntity: [String: [Int]] = [:]
        for (i, event) in self.events.enumerated() {
            for id in Set(event.participantIds + event.placeIds) { byEntity[id, default: []].append(i) }
        }
        let documentIndex = Dictionary(documents.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return CorpusSnapshot(
            root: root, generation: generation, documents: documents,
            wordCounts: documents.map { wordCounts[$0.id] ?? $0.wordCount }, documentIndex: documentIndex,
            skipped: skipped, filesRead: filesRead, extractions: extractions, entities: catalog,
            quotes: quotes, quotesBySpeaker: bySpeaker, quotesByDocument: byDocument, events: self.events, eventsByEntity: byEntity,
            search: search ?? SearchIndex(documents: documents),
            searchContext: Self.searchContext(catalog: catalog, documents: documents, documentIndex: documentIndex, paragraphDates: paragraphDates),
            status: status)
    }

    /// What `entity:` and date filters of a search need: an entity's paragraphs (from its mentions,
    /// found when asked) and a paragraph's event dates.
    static func searchContext(
        catalog: EntityCatalog, documents: [Document], documentIndex: [String: Int], paragraphDates: [String: [Int: [CivilDate]]]
    ) -> SearchFilterContext {
        SearchFilterContext(
            entityParagraphs: { id in
                guard let entity = catalog.entity(id: id) else { return nil }
                var seen = Set<ParagraphRef>()
                var refs: [ParagraphRef] = []
                for mention in entity.mentions {
                    guard let position = documentIndex[mention.documentId],
                        let paragraph = documents[position].paragraphIndex(containing: mention.span.start)
                    else { continue }
                    let ref = ParagraphRef(documentId: mention.documentId, paragraph: paragraph)
                    if seen.insert(ref).inserted { refs.append(ref) }
                }
                return refs
            },
            paragraphDates: { ref in paragraphDates[ref.documentId]?[ref.paragraph] ?? [] })
    }

    /// Two lists sorted by `order`, merged into one (the first list's element first on ties).
    static func merged<T>(_ a: [T], _ b: [T], by order: (T, T) -> Bool) -> [T] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [T] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && !order(b[j], a[i])) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
