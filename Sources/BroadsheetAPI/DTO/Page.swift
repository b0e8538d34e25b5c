/// The envelope of every paginated list: `{ "data": [...], "total", "limit", "offset" }`.
public struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    public var data: [Item]
    public var total: Int
    public var limit: Int
    public var offset: Int

    /// Cuts one page out of `items` (already filtered and sorted).
    public init(slicing items: [Item], limit: Int, offset: Int) {
        let lo = min(offset, items.count)
        let hi = min(lo + limit, items.count)
        self.data = Array(items[lo..<hi])
        self.total = items.count
        self.limit = limit
        self.offset = offset
    }

    /// One page of a collection, converting only the items on it.
    public init<C: RandomAccessCollection>(slicing items: C, limit: Int, offset: Int, _ transform: (C.Element) -> Item) where C.Index == Int {
        let lo = min(offset, items.count)
        let hi = min(lo + limit, items.count)
        self.data = (lo..<hi).map { transform(items[items.startIndex + $0]) }
        self.total = items.count
        self.limit = limit
        self.offset = offset
    }
}
