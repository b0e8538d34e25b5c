/// The coding of one block of a term's postings in ``FrozenPostings``: up to ``size`` postings, the
/// paragraph gaps and term frequencies in one byte stream, their word positions in another, each
/// list coded by ``PatchedPacking``.
///
/// - Paragraph bytes: `paragraph − previous − 1` for each posting (the first one's previous is the
///   last paragraph of the block before, or −1), then `tf − 1` for each posting.
/// - Position bytes: for each posting its `tf` positions, the first as it is, the others as the gap
///   from the one before.
///
/// A common term (small gaps, one occurrence a paragraph, short paragraphs) costs a few bits a
/// posting, and decoding needs no branch per value.
enum PostingBlock {
    static let size = 128

    /// Appends one block: `paragraphs` (ascending, after `previous`) with their term frequencies `tfs`
    /// and their `positions` coded as above (`Σ tfs` values).
    static func encode(
        paragraphs: UnsafeBufferPointer<Int32>, after previous: Int32, tfs: UnsafeBufferPointer<UInt32>,
        positions: UnsafeBufferPointer<UInt32>, paragraphBytes: inout [UInt8], positionBytes: inout [UInt8],
        scratch: UnsafeMutablePointer<UInt32>
    ) {
        let n = paragraphs.count
        precondition(n > 0 && n <= size && tfs.count == n)
        var prev = previous
        for k in 0..<n {
            scratch[k] = UInt32(paragraphs[k] - prev - 1)
            prev = paragraphs[k]
        }
        for k in 0..<n { scratch[size + k] = tfs[k] - 1 }
        PatchedPacking.pack(UnsafeBufferPointer(start: scratch, count: n), into: &paragraphBytes)
        PatchedPacking.pack(UnsafeBufferPointer(start: scratch + size, count: n), into: &paragraphBytes)
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
            frequencies.unpack(to: tfs)
            for k in 0..<n { tfs[k] &+= 1 }
        }
    }
}
