import BroadsheetWire
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
        let (from, to) = try query.dateRange()
        let type = try query.value("type", as: EventType.self)
        let snapshot = try service.requireSnapshot()
        let entity = try query.entityId("entity", in: snapshot)
        let documentId = try query.documentId("document", in: snapshot)
        func keep(_ r: EventRecord) -> Bool {
            (documentId == nil || r.documentId == documentId) && (type == nil || r.event.type == type) && r.overlaps(from: from, to: to)
        }
        let rows = entity.map { id in (snapshot.eventsByEntity[id] ?? []).filter(keep) } ?? snapshot.events.filter(keep)
        return try .json(Page(slicing: rows, limit: page.limit, offset: page.offset) { EventDTO($0, snapshot: snapshot) })
    }

    /// `GET /v1/entities/{id}/events`
    func listEntityEvents(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination()
        let snapshot = try service.requireSnapshot()
        guard snapshot.entities.entity(id: id) != nil else { throw snapshot.missingEntity(id, request: request) }
        let rows = snapshot.eventsByEntity[id] ?? []
        return try .json(Page(slicing: rows, limit: page.limit, offset: page.offset) { EventDTO($0, snapshot: snapshot) })
    }
}
