extension BroadsheetClient {
    /// One page of a paginated list (`data` plus the paging figures). Nested in
    /// ``BroadsheetClient`` so that it does not clash with the server's own `Page`.
    public struct Page<Item: Decodable & Sendable>: Decodable, Sendable {
        /// The items on this page.
        public var data: [Item]
        /// How many items the whole list has.
        public var total: Int
        /// The page size the server applied.
        public var limit: Int
        /// The index of the first item on this page.
        public var offset: Int
    }
}
