public import BroadsheetWire

extension BroadsheetClient {
    /// `GET /v1/entities`: one page of entities, filtered and sorted as asked.
    public func entities(
        type: String? = nil, q: String? = nil, document: String? = nil, sort: String? = nil,
        limit: Int? = nil, offset: Int? = nil
    ) async throws(BroadsheetClientError) -> Page<Entity> {
        var query: [(String, String)] = []
        if let type { query.append(("type", type)) }
        if let q { query.append(("q", q)) }
        if let document { query.append(("document", document)) }
        if let sort { query.append(("sort", sort)) }
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/entities", query: query)
    }

    /// `GET /v1/entities/{id}`.
    public func entity(id: String, limit: Int? = nil, offset: Int? = nil) async throws(BroadsheetClientError) -> EntityDetail {
        var query: [(String, String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/entities/" + Self.percentEncode(id), query: query)
    }

    /// `GET /v1/documents/{id}/annotations`.
    public func annotations(
        documentId: String, kinds: [String]? = nil, limit: Int? = nil, offset: Int? = nil
    ) async throws(BroadsheetClientError) -> Annotations {
        var query: [(String, String)] = []
        if let kinds { query.append(("kinds", kinds.joined(separator: ","))) }
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/documents/" + Self.percentEncode(documentId) + "/annotations", query: query)
    }

    /// `GET /v1/entities/{id}/mentions`: one page of the entity's mentions.
    public func mentions(ofEntity id: String, limit: Int? = nil, offset: Int? = nil) async throws(BroadsheetClientError)
        -> Page<EntityDetail.Mention>
    {
        var query: [(String, String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/entities/" + Self.percentEncode(id) + "/mentions", query: query)
    }
}
