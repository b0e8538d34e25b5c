public import BroadsheetCore
import BroadsheetSearch
import Dispatch
public import Foundation
public import Logging
public import HashTreeCollections
import BroadsheetSync

/// The corpus as a live service: articles written over time, kept in an ``ArticleStore``, served as
/// read-copy-update ``CorpusSnapshot``s.
///
/// A write parses and extracts outside any lock (in parallel with other writers), then commits to the
/// store (durable when it returns), then updates the in-memory state and asks for a publish. Publishing
/// runs on its own queue and coalesces: while it builds one snapshot, later writes wait for the next.
/// ``waitUntilPublished(_:timeout:)`` lets a writer answer only once its article is served.
///
/// ```swift
/// let corpus = try LiveCorpus(store: SQLiteArticleStore(path: "data/broadsheet.sqlite"), service: service, root: "data")
/// let results = try corpus.write([submission], mode: .create)
/// corpus.waitUntilPublished(results[0].generation, timeout: 5)
/// ```
public final class LiveCorpus: Sendable {
    /// How a write treats an article whose id exists.
    public enum WriteMode: Sendable, Hashable {
        /// `POST`: new → created; same content → unchanged; an explicit id with other content → conflict.
        case create
        /// `PUT /v1/documents/{id}`: the article gets this id and replaces any article under it.
        case replace(id: String)
        /// Each article keeps its document's id and replaces any article under it (an export's import).
        case replaceEach
    }

    /// What became of one submitted article.
    public enum WriteStatus: String, Sendable, Hashable {
        case created, replaced, unchanged, conflict
    }

    public struct WriteResult: Sendable, Hashable {
        public var id: String
        public var status: WriteStatus
        /// The generation that serves the article (wait for it with ``waitUntilPublished(_:timeout:)``).
        public var generation: UInt64

        public init(id: String, status: WriteStatus, generation: UInt64) {
            self.id = id
            self.status = status
            self.generation = generation
        }
    }

    /// The snapshot holder handlers read.
    public let service: CorpusService
    public let store: any ArticleStore
    private let root: String
    /// The data folder, reported in ``CorpusStatus``.
    private let dataFolder: String?
    /// The search index's file in the data folder.
    private let savedIndex: SavedSearchIndex?
    private let logger: Logger
    private let state: Locked<State>
    /// One writer at a time between the id checks and the state update (parsing and extraction run outside).
    private let writeLock = Locked(())
    private let publisher: Publisher
    private let writeObservers = Locked<[@Sendable (String, Int) -> Void]>([])
    /// Entity ids handed out so far (see ``EntityIdRegistry``); changed only while publishing.
    private let entityIds = Locked(EntityIdRegistry())

    struct State: Sendable {
        var entries: [String: CorpusEntry] = [:]
        var headers = TreeDictionary<String, StoredArticleHeader>()
        var idsByHash: [String: Set<String>] = [:]
        /// ``LiveCorpus/generation(ofSequence:)`` of the last commit.
        var generation: UInt64 = 1
        var lastWrite: Date?
        var skipped: [(path: String, reason: String)] = []
        var filesRead = 0
        var warnings: [String] = []
        /// How the last folder import read files that were not as given.
        var importWarnings: [String] = []
        /// Changes since the last publish, for the search index.
        var changedIds: Set<String> = []
        var removedIds: Set<String> = []
        var pendingWrites: Int { changedIds.count + removedIds.count }
    }

    /// A corpus over `store`; nothing is read until ``open()``.
    ///
    /// - Parameter dataFolder: where the search index is saved (`search.index`) and opened from at
    ///   start-up; `nil`: never saved, built at every start.
    public init(
        store: any ArticleStore, service: CorpusService, root: String, dataFolder: String? = nil,
        logger: Logger = Logger(label: "broadsheet.corpus")
    ) {
        self.store = store
        self.service = service
        self.root = root
        self.dataFolder = dataFolder
        self.savedIndex = dataFolder.map { SavedSearchIndex(folder: $0) }
        self.logger = logger
        self.publisher = Publisher()
        self.state = Locked(State())
    }

    /// Reads every stored article back (extracting again those made by extractors of another
    /// version), without publishing: call ``publish()`` when ready to serve.
    public func open() throws(StoreError) {
        var loaded = State()
        var stale: [LoadedArticle] = []
        for article in try store.loadArticles() {
            if article.extractorVersion != DocumentExtraction.version { stale.append(article) }
            loaded.entries[article.header.id] = article.entry
            loaded.headers[article.header.id] = article.header
            loaded.idsByHash[article.header.contentHash, default: []].insert(article.header.id)
            loaded.generation = max(loaded.generation, Self.generation(ofSequence: article.header.sequence))
        }
        loaded.generation = max(loaded.generation, Self.generation(ofSequence: try store.sequence()))
        let registry = try store.entityIds()
        entityIds.withLock { $0 = registry }
        // The saved search index, when it still describes the stored articles; articles written
        // after it was saved are added to it at the first publish.
        if let savedIndex {
            switch savedIndex.open(entries: loaded.entries) {
            case .success(let (index, missing)):
                publisher.index.withLock { $0 = index }
                loaded.changedIds = missing
                if missing.isEmpty { publisher.savedGeneration.withLock { $0 = loaded.generation } }
                logger.info("Opened the saved search index", metadata: ["articles": "\(index.documentCount)", "added": "\(missing.count)"])
            case .failure(let reason):
                let message = "The saved search index was not used (\(reason)): rebuilt from the database"
                if case .missing = reason {
                    logger.info("\(message)")
                } else {
                    logger.warning("\(message)")
                    loaded.warnings.append(message)
                }
            }
        }
        let opened = loaded
        state.withLock { state in
            let warnings = state.warnings
            state = opened
            state.warnings = warnings + opened.warnings
        }
        if !stale.isEmpty { try reextract(stale) }
    }

    /// Saves the served snapshot's search index in the data folder (temporary file, fsync, rename),
    /// so that the next start opens it instead of building it.
    ///
    /// Does nothing when the served generation is the one saved last (or was opened from the file).
    public func saveSearchIndex() {
        publisher.queue.sync { saveSearchIndexNow() }
    }

    private func saveSearchIndexNow() {
        guard let savedIndex, let snapshot = service.snapshot,
            publisher.savedGeneration.withLock({ $0 }) != snapshot.generation
        else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try savedIndex.save(snapshot.search)
            publisher.lastSave.withLock { $0 = DispatchTime.now().uptimeNanoseconds }
            publisher.savedGeneration.withLock { $0 = snapshot.generation }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            logger.info("Saved the search index", metadata: ["articles": "\(snapshot.search.documentCount)", "ms": "\(Int(ms))"])
        } catch {
            logger.error("Cannot save the search index", metadata: ["error": "\(error)"])
        }
    }

    /// Extracts again the articles whose stored extraction was made by other extractors.
    private func reextract(_ stale: [LoadedArticle]) throws(StoreError) {
        let message = "\(stale.count) stored extractions were made by extractors of another version: extracted again"
        logger.warning("\(message)")
        let fresh = ParallelMap.map(stale) { article in
            CorpusEntry(document: article.entry.document, extraction: DocumentExtraction(document: article.entry.document))
        }
        var changes: [StoreChange] = []
        for (article, entry) in zip(stale, fresh) {
            guard let full = try store.article(id: article.header.id) else { continue }
            changes.append(.put(StoredArticle(header: full.header, mediaType: full.mediaType, source: full.source, entry: entry)))
        }
        let sequence = try store.commit(changes)
        state.withLock { state in
            for (article, entry) in zip(stale, fresh) { state.entries[article.header.id] = entry }
            state.generation = max(state.generation, Self.generation(ofSequence: sequence))
            state.warnings.append(message)
        }
    }

    // MARK: - Reading

    /// Articles kept, and writes not yet published.
    public var counts: (articles: Int, pendingWrites: Int, generation: UInt64, lastWrite: Date?) {
        state.withLock { ($0.entries.count, $0.pendingWrites, $0.generation, $0.lastWrite) }
    }

    /// The generation of the last commit (ahead of the served one while a publish is pending).
    public var committedGeneration: UInt64 { state.withLock { $0.generation } }

    /// The stored article with this id as committed, whether or not a snapshot serves it yet.
    public func document(id: String) -> Document? { state.withLock { $0.entries[id]?.document } }

    /// The headers of every stored article (for the folder import; a persistent map, so holding it
    /// while writes go on copies nothing).
    public var headers: TreeDictionary<String, StoredArticleHeader> { state.withLock { $0.headers } }

    /// Sets what the last folder import skipped, and how it read files that were not as given
    /// (`path: message`), for `/v1/corpus`.
    public func setImportReport(skipped: [(path: String, reason: String)], filesRead: Int, warnings: [String] = []) {
        state.withLock { state in
            state.skipped = skipped
            state.filesRead = filesRead
            state.importWarnings = warnings
        }
        requestPublish()
    }

    /// Records a warning shown in `/v1/corpus` and logged.
    public func warn(_ message: String) {
        logger.warning("\(message)")
        state.withLock { $0.warnings.append(message) }
    }

    // MARK: - Writing

    /// Calls `observer` with each outcome (`created`, `replaced`, `unchanged`, `conflict`, `rejected`,
    /// `deleted`, `failed`) and how many articles had it, after every write.
    public func onWrite(_ observer: @escaping @Sendable (String, Int) -> Void) {
        writeObservers.withLock { $0.append(observer) }
    }

    /// Counts articles a writer refused before they reached the corpus (unreadable, too large, ...).
    public func noteRejected(_ count: Int) {
        guard count > 0 else { return }
        notify(["rejected": count])
    }

    private func notify(_ counts: [String: Int]) {
        let observers = writeObservers.withLock { $0 }
        for (status, count) in counts where count > 0 {
            for observer in observers { observer(status, count) }
        }
    }

    /// Stores articles and asks for a publish. Every article of the call is committed in one
    /// transaction (all or nothing); the results are in submission order.
    ///
    /// - Throws: ``StoreError`` when the store cannot commit (nothing of the call is kept).
    public func write(_ submissions: [ArticleSubmission], mode: WriteMode) throws(StoreError) -> [WriteResult] {
        do {
            let results = try writeUnobserved(submissions, mode: mode)
            notify(Dictionary(results.map { ($0.status.rawValue, 1) }, uniquingKeysWith: +))
            return results
        } catch {
            notify(["failed": submissions.count])
            throw error
        }
    }

    private func writeUnobserved(_ submissions: [ArticleSubmission], mode: WriteMode) throws(StoreError) -> [WriteResult] {
        let extracted = ParallelMap.map(submissions) { submission in
            var document = submission.document
            if case .replace(let id) = mode { document.id = id }
            return (submission, CorpusEntry(document: document, extraction: DocumentExtraction(document: document)))
        }
        return try serialized { () throws(StoreError) -> [WriteResult] in
            var view = state.withLock { state in (headers: state.headers, generation: state.generation) }
            var changes: [StoreChange] = []
            var planned: [(result: WriteResult, put: StoredArticle?)] = []
            var claimed: Set<String> = []
            for (submission, entry) in extracted {
                let hash = submission.contentHash
                var entry = entry
                let id = entry.document.id
                if let existing = view.headers[id] {
                    if existing.contentHash == hash {
                        planned.append((WriteResult(id: id, status: .unchanged, generation: view.generation), nil))
                        continue
                    }
                    if case .create = mode {
                        if submission.explicitId {
                            planned.append((WriteResult(id: id, status: .conflict, generation: view.generation), nil))
                            continue
                        }
                        // Same title, other article: the next free suffix, recorded as its id.
                        if let same = self.sameContent(hash: hash, as: entry.document) {
                            planned.append((WriteResult(id: same, status: .unchanged, generation: view.generation), nil))
                            continue
                        }
                        let free = Slug.firstFree(id) { view.headers[$0] != nil || claimed.contains($0) }
                        entry = Self.renamed(entry, to: free)
                    }
                } else if claimed.contains(id) {
                    if submission.explicitId {
                        planned.append((WriteResult(id: id, status: .conflict, generation: view.generation), nil))
                        continue
                    }
                    entry = Self.renamed(entry, to: Slug.firstFree(id) { view.headers[$0] != nil || claimed.contains($0) })
                }
                let finalId = entry.document.id
                claimed.insert(finalId)
                let header = StoredArticleHeader(id: finalId, origin: submission.origin, contentHash: hash, sequence: 0)
                let article = StoredArticle(header: header, mediaType: submission.mediaType, source: submission.source, entry: entry)
                changes.append(.put(article))
                let status: WriteStatus = view.headers[finalId] == nil ? .created : .replaced
                planned.append((WriteResult(id: finalId, status: status, generation: 0), article))
            }
            guard !changes.isEmpty else { return planned.map(\.result) }
            let sequence = try store.commit(changes)
            let generation = Self.generation(ofSequence: sequence)
            state.withLock { state in
                for case (_, let article?) in planned { state.apply(put: article, sequence: sequence) }
                state.generation = max(state.generation, generation)
                state.lastWrite = Date()
            }
            view.generation = generation
            requestPublish()
            return planned.map { planned in
                planned.put == nil
                    ? planned.result : WriteResult(id: planned.result.id, status: planned.result.status, generation: generation)
            }
        }
    }

    /// Deletes an article. Returns the generation that no longer serves it, or `nil` when there is no such article.
    public func delete(id: String) throws(StoreError) -> UInt64? {
        try serialized { () throws(StoreError) -> UInt64? in
            guard state.withLock({ $0.headers[id] }) != nil else { return nil }
            let generation = Self.generation(ofSequence: try store.commit([.delete(id: id)]))
            state.withLock { state in
                state.remove(id: id)
                state.generation = max(state.generation, generation)
                state.lastWrite = Date()
            }
            requestPublish()
            notify(["deleted": 1])
            return generation
        }
    }

    /// Applies one batch of a folder import in one transaction: the puts, the deletes, the file records.
    public func commitImport(puts: [StoredArticle], deletes: [String], files: [StoreChange]) throws(StoreError) {
        try serialized { () throws(StoreError) in
            let changes = deletes.map { StoreChange.delete(id: $0) } + puts.map { StoreChange.put($0) } + files
            guard !changes.isEmpty else { return }
            let sequence = try store.commit(changes)
            state.withLock { state in
                for id in deletes { state.remove(id: id) }
                for article in puts { state.apply(put: article, sequence: sequence) }
                state.generation = max(state.generation, Self.generation(ofSequence: sequence))
                state.lastWrite = Date()
            }
        }
    }

    /// Runs `body` with the write lock held (one writer at a time between id checks and state updates).
    private func serialized<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let result: Result<T, StoreError> = writeLock.withLock { _ in
            do throws(StoreError) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The id of a stored article with this content hash whose document is this one (but for its id).
    private func sameContent(hash: String, as document: Document) -> String? {
        state.withLock { state in
            for id in (state.idsByHash[hash] ?? []).sorted() {
                guard var stored = state.entries[id]?.document else { continue }
                stored.id = document.id
                if stored == document { return id }
            }
            return nil
        }
    }

    static func renamed(_ entry: CorpusEntry, to id: String) -> CorpusEntry {
        var document = entry.document
        document.id = id
        // The extraction names its document; the rest of it does not depend on the id.
        return CorpusEntry(document: document, extraction: entry.extraction.renamed(to: id))
    }

    // MARK: - Publishing

    /// The generation that serves a commit: one more than its sequence number, so that the empty
    /// corpus of a new store is served as generation 1 and its first write as 2 (0 means "loading").
    static func generation(ofSequence sequence: Int64) -> UInt64 { UInt64(max(0, sequence)) + 1 }

    /// Builds and publishes a snapshot of everything committed so far, now, on the caller's thread.
    public func publish() {
        publisher.queue.sync { publishNow() }
    }

    /// Asks for a publish soon (coalesced with others).
    func requestPublish() {
        guard publisher.scheduled.withLock({ scheduled in
            if scheduled { return false }
            scheduled = true
            return true
        }) else { return }
        publisher.queue.async { [self] in
            publisher.scheduled.withLock { $0 = false }
            publishNow()
        }
    }

    /// Waits until a snapshot of at least `generation` is served; `false` on time-out.
    @discardableResult
    public func waitUntilPublished(_ generation: UInt64, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        publisher.condition.lock()
        defer { publisher.condition.unlock() }
        while service.generation < generation {
            if !publisher.condition.wait(until: deadline) { return service.generation >= generation }
        }
        return true
    }

    private func publishNow() {
        let firstPublish = !publisher.builderLoaded.withLock { $0 }
        // Only the changes are taken (copying the state would make the next write copy every entry).
        let taken = state.withLock { state in
            let changed = (firstPublish ? Set(state.entries.keys) : state.changedIds).compactMap { state.entries[$0] }
            let taken = (
                changed: changed, removed: state.removedIds, indexChanged: state.changedIds, generation: state.generation,
                lastWrite: state.lastWrite, warnings: state.warnings + state.importWarnings, skipped: state.skipped,
                filesRead: state.filesRead)
            state.changedIds = []
            state.removedIds = []
            return taken
        }
        let start = DispatchTime.now().uptimeNanoseconds
        // The search index and the catalog are independent until the snapshot is made: the index
        // takes the batch on another core while this thread updates the catalog.
        let indexed = Locked<SearchIndex?>(nil)
        let indexing = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: indexing) { [publisher] in
            let index = publisher.index.withLock { index -> SearchIndex? in
                // One copy of the last index takes the whole batch of changes (never a rebuild).
                guard var updated = index else { return nil }
                for id in taken.removed.sorted() { updated.remove(documentId: id) }
                let changed = Dictionary(taken.changed.map { ($0.document.id, $0.document) }, uniquingKeysWith: { a, _ in a })
                for id in taken.indexChanged.sorted() {
                    if let document = changed[id] { updated.add(document) }
                }
                return updated
            }
            indexed.withLock { $0 = index }
        }
        let status = CorpusStatus(dataFolder: dataFolder, lastWrite: taken.lastWrite, warnings: taken.warnings)
        var registry = entityIds.withLock { $0 }
        var idChanges = publisher.unsavedIdChanges.withLock { $0 }
        var snapshot = publisher.builder.withLock { builder in
            builder.update(removing: taken.removed, adding: taken.changed) { identities, isTaken in
                let (ids, found) = registry.assign(identities, isTaken: isTaken)
                idChanges.newKeys += found.newKeys
                idChanges.newMerges += found.newMerges
                return ids
            }
            indexing.wait()
            let index = indexed.withLock { $0 }
            return builder.snapshot(
                search: index, root: root, generation: taken.generation, status: status, skipped: taken.skipped,
                filesRead: taken.filesRead)
        }
        publisher.builderLoaded.withLock { $0 = true }
        entityIds.withLock { $0 = registry }
        do {
            // Ids are kept before they are served, so a served id is never lost to a crash.
            if !idChanges.isEmpty { try store.saveEntityIds(idChanges) }
            publisher.unsavedIdChanges.withLock { $0 = EntityIdRegistry.Changes() }
        } catch {
            // Kept for the next publish's attempt.
            publisher.unsavedIdChanges.withLock { $0 = idChanges }
            logger.error("Cannot save entity ids", metadata: ["error": "\(error)"])
        }
        snapshot.entityRedirects = registry.mergedInto
        publisher.index.withLock { $0 = snapshot.search }
        publisher.condition.lock()
        service.publish(snapshot)
        publisher.condition.broadcast()
        publisher.condition.unlock()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        publisher.lastLatency.withLock { $0 = milliseconds }
        // Keep the saved index recent, so that a crash costs at most a few minutes of additions at the next start.
        let sinceSave = DispatchTime.now().uptimeNanoseconds &- publisher.lastSave.withLock { $0 }
        if publisher.lastSave.withLock({ $0 }) != 0, sinceSave > Self.indexSaveInterval {
            publisher.queue.async { [self] in saveSearchIndexNow() }
        }
        logger.debug("Published", metadata: ["generation": "\(snapshot.generation)", "ms": "\(milliseconds)"])
    }

    /// Least time between two saves of the search index while writes come in (5 minutes).
    static let indexSaveInterval: UInt64 = 300 * 1_000_000_000

    /// How long the last publish took, in milliseconds.
    public var lastPublishMilliseconds: Double { publisher.lastLatency.withLock { $0 } }

    final class Publisher: Sendable {
        let queue = DispatchQueue(label: "broadsheet.corpus.publish")
        let scheduled = Locked(false)
        let condition = NSCondition()
        /// The last published index, kept up to date by adding the changed articles.
        let index = Locked<SearchIndex?>(nil)
        let lastLatency = Locked(0.0)
        /// When the search index was last saved (uptime nanoseconds), and the generation saved.
        let lastSave = Locked<UInt64>(0)
        let savedGeneration = Locked<UInt64>(0)
        /// The served state, updated by each publish with the changes since the one before.
        let builder = Locked(SnapshotBuilder())
        /// Whether ``builder`` holds the stored articles (the first publish adds them all).
        let builderLoaded = Locked(false)
        /// Entity ids handed out but not yet saved (a failed save is tried again at the next publish).
        let unsavedIdChanges = Locked(EntityIdRegistry.Changes())
    }
}

extension LiveCorpus.State {
    mutating func apply(put article: StoredArticle, sequence: Int64) {
        let id = article.header.id
        if let old = headers[id] { idsByHash[old.contentHash]?.remove(id) }
        var header = article.header
        header.sequence = sequence
        headers[id] = header
        entries[id] = article.entry
        idsByHash[header.contentHash, default: []].insert(id)
        changedIds.insert(id)
    }

    mutating func remove(id: String) {
        guard let old = headers.removeValue(forKey: id) else { return }
        idsByHash[old.contentHash]?.remove(id)
        entries[id] = nil
        changedIds.remove(id)
        removedIds.insert(id)
    }
}
