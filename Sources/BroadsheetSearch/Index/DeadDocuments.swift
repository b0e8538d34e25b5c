/// The documents of an index that are dead (replaced or removed), as a bitset by document position:
/// one bit per document, so that the check per matching unit is one load and a shift.
struct DeadDocuments: Sendable, Hashable {
    /// Bit `d % 64` of word `d / 64` is set when document position `d` is dead.
    private(set) var words: [UInt64] = []
    /// Number of dead documents.
    private(set) var count = 0

    init() {}

    /// A bitset from its words (as ``words`` gave them), counting the set bits.
    init(words: [UInt64]) {
        self.words = words
        count = words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Whether document position `d` is dead.
    @inline(__always)
    func contains(_ d: Int32) -> Bool {
        let w = Int(d) >> 6
        return w < words.count && words[w] >> UInt64(d & 63) & 1 != 0
    }

    /// Marks document position `d` dead.
    mutating func insert(_ d: Int32) {
        let w = Int(d) >> 6
        if w >= words.count { words.append(contentsOf: repeatElement(0, count: w + 1 - words.count)) }
        let bit = UInt64(1) << UInt64(d & 63)
        if words[w] & bit == 0 {
            words[w] |= bit
            count += 1
        }
    }

    var byteCount: Int { words.capacity * 8 }
}
