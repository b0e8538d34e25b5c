#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A compact string table: byte strings stored back to back in one arena, found through an
/// open-addressing hash table of ids. Ids are dense (`0..<count`) in insertion order.
///
/// No per-term object or `String` is allocated; memory is the arena, two `UInt32` per term and the
/// hash slots.
struct TermInterner: Sendable {
    private(set) var arena: [UInt8] = []
    /// `starts[id]..<starts[id + 1]` is the term's range in ``arena``.
    private(set) var starts: [UInt32] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    var count: Int { starts.count - 1 }

    /// Bytes used by the arena, offsets, hashes and slots.
    var byteCount: Int { arena.capacity + starts.capacity * 4 + slots.count * 4 }

    /// Drops spare array capacity (after bulk loading), and shrinks the hash table to a load of at most
    /// 3/4 (the next insertion grows it back to at most 1/2).
    mutating func trim() {
        arena = arena.withUnsafeBufferPointer { Array($0) }
        starts = starts.withUnsafeBufferPointer { Array($0) }
        var size = 1024
        while size * 3 < count * 4 { size *= 2 }
        if size < slots.count { rehash(size: size) }
    }

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h ^ (h >> 15)
    }

    func bytes(_ id: Int32) -> ArraySlice<UInt8> { arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])] }

    func string(_ id: Int32) -> String { String(decoding: bytes(id), as: UTF8.self) }

    func length(_ id: Int32) -> Int { Int(starts[Int(id) + 1] - starts[Int(id)]) }

    /// The id of `key`, if interned.
    func find(_ key: ArraySlice<UInt8>) -> Int32? {
        key.withUnsafeBufferPointer { find($0, hash: Self.hash($0)) }
    }

    func find(_ key: String) -> Int32? { find(Array(key.utf8)[...]) }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int32? {
        slot(of: key, hash: h).id
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> (slot: Int, id: Int32?) {
        arena.withUnsafeBufferPointer { arena in
            starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                        let mask = slots.count - 1
                        var s = Int(h) & mask
                        let n = key.count
                        while true {
                            let id = slots[s]
                            if id < 0 { return (s, nil) }
                            let a = Int(starts[Int(id)])
                            if Int(starts[Int(id) + 1]) - a == n
                                && (n == 0 || memcmp(arena.baseAddress! + a, key.baseAddress!, n) == 0)
                            {
                                return (s, id)
                            }
                            s = (s + 1) & mask
                        }
                }
            }
        }
    }

    /// The id of `key`, interning it when new.
    mutating func intern(_ key: ArraySlice<UInt8>) -> (id: Int32, isNew: Bool) {
        key.withUnsafeBufferPointer { intern($0) }
    }

    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let h = Self.hash(key)
        let (s, found) = slot(of: key, hash: h)
        if let found { return (found, false) }
        let id = Int32(count)
        arena.append(contentsOf: key)
        starts.append(UInt32(arena.count))
        if count * 2 > slots.count {
            grow()
            let mask = slots.count - 1
            var t = Int(h) & mask
            while slots[t] >= 0 { t = (t + 1) & mask }
            slots[t] = id
        } else {
            slots[s] = id
        }
        return (id, true)
    }

    private mutating func grow() {
        var newSlots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = newSlots.count - 1
        // The newest id is placed by the caller.
        for id in 0..<Int32(count - 1) {
            var s = Int(Self.hash(bytes(id))) & mask
            while newSlots[s] >= 0 { s = (s + 1) & mask }
            newSlots[s] = id
        }
        slots = newSlots
    }

    /// Rebuilds the hash table with `size` slots (a power of two), holding every id.
    private mutating func rehash(size: Int) {
        var newSlots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for id in 0..<Int32(count) {
            var s = Int(Self.hash(bytes(id))) & mask
            while newSlots[s] >= 0 { s = (s + 1) & mask }
            newSlots[s] = id
        }
        slots = newSlots
    }
}

// MARK: - Saving and opening (see ``SearchIndex/write(to:)``)

extension TermInterner {
    /// Sections: the arena bytes, the offsets (`UInt32`, count + 1), the hash slots (`Int32`).
    func save(to w: inout IndexFileWriter) {
        w.append(arena)
        w.append(starts)
        w.append(slots)
    }

    /// The table saved by ``save(to:)``, checked: offsets grow and span the arena, the slot count is a
    /// power of two with an empty slot, every slot holds an id or -1.
    init(restoring r: inout IndexFileReader, name: String) throws(SearchIndexFileError) {
        let arena: [UInt8] = try r.array("\(name) bytes")
        let starts: [UInt32] = try r.array("\(name) offsets")
        let slots: [Int32] = try r.array("\(name) slots")
        try IndexFileCheck.require(!starts.isEmpty, "\(name): no offsets")
        let count = starts.count - 1
        try IndexFileCheck.offsets(starts, count: count, end: arena.count, name)
        try IndexFileCheck.require(slots.count > count && slots.count.nonzeroBitCount == 1, "\(name): \(slots.count) hash slots for \(count) terms")
        try IndexFileCheck.values(slots, in: -1..<count, "\(name) slots")
        self.init()
        self.arena = arena
        self.starts = starts
        self.slots = slots
    }
}
