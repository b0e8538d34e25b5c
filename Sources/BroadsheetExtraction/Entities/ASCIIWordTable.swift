/// An open-addressed hash table of ASCII byte strings, each mapped to a dense entry index.
///
/// It is the fast path of ``WordSet`` and ``WordMap``: hashing a short word with FNV-1a and comparing its bytes
/// costs a fraction of `String`'s seeded SipHash and Unicode-aware equality. Only ASCII keys are stored, and for
/// ASCII text byte equality is exactly `String` equality (canonical equivalence).
struct ASCIIWordTable: Sendable {
    /// One slot of the open-addressed index: the key's hash (high 32 bits; the low bits pick the slot) and its
    /// entry index, or -1 when empty.
    /// Keeping the hash in the slot means a lookup touches the key bytes only for a likely match.
    private struct Slot {
        var hash: UInt32
        var entry: Int32
    }
    /// Where an entry's key starts in ``bytes`` and how long it is.
    private struct Key {
        var offset: Int32
        var length: Int32
    }

    /// The keys' bytes, one after another.
    private var bytes: [UInt8] = []
    private var keys: [Key] = []
    /// The slot count is a power of two, at least twice the key count.
    private var slots = [Slot](repeating: Slot(hash: 0, entry: -1), count: 16)

    /// The number of keys.
    var count: Int { keys.count }

    init() {}

    /// An empty table with room for `capacity` keys (of about `averageLength` bytes) before it grows.
    init(minimumCapacity capacity: Int, averageLength: Int = 8) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Slot](repeating: Slot(hash: 0, entry: -1), count: slotCount)
        keys.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * averageLength)
    }

    /// A hash of `word` (eight bytes per multiply, so short words cost a few multiplies), and whether every byte
    /// is ASCII.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
        let n = word.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = word.baseAddress else { return (h, true) }
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            high |= v
            h = (h ^ v) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                v |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            high |= v
            h = (h ^ v) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        h = (h ^ (h >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 32), high & 0x8080_8080_8080_8080 == 0)
    }

    /// The entry index of `word` (ASCII bytes with their ``hash(_:)``), if present.
    @inline(__always)
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let h32 = UInt32(truncatingIfNeeded: hash >> 32)
        return slots.withUnsafeBufferPointer { slotBuffer in
            let mask = slotBuffer.count - 1
            var s = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slotBuffer[s]
                if slot.entry < 0 { return nil }
                if slot.hash == h32, matches(Int(slot.entry), word) { return Int(slot.entry) }
                s = (s + 1) & mask
            }
        }
    }

    @inline(__always)
    private func matches(_ e: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = keys[e]
        guard Int(key.length) == word.count else { return false }
        return bytes.withUnsafeBufferPointer { keyBytes in
            let o = Int(key.offset)
            var k = 0
            while k < word.count, keyBytes[o + k] == word[k] { k += 1 }
            return k == word.count
        }
    }

    /// Adds `word` (ASCII bytes) unless present; returns its entry index.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        insert(word, hash: Self.hash(word).hash)
    }

    /// Adds `word` (ASCII bytes with their ``hash(_:)``) unless present; returns its entry index.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        if let e = find(word, hash: h) { return e }
        let e = keys.count
        keys.append(Key(offset: Int32(bytes.count), length: Int32(word.count)))
        bytes.append(contentsOf: word)
        if (e + 1) * 2 > slots.count {
            rebuild(slotCount: slots.count * 2)
        } else {
            place(e, hash: h)
        }
        return e
    }

    /// Calls `body` with every key (as a `String`) and its entry index, in entry order.
    func forEachKey(_ body: (String, Int) -> Void) {
        for e in keys.indices {
            let key = keys[e]
            body(String(decoding: bytes[Int(key.offset)..<Int(key.offset + key.length)], as: UTF8.self), e)
        }
    }

    private mutating func place(_ e: Int, hash: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s].entry >= 0 { s = (s + 1) & mask }
        slots[s] = Slot(hash: UInt32(truncatingIfNeeded: hash >> 32), entry: Int32(e))
    }

    private mutating func rebuild(slotCount: Int) {
        slots = [Slot](repeating: Slot(hash: 0, entry: -1), count: slotCount)
        for e in keys.indices {
            let key = keys[e]
            let h = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[Int(key.offset)..<Int(key.offset + key.length)])).hash }
            place(e, hash: h)
        }
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
