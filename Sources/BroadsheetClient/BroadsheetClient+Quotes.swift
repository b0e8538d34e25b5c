public import BroadsheetWire

extension BroadsheetClient {
    /// `GET /v1/quotes`: one page of quotations, filtered as asked.
    public func quotes(
        speaker: String? = nil, document: String? = nil, kind: String? = nil, q: String? = nil,
        limit: Int? = nil, offset: Int? = nil
    ) async throws(BroadsheetClientError) -> Page<Quote> {
        var query: [(String, String)] = []
        if let speaker { query.append(("speaker", speaker)) }
        if let document { query.append(("document", document)) }
        if let kind { query.append(("kind", kind)) }
        if let q { query.append(("q", q)) }
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/quotes", query: query)
    }

    /// `GET /v1/entities/{id}/quotes`.
    public func quotes(ofEntity id: String, kind: String? = nil, limit: Int? = nil, offset: Int? = nil)
        async throws(BroadsheetClientError) -> Page<Quote>
    {
        var query: [(String, String)] = []
        if let kind { query.append(("kind", kind)) }
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        return try await get("/v1/entities/" + Self.percentEncode(id) + "/quotes", query: query)
    }
}
