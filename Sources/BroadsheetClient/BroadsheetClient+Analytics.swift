public import BroadsheetWire

extension BroadsheetClient {
    /// `GET /v1/trends`: the top values of `facet` within the articles selected by `q`, `entity`, `from` and `to`.
    public func trends(
        facet: String? = nil, q: String? = nil, entity: String? = nil, from: String? = nil, to: String? = nil, limit: Int? = nil
    ) async throws(BroadsheetClientError) -> Trends {
        var query = Self.selection(q: q, entity: entity, from: from, to: to)
        if let facet { query.append(("facet", facet)) }
        if let limit { query.append(("limit", String(limit))) }
        return try await get("/v1/trends", query: query)
    }

    /// `GET /v1/timeseries`: articles (and mentions of `entity`) per interval.
    public func timeseries(
        interval: String? = nil, q: String? = nil, entity: String? = nil, from: String? = nil, to: String? = nil
    ) async throws(BroadsheetClientError) -> Timeseries {
        var query = Self.selection(q: q, entity: entity, from: from, to: to)
        if let interval { query.append(("interval", interval)) }
        return try await get("/v1/timeseries", query: query)
    }

    /// `GET /v1/documents/{id}/related`: articles like this one.
    public func related(toDocument id: String, limit: Int? = nil) async throws(BroadsheetClientError) -> RelatedDocuments {
        try await get("/v1/documents/" + Self.percentEncode(id) + "/related", query: limit.map { [("limit", String($0))] } ?? [])
    }

    private static func selection(q: String?, entity: String?, from: String?, to: String?) -> [(String, String)] {
        let named: [(String, String?)] = [("q", q), ("entity", entity), ("from", from), ("to", to)]
        return named.compactMap { name, value in value.map { (name, $0) } }
    }
}
