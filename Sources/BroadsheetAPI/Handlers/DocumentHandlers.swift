import HashTreeCollections
import BroadsheetCore
import BroadsheetCorpus
import BroadsheetHTTP

extension APIHandlers {
    /// `GET /v1/documents`
    func listDocuments(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let page = try request.query.pagination()
        let snapshot = try service.requireSnapshot()
        return try .json(Page(slicing: snapshot.documents, limit: page.limit, offset: page.offset) { document in
            DocumentSummaryDTO(document, wordCount: snapshot.document(id: document.id)?.wordCount ?? document.wordCount)
        })
    }

    /// `GET /v1/documents/{id}`
    func getDocument(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let snapshot = try service.requireSnapshot()
        // Real time, as Elasticsearch's get by id: an article is there as soon as its write is
        // answered, and gone as soon as its delete is, before search and the lists serve the change.
        if let writer {
            guard let document = writer.document(id: id) else { throw APIError.notFound(resource: "document", id: id) }
            if let (served, words) = snapshot.document(id: id), served == document {
                return try .json(DocumentDetailDTO(served, wordCount: words))
            }
            return try .json(DocumentDetailDTO(document, wordCount: document.wordCount), headers: ["Cache-Control": "no-store"])
        }
        guard let (document, words) = snapshot.document(id: id) else { throw APIError.notFound(resource: "document", id: id) }
        return try .json(DocumentDetailDTO(document, wordCount: words))
    }
}
