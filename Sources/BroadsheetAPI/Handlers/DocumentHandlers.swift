import BroadsheetWire
import HashTreeCollections
import BroadsheetCollections
import BroadsheetCore
import BroadsheetCorpus
import BroadsheetHTTP
import BroadsheetExtraction
import Foundation

extension APIHandlers {
    /// Orders of `GET /v1/documents`.
    enum DocumentOrder: String, CaseIterable {
        /// Newest first (the served order); undated last.
        case newest = "-published"
        /// Oldest first; undated last.
        case oldest = "published"
        /// By title, case- and accent-insensitively, then by id.
        case title
    }

    /// `GET /v1/documents`: filtered by date, publication, author, category, tag, entity or the lack
    /// of a date, in one of ``DocumentOrder``.
    func listDocuments(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let page = try query.pagination()
        let (from, to) = try query.dateRange()
        let publication = try query.string("publication", maxLength: 200)
        let author = try query.string("author", maxLength: 200)
        let category = try query.string("category", maxLength: 200)
        let tag = try query.string("tag", maxLength: 200)
        let undated = try query.string("undated").map { _ in try query.bool("undated", default: false) }
        let order = try query.value("sort", as: DocumentOrder.self, default: .newest)
        let snapshot = try service.requireSnapshot()
        let entity = try query.entityId("entity", in: snapshot)
        func summary(_ document: Document) -> DocumentSummaryDTO {
            DocumentSummaryDTO(document, wordCount: snapshot.document(id: document.id)?.wordCount ?? document.wordCount)
        }
        let filtered = from != nil || to != nil || publication != nil || author != nil || category != nil || tag != nil || undated != nil
        if !filtered && entity == nil && order == .newest {
            // The served list as it is: one page of it, no pass over it.
            return try .json(Page(slicing: snapshot.documents, limit: page.limit, offset: page.offset, summary))
        }
        func same(_ a: String?, _ b: String) -> Bool { a.map { $0.lowercased() == b.lowercased() } ?? false }
        func keep(_ d: Document) -> Bool {
            if let undated, (d.publishedAt == nil) != undated { return false }
            if let from, (d.publishedAt.map { $0 < from } ?? true) { return false }
            if let to, (d.publishedAt.map { $0 > to } ?? true) { return false }
            if let publication, !same(d.publication, publication) { return false }
            if let author, !d.authors.contains(where: { same($0, author) }) { return false }
            if let category, !same(d.category, category) { return false }
            if let tag, !d.tags.contains(where: { same($0, tag) }) { return false }
            return true
        }
        var rows: [Document]
        // The shortest list among the text filters' own lists, in served order.
        let listed = [("publication", publication), ("author", author), ("category", category), ("tag", tag)].compactMap { facet, value in
            value.map { snapshot.documentsByFacet[CorpusSnapshot.facetKey(facet, $0)] ?? ChunkedList() }
        }.min { $0.count < $1.count }
        let textFilters = [publication, author, category, tag].compactMap { $0 }.count
        if entity == nil, let listed, textFilters == 1, from == nil, to == nil, undated == nil, order == .newest {
            // One text filter: one page of its own list.
            return try .json(Page(slicing: listed, limit: page.limit, offset: page.offset, summary))
        } else if entity == nil, let listed {
            rows = listed.filter(keep)
        } else if let entity, let mentioned = snapshot.entities.entity(id: entity)?.documentIds {
            rows = mentioned.compactMap { snapshot.document(id: $0)?.document }.filter(keep)
        } else if from != nil || to != nil {
            let run = snapshot.documents(from: from, to: to)
            if publication == nil, author == nil, category == nil, tag == nil, undated != true, order == .newest {
                // Nothing else to check: one page of the run.
                return try .json(Page(slicing: run, limit: page.limit, offset: page.offset, summary))
            }
            rows = run.filter(keep)
        } else {
            rows = snapshot.documents.filter(keep)
        }
        switch order {
        case .newest: break  // every way in keeps the served order (an entity's documents too)
        case .oldest:
            rows.sort { a, b in
                switch (a.publishedAt, b.publishedAt) {
                case let (x?, y?) where x != y: x < y
                case (_?, nil): true
                case (nil, _?): false
                default: (a.title, a.id) < (b.title, b.id)
                }
            }
        case .title:
            let keys = Dictionary(rows.map { ($0.id, $0.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)) }, uniquingKeysWith: { a, _ in a })
            rows.sort { (keys[$0.id]!, $0.id) < (keys[$1.id]!, $1.id) }
        }
        return try .json(Page(slicing: rows, limit: page.limit, offset: page.offset, summary))
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
