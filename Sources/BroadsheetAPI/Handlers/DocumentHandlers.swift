import BroadsheetCorpus
import BroadsheetHTTP

extension APIHandlers {
    /// `GET /v1/documents`
    func listDocuments(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let page = try request.query.pagination()
        let snapshot = try service.requireSnapshot()
        let rows = snapshot.documents.indices.map { DocumentSummaryDTO(snapshot.documents[$0], wordCount: snapshot.wordCounts[$0]) }
        return try .json(Page(slicing: rows, limit: page.limit, offset: page.offset))
    }

    /// `GET /v1/documents/{id}`
    func getDocument(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let snapshot = try service.requireSnapshot()
        guard let (document, words) = snapshot.document(id: id) else { throw APIError.notFound(resource: "document", id: id) }
        return try .json(DocumentDetailDTO(document, wordCount: words))
    }
}
