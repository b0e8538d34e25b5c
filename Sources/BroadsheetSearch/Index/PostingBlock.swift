/// The coding of one block of a term's postings in ``FrozenPostings``: up to ``size`` postings, the
/// paragraph gaps and term frequencies bit-packed in one byte stream, their word positions in another.
///
/// - Paragraph bytes: the width of the gaps, the width of the frequencies, then `paragraph − previous − 1`
///   for each posting (the first one's previous is the last paragraph of the block before, or −1), then
///   `tf − 1` for each posting (nothing when every tf is 1).
/// - Position bytes: their width, then for each posting its `tf` positions, the first as it is, the
///   others as the gap from the one before.
///
/// Every value of a block takes the bits of the block's largest, so a common term (small gaps, one
/// occurrence a paragraph, short paragraphs) costs a few bits a posting and needs no branch to decode.
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
        let gaps = UnsafeBufferPointer(start: scratch, count: n)
        let gapWidth = BitPacking.width(of: gaps)
        let tfMinusOne = UnsafeBufferPointer(start: scratch + size, count: n)
        for k in 0..<n { scratch[size + k] = tfs[k] - 1 }
        let tfWidth = BitPacking.width(of: tfMinusOne)
        paragraphBytes.append(UInt8(gapWidth))
        paragraphBytes.append(UInt8(tfWidth))
        BitPacking.pack(gaps, width: gapWidth, into: &paragraphBytes)
        BitPacking.pack(tfMinusOne, width: tfWidth, into: &paragraphBytes)
        let positionWidth = BitPacking.width(of: positions)
        positionBytes.append(UInt8(positionWidth))
        BitPacking.pack(positions, width: positionWidth, into: &positionBytes)
    }

    /// Decodes the paragraphs and term frequencies of a block of `count` postings at `bytes` that
    /// follows paragraph `previous`.
    @inline(__always)
    static func decode(
        count n: Int, from bytes: UnsafePointer<UInt8>, after previous: Int32,
        paragraphs: UnsafeMutablePointer<UInt32>, tfs: UnsafeMutablePointer<UInt32>
    ) {
        let gapWidth = Int(bytes[0])
        let tfWidth = Int(bytes[1])
        BitPacking.unpack(count: n, width: gapWidth, from: bytes + 2, to: paragraphs)
        var paragraph = UInt32(bitPattern: previous)
        for k in 0..<n {
            paragraph &+= paragraphs[k] &+ 1
            paragraphs[k] = paragraph
        }
        if tfWidth == 0 {
            tfs.update(repeating: 1, count: n)
        } else {
            BitPacking.unpack(count: n, width: tfWidth, from: bytes + 2 + BitPacking.byteCount(count: n, width: gapWidth), to: tfs)
            for k in 0..<n { tfs[k] &+= 1 }
        }
    }

    /// Bytes taken by a block of `count` postings whose paragraph bytes start at `bytes`.
    @inline(__always)
    static func paragraphByteCount(count n: Int, at bytes: UnsafePointer<UInt8>) -> Int {
        2 + BitPacking.byteCount(count: n, width: Int(bytes[0])) + BitPacking.byteCount(count: n, width: Int(bytes[1]))
    }

    /// Bytes taken by the `count` positions of a block whose position bytes start at `bytes`.
    @inline(__always)
    static func positionByteCount(count n: Int, at bytes: UnsafePointer<UInt8>) -> Int {
        1 + BitPacking.byteCount(count: n, width: Int(bytes[0]))
    }
}
