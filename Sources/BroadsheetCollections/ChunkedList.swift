/// A list kept in chunks, so that a changed copy shares every chunk the change did not touch.
///
/// A snapshot of the corpus holds lists of every document, quote and event; the next snapshot
/// differs from it by a few elements. A Swift array would copy (and retain) every element to
/// change one; a chunked list copies one chunk of at most ``maxChunk`` elements and an array of
/// chunk ends. Reading is a binary search over the chunk ends, then an array subscript.
///
/// ```swift
/// var list = ChunkedList(sortedNumbers)
/// list.remove(5, by: <)
/// list.insert(7, by: <)
/// ```
public struct ChunkedList<Element> {
    /// Most elements a chunk holds before it is split in two.
    public static var maxChunk: Int { 512 }

    @usableFromInline var chunks: [[Element]]
    /// `ends[i]`: the number of elements in chunks `0...i`.
    @usableFromInline var ends: [Int]

    /// A list of these elements, in this order.
    @inlinable public init(_ elements: [Element] = []) {
        chunks = []
        ends = []
        var start = 0
        let size = Self.maxChunk / 2
        while start < elements.count {
            let end = Swift.min(elements.count, start + size)
            chunks.append(Array(elements[start..<end]))
            ends.append(end)
            start = end
        }
    }

    /// The chunk holding position `i`, and the position of its first element.
    @inlinable func chunk(holding i: Int) -> (chunk: Int, start: Int) {
        var low = 0
        var high = ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] > i { high = mid } else { low = mid + 1 }
        }
        return (low, low == 0 ? 0 : ends[low - 1])
    }

    /// The first position whose element is not ordered before `element` (`count` when none).
    @inlinable public func lowerBound(of element: Element, by areInIncreasingOrder: (Element, Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if areInIncreasingOrder(self[mid], element) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first position whose element satisfies `predicate` (`count` when none), for a predicate
    /// that is false for a prefix of the list and true for the rest.
    @inlinable public func partitionPoint(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Inserts `element` where it belongs in a list sorted by `areInIncreasingOrder` (after equal ones);
    /// returns its position (for a list kept in step).
    @discardableResult
    @inlinable public mutating func insert(_ element: Element, by areInIncreasingOrder: (Element, Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if areInIncreasingOrder(element, self[mid]) { high = mid } else { low = mid + 1 }
        }
        insert(element, at: low)
        return low
    }

    /// Removes the first element ordered like `element` for which `matches` holds, in a list sorted by
    /// `areInIncreasingOrder`; returns whether one was found.
    @discardableResult
    @inlinable public mutating func remove(
        _ element: Element, by areInIncreasingOrder: (Element, Element) -> Bool, where matches: (Element) -> Bool
    ) -> Bool {
        guard let i = position(of: element, by: areInIncreasingOrder, where: matches) else { return false }
        remove(at: i)
        return true
    }

    /// The position of the first element ordered like `element` for which `matches` holds, in a list
    /// sorted by `areInIncreasingOrder`.
    @inlinable public func position(
        of element: Element, by areInIncreasingOrder: (Element, Element) -> Bool, where matches: (Element) -> Bool
    ) -> Int? {
        var i = lowerBound(of: element, by: areInIncreasingOrder)
        while i < count, !areInIncreasingOrder(element, self[i]) {
            if matches(self[i]) { return i }
            i += 1
        }
        return nil
    }

    /// Inserts `element` at position `i` (`0...count`).
    @inlinable public mutating func insert(_ element: Element, at i: Int) {
        precondition(i >= 0 && i <= count, "ChunkedList index out of range")
        if chunks.isEmpty {
            chunks = [[element]]
            ends = [1]
            return
        }
        var (c, start) = i == count ? (chunks.count - 1, count - chunks[chunks.count - 1].count) : chunk(holding: i)
        chunks[c].insert(element, at: i - start)
        for k in c..<ends.count { ends[k] += 1 }
        if chunks[c].count > Self.maxChunk {
            let half = chunks[c].count / 2
            let tail = Array(chunks[c][half...])
            chunks[c].removeSubrange(half...)
            chunks.insert(tail, at: c + 1)
            start += half
            ends.insert(ends[c], at: c + 1)
            ends[c] = start
            c += 1
        }
    }

    /// Removes and returns the element at position `i`.
    @discardableResult
    @inlinable public mutating func remove(at i: Int) -> Element {
        precondition(i >= 0 && i < count, "ChunkedList index out of range")
        let (c, start) = chunk(holding: i)
        let element = chunks[c].remove(at: i - start)
        for k in c..<ends.count { ends[k] -= 1 }
        if chunks[c].isEmpty {
            chunks.remove(at: c)
            ends.remove(at: c)
        }
        return element
    }
}

extension ChunkedList: RandomAccessCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { ends.last ?? 0 }
    @inlinable public var count: Int { ends.last ?? 0 }

    @inlinable public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "ChunkedList index out of range")
        let (c, start) = chunk(holding: position)
        return chunks[c][position - start]
    }

    /// Every element, chunk by chunk (faster than subscripting each position).
    @inlinable public func forEachElement(_ body: (Element) throws -> Void) rethrows {
        for chunk in chunks {
            for element in chunk { try body(element) }
        }
    }

    /// Walks the chunks in turn, with no search per element.
    public struct Iterator: IteratorProtocol {
        @usableFromInline var chunks: IndexingIterator<[[Element]]>
        @usableFromInline var current: IndexingIterator<[Element]>?

        @inlinable init(chunks: IndexingIterator<[[Element]]>, current: IndexingIterator<[Element]>?) {
            self.chunks = chunks
            self.current = current
        }

        @inlinable public mutating func next() -> Element? {
            while true {
                if let element = current?.next() { return element }
                guard let chunk = chunks.next() else { return nil }
                current = chunk.makeIterator()
            }
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(chunks: chunks.makeIterator(), current: nil) }
}

extension ChunkedList: Sendable where Element: Sendable {}

extension ChunkedList: ExpressibleByArrayLiteral {
    @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension ChunkedList: Equatable where Element: Equatable {
    @inlinable public static func == (a: ChunkedList, b: ChunkedList) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

