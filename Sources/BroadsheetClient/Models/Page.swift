public import BroadsheetWire

extension BroadsheetClient {
    /// One page of a paginated list (`data` plus the paging figures), as the server encodes it.
    public typealias Page<Item: Codable & Sendable> = BroadsheetWire.Page<Item>
}
