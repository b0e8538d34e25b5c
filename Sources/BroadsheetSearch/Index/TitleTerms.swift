/// Titles per document, as ``TitleIndex`` keeps those added since its last freeze: per document its
/// sorted stem ids, coded as varint gaps back to back (about two bytes a word instead of four).
struct TitleTerms: Sendable {
    private var bytes: [UInt8] = []
    /// Per document (count + 1): the start of its title in ``bytes``.
    private var starts: [UInt32] = [0]

    /// Appends the next document's title stems (sorted ascending).
    mutating func append(sorted stems: [Int32]) {
        var previous: Int32 = 0
        for stem in stems {
            Varint.append(UInt32(stem - previous), to: &bytes)
            previous = stem
        }
        starts.append(UInt32(bytes.count))
    }

    /// How often `stem` occurs in document `d`'s title.
    func occurrences(of stem: Int32, inDocument d: Int) -> Int {
        var count = 0
        forEachStem(ofDocument: d) { id, n in if id == stem { count = n } }
        return count
    }

    /// Calls `body` with each distinct stem of document `d`'s title, ascending, and its count.
    func forEachStem(ofDocument d: Int, _ body: (_ stem: Int32, _ count: Int) -> Void) {
        bytes.withUnsafeBufferPointer { b in
            var i = Int(starts[d])
            let end = Int(starts[d + 1])
            var id: UInt32 = 0
            var run = 0
            while i < end {
                let next = id &+ Varint.read(b, &i)
                if run > 0 && next != id {
                    body(Int32(bitPattern: id), run)
                    run = 0
                }
                id = next
                run += 1
            }
            if run > 0 { body(Int32(bitPattern: id), run) }
        }
    }

    /// Drops spare capacity left by growth.
    mutating func trim() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        starts = starts.withUnsafeBufferPointer { Array($0) }
    }

    var byteCount: Int { bytes.capacity + starts.capacity * 4 }
}
