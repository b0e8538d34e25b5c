public import BroadsheetWire

extension BroadsheetClient {
    /// `GET /v1/search`. `unit` is `article` (the server's default) or `paragraph`; `passages` 0–5 per article hit.
    public func search(
        _ q: String, unit: String? = nil, passages: Int? = nil, group: String? = nil, document: String? = nil, entity: String? = nil,
        from: String? = nil, to: String? = nil, limit: Int? = nil, offset: Int? = nil, facets: [String]? = nil
    ) async throws(BroadsheetClientError) -> SearchResults {
        var query: [(String, String)] = [("q", q)]
        if let unit { query.append(("unit", unit)) }
        if let passages { query.append(("passages", String(passages))) }
        if let group { query.append(("group", group)) }
        if let document { query.append(("document", document)) }
        if let entity { query.append(("entity", entity)) }
        if let from { query.append(("from", from)) }
        if let to { query.append(("to", to)) }
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        if let facets { query.append(("facets", facets.joined(separator: ","))) }
        return try await get("/v1/search", query: query)
    }

    /// `GET /v1/suggest`.
    public func suggest(_ q: String, limit: Int? = nil, offset: Int? = nil) async throws(BroadsheetClientError) -> Page<Suggestion> {
        var query: [(String, String)] = [("q", q)]
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/suggest", query: query)
    }
}
