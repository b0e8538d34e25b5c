public import BroadsheetWire

extension BroadsheetClient {
    /// `GET /v1/events`: one page of the timeline, filtered as asked.
    public func events(
        from: String? = nil, to: String? = nil, entity: String? = nil, type: String? = nil, document: String? = nil,
        limit: Int? = nil, offset: Int? = nil
    ) async throws(BroadsheetClientError) -> Page<Event> {
        var query: [(String, String)] = []
        if let from { query.append(("from", from)) }
        if let to { query.append(("to", to)) }
        if let entity { query.append(("entity", entity)) }
        if let type { query.append(("type", type)) }
        if let document { query.append(("document", document)) }
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/events", query: query)
    }

    /// `GET /v1/entities/{id}/events`.
    public func events(ofEntity id: String, limit: Int? = nil, offset: Int? = nil) async throws(BroadsheetClientError)
        -> Page<Event>
    {
        var query: [(String, String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/entities/" + Self.percentEncode(id) + "/events", query: query)
    }
}
