/// Statistics of one block of a term's postings, packed in 64 bits, from which an upper bound of the
/// block's BM25 scores follows for any `k1`, `b` and average lengths (block-max skipping).
///
/// Keeping tf = 1 postings apart from the others, and the title statistics per block rather than per
/// term, makes the bound much tighter than one `(max tf, min length)` pair: most postings have tf 1,
/// and most blocks hold no paragraph of a document whose title has the term.
///
/// Layout: bits 0–15 shortest paragraph among tf = 1 postings, 16–31 shortest paragraph among tf ≥ 2
/// postings (0xFFFF: none), 32–39 largest tf (255: 255 or more), 40–47 most occurrences of the term
/// in the title of a posting's document (0: none; 255: 255 or more), 48–63 shortest such title.
struct BlockBound: Sendable, Hashable {
    var raw: UInt64

    /// A block whose statistics are unknown: never skipped.
    static let unknown = BlockBound(raw: 0x0000_FFFF_0000_0000)  // tf and title tf 255, lengths 0

    /// A block with no postings yet (the start of accumulation).
    static let empty = BlockBound(raw: 0xFFFF_FFFF)

    var minLengthTF1: UInt32 { UInt32(truncatingIfNeeded: raw & 0xFFFF) }
    var minLengthTF2: UInt32 { UInt32(truncatingIfNeeded: (raw >> 16) & 0xFFFF) }
    var maxTF: UInt32 { UInt32(truncatingIfNeeded: (raw >> 32) & 0xFF) }
    var maxTitleTF: UInt32 { UInt32(truncatingIfNeeded: (raw >> 40) & 0xFF) }
    var minTitleLength: UInt32 { UInt32(truncatingIfNeeded: raw >> 48) }

    /// Adds a posting: `tf` occurrences in a paragraph of `length` words, and `titleTF` occurrences in
    /// its document's title of `titleLength` words.
    @inline(__always)
    mutating func add(tf: UInt32, length: UInt16, titleTF: UInt32, titleLength: Int) {
        var l1 = minLengthTF1
        var l2 = minLengthTF2
        if tf == 1 { l1 = min(l1, UInt32(length)) } else { l2 = min(l2, UInt32(length)) }
        let t = max(maxTF, min(tf, 255))
        var tt = maxTitleTF
        var tl = minTitleLength
        if titleTF > 0 {
            if tt == 0 { tl = 0xFFFF }
            tt = max(tt, min(titleTF, 255))
            tl = min(tl, UInt32(min(titleLength, 0xFFFF)))
        }
        raw = UInt64(l1) | UInt64(l2) << 16 | UInt64(t) << 32 | UInt64(tt) << 40 | UInt64(tl) << 48
    }
}
