import HashTreeCollections
import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetHTTP

extension APIHandlers {
    /// `GET /v1/quotes`
    func listQuotes(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let page = try query.pagination()
        let speaker = try query.string("speaker", maxLength: 200)
        let documentId = try query.string("document", maxLength: 200)
        let kind = try query.value("kind", as: QuoteKind.self)
        let q = try query.string("q", maxLength: 200).map(TextMatch.words)
        let snapshot = try service.requireSnapshot()
        let candidates: [QuoteRecord] = speaker.map { id in snapshot.quotesBySpeaker[id] ?? [] } ?? Array(snapshot.quotes)
        let rows = candidates.filter { record in
            (documentId == nil || record.documentId == documentId) && (kind == nil || record.quote.kind == kind)
                && (q == nil || record.matches(q!))
        }
        return try .json(Page(slicing: rows.map { QuoteDTO($0, catalog: snapshot.entities) }, limit: page.limit, offset: page.offset))
    }

    /// `GET /v1/entities/{id}/quotes`
    func listEntityQuotes(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination()
        let kind = try request.query.value("kind", as: QuoteKind.self)
        let snapshot = try service.requireSnapshot()
        guard snapshot.entities.entity(id: id) != nil else { throw snapshot.missingEntity(id, request: request) }
        let rows = (snapshot.quotesBySpeaker[id] ?? []).filter { kind == nil || $0.quote.kind == kind }
        return try .json(Page(slicing: rows.map { QuoteDTO($0, catalog: snapshot.entities) }, limit: page.limit, offset: page.offset))
    }
}
