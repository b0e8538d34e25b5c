import BroadsheetCollections
import BroadsheetWire
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
        let kind = try query.value("kind", as: QuoteKind.self)
        let q = try query.string("q", maxLength: 200).map(TextMatch.Query.init)
        let snapshot = try service.requireSnapshot()
        let speaker = try query.entityId("speaker", in: snapshot)
        let documentId = try query.documentId("document", in: snapshot)
        func keep(_ record: QuoteRecord) -> Bool {
            (documentId == nil || record.documentId == documentId) && (kind == nil || record.quote.kind == kind)
                && (q == nil || record.matches(q!))
        }
        let rows: [QuoteRecord]
        if let speaker {
            rows = (snapshot.quotesBySpeaker[speaker] ?? []).filter(keep)
        } else if let documentId {
            rows = (snapshot.quotesByDocument[documentId] ?? []).filter(keep)
        } else if kind != nil, q == nil {
            // One kind: one page of its list.
            let list = snapshot.quotesByKind[kind!] ?? ChunkedList()
            return try .json(Page(slicing: list, limit: page.limit, offset: page.offset) { QuoteDTO($0, snapshot: snapshot) })
        } else if q != nil {
            rows = snapshot.quotes(matching: q!, where: keep)
        } else {
            // Every quote: one page of the list, no pass over it.
            return try .json(Page(slicing: snapshot.quotes, limit: page.limit, offset: page.offset) { QuoteDTO($0, snapshot: snapshot) })
        }
        return try .json(Page(slicing: rows, limit: page.limit, offset: page.offset) { QuoteDTO($0, snapshot: snapshot) })
    }

    /// `GET /v1/entities/{id}/quotes`
    func listEntityQuotes(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination()
        let kind = try request.query.value("kind", as: QuoteKind.self)
        let snapshot = try service.requireSnapshot()
        guard snapshot.entities.entity(id: id) != nil else { throw snapshot.missingEntity(id, request: request) }
        let rows = (snapshot.quotesBySpeaker[id] ?? []).filter { kind == nil || $0.quote.kind == kind }
        return try .json(Page(slicing: rows, limit: page.limit, offset: page.offset) { QuoteDTO($0, snapshot: snapshot) })
    }
}
