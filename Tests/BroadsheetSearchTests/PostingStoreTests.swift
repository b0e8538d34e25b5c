import Testing
import TestSupport

@testable import BroadsheetSearch

/// The posting store against a plain model: whatever mix of frozen segments (merged several times)
/// and varint tail the postings end up in, a cursor reads back exactly the paragraphs, frequencies
/// and positions that went in, and skips exactly as far as asked.
@Suite(.offCooperativePool)
struct PostingStoreTests {
    /// One term's postings as the model keeps them: paragraph → positions.
    typealias Model = [[(paragraph: Int32, positions: [Int32])]]

    /// Paragraphs of random words over a vocabulary where term 0 is in almost every paragraph (dense,
    /// many full blocks), a few terms are common, most are rare (wide gaps), and some repeat within a
    /// paragraph; the store is frozen after the paragraphs listed in `freezes`.
    static func build(paragraphs: Int, terms: Int, freezes: Set<Int>, seed: UInt64) -> (PostingStore, Model, [UInt8]) {
        var random = SplitMix64(seed: seed)
        func next() -> UInt64 { random.next() }
        var store = PostingStore()
        var model = Model(repeating: [], count: terms)
        var lengths: [UInt8] = []
        for p in 0..<paragraphs {
            store.makeUnique()
            store.ensureTerms(terms)
            let length = 1 + Int(next() % 300)
            var seen: [Int: [Int32]] = [:]
            for position in 0..<length {
                let r = next() % 100
                let term: Int
                if position == 0 && r < 90 {
                    term = 0
                } else if r < 60 {
                    term = 1 + Int(next() % 5)
                } else {
                    term = 6 + Int(next() % UInt64(terms - 6))
                }
                store.add(term: Int32(term), position: Int32(position))
                seen[term, default: []].append(Int32(position))
            }
            store.endParagraph(Int32(p))
            lengths.append(UInt8(BlockBound.code(length: UInt32(length))))
            for (term, positions) in seen { model[term].append((Int32(p), positions)) }
            if freezes.contains(p) { store.freeze(lengthCodes: lengths) { _, _ in (0, 0) } }
        }
        return (store, model, lengths)
    }

    static func cursor(_ store: PostingStore, _ t: Int) -> PostingCursor {
        let tailCount = Int(store.documentFrequency[t]) - (t < store.frozen.termCount ? Int(store.frozen.count[t]) : 0)
        return PostingCursor(
            frozen: store.frozen, term: t, tailDocs: store.tail.bytes(2 * t), tailPositions: store.tail.bytes(2 * t + 1),
            tailCount: tailCount)
    }

    static func positions(_ cursor: PostingCursor) -> [Int32] {
        var out: [Int32] = []
        cursor.positions(into: &out)
        return out
    }

    static let layouts: [(name: String, freezes: Set<Int>)] = [
        ("all frozen at once", [1_999]),
        ("merged several times, then a tail", [150, 700, 701, 1_300]),
        ("all in the tail", []),
    ]

    @Test(arguments: 0..<layouts.count)
    func readsBackEveryPosting(layout: Int) {
        let (store, model, _) = Self.build(paragraphs: 2_000, terms: 400, freezes: Self.layouts[layout].freezes, seed: 7)
        #expect(model[0].count > 5 * PostingBlock.size, "term 0 spans several full blocks")
        for t in 0..<model.count {
            let c = Self.cursor(store, t)
            #expect(c.count == model[t].count)
            var i = 0
            while c.next() != PostingCursor.exhausted {
                guard i < model[t].count else { break }
                #expect(c.doc == model[t][i].paragraph, "term \(t) posting \(i)")
                #expect(Int(c.tf) == model[t][i].positions.count)
                #expect(Self.positions(c) == model[t][i].positions)
                i += 1
            }
            #expect(i == model[t].count, "term \(t): \(i) postings read of \(model[t].count)")
            #expect(c.next() == PostingCursor.exhausted)
        }
    }

    /// The full blocks of term `t` whose gaps are coded as a bitmap, and all its full blocks.
    static func bitmapBlocks(_ frozen: FrozenPostings, _ t: Int) -> (bitmaps: Int, full: Int) {
        let full = Int(frozen.count[t]) / PostingBlock.size
        let first = Int(frozen.skipStart[t])
        var bitmaps = 0
        for k in 0..<full {
            let offset = Int(frozen.docStart[t]) + (k == 0 ? 0 : Int(frozen.skips[first + k - 1].docEnd))
            let bytes = UnsafePointer(frozen.docs.baseAddress!) + offset + PostingBlock.chunkEndBytes
            if PostingBlock.bitmapWords(at: bytes) > 0 { bitmaps += 1 }
        }
        return (bitmaps, full)
    }

    /// The tests above meet both codings of full blocks: bitmaps for the densest terms, packed gaps
    /// for the others.
    @Test func denseBlocksAreBitmapsAndTheOthersPacked() {
        let (store, _, _) = Self.build(paragraphs: 2_000, terms: 60, freezes: [1_999], seed: 11)
        let counts = (0..<60).map { Self.bitmapBlocks(store.frozen, $0) }
        #expect(counts.reduce(0) { $0 + $1.bitmaps } > 10)
        #expect(counts.reduce(0) { $0 + $1.full - $1.bitmaps } > 10)
    }

    @Test(arguments: 0..<layouts.count)
    func advanceFindsTheFirstPostingAtOrAfterTheTarget(layout: Int) {
        let (store, model, _) = Self.build(paragraphs: 2_000, terms: 60, freezes: Self.layouts[layout].freezes, seed: 11)
        for t in [0, 1, 7, 30] {
            for stride in [1, 3, 40, 333] {
                let c = Self.cursor(store, t)
                var target: Int32 = 0
                while target < 2_100 {
                    let got = c.advance(to: target)
                    let want = model[t].first { $0.paragraph >= target }
                    #expect(got == (want?.paragraph ?? PostingCursor.exhausted), "term \(t) target \(target)")
                    if let want, got == want.paragraph {
                        #expect(Self.positions(c) == want.positions)
                    }
                    target += Int32(stride)
                }
            }
        }
    }

    /// Loading blocks ahead for coming targets (near, far, behind, past the end) leaves a cursor
    /// where it was: its later jumps land exactly where they would have.
    @Test(arguments: 0..<layouts.count)
    func prefetchingAheadChangesNoAnswer(layout: Int) {
        let (store, model, _) = Self.build(paragraphs: 2_000, terms: 60, freezes: Self.layouts[layout].freezes, seed: 17)
        for t in [0, 1, 7] {
            let c = Self.cursor(store, t)
            var target: Int32 = 0
            while target < 2_100 {
                for ahead in [Int32(-50), 0, 1, 129, 700, 5_000] { c.prefetch(reaching: target + ahead) }
                c.prefetch(reaching: PostingCursor.exhausted)
                let got = c.advance(to: target)
                let want = model[t].first { $0.paragraph >= target }
                #expect(got == (want?.paragraph ?? PostingCursor.exhausted), "term \(t) target \(target)")
                if let want, got == want.paragraph { #expect(Self.positions(c) == want.positions) }
                target += 97
            }
        }
    }

    /// Targets on, just before and just after every block boundary, from a fresh cursor (a long jump
    /// over the skip entries) and from one that reads block by block.
    @Test(arguments: 0..<layouts.count)
    func advanceToBlockBoundaries(layout: Int) {
        let (store, model, _) = Self.build(paragraphs: 2_000, terms: 60, freezes: Self.layouts[layout].freezes, seed: 13)
        for t in [0, 1] {
            let walking = Self.cursor(store, t)
            var k = PostingBlock.size - 1
            while k < model[t].count {
                let boundary = model[t][k].paragraph
                for target in [boundary - 1, boundary, boundary + 1] {
                    let want = model[t].first { $0.paragraph >= target }?.paragraph ?? PostingCursor.exhausted
                    #expect(Self.cursor(store, t).advance(to: target) == want, "term \(t) fresh cursor to \(target)")
                    #expect(walking.advance(to: target) == want, "term \(t) walking cursor to \(target)")
                }
                k += PostingBlock.size
            }
        }
    }

    /// Targets on and around every chunk boundary inside the full blocks (where a cursor jumps over
    /// undecoded chunks by their coded ends), each reached by `advance` and followed by a few `next`
    /// calls, which must carry on from the chunk the cursor landed in.
    @Test(arguments: 0..<layouts.count)
    func advanceToChunkBoundariesThenNext(layout: Int) {
        let (store, model, _) = Self.build(paragraphs: 2_000, terms: 60, freezes: Self.layouts[layout].freezes, seed: 17)
        for t in [0, 1] {
            let postings = model[t]
            for delta: Int32 in [-1, 0, 1] {
                let c = Self.cursor(store, t)
                var k = PostingBlock.chunkSize - 1
                while k < postings.count {
                    let target = postings[k].paragraph + delta
                    guard target > c.doc else {
                        k += PostingBlock.chunkSize
                        continue
                    }
                    var at = postings.firstIndex { $0.paragraph >= target } ?? postings.count
                    #expect(c.advance(to: target) == (at < postings.count ? postings[at].paragraph : PostingCursor.exhausted))
                    for _ in 0..<3 where at < postings.count {
                        #expect(Self.positions(c) == postings[at].positions, "term \(t) posting \(at)")
                        at += 1
                        #expect(c.next() == (at < postings.count ? postings[at].paragraph : PostingCursor.exhausted))
                    }
                    k += PostingBlock.chunkSize
                }
            }
        }
    }

    /// A term so rare that its full blocks span more paragraphs than a chunk end can code: the chunks
    /// past the codable ends are decoded one after another, and every target is still found.
    @Test(arguments: [Int32(600), 800, 2_100])
    func advanceWithUncodableChunkEnds(every spacing: Int32) {
        var store = PostingStore()
        var want: [Int32] = []
        var lengths: [UInt8] = []
        let paragraphs = Int32(PostingBlock.size + 40) * spacing
        for p in 0..<paragraphs {
            store.makeUnique()
            store.ensureTerms(2)
            store.add(term: 0, position: 0)
            if p % spacing == 7 {
                store.add(term: 1, position: 1)
                want.append(p)
            }
            store.endParagraph(p)
            lengths.append(2)
        }
        store.freeze(lengthCodes: lengths) { _, _ in (0, 0) }
        for stride: Int32 in [7, 97, 5_003] {
            let c = Self.cursor(store, 1)
            var target: Int32 = 0
            while target < paragraphs + 10 {
                let got = c.advance(to: target)
                #expect(got == (want.first { $0 >= target } ?? PostingCursor.exhausted), "stride \(stride) target \(target)")
                target += stride
            }
        }
    }

    @Test func skippingBlocksLandsOnTheNextBlock() {
        let (store, model, _) = Self.build(paragraphs: 2_000, terms: 60, freezes: [1_999], seed: 3)
        let all = model[0]
        let c = Self.cursor(store, 0)
        // Skip every other full block; read the ones in between.
        var ordinal = 0
        var skip = true
        while ordinal < all.count {
            if ordinal % PostingBlock.size == 0 && skip && c.skipBlock(if: { _ in true }) {
                #expect(c.doc == all[ordinal + PostingBlock.size - 1].paragraph, "stands on the skipped block's last paragraph")
                #expect(Self.positions(c).isEmpty)
                ordinal += PostingBlock.size
                skip = false
                continue
            }
            if ordinal % PostingBlock.size == 0 { skip = true }
            #expect(c.next() == all[ordinal].paragraph)
            #expect(Self.positions(c) == all[ordinal].positions)
            ordinal += 1
        }
        #expect(c.next() == PostingCursor.exhausted)
        #expect(!c.skipBlock(if: { _ in true }))
    }

    @Test func blockBoundsDescribeTheirBlocks() {
        let (store, model, lengths) = Self.build(paragraphs: 2_000, terms: 60, freezes: [400, 1_999], seed: 5)
        let frozen = store.frozen
        for t in [0, 1, 2] {
            let full = Int(frozen.count[t]) / PostingBlock.size
            #expect(full == model[t].count / PostingBlock.size)
            for k in 0..<full {
                var want = BlockBound.empty
                let block = model[t][(k * PostingBlock.size)..<((k + 1) * PostingBlock.size)]
                for posting in block {
                    want.add(tf: UInt32(posting.positions.count), lengthCode: lengths[Int(posting.paragraph)], titleTF: 0, titleLength: 0)
                }
                let index = Int(frozen.skipStart[t]) + k
                #expect(frozen.blockBounds[index] == want, "term \(t) block \(k)")
                #expect(frozen.skips[index].last == block.last!.paragraph)
            }
        }
    }
}

/// Bit packing, at every width, against the plain values.
struct BitPackingTests {
    @Test(arguments: 0...32)
    func packsAndUnpacksEveryWidth(width: Int) {
        let mask: UInt64 = (1 << UInt64(width)) - 1
        let values = (0..<131).map { UInt32(truncatingIfNeeded: (UInt64($0) &* 0x9E37_79B9_7F4A_7C15 >> 17) & mask) }
        var bytes: [UInt8] = []
        values.withUnsafeBufferPointer { v in
            #expect(BitPacking.width(of: v) <= width)
            BitPacking.pack(v, width: width, into: &bytes)
        }
        #expect(bytes.count == BitPacking.byteCount(count: values.count, width: width))
        bytes += [UInt8](repeating: 0xFF, count: BitPacking.padding)
        bytes.withUnsafeBufferPointer { b in
            var out = [UInt32](repeating: 7, count: values.count)
            out.withUnsafeMutableBufferPointer { BitPacking.unpack(count: values.count, width: width, from: b.baseAddress!, to: $0.baseAddress!) }
            #expect(out == values)
            for i in [0, 1, 64, 130] { #expect(BitPacking.value(at: i, width: width, from: b.baseAddress!) == values[i]) }
            for c in 0..<4 {
                var chunk = [UInt32](repeating: 7, count: 32)
                chunk.withUnsafeMutableBufferPointer { BitPacking.unpack32(width: width, from: b.baseAddress! + 4 * width * c, to: $0.baseAddress!) }
                #expect(chunk == Array(values[(32 * c)..<(32 * c + 32)]), "chunk \(c) of 32")
            }
        }
    }

    @Test func widthIsThatOfTheLargestValue() {
        [0, 0, 0].withUnsafeBufferPointer { #expect(BitPacking.width(of: $0) == 0) }
        [1, 0, 2].withUnsafeBufferPointer { #expect(BitPacking.width(of: $0) == 2) }
        [UInt32.max].withUnsafeBufferPointer { #expect(BitPacking.width(of: $0) == 32) }
    }
}

/// Patched packing against the plain values: every list reads back whole and in any range, and a few
/// outliers do not widen the rest.
struct PatchedPackingTests {
    static func values(count: Int, small: UInt32, outlierEvery: Int, outlier: UInt32) -> [UInt32] {
        (0..<count).map { i in
            let mixed = UInt32(truncatingIfNeeded: (UInt64(i) &* 0x9E37_79B9_7F4A_7C15) >> 40)
            return outlierEvery > 0 && i % outlierEvery == outlierEvery - 1 ? outlier - mixed % 7 : (small == 0 ? 0 : mixed % small)
        }
    }

    static let cases: [(count: Int, small: UInt32, outlierEvery: Int, outlier: UInt32)] = [
        (1, 0, 0, 0), (1, 0, 1, 1_000_000), (128, 0, 0, 0), (128, 16, 0, 0), (128, 16, 20, 5_000),
        (128, 3, 2, 70_000), (300, 50, 37, UInt32.max), (700, 200, 3, 1 << 20), (128, 1 << 20, 0, 0),
    ]

    @Test(arguments: 0..<cases.count)
    func readsBackWholeAndInRanges(index: Int) {
        let c = Self.cases[index]
        let values = Self.values(count: c.count, small: c.small, outlierEvery: c.outlierEvery, outlier: c.outlier)
        var bytes: [UInt8] = []
        values.withUnsafeBufferPointer { PatchedPacking.pack($0, into: &bytes) }
        let size = bytes.count
        bytes += [UInt8](repeating: 0xFF, count: BitPacking.padding)
        bytes.withUnsafeBufferPointer { b in
            let reader = PatchedPacking.Reader(count: values.count, at: b.baseAddress!)
            #expect(reader.end - b.baseAddress! == size)
            var out = [UInt32](repeating: 9, count: values.count)
            out.withUnsafeMutableBufferPointer { reader.unpack(to: $0.baseAddress!) }
            #expect(out == values)
            for (start, n) in [(0, 1), (0, values.count), (values.count / 2, values.count - values.count / 2), (values.count - 1, 1)] {
                var part = [UInt32](repeating: 9, count: n)
                part.withUnsafeMutableBufferPointer { reader.unpack(from: start, count: n, to: $0.baseAddress!) }
                #expect(part == Array(values[start..<(start + n)]), "range \(start) + \(n)")
            }
        }
        if c.count == PostingBlock.size {
            // The same values with their low bits in lanes: the same size, read back whole or a chunk at a time.
            var lanes: [UInt8] = []
            values.withUnsafeBufferPointer { PatchedPacking.pack($0, vertical: true, into: &lanes) }
            #expect(lanes.count == size)
            lanes += [UInt8](repeating: 0xFF, count: BitPacking.padding)
            lanes.withUnsafeBufferPointer { b in
                let reader = PatchedPacking.Reader(count: values.count, at: b.baseAddress!)
                var out = [UInt32](repeating: 9, count: values.count)
                out.withUnsafeMutableBufferPointer { reader.unpackVertical(to: $0.baseAddress!) }
                #expect(out == values)
                for chunk in 0..<4 {
                    var part = [UInt32](repeating: 9, count: 32)
                    part.withUnsafeMutableBufferPointer { reader.unpackVerticalChunk(chunk, to: $0.baseAddress!) }
                    for j in 0..<reader.exceptions where reader.exceptionIndexInBlock(j) / 32 == chunk {
                        part[reader.exceptionIndexInBlock(j) % 32] |= reader.exceptionHigh(j)
                    }
                    #expect(part == Array(values[(32 * chunk)..<(32 * chunk + 32)]), "chunk \(chunk)")
                }
            }
        }
        if c.outlierEvery >= 20 {
            let plain = values.withUnsafeBufferPointer { BitPacking.byteCount(count: values.count, width: BitPacking.width(of: $0)) }
            #expect(size < plain / 2, "\(size) bytes against \(plain) packed plainly")
        }
    }
}

#if DEBUG
    /// The copy-on-write rule behind `TailBuffers`' `@unchecked Sendable`: adding postings to a store
    /// whose tail is shared with a copy (``PostingStore/makeUnique()`` not called) stops a debug build
    /// instead of changing the copy behind its back.
    struct PostingStoreUniquenessTests {
        @Test func addingToASharedTailWithoutMakeUniqueIsCaught() async {
            await #expect(processExitsWith: .failure) {
                var store = PostingStore()
                store.makeUnique()
                store.ensureTerms(1)
                let copy = store
                store.add(term: 0, position: 0)
                withExtendedLifetime(copy) {}
            }
        }

        @Test func addingAfterMakeUniqueLeavesTheCopyAlone() {
            var store = PostingStore()
            store.makeUnique()
            store.ensureTerms(1)
            let copy = store
            store.makeUnique()
            store.add(term: 0, position: 3)
            store.endParagraph(0)
            #expect(store.documentFrequency == [1])
            #expect(copy.documentFrequency == [0])
            #expect(copy.tail.currentTF[0] == 0 && copy.tail.lastParagraph[0] == -1 && copy.tail.bytes(1).isEmpty)
        }
    }
#endif
