import CPrefetch

/// The stems of every document's title, for the title part of the score: per document its sorted
/// stem ids, coded as varint gaps back to back (about two bytes a word instead of four).
struct TitleTerms: Sendable {
    private var bytes: [UInt8] = []
    /// Per document (count + 1): the start of its title in ``bytes``.
    private var starts: [UInt32] = [0]

    /// Appends the next document's title stems (sorted ascending).
    mutating func append(sorted stems: [Int32]) {
        var previous: Int32 = 0
        for stem in stems {
            var v = UInt32(stem - previous)
            previous = stem
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }
        starts.append(UInt32(bytes.count))
    }

    /// How often `stem` occurs in document `d`'s title, and the title's length in words.
    @inline(__always)
    func occurrences(of stem: Int32, inDocument d: Int) -> (count: Int, length: Int) {
        bytes.withUnsafeBufferPointer { b in
            var i = Int(starts[d])
            let end = Int(starts[d + 1])
            var id: UInt32 = 0
            var count = 0
            var length = 0
            while i < end {
                id &+= Varint.read(b, &i)
                length += 1
                if id == UInt32(bitPattern: stem) { count += 1 }
            }
            return (count, length)
        }
    }

    /// Starts loading where document `d`'s title starts (a hint; `d` must be in range).
    @inline(__always)
    func prefetchStart(ofDocument d: Int) {
        starts.withUnsafeBufferPointer { broadsheet_prefetch($0.baseAddress! + d) }
    }

    /// Starts loading document `d`'s title (a hint: best once its start is in cache).
    @inline(__always)
    func prefetch(document d: Int) {
        let start = Int(starts[d])
        bytes.withUnsafeBufferPointer { broadsheet_prefetch($0.baseAddress! + start) }
    }

    /// The length in words of document `d`'s title.
    func length(ofDocument d: Int) -> Int { occurrences(of: -1, inDocument: d).length }

    /// Drops spare capacity left by growth.
    mutating func trim() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        starts = starts.withUnsafeBufferPointer { Array($0) }
    }

    var byteCount: Int { bytes.capacity + starts.capacity * 4 }
}
