public import BroadsheetCore
import BroadsheetCollections

/// A full-text index over a set of articles: BM25 ranking with a title boost and a proximity bonus,
/// phrases, prefixes, typo tolerance, filters, and each hit's best passages with highlights.
///
/// The unit of a hit is an article (``SearchUnit/article``, the default): its title, dek and
/// paragraphs are indexed as one unit of the engine (the "text" field), positions running on through
/// the article with a gap of ``paragraphGap`` between the title, the dek and each paragraph (as
/// Lucene's `position_increment_gap`), so that a query word may be anywhere in the article while a
/// phrase never spans two paragraphs. The title is also indexed alone as a field without positions
/// (``TitleIndex``: per stem, the documents whose title holds it), whose BM25 is added with
/// ``Configuration/titleBoost``: the score is a sum of per-field BM25 (text + boosted title), not BM25F.
///
/// With ``Configuration/paragraphSearch`` (the default) a second engine keeps today's paragraph
/// search (``SearchUnit/paragraph``: each paragraph a unit; a hit needs every word in one paragraph).
///
/// ```swift
/// var index = SearchIndex(documents: documents)
/// index.add(lateDocument)
/// index.remove(documentId: "retracted-story")
/// let results = try index.search("\"nord stream\" -gazprom", options: SearchOptions(limit: 10, passages: 2))
/// for hit in results.hits { print(hit.documentId, hit.passages.map(\.snippet)) }
/// try index.write(to: "search.index")
/// // After a restart: the live documents in `index.documentIds` order.
/// let reopened = try SearchIndex(contentsOf: "search.index", documents: liveDocuments)
/// ```
///
/// The index is a value: `add` mutates it; searches are pure reads and may run concurrently on copies.
/// Build cost is one pass of tokenization per document; terms are interned into compact byte tables
/// and postings are bit-packed in blocks of 128 (see ``PostingStore``).
public struct SearchIndex: Sendable {
    /// Ranking parameters.
    public struct Configuration: Sendable, Hashable {
        /// BM25 term-frequency saturation. Default 1.2.
        public var k1: Double
        /// BM25 length normalisation. Default 0.75.
        public var b: Double
        /// Weight of the title's BM25 relative to the body's. Default 0.5.
        public var titleBoost: Double
        /// Largest proximity bonus per extra query term, given when the terms are adjacent. Default 1.0.
        public var proximityWeight: Double
        /// Most words a prefix (`dmitr*`) expands to, most frequent first. Default 50.
        public var maxPrefixExpansions: Int
        /// Most words a misspelt word expands to, closest and most frequent first. Default 8.
        public var maxTypoExpansions: Int
        /// Keep a second engine whose unit is the paragraph, for ``SearchUnit/paragraph`` searches
        /// (it doubles the index's build time and memory). Default true.
        public var paragraphSearch: Bool

        public init(
            k1: Double = 1.2, b: Double = 0.75, titleBoost: Double = 0.5, proximityWeight: Double = 1.0,
            maxPrefixExpansions: Int = 50, maxTypoExpansions: Int = 8, paragraphSearch: Bool = true
        ) {
            self.paragraphSearch = paragraphSearch
            self.k1 = k1
            self.b = b
            self.titleBoost = titleBoost
            self.proximityWeight = proximityWeight
            self.maxPrefixExpansions = maxPrefixExpansions
            self.maxTypoExpansions = maxTypoExpansions
        }
    }

    /// Stored per document: what hits and snippets need.
    struct StoredDocument: Sendable {
        var id: String
        var title: String
        var text: String
        /// The document's paragraphs (shared with the caller's ``Document``, like the text).
        var paragraphs: [Paragraph]
        var firstParagraph: Int32
        /// Days since 1970-01-01 of the publication date, or `Int32.min` when there is none (kept
        /// non-optional so that the record stays 64 bytes).
        var day: Int32

        var publishedDay: Int32? { day == .min ? nil : day }

        var paragraphCount: Int32 { Int32(paragraphs.count) }
    }

    /// Positions left empty between the title, the dek and each paragraph of an article unit: more
    /// than a query's longest phrase (``SearchQuery/maximumLength`` characters hold at most 256
    /// words), so that no phrase matches across two of them. 300.
    static let paragraphGap: Int32 = 300

    public var configuration: Configuration
    /// What one unit of this engine (a posting's "paragraph" id) is.
    let unit: SearchUnit
    /// The paragraph-unit engine of an article-unit index with ``Configuration/paragraphSearch``: an
    /// array of at most one, since a struct cannot hold itself (an array is indirect and copy-on-write).
    var paragraphEngine: [SearchIndex] = []

    // Vocabulary: surface forms (folded words as written) and their stems (the indexed terms).
    var surfaces = TermInterner()
    var surfaceStem: [Int32] = []
    var surfaceFrequency: [UInt32] = []
    var stems = TermInterner()
    /// Surface ids sorted by bytes (for prefixes and typos); surfaces with ids ≥ its count are unsorted.
    var sortedSurfaces: [Int32] = []
    /// Per entry of ``sortedSurfaces``: bytes its surface shares with the one before (capped at 255).
    var sortedSharedPrefix: [UInt8] = []

    var postings = PostingStore()

    // Paragraphs, by global paragraph id.
    var paragraphDocument = ParagraphDocuments()
    /// Words per paragraph as one-byte codes (``BlockBound/code(length:)``: exact below 32 words, else
    /// rounded down by at most 1/16), as Lucene and Tantivy keep their length norms: scoring reads one
    /// byte a posting and a 256-entry table.
    var paragraphLengthCode: [UInt8] = []
    /// The sum of the paragraphs' coded lengths (``BlockBound/length(code:)``), for the average.
    var totalLength = 0
    var liveParagraphs = 0

    // Documents.
    var documents = AppendOnlyList<StoredDocument>()
    var documentIndex = DocumentIdTable()
    /// Per document: its title's stems (inverted: per stem, its documents).
    var titles = TitleIndex()
    var totalTitleLength = 0
    /// Per stem: most occurrences in one title, and the length code (``BlockBound/code(length:)``, which
    /// rounds down) of the shortest title holding it: bounds for block skipping; 0 / 0xFF when the stem
    /// is in no title.
    var titleMaxFrequency: [UInt8] = []
    var titleMinLength: [UInt8] = []
    /// Per stem: the number of documents whose title holds it (replaced and removed ones included, as
    /// in the postings' document frequencies), for the title field's idf.
    var titleDocumentFrequency: [UInt32] = []
    /// Positions in ``documents`` of the replaced and removed documents, whose units are tombstoned:
    /// one bit per document (a set bit is dead), so the check per unit is one load.
    var deadDocuments = DeadDocuments()
    /// The tombstoned units (one bit per unit id), for the fast paths' checks per posting.
    var deadUnits = DeadDocuments()
    /// The deks of the documents that have one, by document position (the record keeps no dek): a
    /// tombstone re-reads what the unit indexed.
    var deks: [Int32: String] = [:]
    /// Per document position: ``fingerprint(title:dek:text:)`` of what it was indexed from, saved with
    /// the index so that opening it finds a changed document stale.
    var documentFingerprints: [UInt64] = []
    var deletedDocuments: Int { deadDocuments.count }

    private var tokenizer = Tokenizer()
    private var stemScratch: [UInt8] = []

    /// Builds an index of `documents` whose hits are articles (with ``Configuration/paragraphSearch``,
    /// paragraphs too).
    public init(documents: [Document] = [], configuration: Configuration = Configuration()) {
        self.init(documents: documents, configuration: configuration, unit: .article)
        if configuration.paragraphSearch { paragraphEngine = [SearchIndex(documents: documents, configuration: configuration, unit: .paragraph)] }
    }

    /// Builds one engine whose unit is `unit`, without a second engine: a search answers in `unit`
    /// whatever ``SearchOptions/unit`` asks (for tests and benchmarks of one engine).
    package init(documents: [Document], configuration: Configuration = Configuration(), unit: SearchUnit) {
        self.configuration = configuration
        self.unit = unit
        for d in documents { insert(d) }
        freeze()
    }

    /// Adds a document; a document with the same id replaces the earlier one.
    ///
    /// Additions go to a small growable tail that is merged into the compact segment when it grows
    /// past a quarter of it (or 4 MB), so adding one document at a time stays cheap: it never copies
    /// the whole index.
    public mutating func add(_ document: Document) {
        insert(document)
        if postings.tailBytes > max(4 << 20, postings.frozen.byteCount / 4) { freeze() }
        if !paragraphEngine.isEmpty { paragraphEngine[0].add(document) }
    }

    /// Removes the document `documentId`: its units are tombstoned (skipped by every search, so the
    /// article never appears in a result again) and its id is forgotten; its postings stay until
    /// the index is rebuilt. Costs O(1) plus the id look-up.
    ///
    /// - Returns: whether the document was in the index.
    @discardableResult
    public mutating func remove(documentId: String) -> Bool {
        if !paragraphEngine.isEmpty { paragraphEngine[0].remove(documentId: documentId) }
        guard let position = documentPosition(documentId) else { return false }
        tombstone(position)
        let table = documents
        documentIndex.remove(documentId) { table[Int($0)].id }
        return true
    }

    /// Merges recent additions into the compact segment and re-sorts the vocabulary.
    public mutating func compact() {
        freeze()
        if !paragraphEngine.isEmpty { paragraphEngine[0].compact() }
    }

    /// Number of live (not replaced or removed) documents.
    public var documentCount: Int { documentIndex.count }
    /// The ids of the live documents in the index's order: the order of their last ``add(_:)`` (a
    /// replaced document at its replacement's place). ``init(contentsOf:documents:configuration:)``
    /// wants the documents in this order.
    public var documentIds: [String] { documents.indices.filter { !deadDocuments.contains(Int32($0)) }.map { documents[$0].id } }
    /// Number of live paragraphs.
    public var paragraphCount: Int { unit == .paragraph ? liveParagraphs : paragraphEngine.first?.liveParagraphs ?? liveParagraphs }
    /// The number of units of document position `d`: its paragraphs, or one article.
    func unitCount(ofDocument d: Int) -> Int32 { unit == .article ? 1 : documents[d].paragraphCount }

    /// Memory held by the index structures (both engines'), in bytes: postings, vocabulary, per-paragraph and
    /// per-document tables. The documents' text and paragraph lists are not counted: the index shares
    /// them with the caller's ``Document`` values.
    public var statistics: Statistics {
        let dictionary =
            surfaces.byteCount + stems.byteCount + (surfaceStem.capacity + surfaceFrequency.capacity + sortedSurfaces.capacity) * 4
            + sortedSharedPrefix.capacity + titleMaxFrequency.capacity + titleMinLength.capacity + titleDocumentFrequency.capacity * 4
        let paragraphs = paragraphDocument.byteCount + paragraphLengthCode.capacity + documents.capacity * MemoryLayout<StoredDocument>.stride
            + documentIndex.byteCount + deadDocuments.byteCount + deadUnits.byteCount + deks.capacity * 24 + documentFingerprints.capacity * 8
        var own = Statistics(
            terms: stems.count, surfaceForms: surfaces.count, postingsBytes: postings.byteCount, positionBytes: postings.positionByteCount,
            dictionaryBytes: dictionary, paragraphBytes: paragraphs + titles.byteCount)
        if let other = paragraphEngine.first?.statistics {
            // Both engines' bytes: the paragraph engine is memory this index holds too.
            own.postingsBytes += other.postingsBytes
            own.positionBytes += other.positionBytes
            own.dictionaryBytes += other.dictionaryBytes
            own.paragraphBytes += other.paragraphBytes
        }
        return own
    }

    /// Sizes of the index structures.
    public struct Statistics: Sendable, Hashable {
        /// Distinct indexed terms (stems).
        public var terms: Int
        /// Distinct word forms seen (before stemming).
        public var surfaceForms: Int
        public var postingsBytes: Int
        /// The part of ``postingsBytes`` that holds word positions.
        public var positionBytes: Int
        public var dictionaryBytes: Int
        /// Per-paragraph and per-document tables (lengths, spans, title terms).
        public var paragraphBytes: Int
        public var totalBytes: Int { postingsBytes + dictionaryBytes + paragraphBytes }
    }

    // MARK: - Building

    mutating func freeze() {
        titles.freeze()
        var lastDocument = -1
        var last: (tf: UInt32, length: Int) = (0, 0)
        var cursor = titles.cursor(for: -1)
        let frozenTitles = titles
        postings.freeze(lengthCodes: paragraphLengthCode) { paragraph, term in
            // Most terms are in no title; a term's paragraphs come in order, so one document's
            // paragraphs are asked for one after another, and its title list is walked forward.
            if Int(term) >= titleMaxFrequency.count || titleMaxFrequency[Int(term)] == 0 { return (0, 0) }
            let d = Int(paragraphDocument[Int(paragraph)])
            if term != cursor.stem {
                cursor = frozenTitles.cursor(for: term)
                lastDocument = -1
            }
            if d == lastDocument { return last }
            lastDocument = d
            last = (UInt32(frozenTitles.occurrences(&cursor, inDocument: d)), frozenTitles.length(ofDocument: d))
            return last
        }
        sortSurfaces()
        surfaces.trim()
        stems.trim()
        surfaceStem = surfaceStem.withUnsafeBufferPointer { Array($0) }
        surfaceFrequency = surfaceFrequency.withUnsafeBufferPointer { Array($0) }
        // Drop the spare capacity that growth by doubling left in the per-paragraph and title tables.
        paragraphDocument.trim()
        documentFingerprints = documentFingerprints.withUnsafeBufferPointer { Array($0) }
        paragraphLengthCode = paragraphLengthCode.withUnsafeBufferPointer { Array($0) }
        titles.trim()
        titleMaxFrequency = titleMaxFrequency.withUnsafeBufferPointer { Array($0) }
        titleMinLength = titleMinLength.withUnsafeBufferPointer { Array($0) }
        titleDocumentFrequency = titleDocumentFrequency.withUnsafeBufferPointer { Array($0) }
    }

    private mutating func sortSurfaces() {
        guard sortedSurfaces.count < surfaces.count else { return }
        let interner = surfaces
        var keyed: [(UInt64, Int32)] = (0..<Int32(surfaces.count)).map { id in
            var key: UInt64 = 0
            let b = interner.bytes(id)
            var k = 0
            for byte in b.prefix(8) {
                key |= UInt64(byte) << (56 - 8 * UInt64(k))
                k += 1
            }
            return (key, id)
        }
        keyed.sort { x, y in
            if x.0 != y.0 { return x.0 < y.0 }
            return interner.bytes(x.1).lexicographicallyPrecedes(interner.bytes(y.1))
        }
        sortedSurfaces = keyed.map(\.1)
        var shared = [UInt8](repeating: 0, count: sortedSurfaces.count)
        for k in 1..<max(1, sortedSurfaces.count) {
            let a = interner.bytes(sortedSurfaces[k - 1])
            let b = interner.bytes(sortedSurfaces[k])
            var n = 0
            let limit = min(a.count, b.count, 255)
            while n < limit && a[a.startIndex + n] == b[b.startIndex + n] { n += 1 }
            shared[k] = UInt8(n)
        }
        sortedSharedPrefix = shared
    }

    /// The stem id for folded word bytes, interning the surface form (and its stem) when new.
    private mutating func internSurface(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (sid, isNew) = surfaces.intern(bytes)
        if isNew {
            stemScratch.removeAll(keepingCapacity: true)
            stemScratch.append(contentsOf: bytes)
            EnglishStemmer.stem(&stemScratch)
            let stem = stems.intern(stemScratch[...]).id
            surfaceStem.append(stem)
            surfaceFrequency.append(0)
            postings.ensureTerms(stems.count)
        }
        surfaceFrequency[Int(sid)] &+= 1
        return surfaceStem[Int(sid)]
    }

    /// The position of document `id` in ``documents``.
    func documentPosition(_ id: String) -> Int32? { documentIndex.find(id) { documents[Int($0)].id } }

    /// The length a paragraph's length code stands for.
    static func codedLength(_ code: UInt8) -> Int { Int(BlockBound.length(code: UInt64(code))) }

    /// Marks document position `o` dead and takes its units out of the live statistics.
    private mutating func tombstone(_ old: Int32) {
        let o = Int(old)
        deadDocuments.insert(old)
        let first = Int(documents[o].firstParagraph)
        let units = Int(unitCount(ofDocument: o))
        forgetPostings(ofDocument: o)
        for p in first..<(first + units) {
            totalLength -= Self.codedLength(paragraphLengthCode[p])
            deadUnits.insert(Int32(p))
        }
        liveParagraphs -= units
        totalTitleLength -= titles.length(ofDocument: o)
    }

    /// Takes the postings of document position `o`'s units out of the live frequencies: its title, dek
    /// and paragraphs are tokenized again as ``insert(_:)`` indexed them, and each unit's distinct stems
    /// counted off once. O(the document's length).
    private mutating func forgetPostings(ofDocument o: Int) {
        let doc = documents[o]
        var seen = Set<Int32>()
        func forget() {
            for stem in seen { postings.forgetPosting(term: stem) }
            seen.removeAll(keepingCapacity: true)
        }
        func collect(_ range: Range<Int32>?) {
            let tokens = tokenizer.tokens
            for token in tokens {
                if let range, token.start < range.lowerBound || token.start >= range.upperBound { continue }
                let bytes = tokenizer.term(token)
                if let surface = surfaces.find(bytes) { seen.insert(surfaceStem[Int(surface)]) }
            }
        }
        if unit == .article {
            for field in [doc.title, deks[Int32(o)] ?? ""] where !field.isEmpty {
                tokenizer.tokenize(field)
                collect(nil)
            }
        }
        tokenizer.tokenize(doc.text)
        for paragraph in doc.paragraphs {
            collect(Int32(paragraph.span.start)..<Int32(paragraph.span.end))
            if unit == .paragraph { forget() }
        }
        forget()
    }

    /// Closes unit `unit` of document `docId`, `length` words long.
    private mutating func endUnit(_ unit: Int32, document docId: Int32, length: Int32) {
        postings.endParagraph(unit)
        paragraphDocument.append(docId)
        let code = UInt8(BlockBound.code(length: UInt32(max(0, length))))
        paragraphLengthCode.append(code)
        totalLength += Self.codedLength(code)
        liveParagraphs += 1
    }

    /// Adds the tokens of `tokenizer.tokens` whose UTF-16 start is in `start..<end` (all when nil),
    /// from token index `t` on, at their positions relative to the first one plus `offset`.
    ///
    /// - Returns: one past the greatest relative position added (the words' count), 0 when none.
    private mutating func addTokens(from t: inout Int, in range: Range<Int32>?, offset: Int32) -> Int32 {
        let tokens = tokenizer.tokens
        let termBytes = tokenizer.bytes
        if let range { while t < tokens.count && tokens[t].start < range.lowerBound { t += 1 } }
        let end = range?.upperBound ?? .max
        var base: Int32 = -1
        var maxPosition: Int32 = -1
        termBytes.withUnsafeBufferPointer { termBuffer in
            while t < tokens.count && tokens[t].start < end {
                let token = tokens[t]
                if base < 0 { base = token.position }
                let stem = internSurface(UnsafeBufferPointer(rebasing: termBuffer[Int(token.termStart)..<Int(token.termEnd)]))
                let position = token.position - base
                postings.add(term: stem, position: offset + position)
                maxPosition = max(maxPosition, position)
                t += 1
            }
        }
        return maxPosition + 1
    }

    private mutating func insert(_ document: Document) {
        postings.makeUnique()
        if let old = documentPosition(document.id) { tombstone(old) }
        let docId = Int32(documents.count)
        let firstParagraph = Int32(paragraphDocument.count)
        let paragraphs = document.paragraphs

        switch unit {
        case .paragraph:
            tokenizer.tokenize(document.text)
            var t = 0
            for paragraph in paragraphs {
                let pid = Int32(paragraphDocument.count)
                let length = addTokens(from: &t, in: Int32(paragraph.span.start)..<Int32(paragraph.span.end), offset: 0)
                endUnit(pid, document: docId, length: length)
            }
        case .article:
            // Title, dek, then each paragraph, `paragraphGap` positions apart; the length counts words only.
            var offset: Int32 = 0
            var length: Int32 = 0
            var t = 0
            for field in [document.title, document.dek ?? ""] where !field.isEmpty {
                tokenizer.tokenize(field)
                t = 0
                let words = addTokens(from: &t, in: nil, offset: offset)
                length += words
                if words > 0 { offset += words + Self.paragraphGap }
            }
            tokenizer.tokenize(document.text)
            t = 0
            for paragraph in paragraphs {
                let words = addTokens(from: &t, in: Int32(paragraph.span.start)..<Int32(paragraph.span.end), offset: offset)
                length += words
                if words > 0 { offset += words + Self.paragraphGap }
            }
            endUnit(firstParagraph, document: docId, length: length)
        }

        tokenizer.tokenize(document.title)
        var title: [Int32] = []
        for token in tokenizer.tokens where token.kind != .compoundWhole && token.kind != .affixedWhole {
            var bytes = Array(tokenizer.term(token))
            EnglishStemmer.stem(&bytes)
            title.append(stems.intern(bytes[...]).id)
        }
        postings.ensureTerms(stems.count)
        title.sort()
        if titleMaxFrequency.count < stems.count {
            titleMaxFrequency.append(contentsOf: repeatElement(0, count: stems.count - titleMaxFrequency.count))
            titleMinLength.append(contentsOf: repeatElement(0xFF, count: stems.count - titleMinLength.count))
            titleDocumentFrequency.append(contentsOf: repeatElement(0, count: stems.count - titleDocumentFrequency.count))
        }
        var run = 0
        for (k, stem) in title.enumerated() {
            run = k > 0 && title[k - 1] == stem ? run + 1 : 1
            let i = Int(stem)
            if run == 1 { titleDocumentFrequency[i] += 1 }
            titleMaxFrequency[i] = max(titleMaxFrequency[i], UInt8(min(run, 255)))
            titleMinLength[i] = min(titleMinLength[i], UInt8(BlockBound.code(length: UInt32(min(title.count, 0xFFFF)))))
        }
        titles.append(sorted: title)
        totalTitleLength += title.count

        documentFingerprints.append(Self.fingerprint(title: document.title, dek: document.dek, text: document.text))
        if let dek = document.dek, !dek.isEmpty { deks[docId] = dek }
        documents.append(
            StoredDocument(
                id: document.id, title: document.title, text: document.text, paragraphs: paragraphs,
                firstParagraph: firstParagraph, day: document.publishedAt.map { Int32($0.daysSinceEpoch) } ?? .min))
        let table = documents
        documentIndex.set(document.id, to: docId) { table[Int($0)].id }
    }
}
