/// Postings of every term: for each term, the sorted paragraph ids that contain it with their term
/// frequencies, and the word positions within each paragraph.
///
/// Layout: an immutable, compact ``FrozenPostings`` segment (all terms back to back in two byte arrays,
/// delta + varint coded, with a skip entry every ``FrozenPostings/blockSize`` postings) plus a small
/// growable tail for documents added since the last ``freeze()``. Each term's postings are the frozen
/// part followed by the tail part; paragraph ids only grow, so the concatenation stays sorted.
struct PostingStore: Sendable {
    private(set) var frozen = FrozenPostings()
    /// Tail postings and per-term scratch (copied on write).
    private(set) var tail = TailBuffers()
    /// Document frequency of each term over both parts (tombstoned paragraphs included).
    private(set) var documentFrequency: [UInt32] = []
    private(set) var tailBytes = 0
    private var touched: [Int32] = []

    var termCount: Int { documentFrequency.count }

    /// Makes the tail private to this value before mutation (copy-on-write).
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&tail) { tail = tail.copy() }
        tail.ensureTerms(termCount)
    }

    /// Makes room for term ids up to `count - 1`.
    mutating func ensureTerms(_ count: Int) {
        guard count > documentFrequency.count else { return }
        documentFrequency.append(contentsOf: repeatElement(0, count: count - documentFrequency.count))
        tail.ensureTerms(count)
    }

    /// Records term `t` at `position` in the paragraph being added. Positions must grow per term.
    /// Call ``makeUnique()`` first.
    @inline(__always)
    mutating func add(term t: Int32, position: Int32) {
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
        let tail = self.tail
        for t in touched {
            let i = Int(t)
            Self.appendPosting(delta: UInt32(paragraph - tail.lastParagraph[i]), tf: tail.currentTF[i]) { tail.appendVarint(2 * i, $0) }
            tailBytes += 2 + Int(tail.currentTF[i])
            tail.lastParagraph[i] = paragraph
            documentFrequency[i] += 1
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

    /// Moves the tail into a new compact frozen segment. `lengths` are the paragraph lengths; `title`
    /// gives, for a paragraph and a term, the term's occurrences in the title of the paragraph's
    /// document and that title's length (for the block bounds).
    mutating func freeze(lengths: [UInt16], title: (Int32, Int32) -> (tf: UInt32, length: Int)) {
        guard tailBytes > 0 || frozen.termCount < termCount else { return }
        makeUnique()
        frozen = FrozenPostings(merging: frozen, tail: tail, termCount: termCount, lengths: lengths, title: title)
        tail = TailBuffers()  // per-term scratch is re-created on the next addition
        documentFrequency = documentFrequency.withUnsafeBufferPointer { Array($0) }
        tailBytes = 0
    }

    /// Bytes held by postings (frozen segment, tail, per-term tables).
    var byteCount: Int { frozen.byteCount + documentFrequency.capacity * 4 + tail.byteCount }
}

/// The immutable compact postings segment. Byte buffers are allocated once and never mutated after
/// `init`, so sharing the object across threads is safe (`@unchecked Sendable`); cursors keep it alive.
final class FrozenPostings: @unchecked Sendable {
    static let blockSize = 128

    let docs: UnsafeMutableBufferPointer<UInt8>
    let positions: UnsafeMutableBufferPointer<UInt8>
    /// Per term (count + 1 entries): start of the term's bytes in ``docs`` / ``positions``.
    let docStart: [UInt32]
    let positionStart: [UInt32]
    /// Per term: number of postings and last paragraph id (-1 when none).
    let count: [UInt32]
    let last: [Int32]
    /// Per term (count + 1): start of its skip entries in ``skips`` (in entries of 3 words).
    let skipStart: [UInt32]
    /// Skip entries `(last paragraph of block, doc byte offset after block, position byte offset after block)`,
    /// offsets relative to the term's starts.
    let skips: UnsafeMutableBufferPointer<UInt32>
    /// Per skip entry (block of ``blockSize`` postings): statistics that bound the block's BM25
    /// scores, for skipping blocks that cannot reach the top hits.
    let blockBounds: UnsafeMutableBufferPointer<BlockBound>

    var termCount: Int { count.count }

    init() {
        docs = .allocate(capacity: 0)
        positions = .allocate(capacity: 0)
        docStart = [0]
        positionStart = [0]
        count = []
        last = []
        skipStart = [0]
        skips = .allocate(capacity: 0)
        blockBounds = .allocate(capacity: 0)
    }

    deinit {
        docs.deallocate()
        positions.deallocate()
        skips.deallocate()
        blockBounds.deallocate()
    }

    var byteCount: Int {
        docs.count + positions.count
            + (docStart.count + positionStart.count + count.count + last.count + skipStart.count + skips.count) * 4 + blockBounds.count * MemoryLayout<BlockBound>.stride
    }

    init(
        merging old: FrozenPostings, tail: TailBuffers, termCount: Int, lengths: [UInt16],
        title: (Int32, Int32) -> (tf: UInt32, length: Int)
    ) {
        var docTotal = old.docs.count
        var posTotal = old.positions.count
        for t in 0..<termCount {
            docTotal += tail.bytes(2 * t).count + 5  // the re-coded first delta may grow
            posTotal += tail.bytes(2 * t + 1).count
        }
        let newDocs = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: docTotal)
        let newPositions = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: posTotal)
        var docStart = [UInt32](repeating: 0, count: termCount + 1)
        var positionStart = [UInt32](repeating: 0, count: termCount + 1)
        var count = [UInt32](repeating: 0, count: termCount)
        var last = [Int32](repeating: -1, count: termCount)
        var skipStart = [UInt32](repeating: 0, count: termCount + 1)
        var skips: [UInt32] = []
        skips.reserveCapacity(old.skips.count + 64)
        var bounds: [BlockBound] = []
        bounds.reserveCapacity(old.blockBounds.count + 64)
        var d = 0
        var p = 0
        var scratch: [UInt8] = []
        for t in 0..<termCount {
            docStart[t] = UInt32(d)
            positionStart[t] = UInt32(p)
            skipStart[t] = UInt32(skips.count / 3)
            var n: UInt32 = 0
            var prev: Int32 = -1
            if t < old.termCount {
                let a = Int(old.docStart[t])
                let b = Int(old.docStart[t + 1])
                if b > a { _ = UnsafeMutableBufferPointer(rebasing: newDocs[d..<(d + b - a)]).initialize(from: old.docs[a..<b]) }
                d += b - a
                let pa = Int(old.positionStart[t])
                let pb = Int(old.positionStart[t + 1])
                if pb > pa {
                    _ = UnsafeMutableBufferPointer(rebasing: newPositions[p..<(p + pb - pa)]).initialize(from: old.positions[pa..<pb])
                }
                p += pb - pa
                let sa = Int(old.skipStart[t]) * 3
                let sb = Int(old.skipStart[t + 1]) * 3
                skips.append(contentsOf: old.skips[sa..<sb])
                bounds.append(contentsOf: old.blockBounds[(sa / 3)..<(sb / 3)])
                n = old.count[t]
                prev = old.last[t]
            }
            // A block begun in the old part has unknown statistics: make it unskippable.
            var block = n % UInt32(Self.blockSize) == 0 ? BlockBound.empty : BlockBound.unknown
            var titleParagraph: Int32 = -1
            var titleStats: (tf: UInt32, length: Int) = (0, 0)
            let td = tail.bytes(2 * t)
            let tp = tail.bytes(2 * t + 1)
            if !td.isEmpty {
                var i = 0
                var j = 0
                var tailPrev: Int32 = -1
                while i < td.count {
                    let code = Varint.read(td, &i)
                    let id = tailPrev + Int32(code >> 1)
                    tailPrev = id
                    let tf = code & 1 == 1 ? 1 : Varint.read(td, &i)
                    scratch.removeAll(keepingCapacity: true)
                    PostingStore.appendPosting(delta: UInt32(id - prev), tf: tf) { Varint.append($0, to: &scratch) }
                    for byte in scratch {
                        newDocs[d] = byte
                        d += 1
                    }
                    let j0 = j
                    var left = tf
                    while left > 0 {
                        if tp[j] < 0x80 { left -= 1 }
                        j += 1
                    }
                    for k in j0..<j {
                        newPositions[p] = tp[k]
                        p += 1
                    }
                    prev = id
                    n += 1
                    if id != titleParagraph {
                        titleParagraph = id
                        titleStats = title(id, Int32(t))
                    }
                    block.add(tf: tf, length: lengths[Int(id)], titleTF: titleStats.tf, titleLength: titleStats.length)
                    if n % UInt32(Self.blockSize) == 0 {
                        skips.append(UInt32(bitPattern: id))
                        skips.append(UInt32(d) - docStart[t])
                        skips.append(UInt32(p) - positionStart[t])
                        bounds.append(block)
                        block = .empty
                    }
                }
                tail.clear(2 * t)
                tail.clear(2 * t + 1)
            }
            count[t] = n
            last[t] = prev
        }
        docStart[termCount] = UInt32(d)
        positionStart[termCount] = UInt32(p)
        skipStart[termCount] = UInt32(skips.count / 3)
        // Trim to size.
        let docsExact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: d)
        _ = docsExact.initialize(from: newDocs[0..<d])
        newDocs.deallocate()
        self.docs = docsExact
        self.positions = newPositions
        self.docStart = docStart
        self.positionStart = positionStart
        self.count = count
        self.last = last
        self.skipStart = skipStart
        // Raw buffers (read without reference counting by cursors), without the spare capacity of growth.
        let skipBuffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: skips.count)
        _ = skipBuffer.initialize(from: skips)
        self.skips = skipBuffer
        let boundBuffer = UnsafeMutableBufferPointer<BlockBound>.allocate(capacity: bounds.count)
        _ = boundBuffer.initialize(from: bounds)
        self.blockBounds = boundBuffer
    }
}
