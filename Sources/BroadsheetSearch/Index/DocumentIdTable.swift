/// Document ids to positions in the index's document table: an open-addressing hash table of
/// `Int32` slots whose keys are read from the document table itself, so the ids are not stored twice
/// (a `[String: Int32]` would keep another 16-byte string and spare buckets per document).
struct DocumentIdTable: Sendable {
    /// Per slot: a document position, ``empty`` or ``removed`` (a tombstone that probes pass over).
    private var slots = [Int32](repeating: -1, count: 16)
    private static let empty: Int32 = -1
    private static let removed: Int32 = -2
    /// Number of ids.
    private(set) var count = 0
    /// Slots not ``empty`` (ids and tombstones): what the load factor counts.
    private var used = 0

    /// The position of `id`, given the id stored at each position.
    @inline(__always)
    func find(_ id: String, idAt: (Int32) -> String) -> Int32? {
        let s = Self.slot(of: id, in: slots, idAt: idAt)
        return slots[s] >= 0 ? slots[s] : nil
    }

    /// Points `id` at `position` (a new id, or a replacement's new position).
    mutating func set(_ id: String, to position: Int32, idAt: (Int32) -> String) {
        let s = Self.slot(of: id, in: slots, idAt: idAt)
        guard slots[s] < 0 else {
            slots[s] = position
            return
        }
        slots[s] = position
        count += 1
        used += 1
        guard used * 10 > slots.count * 7 else { return }
        var size = slots.count
        while count * 10 > size * 5 { size *= 2 }
        var grown = [Int32](repeating: Self.empty, count: size)
        let mask = grown.count - 1
        for p in slots where p >= 0 {
            var t = idAt(p).hashValue & mask
            while grown[t] >= 0 { t = (t + 1) & mask }
            grown[t] = p
        }
        slots = grown
        used = count
    }

    /// Forgets `id` (its slot becomes a tombstone).
    mutating func remove(_ id: String, idAt: (Int32) -> String) {
        let s = Self.slot(of: id, in: slots, idAt: idAt)
        guard slots[s] >= 0 else { return }
        slots[s] = Self.removed
        count -= 1
    }

    /// The slot holding `id`, or the empty slot where it would go (probing past tombstones).
    @inline(__always)
    private static func slot(of id: String, in slots: [Int32], idAt: (Int32) -> String) -> Int {
        let mask = slots.count - 1
        var s = id.hashValue & mask
        while slots[s] != empty && (slots[s] == removed || idAt(slots[s]) != id) { s = (s + 1) & mask }
        return s
    }

    var byteCount: Int { slots.capacity * 4 }
}
