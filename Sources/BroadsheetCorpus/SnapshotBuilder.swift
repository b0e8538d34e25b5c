import BroadsheetCollections
import BroadsheetCore
public import BroadsheetExtraction
public import BroadsheetSearch
import HashTreeCollections

/// Keeps what a ``CorpusSnapshot`` serves up to date as articles come and go, without an O(corpus)
/// rebuild: the entity catalog is updated by an ``EntityCatalogBuilder``; quotes and events are
/// resolved again only for the documents whose entities changed; every list and map is persistent
/// (``ChunkedList``, `TreeDictionary`), so a snapshot shares all that a change leaves alone with the
/// one before.
///
/// The builder is owned by one writer (the corpus's publisher); each snapshot it makes is an
/// immutable value.
public struct SnapshotBuilder: Sendable {
    private var catalogBuilder = EntityCatalogBuilder()
    private var extractions = TreeDictionary<String, DocumentExtraction>()
    /// Documents in served order (``CorpusSnapshot/servedOrder(_:_:)``).
    private var documents = ChunkedList<Document>()
    private var byId = TreeDictionary<String, CorpusSnapshot.StoredDocument>()
    private var totals = CorpusTotals()
    private var quotes = ChunkedList<QuoteRecord>()
    /// Each quote's word signature, position for position with ``quotes`` (for `q` scans).
    private var quoteSignatures = ChunkedList<TextMatch.PrefixSignature>()
    private var quotesByDocument = TreeDictionary<String, [QuoteRecord]>()
    private var quotesBySpeaker = TreeDictionary<String, [QuoteRecord]>()
    /// Every event, in timeline order.
    private var events = ChunkedList<EventRecord>()
    private var eventsByDocument = TreeDictionary<String, [EventRecord]>()
    private var eventsByEntity = TreeDictionary<String, [EventRecord]>()
    /// Document → paragraph → the dates of the events it tells.
    private var paragraphDates = TreeDictionary<String, [Int: [CivilDate]]>()
    /// Quotes of each kind, in corpus order.
    private var quotesByKind: [QuoteKind: ChunkedList<QuoteRecord>] = [:]
    /// Documents by ``CorpusSnapshot/facetKey(_:_:)`` (publication, author, category, tag), in served order.
    private var documentsByFacet = TreeDictionary<String, ChunkedList<Document>>()

    public init() {}

    /// How many documents the builder holds.
    public var documentCount: Int { documents.count }

    /// Removes the articles with ids in `removing`, then adds `adding` (an id already present is replaced).
    ///
    /// - Parameter assignIds: picks the ids of new or changed entities (see ``EntityCatalog/IdAssigner``).
    public mutating func update(removing: Set<String> = [], adding: [CorpusEntry], assignIds: EntityCatalog.IdAssigner? = nil) {
        var latest: [String: CorpusEntry] = [:]
        for entry in adding { latest[entry.document.id] = entry }
        let added = latest.values.sorted { CorpusSnapshot.servedOrder($0.document, $1.document) }
        let gone = removing.subtracting(latest.keys).filter { byId[$0] != nil }
        let touched = catalogBuilder.update(
            removing: Array(gone), adding: added.map { ($0.document, $0.extraction.entities, DocumentRank.served($0.document)) },
            assignIds: assignIds)

        // Documents.
        for id in gone.union(latest.keys) {
            guard let old = byId.removeValue(forKey: id) else { continue }
            documents.remove(old.document, by: CorpusSnapshot.servedOrder, where: { $0.id == id })
            for key in CorpusSnapshot.facetKeys(of: old.document) {
                documentsByFacet[key]?.remove(old.document, by: CorpusSnapshot.servedOrder, where: { $0.id == id })
                if documentsByFacet[key]?.isEmpty == true { documentsByFacet[key] = nil }
            }
            totals.remove(old)
            extractions[id] = nil
        }
        for entry in added {
            let stored = CorpusSnapshot.StoredDocument(document: entry.document, wordCount: entry.document.wordCount)
            byId[entry.document.id] = stored
            totals.add(stored)
            extractions[entry.document.id] = entry.extraction
        }
        Self.insert(added.map(\.document), into: &documents, by: CorpusSnapshot.servedOrder)
        var byFacet: [String: [Document]] = [:]
        for entry in added {
            for key in CorpusSnapshot.facetKeys(of: entry.document) { byFacet[key, default: []].append(entry.document) }
        }
        for (key, list) in byFacet {
            var chunked = documentsByFacet[key] ?? ChunkedList()
            Self.insert(list, into: &chunked, by: CorpusSnapshot.servedOrder)
            documentsByFacet[key] = chunked
        }

        // Quotes and events name entities by global id: resolve them again where those changed.
        for id in gone.union(touched) { dropRecords(of: id) }
        let catalog = catalogBuilder.catalog
        var newQuotes: [QuoteRecord] = []
        var newEvents: [EventRecord] = []
        for id in touched {
            guard let extraction = extractions[id], let document = byId[id]?.document else { continue }
            let quoteRecords = QuoteRecord.records(of: extraction.quotes, in: document, catalog: catalog)
            quotesByDocument[id] = quoteRecords
            newQuotes += quoteRecords
            let eventRecords = EventRecord.records(of: extraction.events, in: document, catalog: catalog)
            eventsByDocument[id] = eventRecords
            newEvents += eventRecords
            var dates: [Int: [CivilDate]] = [:]
            for event in eventRecords {
                guard let interval = event.interval, document.sentences.indices.contains(event.event.sentence) else { continue }
                dates[document.sentences[event.event.sentence].paragraph, default: []].append(interval.lowerBound)
            }
            paragraphDates[id] = dates
        }
        newQuotes.sort(by: QuoteRecord.corpusOrder)
        newEvents.sort(by: EventRecord.timelineOrder)
        if quotes.isEmpty {
            quotes = ChunkedList(newQuotes)
            quoteSignatures = ChunkedList(newQuotes.map(\.words.signature))
        } else {
            for quote in newQuotes { quoteSignatures.insert(quote.words.signature, at: quotes.insert(quote, by: QuoteRecord.corpusOrder)) }
        }
        for (kind, list) in Dictionary(grouping: newQuotes, by: \.quote.kind) {
            var chunked = quotesByKind[kind] ?? ChunkedList()
            Self.insert(list, into: &chunked, by: QuoteRecord.corpusOrder)
            quotesByKind[kind] = chunked
        }

        Self.insert(newEvents, into: &events, by: EventRecord.timelineOrder)
        Self.group(newQuotes, into: &quotesBySpeaker, keys: { $0.speakerId.map { [$0] } ?? [] }, by: QuoteRecord.corpusOrder)
        Self.group(newEvents, into: &eventsByEntity, keys: { Array(Set($0.participantIds + $0.placeIds)) }, by: EventRecord.timelineOrder)
    }

    /// Takes a document's quotes and events out of every list and map.
    private mutating func dropRecords(of id: String) {
        if let records = quotesByDocument.removeValue(forKey: id) {
            let ids = Set(records.map(\.id))
            for record in records {
                if let i = quotes.position(of: record, by: QuoteRecord.corpusOrder, where: { $0.id == record.id }) {
                    quotes.remove(at: i)
                    quoteSignatures.remove(at: i)
                }
                quotesByKind[record.quote.kind]?.remove(record, by: QuoteRecord.corpusOrder, where: { $0.id == record.id })
            }
            for speaker in Set(records.compactMap(\.speakerId)) {
                quotesBySpeaker[speaker]?.removeAll { ids.contains($0.id) }
                if quotesBySpeaker[speaker]?.isEmpty == true { quotesBySpeaker[speaker] = nil }
            }
        }
        if let records = eventsByDocument.removeValue(forKey: id) {
            let ids = Set(records.map(\.id))
            for record in records {
                events.remove(record, by: EventRecord.timelineOrder, where: { $0.id == record.id })
            }
            for entity in Set(records.flatMap { $0.participantIds + $0.placeIds }) {
                eventsByEntity[entity]?.removeAll { ids.contains($0.id) }
                if eventsByEntity[entity]?.isEmpty == true { eventsByEntity[entity] = nil }
            }
        }
        paragraphDates[id] = nil
    }

    /// Sorted elements into a sorted list: at once into an empty list, one by one into a full one.
    static func insert<T>(_ elements: [T], into list: inout ChunkedList<T>, by order: (T, T) -> Bool) {
        if list.isEmpty {
            list = ChunkedList(elements)
        } else {
            for element in elements { list.insert(element, by: order) }
        }
    }

    /// Sorted elements into the sorted lists of their keys.
    static func group<T>(_ elements: [T], into map: inout TreeDictionary<String, [T]>, keys: (T) -> [String], by order: (T, T) -> Bool) {
        var byKey: [String: [T]] = [:]
        for element in elements {
            for key in keys(element) { byKey[key, default: []].append(element) }
        }
        for (key, more) in byKey { map[key] = merged(map[key] ?? [], more, by: order) }
    }

    /// The snapshot of the documents as they stand.
    ///
    /// - Parameter search: an index holding exactly these documents; `nil` builds one.
    public func snapshot(
        search: SearchIndex?, root: String, generation: UInt64, status: CorpusStatus,
        skipped: [(path: String, reason: String)], filesRead: Int
    ) -> CorpusSnapshot {
        let catalog = catalogBuilder.catalog
        return CorpusSnapshot(
            root: root, generation: generation, documents: documents, byId: byId, totals: totals,
            skipped: skipped, filesRead: filesRead, extractions: extractions, entities: catalog,
            quotes: quotes, quoteSignatures: quoteSignatures, quotesBySpeaker: quotesBySpeaker, quotesByDocument: quotesByDocument,
            events: events, eventsByEntity: eventsByEntity, quotesByKind: quotesByKind, documentsByFacet: documentsByFacet,
            search: search ?? SearchIndex(documents: Array(documents)),
            searchContext: Self.searchContext(catalog: catalog, byId: byId, paragraphDates: paragraphDates),
            status: status)
    }

    /// What `entity:` and date filters of a search need: an entity's paragraphs, once per mention
    /// (found when asked), and a paragraph's event dates.
    static func searchContext(
        catalog: EntityCatalog, byId: TreeDictionary<String, CorpusSnapshot.StoredDocument>,
        paragraphDates: TreeDictionary<String, [Int: [CivilDate]]>
    ) -> SearchFilterContext {
        SearchFilterContext(
            entityParagraphs: { id in
                guard let entity = catalog.entity(id: id) else { return nil }
                return entity.mentions.compactMap { mention in
                    byId[mention.documentId]?.document.paragraphIndex(containing: mention.span.start).map {
                        ParagraphRef(documentId: mention.documentId, paragraph: $0)
                    }
                }
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

/// Sums over the served documents, kept as they come and go (``CorpusSnapshot/totals``).
public struct CorpusTotals: Sendable, Hashable {
    public var documents = 0
    /// Documents without a publication date.
    public var undated = 0
    public var paragraphs = 0
    public var sentences = 0
    public var words = 0
    /// Documents per source format (`json`, `markdown`, ...).
    public var formats: [String: Int] = [:]

    mutating func add(_ stored: CorpusSnapshot.StoredDocument, sign: Int = 1) {
        documents += sign
        if stored.document.publishedAt == nil { undated += sign }
        paragraphs += sign * stored.document.paragraphs.count
        sentences += sign * stored.document.sentences.count
        words += sign * stored.wordCount
        formats[stored.document.format.rawValue, default: 0] += sign
        if formats[stored.document.format.rawValue] == 0 { formats[stored.document.format.rawValue] = nil }
    }

    mutating func remove(_ stored: CorpusSnapshot.StoredDocument) { add(stored, sign: -1) }
}
