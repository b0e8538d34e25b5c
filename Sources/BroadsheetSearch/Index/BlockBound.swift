/// Statistics of one block of a term's postings, packed in 128 bits, from which an upper bound of the
/// block's scores (BM25 on the paragraph plus the boosted title part) follows for any `k1`, `b` and
/// average lengths (block-max skipping).
///
/// Postings of documents whose title holds the term are kept apart from the others, so that the title
/// part is only added to their body bound: most blocks hold no such posting, and their bound is the
/// body's alone. Among the others, tf = 1, tf = 2 and tf ≥ 3 postings each keep their shortest
/// paragraph, which bounds common terms far more tightly than one `(max tf, min length)` pair.
///
/// Layout of `body`: bits 0–15 shortest paragraph with tf = 1, 16–31 with tf = 2, 32–47 with tf ≥ 3
/// (0xFFFF: none), 48–55 largest tf (255: 255 or more). Layout of `titled`: bits 0–15 shortest
/// paragraph, 16–23 largest tf (0: no such posting; 255: 255 or more), 24–31 most occurrences in the
/// title (255: 255 or more), 32–47 shortest title.
struct BlockBound: Sendable, Hashable {
    var body: UInt64
    var titled: UInt64

    /// A block whose statistics are unknown: never skipped.
    static let unknown = BlockBound(body: 0x00FF_0000_0000_0000, titled: 0x0000_0000_FFFF_0000)

    /// A block with no postings yet (the start of accumulation).
    static let empty = BlockBound(body: 0x0000_FFFF_FFFF_FFFF, titled: 0x0000_FFFF_0000_FFFF)

    var minLengthTF1: UInt32 { UInt32(truncatingIfNeeded: body & 0xFFFF) }
    var minLengthTF2: UInt32 { UInt32(truncatingIfNeeded: (body >> 16) & 0xFFFF) }
    var minLengthTF3: UInt32 { UInt32(truncatingIfNeeded: (body >> 32) & 0xFFFF) }
    var maxTF: UInt32 { UInt32(truncatingIfNeeded: (body >> 48) & 0xFF) }
    var titledMinLength: UInt32 { UInt32(truncatingIfNeeded: titled & 0xFFFF) }
    var titledMaxTF: UInt32 { UInt32(truncatingIfNeeded: (titled >> 16) & 0xFF) }
    var maxTitleTF: UInt32 { UInt32(truncatingIfNeeded: (titled >> 24) & 0xFF) }
    var minTitleLength: UInt32 { UInt32(truncatingIfNeeded: (titled >> 32) & 0xFFFF) }

    /// Adds a posting: `tf` occurrences in a paragraph of `length` words, and `titleTF` occurrences in
    /// its document's title of `titleLength` words.
    @inline(__always)
    mutating func add(tf: UInt32, length: UInt16, titleTF: UInt32, titleLength: Int) {
        let l = UInt32(length)
        let t = min(tf, 255)
        if titleTF == 0 {
            var l1 = minLengthTF1
            var l2 = minLengthTF2
            var l3 = minLengthTF3
            switch tf {
            case 1: l1 = min(l1, l)
            case 2: l2 = min(l2, l)
            default: l3 = min(l3, l)
            }
            let m = max(maxTF, t)
            body = UInt64(l1) | UInt64(l2) << 16 | UInt64(l3) << 32 | UInt64(m) << 48
        } else {
            let ml = min(titledMinLength, l)
            let m = max(titledMaxTF, t)
            let tt = max(maxTitleTF, min(titleTF, 255))
            let tl = min(minTitleLength, UInt32(min(titleLength, 0xFFFF)))
            titled = UInt64(ml) | UInt64(m) << 16 | UInt64(tt) << 24 | UInt64(tl) << 32
        }
    }
}
