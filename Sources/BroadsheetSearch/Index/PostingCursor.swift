/// Iterates one term's postings in paragraph order, with skipping (`advance(to:)`) and lazy positions.
///
/// Positions are decoded only when asked for (phrases, proximity); otherwise the cursor only counts
/// how many position varints it passed and skips them in one scan when needed.
final class PostingCursor {
    static let exhausted = Int32.max

    private let frozen: FrozenPostings
    private let term: Int
    private var tail: UnsafeMutableBufferPointer<UInt8>?
    private var tailPositions: UnsafeMutableBufferPointer<UInt8>?

    private var d: UnsafePointer<UInt8>
    private var dEnd: UnsafePointer<UInt8>
    private var p: UnsafePointer<UInt8>
    private var pendingPositions = 0
    private var positionsRead = true
    private var prev: Int32 = -1
    private var inTail = false
    private var skipIndex: Int
    private let skipBase: Int
    private let skipEnd: Int
    /// Index of the current posting in the term's list (-1 before the first).
    private var ordinal = -1
    private let docBase: UnsafePointer<UInt8>
    private let positionBase: UnsafePointer<UInt8>

    /// The current paragraph (``exhausted`` at the end).
    private(set) var doc: Int32 = -1
    /// Term frequency in the current paragraph.
    private(set) var tf: Int32 = 0
    /// Number of postings.
    let count: Int

    init(frozen: FrozenPostings, term: Int, tailDocs: UnsafeBufferPointer<UInt8>, tailPositions: UnsafeBufferPointer<UInt8>, tailCount: Int) {
        self.frozen = frozen
        self.term = term
        let baseD = UnsafePointer(frozen.docs.baseAddress!)
        let baseP = UnsafePointer(frozen.positions.baseAddress!)
        if term < frozen.termCount {
            docBase = baseD + Int(frozen.docStart[term])
            dEnd = baseD + Int(frozen.docStart[term + 1])
            positionBase = baseP + Int(frozen.positionStart[term])
            skipIndex = Int(frozen.skipStart[term])
            skipBase = skipIndex
            skipEnd = Int(frozen.skipStart[term + 1])
            count = Int(frozen.count[term]) + tailCount
        } else {
            docBase = baseD
            dEnd = baseD
            positionBase = baseP
            skipIndex = 0
            skipBase = 0
            skipEnd = 0
            count = tailCount
        }
        d = docBase
        p = positionBase
        if !tailDocs.isEmpty {
            let a = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: tailDocs.count)
            _ = a.initialize(from: tailDocs)
            let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, tailPositions.count))
            _ = b.initialize(from: tailPositions)
            tail = a
            self.tailPositions = b
        }
    }

    deinit {
        tail?.deallocate()
        tailPositions?.deallocate()
    }

    /// Moves to the next posting; returns the new ``doc``.
    @discardableResult
    func next() -> Int32 {
        if !positionsRead { pendingPositions += Int(tf) }
        positionsRead = false
        if d == dEnd {
            guard !inTail, let t = tail, let tp = tailPositions else {
                doc = Self.exhausted
                positionsRead = true
                return doc
            }
            inTail = true
            d = UnsafePointer(t.baseAddress!)
            dEnd = d + t.count
            p = UnsafePointer(tp.baseAddress!)
            pendingPositions = 0
            prev = -1
            skipIndex = skipEnd
        }
        ordinal += 1
        let code = Varint.read(&d)
        prev &+= Int32(bitPattern: code >> 1)
        tf = code & 1 == 1 ? 1 : Int32(bitPattern: Varint.read(&d))
        doc = prev
        return doc
    }

    /// Moves to the first posting at or after `target`; returns the new ``doc``.
    @discardableResult
    func advance(to target: Int32) -> Int32 {
        if doc >= target { return doc }
        if target == Self.exhausted {
            doc = Self.exhausted
            positionsRead = true
            return doc
        }
        if !inTail && skipIndex < skipEnd {
            let skips = frozen.skips
            var k = skipIndex
            var jump = -1
            while k < skipEnd && Int32(bitPattern: skips[k * 3]) < target {
                jump = k
                k += 1
            }
            if jump >= 0 {
                prev = Int32(bitPattern: skips[jump * 3])
                d = docBase + Int(skips[jump * 3 + 1])
                p = positionBase + Int(skips[jump * 3 + 2])
                pendingPositions = 0
                positionsRead = true
                doc = prev
                skipIndex = jump + 1
                ordinal = (jump - skipBase + 1) * FrozenPostings.blockSize - 1
            }
        }
        // Scan the rest of the block with the cursor's state in locals (the same steps as `next()`).
        if doc < target && d != dEnd {
            var dd = d
            var current = prev
            var frequency = tf
            var position = ordinal
            var pending = pendingPositions
            var read = positionsRead
            let end = dEnd
            repeat {
                if !read { pending += Int(frequency) }
                read = false
                position += 1
                let code = Varint.read(&dd)
                current &+= Int32(bitPattern: code >> 1)
                frequency = code & 1 == 1 ? 1 : Int32(bitPattern: Varint.read(&dd))
            } while current < target && dd != end
            d = dd
            prev = current
            doc = current
            tf = frequency
            ordinal = position
            pendingPositions = pending
            positionsRead = read
        }
        while doc < target { next() }
        return doc
    }

    /// When the next posting starts a full block whose statistics satisfy `tooLow`, jumps over the
    /// whole block and returns true. Positions of skipped postings are not available afterwards (the
    /// cursor stands after the block).
    @inline(__always)
    func skipBlock(if tooLow: (BlockBound) -> Bool) -> Bool {
        let next = ordinal + 1
        guard !inTail, next % FrozenPostings.blockSize == 0 else { return false }
        let k = skipBase + next / FrozenPostings.blockSize
        guard k < skipEnd else { return false }
        guard tooLow(frozen.blockBounds[k]) else { return false }
        let skips = frozen.skips
        prev = Int32(bitPattern: skips[k * 3])
        d = docBase + Int(skips[k * 3 + 1])
        p = positionBase + Int(skips[k * 3 + 2])
        pendingPositions = 0
        positionsRead = true
        doc = prev
        skipIndex = max(skipIndex, k + 1)
        ordinal = next + FrozenPostings.blockSize - 1
        return true
    }

    /// Index into ``FrozenPostings/blockBounds`` of the full block holding the current posting, or -1
    /// when there is none (before the first posting, in the term's last partial block, in the tail).
    var currentBlock: Int {
        guard !inTail, ordinal >= 0 else { return -1 }
        let k = skipBase + ordinal / FrozenPostings.blockSize
        return k < skipEnd ? k : -1
    }

    /// Whether the current posting lies in a full block with no posting of a document whose title
    /// holds the term.
    var inUntitledBlock: Bool {
        let k = currentBlock
        return k >= 0 && frozen.blockBounds[k].titledMaxTF == 0
    }

    /// The statistics of block `k` (see ``FrozenPostings/blockBounds``).
    @inline(__always)
    func blockBound(_ k: Int) -> BlockBound { frozen.blockBounds[k] }

    /// Writes the current paragraph's positions (``tf`` of them) to `out`, which must have room, and
    /// returns how many were written (0 when they were already read).
    @inline(__always)
    func decodePositions(to out: UnsafeMutablePointer<Int32>) -> Int {
        guard !positionsRead else { return 0 }
        Varint.skip(pendingPositions, &p)
        pendingPositions = 0
        var pos: Int32 = 0
        let n = Int(tf)
        for k in 0..<n {
            pos &+= Int32(bitPattern: Varint.read(&p))
            out[k] = pos
        }
        positionsRead = true
        return n
    }

    /// Appends the current paragraph's positions to `out`.
    func positions(into out: inout [Int32]) {
        if positionsRead {
            // Already consumed: rewind is not supported, so positions are cached by callers.
            return
        }
        Varint.skip(pendingPositions, &p)
        pendingPositions = 0
        var pos: Int32 = 0
        for k in 0..<Int(tf) {
            let v = Int32(bitPattern: Varint.read(&p))
            pos = k == 0 ? v : pos + v
            out.append(pos)
        }
        positionsRead = true
    }
}
