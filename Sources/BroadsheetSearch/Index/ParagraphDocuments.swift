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
