import CPrefetch

/// Iterates one term's postings in paragraph order, with skipping (`advance(to:)`, `skipBlock(if:)`)
/// and positions on demand.
///
/// The cursor decodes one block at a time (see ``PostingBlock``) into buffers it owns: paragraphs a
/// chunk of 32 at a time, only the chunks it stops in (a jump passes the others by their coded
/// ends), term frequencies when first asked for (a cursor that only skips, such as a phrase's common
/// word, never needs them), a posting's positions only when asked for (phrases, proximity), straight
/// from the packed bits. Full blocks it jumps over are never decoded. Postings of the store's varint
/// tail are read in chunks of the same size after the frozen blocks.
final class PostingCursor {
    static let exhausted = Int32.max

    private let frozen: FrozenPostings
    private let docBase: UnsafePointer<UInt8>
    private let positionBase: UnsafePointer<UInt8>
    /// Index of the term's first full block in the frozen block tables.
    private let skipBase: Int
    private let fullBlocks: Int
    /// Full blocks plus the short last one, if any.
    private let frozenBlocks: Int
    private let frozenCount: Int

    /// Copies of the tail vectors (the store may change after the cursor is made), and where the next
    /// tail chunk starts.
    private var tailDocs: UnsafeMutableBufferPointer<UInt8>?
    private var tailPositions: UnsafeMutableBufferPointer<UInt8>?
    private var tailDocOffset = 0
    private var tailPositionOffset = 0
    private var tailPrevious: Int32 = -1

    /// The current block: its index (frozen blocks first, then tail chunks; −1 before the first), its
    /// postings' paragraphs and term frequencies, how many, and the current posting's index in it.
    private var block = -1
    private let blockDocs: UnsafeMutablePointer<UInt32>
    private let blockTFs: UnsafeMutablePointer<UInt32>
    private var blockCount = 0
    private var index = 0
    /// Where the block's coded term frequencies start, until they are decoded into ``blockTFs``.
    private var frequencyBytes: UnsafePointer<UInt8>?
    /// The block's last paragraph (known from the skip entry before its postings are decoded).
    private var blockLastDoc: Int32 = -1
    /// Paragraphs of a full block decoded so far, and what the next chunk needs: the coded gaps, the
    /// paragraph before the chunk, and the next exception of the gaps and its index.
    private var decoded = 0
    /// A full block's chunk ends (see ``PostingBlock/chunkEnd(_:at:)``) and the paragraph before it.
    private var chunkEnds: UnsafePointer<UInt8>
    private var blockPrevious: UInt32 = 0
    private var gaps: PatchedPacking.Reader
    private var runningParagraph: UInt32 = 0
    private var nextException = 0
    private var nextExceptionIndex = Int.max
    /// A full block whose gaps are a bitmap (see ``PostingBlock/bitmapFlag``): its words (after the
    /// head byte), else nil. In such a block the postings decoded are those from a jump's target on:
    /// `blockDocs[0 ..< decoded]` may hold unset entries before the current posting.
    private var bitmap: UnsafePointer<UInt8>?
    /// Where each posting's positions start among the block's: in tail chunks, and in frozen blocks
    /// once their positions are decoded all at once (before, a start is a sum of frequencies).
    private let positionStarts: UnsafeMutablePointer<Int32>
    private var positionStartsReady = false
    /// Whether ``positionReader`` reads the current frozen block's positions (or the block is a tail
    /// chunk, which needs none).
    private var positionReaderReady = false
    /// Where the block's coded positions start (frozen blocks), read through `positionReader` once
    /// their number is known; or the block's decoded positions (tail chunks).
    private var packedPositions: UnsafePointer<UInt8>
    private var positionReader: PatchedPacking.Reader
    /// The current block's positions once decoded (gaps within each posting).
    ///
    /// `@exclusivity(unchecked)` drops the run-time exclusivity check on each access of this array in the
    /// position loops. It is sound because no two accesses can overlap: the cursor is not `Sendable`, so
    /// one thread at a time uses it (the compiler checks that), and every access is in this class's own
    /// methods, none of which calls out, while an access is open, to code that could reach the cursor
    /// again (the closures given to `withUnsafe(Mutable)BufferPointer` only unpack or sum into other storage).
    @exclusivity(unchecked) private var decodedPositions: [UInt32] = []
    /// Whether ``decodedPositions`` holds the current block's positions (always in a tail chunk; in a
    /// frozen block once enough of its postings asked for theirs, see ``positionLookups``).
    private var positionsDecoded = false
    private var inTail = false
    /// Postings of the current frozen block whose positions were read straight from the packed bits;
    /// past ``bulkPositionLookups`` the block's positions are decoded all at once.
    private var positionLookups = 0
    private static let bulkPositionLookups = 2

    /// The current paragraph (``exhausted`` at the end).
    private(set) var doc: Int32 = -1
    /// Term frequency in the current paragraph (0 when the cursor stands on no posting).
    var tf: Int32 {
        @inline(__always) get {
            guard index < blockCount else { return 0 }
            if let bytes = frequencyBytes {
                if let sparse = sparseFrequency(bytes) { return Int32(sparse.tf) }
                decodeFrequencies(bytes)
            }
            return Int32(bitPattern: blockTFs[index])
        }
    }

    /// Look-ups answered by ``sparseFrequency(_:)`` in the current block.
    private var sparseLookups = 0

    /// When every tf of the block is 1 but a few (coded as exceptions to a width of 0): the current
    /// posting's tf, the index of its first position among the block's and the block's number of
    /// positions, read from the exceptions alone. A cursor that only visits a few postings of a
    /// block (a phrase's common word) then never decodes the block's frequencies; after a few
    /// look-ups the block is decoded after all.
    @inline(__always)
    private func sparseFrequency(_ bytes: UnsafePointer<UInt8>) -> (tf: Int, start: Int, total: Int)? {
        guard sparseLookups < 8 else { return nil }
        let frequencies = PatchedPacking.Reader(count: blockCount, at: bytes)
        guard frequencies.width == 0, frequencies.exceptions <= 16 else { return nil }
        sparseLookups += 1
        var before = 0
        var extra = 0
        var total = blockCount
        for j in 0..<frequencies.exceptions {
            let i = frequencies.exceptionIndex(j)
            let more = Int(frequencies.exceptionHigh(j))
            total += more
            if i < index { before += more } else if i == index { extra = more }
        }
        return (1 + extra, index + before, total)
    }

    private func decodeFrequencies(_ bytes: UnsafePointer<UInt8>) {
        PostingBlock.decodeFrequencies(count: blockCount, from: bytes, to: blockTFs)
        frequencyBytes = nil
    }
    /// Number of postings.
    let count: Int

    init(frozen: FrozenPostings, term: Int, tailDocs: UnsafeBufferPointer<UInt8>, tailPositions: UnsafeBufferPointer<UInt8>, tailCount: Int) {
        self.frozen = frozen
        let baseD = UnsafePointer(frozen.docs.baseAddress!)
        let baseP = UnsafePointer(frozen.positions.baseAddress!)
        if term < frozen.termCount {
            docBase = baseD + Int(frozen.docStart[term])
            positionBase = baseP + Int(frozen.positionStart[term])
            skipBase = Int(frozen.skipStart[term])
            frozenCount = Int(frozen.count[term])
        } else {
            docBase = baseD
            positionBase = baseP
            skipBase = 0
            frozenCount = 0
        }
        fullBlocks = frozenCount / PostingBlock.size
        frozenBlocks = (frozenCount + PostingBlock.size - 1) / PostingBlock.size
        count = frozenCount + tailCount
        packedPositions = positionBase
        positionReader = PatchedPacking.Reader(count: 0, at: positionBase)
        gaps = PatchedPacking.Reader(count: 0, at: docBase)
        chunkEnds = docBase
        blockDocs = .allocate(capacity: 2 * PostingBlock.size)
        blockTFs = blockDocs + PostingBlock.size
        positionStarts = .allocate(capacity: PostingBlock.size)
        if !tailDocs.isEmpty {
            let a = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: tailDocs.count)
            _ = a.initialize(from: tailDocs)
            let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, tailPositions.count))
            _ = b.initialize(from: tailPositions)
            self.tailDocs = a
            self.tailPositions = b
        }
    }

    deinit {
        blockDocs.deallocate()
        positionStarts.deallocate()
        tailDocs?.deallocate()
        tailPositions?.deallocate()
    }

    /// Moves to the next posting; returns the new ``doc``.
    @discardableResult
    @inline(__always)
    func next() -> Int32 {
        index &+= 1
        if index < decoded {
            doc = Int32(bitPattern: blockDocs[index])
            return doc
        }
        if index < blockCount {
            decodeChunk()
            doc = Int32(bitPattern: blockDocs[index])
            return doc
        }
        return enterNextBlock()
    }

    /// Loads the block after the current one and moves to its first posting (or to the end).
    private func enterNextBlock() -> Int32 {
        guard doc != Self.exhausted, loadNextBlock() else { return doc }
        if decoded == 0 { decodeChunk() }
        doc = Int32(bitPattern: blockDocs[0])
        return doc
    }

    /// Loads the block after the current one without decoding its paragraphs, before its first
    /// posting; false (the cursor at the end) when there is none.
    private func loadNextBlock() -> Bool {
        let k = block + 1
        if k < frozenBlocks {
            loadFrozenBlock(k)
        } else if !loadTailChunk() {
            _ = finish()
            return false
        }
        block = k
        index = 0
        return true
    }

    private func finish() -> Int32 {
        doc = Self.exhausted
        blockCount = 0
        decoded = 0
        index = 0
        return doc
    }

    /// Cache lines of a block's positions loaded ahead when the block is (see ``loadFrozenBlock(_:)``).
    private static let prefetchedPositionLines = 4

    /// Decodes frozen block `k` of the term.
    private func loadFrozenBlock(_ k: Int) {
        let before = k == 0 ? SkipEntry(last: -1, docEnd: 0, positionEnd: 0) : frozen.skips[skipBase + k - 1]
        let docOffset = Int(before.docEnd)
        let positionOffset = Int(before.positionEnd)
        let previous = before.last
        // The block's bytes lie far from the last block's when a cursor jumps (a phrase's common word,
        // a conjunction's): start loading its second line of paragraph bytes and the first lines of
        // its positions (another array) now, while its first line is read and decoded.
        broadsheet_prefetch(docBase + docOffset + 64)
        prefetchPositions(at: positionOffset)
        let n = k < fullBlocks ? PostingBlock.size : frozenCount - fullBlocks * PostingBlock.size
        blockCount = n
        if n == PostingBlock.size {
            chunkEnds = docBase + docOffset
            let gapBytes = chunkEnds + PostingBlock.chunkEndBytes
            let words = PostingBlock.bitmapWords(at: gapBytes)
            if words > 0 {
                bitmap = gapBytes + 1
                frequencyBytes = gapBytes + 1 + 8 * words
                nextExceptionIndex = Int.max
            } else {
                bitmap = nil
                gaps = PatchedPacking.Reader(count: n, at: gapBytes)
                frequencyBytes = gaps.end
                nextGapException(0)
            }
            decoded = 0
            blockPrevious = UInt32(bitPattern: previous)
            runningParagraph = blockPrevious
            blockLastDoc = frozen.skips[skipBase + k].last
        } else {
            bitmap = nil
            frequencyBytes = PostingBlock.decodeParagraphs(count: n, from: docBase + docOffset, after: previous, to: blockDocs)
            decoded = n
            blockLastDoc = Int32(bitPattern: blockDocs[n - 1])
        }
        inTail = false
        packedPositions = positionBase + positionOffset
        positionStartsReady = false
        positionReaderReady = false
        positionsDecoded = false
        positionLookups = 0
        sparseLookups = 0
    }

    /// Decodes the next chunk of tail postings, with their positions; false when none is left.
    private func loadTailChunk() -> Bool {
        guard let docs = tailDocs, let positions = tailPositions, tailDocOffset < docs.count else { return false }
        let source = UnsafeBufferPointer(docs)
        let positionSource = UnsafeBufferPointer(positions)
        var n = 0
        var total: Int32 = 0
        decodedPositions.removeAll(keepingCapacity: true)
        while n < PostingBlock.size && tailDocOffset < source.count {
            let code = Varint.read(source, &tailDocOffset)
            tailPrevious += Int32(code >> 1)
            let frequency = code & 1 == 1 ? 1 : Varint.read(source, &tailDocOffset)
            blockDocs[n] = UInt32(bitPattern: tailPrevious)
            blockTFs[n] = frequency
            positionStarts[n] = total
            total += Int32(frequency)
            for _ in 0..<frequency { decodedPositions.append(Varint.read(positionSource, &tailPositionOffset)) }
            n += 1
        }
        inTail = true
        bitmap = nil
        positionsDecoded = true
        positionReaderReady = true
        frequencyBytes = nil
        blockCount = n
        decoded = n
        blockLastDoc = tailPrevious
        positionStartsReady = true
        return true
    }

    /// Makes exception `j` of the full block's gaps the next one (its index ``Int/max`` past the last).
    @inline(__always)
    private func nextGapException(_ j: Int) {
        nextException = j
        nextExceptionIndex = j < gaps.exceptions ? gaps.exceptionIndexInBlock(j) : Int.max
    }

    /// Decodes the next 32 paragraphs of the current full block (in a bitmap block, up to 32 from
    /// ``decoded`` on).
    private func decodeChunk() {
        if let bits = bitmap {
            decodeBitmap(bits)
            return
        }
        let start = decoded
        let out = blockDocs + start
        gaps.unpackVerticalChunk(start / 32, to: out)
        while nextExceptionIndex < start &+ 32 {
            out[nextExceptionIndex &- start] |= gaps.exceptionHigh(nextException)
            nextGapException(nextException &+ 1)
        }
        runningParagraph = VerticalPacking.runningSums32(out, after: runningParagraph)
        decoded = start + 32
    }

    /// ``decodeChunk()`` in a bitmap block: the set bits after the last decoded paragraph's.
    private func decodeBitmap(_ bits: UnsafePointer<UInt8>) {
        let end = min(decoded + PostingBlock.chunkSize, blockCount)
        // Paragraph p is bit p − previous − 1: the next bit to look at is the last paragraph's + 1.
        let bit = decoded == 0 ? 0 : Int(blockDocs[decoded - 1] &- blockPrevious)
        var w = bit >> 6
        var word = PostingBlock.bitmapWord(w, at: bits) & (~UInt64(0) << UInt64(bit & 63))
        var k = decoded
        while k < end {
            while word == 0 {
                w += 1
                word = PostingBlock.bitmapWord(w, at: bits)
            }
            blockDocs[k] = blockPrevious &+ UInt32(w << 6 | word.trailingZeroBitCount) &+ 1
            word &= word &- 1
            k += 1
        }
        decoded = end
    }

    /// ``scanBlock(from:to:)`` in a bitmap block: a scan of the decoded postings when they reach the
    /// target, else the target's bit (or the next set one) and its rank, without decoding the
    /// postings between.
    @inline(__always)
    private func scanBitmap(_ bits: UnsafePointer<UInt8>, from start: Int, to target: Int32) -> Int32 {
        if start < decoded && Int32(bitPattern: blockDocs[decoded - 1]) >= target {
            var i = start
            while Int32(bitPattern: blockDocs[i]) < target { i &+= 1 }
            index = i
            doc = Int32(bitPattern: blockDocs[i])
            return doc
        }
        let bit = max(0, Int(target) - Int(Int32(bitPattern: blockPrevious)) - 1)
        var w = bit >> 6
        var word = PostingBlock.bitmapWord(w, at: bits) & (~UInt64(0) << UInt64(bit & 63))
        while word == 0 {
            w += 1
            word = PostingBlock.bitmapWord(w, at: bits)
        }
        let found = w << 6 | word.trailingZeroBitCount
        var rank = 0
        for v in 0..<w { rank &+= PostingBlock.bitmapWord(v, at: bits).nonzeroBitCount }
        rank &+= (PostingBlock.bitmapWord(w, at: bits) & ((UInt64(1) << UInt64(found & 63)) &- 1)).nonzeroBitCount
        let paragraph = blockPrevious &+ UInt32(found) &+ 1
        blockDocs[rank] = paragraph
        decoded = rank + 1
        index = rank
        doc = Int32(bitPattern: paragraph)
        return doc
    }

    /// The postings decoded ahead of the cursor: the current block's paragraphs `docs[current ..< end]`,
    /// the current posting first (empty when the cursor stands on none). A caller may scan them and
    /// then ``settle(at:)`` on one.
    @inline(__always)
    var decodedWindow: (docs: UnsafePointer<UInt32>, current: Int, end: Int) {
        (UnsafePointer(blockDocs), index, index < decoded ? decoded : index)
    }

    /// Moves to decoded posting `i` of ``decodedWindow`` (from its `current` on, below its `end`).
    @inline(__always)
    func settle(at i: Int) {
        index = i
        doc = Int32(bitPattern: blockDocs[i])
    }

    /// Whether `second` is close enough in frequency to `lead` (the rarer) for
    /// ``mergeDecoded(_:_:)``: a merge reads every decoded posting of `second`, a leap-frog only
    /// those it lands on.
    static func shouldMerge(_ lead: PostingCursor, _ second: PostingCursor) -> Bool { second.count <= 8 * lead.count }

    /// Moves `lead` and `second` through the postings both have decoded, by a branch-free merge, until
    /// they stand on the same paragraph or one runs out of decoded postings; returns `lead`'s
    /// paragraph. Two common words leap-frogging one posting at a time mispredict a branch or two
    /// per posting; the merge one per match.
    @inline(__always)
    static func mergeDecoded(_ lead: PostingCursor, _ second: PostingCursor) -> Int32 {
        let a = lead.decodedWindow
        let b = second.decodedWindow
        var i = a.current
        var j = b.current
        guard i < a.end && j < b.end else { return lead.doc }
        while true {
            let x = a.docs[i]
            let y = b.docs[j]
            if x == y { break }
            let ni = x < y ? i &+ 1 : i
            let nj = y < x ? j &+ 1 : j
            if ni == a.end || nj == b.end { break }
            i = ni
            j = nj
        }
        lead.settle(at: i)
        second.settle(at: j)
        return lead.doc
    }

    /// Moves to the first posting at or after `target`; returns the new ``doc``.
    ///
    /// Inlined for the common short move within the decoded postings; anything else is a call.
    @discardableResult
    @inline(__always)
    func advance(to target: Int32) -> Int32 {
        if doc >= target { return doc }
        var i = index &+ 1
        if i < decoded && Int32(bitPattern: blockDocs[decoded &- 1]) >= target {
            while Int32(bitPattern: blockDocs[i]) < target { i &+= 1 }
            index = i
            doc = Int32(bitPattern: blockDocs[i])
            return doc
        }
        return advanceFurther(to: target)
    }

    /// ``advance(to:)`` past the decoded postings.
    private func advanceFurther(to target: Int32) -> Int32 {
        if target == Self.exhausted { return finish() }
        if index + 1 < blockCount && blockLastDoc >= target {
            return scanBlock(from: index + 1, to: target)
        }
        // Jump over the full blocks that end before the target, without decoding them.
        let k = block + 1
        if k < fullBlocks && frozen.skips[skipBase + k].last < target {
            block = firstFullBlock(after: k, reaching: target) - 1
            blockCount = 0
            decoded = 0
            index = 0
        }
        // Load blocks (without decoding them) until one reaches the target.
        while loadNextBlock() {
            if blockLastDoc >= target { return scanBlock(from: 0, to: target) }
        }
        return doc
    }

    /// Moves to the first posting of the current block from `start` on whose paragraph is at least
    /// `target` (the block's last one is).
    @inline(__always)
    private func scanBlock(from start: Int, to target: Int32) -> Int32 {
        if let bits = bitmap { return scanBitmap(bits, from: start, to: target) }
        var i = start
        // Whole chunks that end below the target are passed without a look at their postings; those
        // not decoded yet are not decoded at all when their ends are known.
        while true {
            if i == decoded {
                i = skipChunks(below: target)
                decodeChunk()
            }
            if Int32(bitPattern: blockDocs[decoded - 1]) >= target { break }
            i = decoded
        }
        let chunk = decoded &- PostingBlock.chunkSize
        if chunk >= 0 && i >= chunk && decoded & (PostingBlock.chunkSize - 1) == 0 {
            // Within one decoded chunk of 32: count the paragraphs below the target (sorted, so the
            // count is the index), four lanes at a time and without a branch per posting.
            i = chunk &+ Self.countBelow(target, in: blockDocs + chunk)
        } else {
            while Int32(bitPattern: blockDocs[i]) < target { i &+= 1 }
        }
        index = i
        doc = Int32(bitPattern: blockDocs[i])
        return doc
    }

    /// How many of the 32 paragraphs at `docs` are below `target`.
    @inline(__always)
    private static func countBelow(_ target: Int32, in docs: UnsafeMutablePointer<UInt32>) -> Int {
        let raw = UnsafeRawPointer(docs)
        let t = SIMD4<Int32>(repeating: target)
        var below = SIMD4<Int32>()
        for g in 0..<8 {
            let v = raw.loadUnaligned(fromByteOffset: 16 * g, as: SIMD4<Int32>.self)
            // A true lane of the mask is −1.
            below &-= unsafeBitCast(v .< t, to: SIMD4<Int32>.self)
        }
        return Int(below.wrappedSum())
    }

    /// Passes the undecoded chunks of the current full block whose known ends lie below `target`
    /// (one chunk at least remains: the block's last paragraph reaches the target); returns the
    /// index of the first posting not passed.
    @inline(__always)
    private func skipChunks(below target: Int32) -> Int {
        let size = PostingBlock.chunkSize
        var c = decoded / size
        guard c < PostingBlock.chunkCount - 1 else { return decoded }
        var end = PostingBlock.chunkEnd(c, at: chunkEnds)
        guard end != PostingBlock.unknownChunkEnd, Int32(bitPattern: blockPrevious &+ end) < target else { return decoded }
        repeat {
            runningParagraph = blockPrevious &+ end
            c += 1
            guard c < PostingBlock.chunkCount - 1 else { break }
            end = PostingBlock.chunkEnd(c, at: chunkEnds)
        } while end != PostingBlock.unknownChunkEnd && Int32(bitPattern: blockPrevious &+ end) < target
        decoded = c * size
        blockDocs[decoded - 1] = runningParagraph
        while nextExceptionIndex < decoded { nextGapException(nextException &+ 1) }
        return decoded
    }

    /// The first full block after `start` (whose last paragraph is below `target`) that reaches
    /// `target`, or ``fullBlocks`` when none does. A long jump starts at the block where the
    /// target would be if the term's paragraphs were spread evenly between `start`'s and the last
    /// full block's (an interpolation; the last entry stays cached over a query's jumps), and
    /// gallops from there: a look-up or two near the guess, where galloping from `start` would
    /// make a scattered look-up per doubling.
    private func firstFullBlock(after start: Int, reaching target: Int32) -> Int {
        let skips = UnsafePointer(frozen.skips.baseAddress!) + skipBase
        let end = fullBlocks
        guard end - start > Self.interpolationMinimum else {
            return Gallop.firstNotBelow(after: start, end: end) { skips[$0].last < target }
        }
        let low = Int(skips[start].last)
        let high = Int(skips[end - 1].last)
        guard high >= Int(target) else { return end }
        let guess = start + (Int(target) - low) * (end - 1 - start) / max(1, high - low)
        return Gallop.firstNotBelow(after: start, end: end, guess: guess) { skips[$0].last < target }
    }

    /// Starts loading the bytes that a later ``advance(to:)`` to `target` will read when it lands in
    /// a full block past the current one: the block's first lines of paragraphs and of positions
    /// (a hint; nothing changes). A caller that knows its coming targets (a phrase's rare lead word)
    /// calls it a few targets ahead, so that the far jumps' cache misses overlap instead of
    /// following one another.
    @inline(__always)
    func prefetch(reaching target: Int32) {
        let k = block + 1
        guard k < fullBlocks, target > blockLastDoc else { return }
        let skips = UnsafePointer(frozen.skips.baseAddress!) + skipBase
        guard skips[k].last < target else {
            prefetchBlock(k, skips: skips)
            return
        }
        let found = firstFullBlock(after: k, reaching: target)
        if found < fullBlocks { prefetchBlock(found, skips: skips) }
    }

    /// Starts loading full block `k`'s first lines of paragraphs and of positions.
    @inline(__always)
    private func prefetchBlock(_ k: Int, skips: UnsafePointer<SkipEntry>) {
        let docOffset = k == 0 ? 0 : Int(skips[k - 1].docEnd)
        let positionOffset = k == 0 ? 0 : Int(skips[k - 1].positionEnd)
        for line in 0..<3 { broadsheet_prefetch(docBase + docOffset + 64 * line) }
        prefetchPositions(at: positionOffset)
    }

    /// Starts loading the first ``prefetchedPositionLines`` cache lines of the positions at `offset`.
    @inline(__always)
    private func prefetchPositions(at offset: Int) {
        for line in 0..<Self.prefetchedPositionLines { broadsheet_prefetch(positionBase + offset + 64 * line) }
    }

    /// Fewer full blocks ahead than this are searched by galloping alone.
    private static let interpolationMinimum = 8

    /// When the next posting starts a full block whose statistics satisfy `tooLow`, jumps over the
    /// whole block and returns true. Positions of skipped postings are not available afterwards (the
    /// cursor stands after the block, on its last paragraph).
    @inline(__always)
    func skipBlock(if tooLow: (BlockBound) -> Bool) -> Bool {
        guard index + 1 >= blockCount else { return false }
        let k = block + 1
        guard k < fullBlocks, tooLow(frozen.blockBounds[skipBase + k]) else { return false }
        block = k
        blockCount = 0
        decoded = 0
        index = 0
        doc = frozen.skips[skipBase + k].last
        return true
    }

    /// Index into ``FrozenPostings/blockBounds`` of the full block holding the current posting (or the
    /// block just skipped), or -1 when there is none (before the first posting, in the term's short
    /// last block, in the tail).
    var currentBlock: Int { block >= 0 && block < fullBlocks ? skipBase + block : -1 }

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
    /// returns how many were written (0 when the cursor stands on no posting).
    @inline(__always)
    func decodePositions(to out: UnsafeMutablePointer<Int32>) -> Int {
        guard index < blockCount else { return 0 }
        if let bytes = frequencyBytes {
            if let sparse = sparseFrequency(bytes) {
                let reader = PatchedPacking.Reader(count: sparse.total, at: packedPositions)
                out.withMemoryRebound(to: UInt32.self, capacity: sparse.tf) { reader.unpack(from: sparse.start, count: sparse.tf, to: $0) }
                var position: Int32 = 0
                for k in 0..<sparse.tf {
                    position &+= out[k]
                    out[k] = position
                }
                return sparse.tf
            }
            decodeFrequencies(bytes)
        }
        if !positionReaderReady {
            positionReader = PatchedPacking.Reader(count: Int(frequencySum(blockCount)), at: packedPositions)
            positionReaderReady = true
        }
        let start = positionStartsReady ? Int(positionStarts[index]) : Int(frequencySum(index))
        let n = Int(blockTFs[index])
        if !positionsDecoded {
            if positionLookups < Self.bulkPositionLookups {
                positionLookups += 1
                out.withMemoryRebound(to: UInt32.self, capacity: n) { positionReader.unpack(from: start, count: n, to: $0) }
                var position: Int32 = 0
                for k in 0..<n {
                    position &+= out[k]
                    out[k] = position
                }
                return n
            }
            // Many postings of this block want positions (a dense intersection): decode them all.
            decodedPositions.removeAll(keepingCapacity: true)
            decodedPositions.append(contentsOf: repeatElement(0, count: positionReader.count))
            decodedPositions.withUnsafeMutableBufferPointer { positionReader.unpack(to: $0.baseAddress!) }
            positionsDecoded = true
            var total: Int32 = 0
            for k in 0..<blockCount {
                positionStarts[k] = total
                total &+= Int32(bitPattern: blockTFs[k])
            }
            positionStartsReady = true
        }
        decodedPositions.withUnsafeBufferPointer { gaps in
            var position: Int32 = 0
            for k in 0..<n {
                position &+= Int32(bitPattern: gaps[start + k])
                out[k] = position
            }
        }
        return n
    }

    /// The sum of the first `n` decoded term frequencies of the block (vectorised).
    @inline(__always)
    private func frequencySum(_ n: Int) -> UInt32 {
        var sum: UInt32 = 0
        for k in 0..<n { sum &+= blockTFs[k] }
        return sum
    }

    /// Appends the current paragraph's positions to `out`.
    func positions(into out: inout [Int32]) {
        let n = Int(tf)
        guard index < blockCount, n > 0 else { return }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: n))
        out.withUnsafeMutableBufferPointer { _ = decodePositions(to: $0.baseAddress! + start) }
    }
}
