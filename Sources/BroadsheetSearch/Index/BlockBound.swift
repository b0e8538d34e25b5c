/// Statistics of one block of a term's postings, packed in 64 bits, from which an upper bound of the
/// block's scores (BM25 on the paragraph plus the boosted title part) follows for any `k1`, `b` and
/// average lengths (block-max skipping).
///
/// Postings of documents whose title holds the term are kept apart from the others, so that the title
/// part is only added to their body bound: most blocks hold no such posting, and their bound is the
/// body's alone. Among the others, tf = 1, tf = 2 and tf ≥ 3 postings each keep their shortest
/// paragraph, which bounds common terms far more tightly than one `(max tf, min length)` pair.
///
/// Lengths are kept as one-byte codes that round down (see ``code(length:)``), so a bound computed
/// from them is never below the true one. Layout: bits 0–7 shortest paragraph with tf = 1, 8–15 with
/// tf = 2, 16–23 with tf ≥ 3, 24–31 largest tf (255: 255 or more); then for the postings of titled
/// documents: 32–39 shortest paragraph, 40–47 largest tf (0: no such posting), 48–55 most occurrences
/// in the title, 56–63 shortest title. A length code of 255 means none.
struct BlockBound: Sendable, Hashable {
    var bits: UInt64

    private static let none: UInt64 = 0xFF

    /// A block with no postings yet (the start of accumulation).
    static let empty = BlockBound(bits: 0xFF00_00FF_00FF_FFFF)

    /// The one-byte code of a length: exact below 32, else 4 significant bits and a shift (the length
    /// rounded down by at most 1/16). Codes grow with lengths; the largest is 207.
    @inline(__always)
    static func code(length: UInt32) -> UInt64 {
        let l = min(length, 0xFFFF)
        if l < 32 { return UInt64(l) }
        let shift = UInt32(UInt32.bitWidth - l.leadingZeroBitCount) - 5
        return 32 + UInt64(shift - 1) * 16 + UInt64((l >> shift) - 16)
    }

    /// The length a code stands for (at most the length coded); 0xFFFF for none.
    @inline(__always)
    static func length(code: UInt64) -> UInt32 {
        if code == none { return 0xFFFF }
        if code < 32 { return UInt32(code) }
        let shift = UInt32((code - 32) / 16) + 1
        return (UInt32((code - 32) % 16) + 16) << shift
    }

    /// ``length(code:)`` of every code, as `Double` (what scoring multiplies).
    static let decodedLengths: [Double] = (0..<256).map { Double(length(code: UInt64($0))) }

    @inline(__always) private func byte(_ k: UInt64) -> UInt64 { (bits >> (8 * k)) & 0xFF }

    var minLengthTF1: UInt32 { Self.length(code: byte(0)) }
    var minLengthTF2: UInt32 { Self.length(code: byte(1)) }
    var minLengthTF3: UInt32 { Self.length(code: byte(2)) }
    var maxTF: UInt32 { UInt32(byte(3)) }
    var titledMinLength: UInt32 { Self.length(code: byte(4)) }
    var titledMaxTF: UInt32 { UInt32(byte(5)) }
    var maxTitleTF: UInt32 { UInt32(byte(6)) }
    var minTitleLength: UInt32 { Self.length(code: byte(7)) }

    @inline(__always)
    private mutating func lower(_ k: UInt64, to value: UInt64) {
        if value < byte(k) { bits = bits & ~(0xFF << (8 * k)) | value << (8 * k) }
    }

    @inline(__always)
    private mutating func raise(_ k: UInt64, to value: UInt64) {
        if value > byte(k) { bits = bits & ~(0xFF << (8 * k)) | value << (8 * k) }
    }

    /// Adds a posting: `tf` occurrences in a paragraph whose length has code `lengthCode` (see
    /// ``code(length:)``), and `titleTF` occurrences in its document's title of `titleLength` words.
    @inline(__always)
    mutating func add(tf: UInt32, lengthCode: UInt8, titleTF: UInt32, titleLength: Int) {
        let l = UInt64(lengthCode)
        let t = UInt64(min(tf, 255))
        if titleTF == 0 {
            lower(tf == 1 ? 0 : tf == 2 ? 1 : 2, to: l)
            raise(3, to: t)
        } else {
            lower(4, to: l)
            raise(5, to: t)
            raise(6, to: UInt64(min(titleTF, 255)))
            lower(7, to: Self.code(length: UInt32(min(titleLength, 0xFFFF))))
        }
    }
}
