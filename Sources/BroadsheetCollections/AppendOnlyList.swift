/// A list that grows only at its end, kept in chunks of 4,096 elements, so that a changed copy shares
/// every chunk it did not touch.
///
/// A search index is copied for each publish and then grows by a few documents: with a Swift array
/// the first append would copy (and retain) every element; here it copies the array of chunk
/// references and the last chunk. Reading stays O(1): a shift and a mask.
///
/// ```swift
/// var list = AppendOnlyList<Int>()
/// list.append(7)
/// let copy = list      // shares the chunks
/// list.append(8)       // copies only the last chunk
/// ```
public struct AppendOnlyList<Element>: RandomAccessCollection, MutableCollection {
    @usableFromInline static var shift: Int { 12 }
    @usableFromInline static var mask: Int { (1 << shift) - 1 }

    @usableFromInline var chunks: [[Element]] = []
    @usableFromInline var elementCount = 0

    public init() {}

    /// A list of these elements, in this order.
    public init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { elementCount }

    @inlinable public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < elementCount, "AppendOnlyList index out of range")
            return chunks[position >> Self.shift][position & Self.mask]
        }
        set {
            precondition(position >= 0 && position < elementCount, "AppendOnlyList index out of range")
            chunks[position >> Self.shift][position & Self.mask] = newValue
        }
    }

    /// Adds `element` at the end (copying at most the last chunk when the list is shared).
    @inlinable public mutating func append(_ element: Element) {
        if elementCount & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(1 << Self.shift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        elementCount += 1
    }

    /// Elements the chunks have room for.
    public var capacity: Int { chunks.reduce(0) { $0 + $1.capacity } }
}

extension AppendOnlyList: Sendable where Element: Sendable {}
