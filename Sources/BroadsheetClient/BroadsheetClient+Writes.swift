import Foundation

extension BroadsheetClient {
    /// `POST /v1/documents` with one JSON article. `key` is sent as `Authorization: Bearer <key>`.
    ///
    /// - Returns: the result (`created` or `unchanged`) and the HTTP status (201 or 200).
    public func createDocument(_ article: ArticleInput, key: String?, wait: Bool = false)
        async throws(BroadsheetClientError) -> (result: WriteResult, status: Int)
    {
        let body = try Self.encode(article)
        return try await write(method: "POST", path: "/v1/documents", body: body, contentType: "application/json", key: key, wait: wait)
    }

    /// `POST /v1/documents` with one article in a file format (`text/plain` or `text/markdown`).
    public func createDocument(text: String, contentType: String = "text/plain", key: String?, wait: Bool = false)
        async throws(BroadsheetClientError) -> (result: WriteResult, status: Int)
    {
        try await write(method: "POST", path: "/v1/documents", body: Array(text.utf8), contentType: contentType, key: key, wait: wait)
    }

    /// `POST /v1/documents` with NDJSON lines (sent as given): one result per non-blank line.
    public func createDocuments(ndjson: String, key: String?, wait: Bool = false) async throws(BroadsheetClientError) -> [WriteLine] {
        let response = try await send(writeRequest(
            method: "POST", path: "/v1/documents", body: Array(ndjson.utf8), contentType: "application/x-ndjson", key: key, wait: wait))
        let checked = try Self.checked(response)
        var lines: [WriteLine] = []
        for line in checked.bodyText.split(separator: "\n") where !line.isEmpty {
            do {
                lines.append(try JSONDecoder().decode(WriteLine.self, from: Data(line.utf8)))
            } catch {
                throw .decoding(type: "WriteLine", message: "\(error)", body: String(line))
            }
        }
        return lines
    }

    /// `PUT /v1/documents/{id}` with one JSON article.
    public func replaceDocument(id: String, with article: ArticleInput, key: String?, wait: Bool = false)
        async throws(BroadsheetClientError) -> (result: WriteResult, status: Int)
    {
        let body = try Self.encode(article)
        return try await write(
            method: "PUT", path: "/v1/documents/" + Self.percentEncode(id), body: body, contentType: "application/json", key: key,
            wait: wait)
    }

    /// `DELETE /v1/documents/{id}`: the status (204 when removed).
    public func deleteDocument(id: String, key: String?, wait: Bool = false) async throws(BroadsheetClientError) -> Int {
        let request = writeRequest(method: "DELETE", path: "/v1/documents/" + Self.percentEncode(id), body: nil, contentType: nil, key: key, wait: wait)
        return try Self.checked(await send(request)).status
    }

    private func write(method: String, path: String, body: [UInt8], contentType: String, key: String?, wait: Bool)
        async throws(BroadsheetClientError) -> (result: WriteResult, status: Int)
    {
        let response = try Self.checked(await send(writeRequest(method: method, path: path, body: body, contentType: contentType, key: key, wait: wait)))
        return (try response.decode(WriteResult.self), response.status)
    }

    private func writeRequest(method: String, path: String, body: [UInt8]?, contentType: String?, key: String?, wait: Bool) -> ClientRequest {
        var headers: ClientHeaders = [("Accept", "application/json")]
        if let contentType { headers.add("Content-Type", contentType) }
        if let key { headers.add("Authorization", "Bearer " + key) }
        var request = ClientRequest(method: method, target: Self.target(path: path, query: wait ? [("wait", "true")] : []), headers: headers)
        request.body = body
        // A write waits for extraction and, with wait=true, for the publish.
        request.timeout = 60
        return request
    }

    private static func encode(_ article: ArticleInput) throws(BroadsheetClientError) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(article))
        } catch {
            throw .decoding(type: "ArticleInput", message: "cannot encode: \(error)", body: "")
        }
    }
}
