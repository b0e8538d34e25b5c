import CPrefetch

/// The document of every paragraph, in about one byte a paragraph.
///
/// Paragraph ids are given in document order, so the documents of a group of ``groupSize`` paragraphs
/// lie close together: each group keeps its first paragraph's document, and each paragraph its
/// distance from it in one byte. The rare larger distances (runs of documents without paragraphs)
/// are kept apart.
struct ParagraphDocuments: Sendable {
    static let groupSize = 64
    private static let far: UInt8 = 255

    private var groupFirst: [Int32] = []
    private var distance: [UInt8] = []
    private var farDocuments: [Int32: Int32] = [:]

    /// Number of paragraphs.
    var count: Int { distance.count }

    /// Records the document of the next paragraph; documents must not decrease.
    mutating func append(_ document: Int32) {
        let p = distance.count
        if p % Self.groupSize == 0 { groupFirst.append(document) }
        let d = document - groupFirst[p / Self.groupSize]
        precondition(d >= 0, "paragraphs come in document order")
        if d < Int32(Self.far) {
            distance.append(UInt8(d))
        } else {
            distance.append(Self.far)
            farDocuments[Int32(p)] = document
        }
    }

    /// The document of paragraph `p`.
    @inline(__always)
    subscript(p: Int) -> Int32 {
        let d = distance[p]
        if d != Self.far { return groupFirst[p / Self.groupSize] &+ Int32(d) }
        return farDocuments[Int32(p)]!
    }

    /// Starts loading what ``subscript(_:)`` reads for paragraph `p` (a hint; `p` must be in range).
    @inline(__always)
    func prefetch(_ p: Int) {
        distance.withUnsafeBufferPointer { broadsheet_prefetch($0.baseAddress! + p) }
        groupFirst.withUnsafeBufferPointer { broadsheet_prefetch($0.baseAddress! + p / Self.groupSize) }
    }

    /// Drops spare capacity left by growth.
    mutating func trim() {
        groupFirst = groupFirst.withUnsafeBufferPointer { Array($0) }
        distance = distance.withUnsafeBufferPointer { Array($0) }
    }

    var byteCount: Int { groupFirst.capacity * 4 + distance.capacity + farDocuments.count * 16 }
}

// MARK: - Saving and opening (see ``SearchIndex/write(to:)``)

extension ParagraphDocuments {
    /// Sections: group firsts (`Int32`), distances (`UInt8`), far paragraphs and their documents (`Int32`, ascending).
    func save(to w: inout IndexFileWriter) {
        w.append(groupFirst)
        w.append(distance)
        let far = farDocuments.sorted { $0.key < $1.key }
        w.append(far.map(\.key))
        w.append(far.map(\.value))
    }

    /// The table saved by ``save(to:)`` for `units` units of `documents` documents, checked: one group
    /// first per group, documents in range and never decreasing.
    init(restoring r: inout IndexFileReader, units: Int, documents: Int) throws(SearchIndexFileError) {
        let groupFirst: [Int32] = try r.array("unit groups", count: (units + Self.groupSize - 1) / Self.groupSize)
        let distance: [UInt8] = try r.array("unit documents", count: units)
        let farKeys: [Int32] = try r.array("far units")
        let farValues: [Int32] = try r.array("far unit documents", count: farKeys.count)
        try IndexFileCheck.values(groupFirst, in: 0..<documents, "unit groups")
        try IndexFileCheck.values(farKeys, in: 0..<units, "far units")
        try IndexFileCheck.values(farValues, in: 0..<documents, "far unit documents")
        self.init()
        self.groupFirst = groupFirst
        self.distance = distance
        farDocuments = Dictionary(zip(farKeys, farValues), uniquingKeysWith: { a, _ in a })
        try IndexFileCheck.require(farDocuments.count == farKeys.count, "far units repeat")
        var last: Int32 = 0
        for p in 0..<units {
            if distance[p] == Self.far {
                guard farDocuments[Int32(p)] != nil else { throw .corrupt("unit \(p) is far but has no document") }
            }
            let d = self[p]
            try IndexFileCheck.require(d >= last && Int(d) < documents, "unit \(p)'s document \(d) out of order")
            last = d
        }
    }
}
