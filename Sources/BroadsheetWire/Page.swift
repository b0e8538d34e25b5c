/// One page of a list: its items and the paging figures.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    /// The items on this page.
    public var data: [Item]
    /// How many items the whole list has.
    public var total: Int
    /// The page size applied.
    public var limit: Int
    /// The index of the first item on this page.
    public var offset: Int

    public init(data: [Item], total: Int, limit: Int, offset: Int) {
        self.data = data
        self.total = total
        self.limit = limit
        self.offset = offset
    }

    /// Cuts one page out of `items` (already filtered and sorted).
    public init(slicing items: [Item], limit: Int, offset: Int) {
        self.init(slicing: items, limit: limit, offset: offset) { $0 }
    }

    /// One page of a collection, converting only the items on it.
    public init<C: RandomAccessCollection>(slicing items: C, limit: Int, offset: Int, _ transform: (C.Element) -> Item) where C.Index == Int {
        let lo = min(offset, items.count)
        let hi = min(lo + limit, items.count)
        self.init(data: (lo..<hi).map { transform(items[items.startIndex + $0]) }, total: items.count, limit: limit, offset: offset)
    }
}
