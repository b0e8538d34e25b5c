import HashTreeCollections
import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetHTTP

extension APIHandlers {
    /// `GET /v1/events`
    func listEvents(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let page = try query.pagination()
        let from = try query.date("from").map { CivilDate(year: $0.first.year, month: $0.first.month, day: $0.first.day)! }
        let to = try query.date("to").map { CivilDate(year: $0.last.year, month: $0.last.month, day: $0.last.day)! }
        // `to` before `from` is an empty range: nothing overlaps it.
        let entity = try query.string("entity", maxLength: 200)
        let type = try query.value("type", as: EventType.self)
        let documentId = try query.string("document", maxLength: 200)
        let snapshot = try service.requireSnapshot()
        let candidates = entity.map { id in snapshot.eventsByEntity[id] ?? [] } ?? Array(snapshot.events)
        let emptyRange = from != nil && to != nil && to! < from!
        let rows = emptyRange ? [] : candidates.filter { r in
            (documentId == nil || r.documentId == documentId) && (type == nil || r.event.type == type)
                && r.overlaps(from: from, to: to)
        }
        return try .json(Page(slicing: rows.map { EventDTO($0, catalog: snapshot.entities) }, limit: page.limit, offset: page.offset))
    }

    /// `GET /v1/entities/{id}/events`
    func listEntityEvents(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination()
        let snapshot = try service.requireSnapshot()
        guard snapshot.entities.entity(id: id) != nil else { throw snapshot.missingEntity(id, request: request) }
        let rows = snapshot.eventsByEntity[id] ?? []
        return try .json(Page(slicing: rows.map { EventDTO($0, catalog: snapshot.entities) }, limit: page.limit, offset: page.offset))
    }
}
