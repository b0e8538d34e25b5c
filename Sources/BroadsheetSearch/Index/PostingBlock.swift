/// The coding of one block of a term's postings in ``FrozenPostings``: up to ``size`` postings, the
/// paragraph gaps and term frequencies in one byte stream, their word positions in another, each
/// list coded by ``PatchedPacking``.
///
/// - Paragraph bytes: in a full block, first ``chunkEndBytes`` bytes: where each of its first
///   ``chunkCount`` − 1 chunks of ``chunkSize`` postings ends, as `last paragraph − previous` (two
///   bytes, little-endian; ``unknownChunkEnd`` when it does not fit), so that a cursor can jump to the
///   chunk holding its target without decoding the chunks before it. Then `paragraph − previous − 1`
///   for each posting (the first one's previous is the last paragraph of the block before, or −1;
///   in a full block with the low bits in the lanes of ``VerticalPacking``, to be unpacked a chunk at
///   a time), then `tf − 1` for each posting (in lanes too in a full block).
/// - Position bytes: for each posting its `tf` positions, the first as it is, the others as the gap
///   from the one before.
///
/// A full block's gaps may instead be a bitmap (see ``bitmapFlag``) when that is no larger: the dense
/// blocks of the commonest words, where a cursor then finds a paragraph's posting with a bit test
/// and a few population counts, without decoding the block.
///
/// A common term (small gaps, one occurrence a paragraph, short paragraphs) costs a few bits a
/// posting, and decoding needs no branch per value.
enum PostingBlock {
    static let size = 128
    /// Postings a cursor decodes at a time.
    static let chunkSize = 32
    static let chunkCount = size / chunkSize
    /// Bytes of a full block's chunk ends.
    static let chunkEndBytes = 2 * (chunkCount - 1)
    /// A chunk end too far from the block's start to be coded.
    static let unknownChunkEnd: UInt32 = 0xFFFF

    /// Marks a full block's gaps coded as a bitmap: the byte (in place of ``PatchedPacking``'s first
    /// one) is this flag or-ed with the number of 64-bit words that follow, little-endian; bit `i` of
    /// them (word `i / 64`, bit `i % 64`) is set when paragraph `previous + 1 + i` is in the block.
    static let bitmapFlag: UInt8 = 0x80
    /// The longest bitmap, in words.
    static let maxBitmapWords = 8

    /// The number of bitmap words of the full block whose gaps (or bitmap) start at `bytes`, or 0
    /// when its gaps are packed.
    @inline(__always)
    static func bitmapWords(at bytes: UnsafePointer<UInt8>) -> Int {
        let head = bytes.pointee
        return head & bitmapFlag == 0 ? 0 : Int(head & ~bitmapFlag)
    }

    /// Word `w` of a bitmap that starts at `bytes` (after its head byte).
    @inline(__always)
    static func bitmapWord(_ w: Int, at bytes: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self))
    }

    /// End of chunk `c` (below ``chunkCount`` − 1) of the full block whose paragraph bytes start at
    /// `bytes`: its last paragraph minus the block's previous one, or ``unknownChunkEnd``.
    @inline(__always)
    static func chunkEnd(_ c: Int, at bytes: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(bytes[2 * c]) | UInt32(bytes[2 * c + 1]) << 8
    }

    /// Appends one block: `paragraphs` (ascending, after `previous`) with their term frequencies `tfs`
    /// and their `positions` coded as above (`Σ tfs` values).
    static func encode(
        paragraphs: UnsafeBufferPointer<Int32>, after previous: Int32, tfs: UnsafeBufferPointer<UInt32>,
        positions: UnsafeBufferPointer<UInt32>, paragraphBytes: inout [UInt8], positionBytes: inout [UInt8],
        scratch: UnsafeMutablePointer<UInt32>
    ) {
        let n = paragraphs.count
        precondition(n > 0 && n <= size && tfs.count == n)
        if n == size {
            for c in 1..<chunkCount {
                let end = UInt32(paragraphs[c * chunkSize - 1] - previous)
                let coded = end < unknownChunkEnd ? end : unknownChunkEnd
                paragraphBytes.append(UInt8(truncatingIfNeeded: coded))
                paragraphBytes.append(UInt8(truncatingIfNeeded: coded >> 8))
            }
        }
        var prev = previous
        for k in 0..<n {
            scratch[k] = UInt32(paragraphs[k] - prev - 1)
            prev = paragraphs[k]
        }
        for k in 0..<n { scratch[size + k] = tfs[k] - 1 }
        let gapsStart = paragraphBytes.count
        PatchedPacking.pack(UnsafeBufferPointer(start: scratch, count: n), vertical: n == size, into: &paragraphBytes)
        let words = (Int(paragraphs[n - 1] - previous) + 63) / 64
        if n == size && words <= maxBitmapWords && 1 + 8 * words <= paragraphBytes.count - gapsStart {
            paragraphBytes.removeSubrange(gapsStart...)
            paragraphBytes.append(bitmapFlag | UInt8(words))
            var bits = [UInt64](repeating: 0, count: words)
            for k in 0..<n {
                let i = Int(paragraphs[k] - previous - 1)
                bits[i >> 6] |= 1 << UInt64(i & 63)
            }
            for word in bits { for b in 0..<8 { paragraphBytes.append(UInt8(truncatingIfNeeded: word >> UInt64(8 * b))) } }
        }
        PatchedPacking.pack(UnsafeBufferPointer(start: scratch + size, count: n), vertical: n == size, into: &paragraphBytes)
        PatchedPacking.pack(positions, into: &positionBytes)
    }

    /// Decodes the paragraphs of a block of `count` postings at `bytes` that follows paragraph
    /// `previous`; returns where the block's term frequencies start (see ``decodeFrequencies``).
    @inline(__always)
    static func decodeParagraphs(
        count n: Int, from bytes: UnsafePointer<UInt8>, after previous: Int32, to paragraphs: UnsafeMutablePointer<UInt32>
    ) -> UnsafePointer<UInt8> {
        let gaps = PatchedPacking.Reader(count: n, at: bytes)
        let base = UInt32(bitPattern: previous)
        if gaps.exceptions == 0 {
            BitPacking.unpackRunningSum(count: n, width: gaps.width, from: gaps.lows, after: base, to: paragraphs)
        } else {
            gaps.unpack(to: paragraphs)
            var paragraph = base
            for k in 0..<n {
                paragraph &+= paragraphs[k] &+ 1
                paragraphs[k] = paragraph
            }
        }
        return gaps.end
    }

    /// Decodes the term frequencies of a block of `count` postings, which start at `bytes`.
    @inline(__always)
    static func decodeFrequencies(count n: Int, from bytes: UnsafePointer<UInt8>, to tfs: UnsafeMutablePointer<UInt32>) {
        let frequencies = PatchedPacking.Reader(count: n, at: bytes)
        if frequencies.width == 0 && frequencies.exceptions == 0 {
            tfs.update(repeating: 1, count: n)
        } else {
            if n == size { frequencies.unpackVertical(to: tfs) } else { frequencies.unpack(to: tfs) }
            for k in 0..<n { tfs[k] &+= 1 }
        }
    }
}
