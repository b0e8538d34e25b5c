/// The stems of every document's title, for the title part of the score, kept inverted as a title
/// field's postings are: per stem, the documents whose title holds it and how often. A query term walks
/// its list forward with a ``TitleCursor`` (its paragraphs, hence their documents, come in order),
/// reading a few bytes in a row where a look-up per document would miss the cache every time.
///
/// A long list (a common word's) has skip entries every ``skipInterval`` documents, so that a cursor
/// asked for a far document (a phrase's few matches, a rare word's paragraphs) jumps near it rather
/// than reading every entry before it.
///
/// Documents added since the last ``freeze()`` are kept per document (``TitleTerms``) until then.
struct TitleIndex: Sendable {
    /// Entries of a list between two skip entries.
    static let skipInterval = 32
    /// Per document: its title's length in words; 255 for 255 words or more, the length then in
    /// ``longTitles``.
    private var lengths: [UInt8] = []
    private var longTitles: [Int32: Int] = [:]
    /// The stems of the frozen titles: one bit per stem id, set for those in some title, and before
    /// each 64-bit word the number of bits set in the earlier ones (a stem's rank among them).
    private var titled: [UInt64] = []
    private var titledBefore: [UInt32] = []
    /// Per stem of the frozen titles, by rank: where its list starts in ``lists`` (count + 1).
    private var starts: [UInt32] = [0]
    /// Per stem, its documents in order: a varint of (gap from the previous document, the first from
    /// -1) × 2 + (1 when the stem occurs more than once in the title), then in that case a varint count.
    private var lists: [UInt8] = []
    /// The ranks (ascending) of the stems whose lists have skip entries, and where each one's entries
    /// start in ``skipDocuments`` and ``skipOffsets`` (count + 1).
    private var skipRanks: [UInt32] = []
    private var skipStarts: [UInt32] = [0]
    /// Skip entry `k` of a list: before entry `(k + 1) × skipInterval`, the document of the entry
    /// before it and where it starts in ``lists``.
    private var skipDocuments: [Int32] = []
    private var skipOffsets: [UInt32] = []
    /// Documents below this are in ``lists``; the later ones in ``recent``.
    private(set) var frozenDocuments = 0
    private var recent = TitleTerms()

    /// Appends the next document's title stems (sorted ascending).
    mutating func append(sorted titleStems: [Int32]) {
        recent.append(sorted: titleStems)
        if titleStems.count >= 255 { longTitles[Int32(lengths.count)] = titleStems.count }
        lengths.append(UInt8(min(titleStems.count, 255)))
    }

    /// The length in words of document `d`'s title.
    @inline(__always)
    func length(ofDocument d: Int) -> Int {
        let l = lengths[d]
        return l < 255 ? Int(l) : longTitles[Int32(d)] ?? 255
    }

    /// A cursor at the start of `stem`'s list.
    func cursor(for stem: Int32) -> TitleCursor {
        let word = Int(stem >> 6)
        let bit = UInt64(1) << UInt64(stem & 63)
        guard stem >= 0, word < titled.count, titled[word] & bit != 0 else { return TitleCursor(stem: stem, start: 0, end: 0) }
        let rank = Int(titledBefore[word]) + (titled[word] & (bit - 1)).nonzeroBitCount
        var cursor = TitleCursor(stem: stem, start: Int(starts[rank]), end: Int(starts[rank + 1]))
        var low = 0
        var high = skipRanks.count
        while low < high {
            let middle = (low + high) >> 1
            if Int(skipRanks[middle]) < rank { low = middle + 1 } else { high = middle }
        }
        if low < skipRanks.count && Int(skipRanks[low]) == rank {
            cursor.skips = Int(skipStarts[low])..<Int(skipStarts[low + 1])
            cursor.firstSkipDocument = skipDocuments[cursor.skips.lowerBound]
            cursor.rewind()
        }
        return cursor
    }

    /// How often `cursor`'s stem occurs in document `d`'s title. Cheapest when asked for documents in
    /// ascending order: the cursor moves forward from the last document asked for (and starts over when
    /// asked for an earlier one).
    @inline(__always)
    func occurrences(_ cursor: inout TitleCursor, inDocument d: Int) -> Int {
        if d >= frozenDocuments { return recent.occurrences(of: cursor.stem, inDocument: d - frozenDocuments) }
        let target = Int32(truncatingIfNeeded: d)
        if target < cursor.asked { cursor.rewind() }
        cursor.asked = target
        if cursor.nextSkipDocument < target { skip(&cursor, to: target) }
        if cursor.document < target && cursor.position < cursor.end {
            lists.withUnsafeBufferPointer { b in
                while cursor.document < target && cursor.position < cursor.end {
                    let v = Varint.read(b, &cursor.position)
                    cursor.document &+= Int32(bitPattern: v >> 1)
                    cursor.count = v & 1 == 0 ? 1 : Int32(bitPattern: Varint.read(b, &cursor.position))
                }
            }
        }
        return cursor.document == target ? Int(cursor.count) : 0
    }

    /// Moves `cursor` to the last of its skip entries from ``TitleCursor/nextSkip`` on whose document
    /// (the one before the entry) is below `target` (``nextSkip``'s is), by ``Gallop``.
    /// A cursor reads entries only up to its next skip entry's document, so the entry lies ahead.
    private func skip(_ cursor: inout TitleCursor, to target: Int32) {
        let low = Gallop.firstNotBelow(after: cursor.nextSkip, end: cursor.skips.upperBound) { skipDocuments[$0] < target } - 1
        cursor.nextSkip = low + 1
        cursor.nextSkipDocument = cursor.nextSkip < cursor.skips.upperBound ? skipDocuments[cursor.nextSkip] : .max
        cursor.position = Int(skipOffsets[low])
        cursor.document = skipDocuments[low]
        cursor.count = 0
    }

    /// Moves the titles added since the last call into the inverted lists.
    mutating func freeze() {
        guard lengths.count > frozenDocuments else { return }
        var added: [(stem: Int32, document: Int32, count: Int32)] = []
        for d in frozenDocuments..<lengths.count {
            recent.forEachStem(ofDocument: d - frozenDocuments) { stem, count in added.append((stem, Int32(d), Int32(count))) }
        }
        added.sort { $0.stem != $1.stem ? $0.stem < $1.stem : $0.document < $1.document }
        var oldStems: [Int32] = []
        for (w, word) in titled.enumerated() {
            var bits = word
            while bits != 0 {
                oldStems.append(Int32(w * 64 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        var newTitled = [UInt64](repeating: 0, count: titled.count)
        var newStarts: [UInt32] = [0]
        var newSkipRanks: [UInt32] = []
        var newSkipStarts: [UInt32] = [0]
        var newSkipDocuments: [Int32] = []
        var newSkipOffsets: [UInt32] = []
        var newLists: [UInt8] = []
        newLists.reserveCapacity(lists.count + added.count * 2)
        var i = 0
        var j = 0
        lists.withUnsafeBufferPointer { old in
            while i < oldStems.count || j < added.count {
                let stem = i < oldStems.count && (j == added.count || oldStems[i] <= added[j].stem) ? oldStems[i] : added[j].stem
                var last: Int32 = -1
                var entries = 0
                // Called before each entry, at `offset` in the new lists.
                func countEntry(at offset: Int) {
                    if entries > 0 && entries % Self.skipInterval == 0 {
                        newSkipDocuments.append(last)
                        newSkipOffsets.append(UInt32(offset))
                    }
                    entries += 1
                }
                if i < oldStems.count && oldStems[i] == stem {
                    // Copied as they are; the last document is where the new entries' gaps start.
                    var p = Int(starts[i])
                    let end = Int(starts[i + 1])
                    let shift = newLists.count - p
                    newLists.append(contentsOf: old[p..<end])
                    while p < end {
                        countEntry(at: p + shift)
                        let v = Varint.read(old, &p)
                        last &+= Int32(bitPattern: v >> 1)
                        if v & 1 != 0 { _ = Varint.read(old, &p) }
                    }
                    i += 1
                }
                while j < added.count && added[j].stem == stem {
                    let e = added[j]
                    countEntry(at: newLists.count)
                    Varint.append(UInt32(e.document - last) << 1 | (e.count > 1 ? 1 : 0), to: &newLists)
                    if e.count > 1 { Varint.append(UInt32(e.count), to: &newLists) }
                    last = e.document
                    j += 1
                }
                if newSkipDocuments.count > Int(newSkipStarts[newSkipStarts.count - 1]) {
                    newSkipRanks.append(UInt32(newStarts.count - 1))
                    newSkipStarts.append(UInt32(newSkipDocuments.count))
                }
                let word = Int(stem >> 6)
                if word >= newTitled.count { newTitled.append(contentsOf: repeatElement(0, count: word + 1 - newTitled.count)) }
                newTitled[word] |= 1 << UInt64(stem & 63)
                newStarts.append(UInt32(newLists.count))
            }
        }
        var before: UInt32 = 0
        titledBefore = newTitled.map { w in
            defer { before += UInt32(w.nonzeroBitCount) }
            return before
        }
        titled = newTitled
        starts = newStarts
        lists = newLists.withUnsafeBufferPointer { Array($0) }
        // Copied to drop the spare capacity of growth, as the lists are.
        skipRanks = newSkipRanks.withUnsafeBufferPointer { Array($0) }
        skipStarts = newSkipStarts.withUnsafeBufferPointer { Array($0) }
        skipDocuments = newSkipDocuments.withUnsafeBufferPointer { Array($0) }
        skipOffsets = newSkipOffsets.withUnsafeBufferPointer { Array($0) }
        frozenDocuments = lengths.count
        recent = TitleTerms()
    }

    /// Drops spare capacity left by growth.
    mutating func trim() {
        lengths = lengths.withUnsafeBufferPointer { Array($0) }
        recent.trim()
    }

    var byteCount: Int {
        lengths.capacity + longTitles.capacity * 16 + titled.capacity * 8 + titledBefore.capacity * 4 + starts.capacity * 4 + lists.capacity
            + skipRanks.capacity * 4 + skipStarts.capacity * 4 + skipDocuments.capacity * 4 + skipOffsets.capacity * 4 + recent.byteCount
    }
}

/// A position in one stem's list of a ``TitleIndex``: the last document read and its count.
struct TitleCursor: Sendable {
    let stem: Int32
    private let start: Int
    fileprivate let end: Int
    fileprivate var position: Int
    /// The first listed document at or after ``asked``, the last document asked for.
    fileprivate var document: Int32 = -1
    fileprivate var count: Int32 = 0
    fileprivate var asked: Int32 = -1
    /// The list's skip entries (empty for a short list) and the first one's document; the first one
    /// not passed yet and its document (``Int32/max`` when none is left).
    fileprivate var skips = 0..<0
    fileprivate var firstSkipDocument = Int32.max
    fileprivate var nextSkip = 0
    fileprivate var nextSkipDocument = Int32.max

    /// A cursor of no stem, on an empty list.
    init() { self.init(stem: -1, start: 0, end: 0) }

    fileprivate init(stem: Int32, start: Int, end: Int) {
        self.stem = stem
        self.start = start
        self.end = end
        position = start
    }

    /// Back to the start of the list.
    fileprivate mutating func rewind() {
        position = start
        document = -1
        count = 0
        asked = -1
        nextSkip = skips.lowerBound
        nextSkipDocument = firstSkipDocument
    }
}

// MARK: - Saving and opening (see ``SearchIndex/write(to:)``)

extension TitleIndex {
    /// Sections, of a frozen index (``freeze()`` first): lengths (`UInt8`), long titles' documents
    /// (`Int32`) and lengths (`Int64`), titled bits (`UInt64`), bits before each word (`UInt32`), list
    /// starts (`UInt32`), lists (`UInt8`), skip ranks, skip starts (`UInt32`), skip documents (`Int32`),
    /// skip offsets (`UInt32`).
    func save(to w: inout IndexFileWriter) {
        precondition(frozenDocuments == lengths.count, "titles are frozen before saving")
        w.append(lengths)
        let long = longTitles.sorted { $0.key < $1.key }
        w.append(long.map(\.key))
        w.append(long.map { Int64($0.value) })
        w.append(titled)
        w.append(titledBefore)
        w.append(starts)
        w.append(lists)
        w.append(skipRanks)
        w.append(skipStarts)
        w.append(skipDocuments)
        w.append(skipOffsets)
    }

    /// The titles saved by ``save(to:)`` for `documents` documents, checked: bit ranks agree with the
    /// bits, list and skip offsets grow and stay inside their tables, skip ranks name lists.
    init(restoring r: inout IndexFileReader, documents: Int) throws(SearchIndexFileError) {
        let lengths: [UInt8] = try r.array("title lengths", count: documents)
        let longKeys: [Int32] = try r.array("long titles")
        let longValues: [Int64] = try r.array("long title lengths", count: longKeys.count)
        let titled: [UInt64] = try r.array("titled stems")
        let titledBefore: [UInt32] = try r.array("titled ranks", count: titled.count)
        var rank: UInt32 = 0
        for (k, word) in titled.enumerated() {
            try IndexFileCheck.require(titledBefore[k] == rank, "titled ranks disagree with their bits at \(k)")
            rank += UInt32(word.nonzeroBitCount)
        }
        let starts: [UInt32] = try r.array("title list starts")
        let lists: [UInt8] = try r.array("title lists")
        try IndexFileCheck.offsets(starts, count: Int(rank), end: lists.count, "title list starts")
        let skipRanks: [UInt32] = try r.array("title skip ranks")
        let skipStarts: [UInt32] = try r.array("title skip starts")
        let skipDocuments: [Int32] = try r.array("title skip documents")
        let skipOffsets: [UInt32] = try r.array("title skip offsets", count: skipDocuments.count)
        try IndexFileCheck.values(skipRanks, in: 0..<Int(rank), "title skip ranks")
        for k in 1..<max(1, skipRanks.count) where skipRanks[k - 1] >= skipRanks[k] { throw .corrupt("title skip ranks do not grow at \(k)") }
        try IndexFileCheck.offsets(skipStarts, count: skipRanks.count, end: skipDocuments.count, "title skip starts")
        try IndexFileCheck.values(skipOffsets, in: 0..<(lists.count + 1), "title skip offsets")
        try IndexFileCheck.values(skipDocuments, in: -1..<max(documents, 1), "title skip documents")
        try IndexFileCheck.values(longKeys, in: 0..<documents, "long titles")
        self.init()
        self.lengths = lengths
        longTitles = Dictionary(zip(longKeys, longValues.map { Int($0) }), uniquingKeysWith: { a, _ in a })
        self.titled = titled
        self.titledBefore = titledBefore
        self.starts = starts
        self.lists = lists
        self.skipRanks = skipRanks
        self.skipStarts = skipStarts
        self.skipDocuments = skipDocuments
        self.skipOffsets = skipOffsets
        frozenDocuments = documents
    }
}
