/// An open-addressed hash table of ASCII byte strings, each mapped to a dense entry index.
///
/// It is the fast path of ``WordSet`` and ``WordMap``: hashing a short word with FNV-1a and comparing its bytes
/// costs a fraction of `String`'s seeded SipHash and Unicode-aware equality. Only ASCII keys are stored, and for
/// ASCII text byte equality is exactly `String` equality (canonical equivalence).
struct ASCIIWordTable: Sendable {
    /// The keys' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Per entry: where its key starts in ``bytes`` and how long it is.
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    /// Per slot: an entry index, or -1 for an empty slot. The count is a power of two.
    private var slots: [Int32] = [Int32](repeating: -1, count: 16)

    /// The number of keys.
    var count: Int { offsets.count }

    /// FNV-1a over `word`, and whether every byte is ASCII.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for b in word {
            high |= b
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
        }
        return (h ^ (h >> 29), high < 0x80)
    }

    /// The entry index of `word` (ASCII bytes with their ``hash(_:)``), if present.
    @inline(__always)
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slotBuffer in
            bytes.withUnsafeBufferPointer { keyBytes in
                while true {
                    let e = Int(slotBuffer[s])
                    if e < 0 { return nil }
                    if hashes[e] == hash, lengths[e] == word.count {
                        let o = offsets[e]
                        var k = 0
                        while k < word.count, keyBytes[o + k] == word[k] { k += 1 }
                        if k == word.count { return e }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    /// Adds `word` (ASCII bytes) unless present; returns its entry index.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let h = Self.hash(word).hash
        if let e = find(word, hash: h) { return e }
        let e = offsets.count
        offsets.append(bytes.count)
        lengths.append(word.count)
        hashes.append(h)
        bytes.append(contentsOf: word)
        if (e + 1) * 2 > slots.count { rebuild(slotCount: slots.count * 2) } else { place(e) }
        return e
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hashes[e]) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(e)
    }

    private mutating func rebuild(slotCount: Int) {
        slots = [Int32](repeating: -1, count: slotCount)
        for e in offsets.indices { place(e) }
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes (small strings are copied to the stack, native ones are not).
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every byte is ASCII.
    @inline(__always)
    var isASCII: Bool { withUTF8Bytes { ASCIIWordTable.hash($0).isASCII } }

    /// The ASCII string this string is canonically equivalent to, if any (itself when it is ASCII). `String`
    /// equality is canonical equivalence, and exactly three non-ASCII scalars are canonically equivalent to ASCII
    /// characters (singleton decompositions, fixed by Unicode's normalization stability policy): U+037E GREEK
    /// QUESTION MARK (";"), U+1FEF GREEK VARIA ("`") and U+212A KELVIN SIGN ("K"). Any other non-ASCII scalar keeps
    /// a non-ASCII canonical form, so no ASCII string can equal a string that contains it.
    var asciiCanonicalForm: String? {
        if isASCII { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s.value {
            case 0..<0x80: out.append(s)
            case 0x37E: out.append(";")
            case 0x1FEF: out.append("`")
            case 0x212A: out.append("K")
            default: return nil
            }
        }
        return String(out)
    }
}
