/// Postings of every term: for each term, the sorted paragraph ids that contain it with their term
/// frequencies, and the word positions within each paragraph.
///
/// Layout: an immutable, compact ``FrozenPostings`` segment (all terms back to back, bit-packed in
/// blocks of ``FrozenPostings/blockSize`` postings with a skip entry per block) plus a small growable
/// varint tail for documents added since the last ``freeze()``. Each term's postings are the frozen
/// part followed by the tail part; paragraph ids only grow, so the concatenation stays sorted.
struct PostingStore: Sendable {
    private(set) var frozen = FrozenPostings()
    /// Tail postings and per-term scratch (copied on write).
    private(set) var tail = TailBuffers()
    /// Document frequency of each term over both parts (tombstoned paragraphs included).
    private(set) var documentFrequency: [UInt32] = []
    /// Per term: its postings in live units (``documentFrequency`` less those of tombstoned units),
    /// the exact total of a one-term search.
    private(set) var liveFrequency: [UInt32] = []
    private(set) var tailBytes = 0
    private var touched: [Int32] = []

    var termCount: Int { documentFrequency.count }

    /// Makes the tail private to this value before mutation (copy-on-write).
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&tail) { tail = tail.copy() }
        tail.ensureTerms(termCount)
    }

    /// Makes room for term ids up to `count - 1`. Call ``makeUnique()`` first.
    mutating func ensureTerms(_ count: Int) {
        guard count > documentFrequency.count else { return }
        assertUniqueTail()
        documentFrequency.append(contentsOf: repeatElement(0, count: count - documentFrequency.count))
        liveFrequency.append(contentsOf: repeatElement(0, count: count - liveFrequency.count))
        tail.ensureTerms(count)
    }

    /// Checks (in debug builds) the rule that makes ``TailBuffers``' `@unchecked Sendable` sound: the tail
    /// is written in place only while this value holds the only reference, i.e. after ``makeUnique()``.
    /// Otherwise a write would show through every copy of the store, on whatever thread holds one.
    @inline(__always)
    private mutating func assertUniqueTail() {
        assert(isKnownUniquelyReferenced(&tail), "PostingStore: call makeUnique() before adding postings")
    }

    /// Records term `t` at `position` in the paragraph being added. Positions must grow per term.
    /// Call ``makeUnique()`` first.
    @inline(__always)
    mutating func add(term t: Int32, position: Int32) {
        assertUniqueTail()
        let i = Int(t)
        let tail = self.tail
        if tail.currentTF[i] == 0 {
            touched.append(t)
            tail.appendVarint(2 * i + 1, UInt32(position))
        } else {
            guard position > tail.lastPosition[i] else { return }
            tail.appendVarint(2 * i + 1, UInt32(position - tail.lastPosition[i]))
        }
        tail.currentTF[i] += 1
        tail.lastPosition[i] = position
    }

    /// Closes the paragraph `paragraph`: writes one posting for every term added since the last call.
    mutating func endParagraph(_ paragraph: Int32) {
        assertUniqueTail()
        let tail = self.tail
        for t in touched {
            let i = Int(t)
            Self.appendPosting(delta: UInt32(paragraph - tail.lastParagraph[i]), tf: tail.currentTF[i]) { tail.appendVarint(2 * i, $0) }
            tailBytes += 2 + Int(tail.currentTF[i])
            tail.lastParagraph[i] = paragraph
            documentFrequency[i] += 1
            liveFrequency[i] += 1
            tail.currentTF[i] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Posting coding: `delta << 1 | 1` when tf is 1 (most postings), else `delta << 1` then tf.
    @inline(__always)
    static func appendPosting(delta: UInt32, tf: UInt32, _ write: (UInt32) -> Void) {
        if tf == 1 {
            write(delta << 1 | 1)
        } else {
            write(delta << 1)
            write(tf)
        }
    }

    /// Moves the tail into a new compact frozen segment. `lengthCodes` are the paragraphs' length codes
    /// (``BlockBound/code(length:)``); `title`
    /// gives, for a paragraph and a term, the term's occurrences in the title of the paragraph's
    /// document and that title's length (for the block bounds).
    mutating func freeze(lengthCodes: [UInt8], title: (Int32, Int32) -> (tf: UInt32, length: Int)) {
        guard tailBytes > 0 || frozen.termCount < termCount else { return }
        makeUnique()
        frozen = FrozenPostings(merging: frozen, tail: tail, termCount: termCount, lengthCodes: lengthCodes, title: title)
        tail = TailBuffers()  // per-term scratch is re-created on the next addition
        documentFrequency = documentFrequency.withUnsafeBufferPointer { Array($0) }
        liveFrequency = liveFrequency.withUnsafeBufferPointer { Array($0) }
        tailBytes = 0
    }

    /// Bytes held by postings (frozen segment, tail, per-term tables).
    var byteCount: Int { frozen.byteCount + (documentFrequency.capacity + liveFrequency.capacity) * 4 + tail.byteCount }

    /// Takes one posting of term `t` (in a unit being tombstoned) out of its live count.
    mutating func forgetPosting(term t: Int32) { liveFrequency[Int(t)] -= 1 }

    /// Bytes of the frozen segment that hold positions.
    var positionByteCount: Int { frozen.positions.count }
}

/// The immutable compact postings segment. Byte buffers are allocated once and never mutated after
/// `init`, so sharing the object across threads is safe (`@unchecked Sendable`); cursors keep it alive.
///
/// Each term's postings are blocks of ``blockSize`` postings and a last, shorter block, coded as
/// ``PostingBlock`` describes, back to back in ``docs`` and ``positions``. Each full block has a skip
/// entry: its last paragraph, where it ends in both streams, and the statistics that bound its scores.
final class FrozenPostings: @unchecked Sendable {
    static let blockSize = PostingBlock.size

    /// Paragraph bytes, then ``BitPacking/padding`` spare bytes.
    let docs: UnsafeMutableBufferPointer<UInt8>
    /// Position bytes, then ``BitPacking/padding`` spare bytes.
    let positions: UnsafeMutableBufferPointer<UInt8>
    /// Per term (count + 1 entries): start of the term's bytes in ``docs`` / ``positions``.
    let docStart: [UInt32]
    let positionStart: [UInt32]
    /// Per term: number of postings.
    let count: [UInt32]
    /// Per term (count + 1): index of its first full block in the block tables below.
    let skipStart: [UInt32]
    /// Per full block: its ``SkipEntry``.
    let skips: UnsafeMutableBufferPointer<SkipEntry>
    /// Per full block: statistics that bound the block's BM25 scores, for skipping blocks that cannot
    /// reach the top hits.
    let blockBounds: UnsafeMutableBufferPointer<BlockBound>

    var termCount: Int { count.count }

    init() {
        docs = Self.padded([])
        positions = Self.padded([])
        docStart = [0]
        positionStart = [0]
        count = []
        skipStart = [0]
        skips = .allocate(capacity: 0)
        blockBounds = .allocate(capacity: 0)
    }

    deinit {
        HugePages.deallocate(docs)
        HugePages.deallocate(positions)
        HugePages.deallocate(skips)
        HugePages.deallocate(blockBounds)
    }

    var byteCount: Int {
        docs.count + positions.count + (docStart.count + positionStart.count + count.count + skipStart.count) * 4
            + skips.count * MemoryLayout<SkipEntry>.stride + blockBounds.count * MemoryLayout<BlockBound>.stride
    }

    /// `bytes` copied into an exactly sized buffer with the padding that bit-packed readers need.
    private static func padded(_ bytes: [UInt8]) -> UnsafeMutableBufferPointer<UInt8> {
        bytes.withUnsafeBytes { padded($0) }
    }

    /// `bytes` copied into an exactly sized buffer with the padding that bit-packed readers need.
    static func padded(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableBufferPointer<UInt8> {
        let buffer = HugePages.allocate(UInt8.self, capacity: bytes.count + BitPacking.padding)
        if !bytes.isEmpty { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes) }
        (buffer.baseAddress! + bytes.count).initialize(repeating: 0, count: BitPacking.padding)
        return buffer
    }

    /// A segment of the given tables (which it then owns).
    init(
        docs: UnsafeMutableBufferPointer<UInt8>, positions: UnsafeMutableBufferPointer<UInt8>, docStart: [UInt32], positionStart: [UInt32],
        count: [UInt32], skipStart: [UInt32], skips: UnsafeMutableBufferPointer<SkipEntry>, blockBounds: UnsafeMutableBufferPointer<BlockBound>
    ) {
        self.docs = docs
        self.positions = positions
        self.docStart = docStart
        self.positionStart = positionStart
        self.count = count
        self.skipStart = skipStart
        self.skips = skips
        self.blockBounds = blockBounds
    }

    private static func exact<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = HugePages.allocate(T.self, capacity: values.count)
        _ = buffer.initialize(from: values)
        return buffer
    }

    /// The segment holding `old`'s postings followed by `tail`'s. Full blocks of `old` are copied as
    /// they are; each term's last short block is decoded and re-coded with the new postings.
    /// `lengthCodes` and `title` give the statistics of the new full blocks.
    init(
        merging old: FrozenPostings, tail: TailBuffers, termCount: Int, lengthCodes: [UInt8],
        title: (Int32, Int32) -> (tf: UInt32, length: Int)
    ) {
        var tailDocBytes = 0
        var tailPositionBytes = 0
        for t in 0..<termCount {
            tailDocBytes += tail.bytes(2 * t).count
            tailPositionBytes += tail.bytes(2 * t + 1).count
        }
        var docs: [UInt8] = []
        docs.reserveCapacity(old.docs.count + tailDocBytes)
        var positions: [UInt8] = []
        positions.reserveCapacity(old.positions.count + tailPositionBytes)
        var docStart = [UInt32](repeating: 0, count: termCount + 1)
        var positionStart = [UInt32](repeating: 0, count: termCount + 1)
        var count = [UInt32](repeating: 0, count: termCount)
        var skipStart = [UInt32](repeating: 0, count: termCount + 1)
        var skips: [SkipEntry] = []
        var bounds: [BlockBound] = []
        skips.reserveCapacity(old.skips.count + tailDocBytes / 200)
        // The postings of one term still to be coded: the old short block, then the tail's.
        var pending = PendingPostings()
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * PostingBlock.size)
        defer { scratch.deallocate() }
        for t in 0..<termCount {
            docStart[t] = UInt32(docs.count)
            positionStart[t] = UInt32(positions.count)
            skipStart[t] = UInt32(skips.count)
            pending.removeAll()
            var coded = 0
            var previous: Int32 = -1
            let tailDocs = tail.bytes(2 * t)
            if t < old.termCount {
                let oldCount = Int(old.count[t])
                let full = oldCount / PostingBlock.size
                let first = Int(old.skipStart[t])
                // Without new postings the short last block is copied as it is, like the full ones.
                let docEnd = tailDocs.isEmpty ? Int(old.docStart[t + 1] - old.docStart[t]) : full > 0 ? Int(old.skips[first + full - 1].docEnd) : 0
                let positionEnd =
                    tailDocs.isEmpty
                    ? Int(old.positionStart[t + 1] - old.positionStart[t]) : full > 0 ? Int(old.skips[first + full - 1].positionEnd) : 0
                let oldDocs = old.docs.baseAddress! + Int(old.docStart[t])
                let oldPositions = old.positions.baseAddress! + Int(old.positionStart[t])
                docs.append(contentsOf: UnsafeBufferPointer(start: oldDocs, count: docEnd))
                positions.append(contentsOf: UnsafeBufferPointer(start: oldPositions, count: positionEnd))
                skips.append(contentsOf: old.skips[first..<(first + full)])
                bounds.append(contentsOf: old.blockBounds[first..<(first + full)])
                coded = tailDocs.isEmpty ? oldCount : full * PostingBlock.size
                previous = full > 0 ? old.skips[first + full - 1].last : -1
                if oldCount > coded {
                    pending.appendBlock(count: oldCount - coded, docs: oldDocs + docEnd, positions: oldPositions + positionEnd, after: previous)
                }
            }
            pending.appendTail(docs: tailDocs, positions: tail.bytes(2 * t + 1))
            tail.clear(2 * t)
            tail.clear(2 * t + 1)
            var s = 0
            var p = 0
            while s < pending.paragraphs.count {
                let m = min(PostingBlock.size, pending.paragraphs.count - s)
                var positionCount = 0
                for k in s..<(s + m) { positionCount += Int(pending.tfs[k]) }
                pending.paragraphs.withUnsafeBufferPointer { ps in
                    pending.tfs.withUnsafeBufferPointer { tfs in
                        pending.positions.withUnsafeBufferPointer { pos in
                            PostingBlock.encode(
                                paragraphs: UnsafeBufferPointer(rebasing: ps[s..<(s + m)]), after: previous,
                                tfs: UnsafeBufferPointer(rebasing: tfs[s..<(s + m)]),
                                positions: UnsafeBufferPointer(rebasing: pos[p..<(p + positionCount)]),
                                paragraphBytes: &docs, positionBytes: &positions, scratch: scratch)
                        }
                    }
                }
                if m == PostingBlock.size {
                    var bound = BlockBound.empty
                    var titleParagraph: Int32 = -1
                    var titleStats: (tf: UInt32, length: Int) = (0, 0)
                    for k in s..<(s + m) {
                        let id = pending.paragraphs[k]
                        if id != titleParagraph {
                            titleParagraph = id
                            titleStats = title(id, Int32(t))
                        }
                        bound.add(tf: pending.tfs[k], lengthCode: lengthCodes[Int(id)], titleTF: titleStats.tf, titleLength: titleStats.length)
                    }
                    skips.append(
                        SkipEntry(
                            last: pending.paragraphs[s + m - 1], docEnd: UInt32(docs.count) - docStart[t],
                            positionEnd: UInt32(positions.count) - positionStart[t]))
                    bounds.append(bound)
                }
                previous = pending.paragraphs[s + m - 1]
                s += m
                p += positionCount
            }
            count[t] = UInt32(coded + pending.paragraphs.count)
        }
        docStart[termCount] = UInt32(docs.count)
        positionStart[termCount] = UInt32(positions.count)
        skipStart[termCount] = UInt32(skips.count)
        self.docs = Self.padded(docs)
        self.positions = Self.padded(positions)
        self.docStart = docStart
        self.positionStart = positionStart
        self.count = count
        self.skipStart = skipStart
        self.skips = Self.exact(skips)
        self.blockBounds = Self.exact(bounds)
    }
}

/// A full block's skip entry: its last paragraph, and the offsets (from its term's starts) where it
/// ends in ``FrozenPostings/docs`` and in ``FrozenPostings/positions``. The three are kept together
/// so that a cursor moving to a block finds where it starts, and where the block before it ends, in
/// one cache line rather than three tables.
struct SkipEntry {
    var last: Int32
    var docEnd: UInt32
    var positionEnd: UInt32
}

/// One term's postings decoded for re-coding: paragraphs, term frequencies, and positions coded as in
/// ``PostingBlock`` (the first of each paragraph as it is, then gaps).
private struct PendingPostings {
    var paragraphs: [Int32] = []
    var tfs: [UInt32] = []
    var positions: [UInt32] = []
    private var buffer = [UInt32](repeating: 0, count: 2 * PostingBlock.size)

    mutating func removeAll() {
        paragraphs.removeAll(keepingCapacity: true)
        tfs.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }

    /// Appends a coded block of `count` postings.
    mutating func appendBlock(count n: Int, docs: UnsafePointer<UInt8>, positions bytes: UnsafePointer<UInt8>, after previous: Int32) {
        var total = 0
        buffer.withUnsafeMutableBufferPointer { b in
            let frequencies = PostingBlock.decodeParagraphs(count: n, from: docs, after: previous, to: b.baseAddress!)
            PostingBlock.decodeFrequencies(count: n, from: frequencies, to: b.baseAddress! + PostingBlock.size)
            for k in 0..<n {
                paragraphs.append(Int32(bitPattern: b[k]))
                tfs.append(b[PostingBlock.size + k])
                total += Int(b[PostingBlock.size + k])
            }
        }
        let start = positions.count
        positions.append(contentsOf: repeatElement(0, count: total))
        positions.withUnsafeMutableBufferPointer { PatchedPacking.Reader(count: total, at: bytes).unpack(to: $0.baseAddress! + start) }
    }

    /// Appends the postings of a term's tail vectors (see ``TailBuffers``).
    mutating func appendTail(docs: UnsafeBufferPointer<UInt8>, positions bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        var j = 0
        var previous: Int32 = -1
        while i < docs.count {
            let code = Varint.read(docs, &i)
            let id = previous + Int32(code >> 1)
            previous = id
            let tf = code & 1 == 1 ? 1 : Varint.read(docs, &i)
            paragraphs.append(id)
            tfs.append(tf)
            for _ in 0..<tf { positions.append(Varint.read(bytes, &j)) }
        }
    }
}

// MARK: - Saving and opening (see ``SearchIndex/write(to:)``)

extension PostingStore {
    /// Sections, of a store without a tail (``freeze(lengthCodes:title:)`` first): document frequencies
    /// and live frequencies (`UInt32`), then the frozen segment's (see ``FrozenPostings/save(to:)``).
    func save(to w: inout IndexFileWriter) {
        precondition(tailBytes == 0 && frozen.termCount == termCount, "postings are frozen before saving")
        w.append(documentFrequency)
        w.append(liveFrequency)
        frozen.save(to: &w)
    }

    /// The postings saved by ``save(to:)`` for `terms` terms over `units` units, checked (see
    /// ``FrozenPostings/init(restoring:terms:units:)``); each term's count must be its frequency.
    init(restoring r: inout IndexFileReader, terms: Int, units: Int) throws(SearchIndexFileError) {
        let frequency: [UInt32] = try r.array("document frequencies", count: terms)
        let live: [UInt32] = try r.array("live frequencies", count: terms)
        let frozen = try FrozenPostings(restoring: &r, terms: terms, units: units)
        for t in 0..<terms where frozen.count[t] != frequency[t] || live[t] > frequency[t] {
            throw .corrupt("term \(t): \(frozen.count[t]) postings, frequency \(frequency[t]), live \(live[t])")
        }
        self.init()
        self.frozen = frozen
        documentFrequency = frequency
        liveFrequency = live
    }
}

extension FrozenPostings {
    /// Sections: paragraph bytes and position bytes (`UInt8`, without the padding), their per-term
    /// starts (`UInt32`, count + 1), per-term counts (`UInt32`), per-term first skip entries (`UInt32`,
    /// count + 1), skip entries (``SkipEntry``, 12 bytes: last unit, paragraph end, position end) and
    /// block bounds (``BlockBound``, 8 bytes).
    func save(to w: inout IndexFileWriter) {
        w.append(UnsafeBufferPointer(rebasing: docs[0..<(docs.count - BitPacking.padding)]))
        w.append(UnsafeBufferPointer(rebasing: positions[0..<(positions.count - BitPacking.padding)]))
        w.append(docStart)
        w.append(positionStart)
        w.append(count)
        w.append(skipStart)
        w.append(UnsafeBufferPointer(skips))
        w.append(UnsafeBufferPointer(blockBounds))
    }

    /// The segment saved by ``save(to:)``, checked: starts grow and span the bytes; each term has one
    /// skip entry per full block; its skip entries' last units grow and stay below `units`, and their
    /// ends grow and stay inside the term's bytes.
    convenience init(restoring r: inout IndexFileReader, terms: Int, units: Int) throws(SearchIndexFileError) {
        let docBytes = try r.section("posting bytes", elementSize: 1)
        let positionBytes = try r.section("position bytes", elementSize: 1)
        let docStart: [UInt32] = try r.array("posting starts")
        let positionStart: [UInt32] = try r.array("position starts")
        let count: [UInt32] = try r.array("posting counts", count: terms)
        let skipStart: [UInt32] = try r.array("skip starts")
        let skipBytes = try r.section("skip entries", elementSize: MemoryLayout<SkipEntry>.stride)
        let boundBytes = try r.section("block bounds", elementSize: MemoryLayout<BlockBound>.stride)
        try IndexFileCheck.offsets(docStart, count: terms, end: docBytes.count, "posting starts")
        try IndexFileCheck.offsets(positionStart, count: terms, end: positionBytes.count, "position starts")
        let skipCount = skipBytes.count / MemoryLayout<SkipEntry>.stride
        try IndexFileCheck.offsets(skipStart, count: terms, end: skipCount, "skip starts")
        try IndexFileCheck.require(boundBytes.count / MemoryLayout<BlockBound>.stride == skipCount, "block bounds: one per skip entry")
        let skips = HugePages.allocate(SkipEntry.self, capacity: skipCount)
        if skipCount > 0 { UnsafeMutableRawBufferPointer(skips).copyMemory(from: skipBytes) }
        let bounds = HugePages.allocate(BlockBound.self, capacity: skipCount)
        if skipCount > 0 { UnsafeMutableRawBufferPointer(bounds).copyMemory(from: boundBytes) }
        var valid: SearchIndexFileError? = nil
        for t in 0..<terms where valid == nil {
            let first = Int(skipStart[t])
            let full = Int(skipStart[t + 1]) - first
            if full != Int(count[t]) / PostingBlock.size || Int(count[t]) > units {
                valid = .corrupt("term \(t): \(full) skip entries for \(count[t]) postings")
                break
            }
            let docLength = docStart[t + 1] - docStart[t]
            let positionLength = positionStart[t + 1] - positionStart[t]
            var last: Int32 = -1
            var docEnd: UInt32 = 0
            var positionEnd: UInt32 = 0
            for k in first..<(first + full) {
                let s = skips[k]
                if s.last <= last || Int(s.last) >= units || s.docEnd < docEnd || s.docEnd > docLength || s.positionEnd < positionEnd
                    || s.positionEnd > positionLength
                {
                    valid = .corrupt("term \(t): skip entry \(k - first) out of order or outside the term")
                    break
                }
                (last, docEnd, positionEnd) = (s.last, s.docEnd, s.positionEnd)
            }
        }
        if let valid {
            HugePages.deallocate(skips)
            HugePages.deallocate(bounds)
            throw valid
        }
        self.init(
            docs: Self.padded(docBytes), positions: Self.padded(positionBytes), docStart: docStart, positionStart: positionStart,
            count: count, skipStart: skipStart, skips: skips, blockBounds: bounds)
    }
}
