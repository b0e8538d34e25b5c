import BroadsheetWire
import HashTreeCollections
import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetHTTP

extension APIHandlers {
    /// `GET /v1/entities`
    func listEntities(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let query = request.query
        let page = try query.pagination()
        let type = try query.value("type", as: EntityType.self)
        let q = try query.string("q", maxLength: 200)
        let sort = try query.value("sort", as: EntityCatalog.SortOrder.self, default: .mentions)
        let snapshot = try service.requireSnapshot()
        let documentId = try query.documentId("document", in: snapshot)
        let found = snapshot.entities.page(type: type, query: q, documentId: documentId, sort: sort, offset: page.offset, limit: page.limit)
        return try .json(
            Page(data: found.entities.map { EntityDTO($0, snapshot: snapshot) }, total: found.total, limit: page.limit, offset: page.offset))
    }

    /// `GET /v1/entities/{id}`
    func getEntity(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination()
        let snapshot = try service.requireSnapshot()
        guard let entity = snapshot.entities.entity(id: id) else { throw snapshot.missingEntity(id, request: request) }
        let mentions = entity.mentions.dropFirst(page.offset).prefix(page.limit).map {
            EntityDetailDTO.Mention(
                documentId: $0.documentId, text: $0.text, start: $0.span.start, end: $0.span.end,
                sentence: $0.sentenceText, sentenceIndex: $0.sentence)
        }
        let related = snapshot.entities.related(to: id).prefix(Self.maxRelated).compactMap { relation -> EntityDetailDTO.Related? in
            guard let other = snapshot.entities.entity(id: relation.id) else { return nil }
            return EntityDetailDTO.Related(
                id: other.id, name: other.name, type: other.type.rawValue, count: relation.count,
                evidence: relation.evidence.map { .init(documentId: $0.documentId, sentenceIndex: $0.sentence, sentence: $0.text) })
        }
        return try .json(
            EntityDetailDTO(
                entity: EntityDTO(entity, snapshot: snapshot), mentions: Array(mentions), related: related, mentionsLimit: page.limit,
                mentionsOffset: page.offset))
    }

    /// `GET /v1/entities/{id}/mentions`: the entity's mentions, in corpus order, as a list.
    func listEntityMentions(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination()
        let snapshot = try service.requireSnapshot()
        guard let entity = snapshot.entities.entity(id: id) else { throw snapshot.missingEntity(id, request: request) }
        return try .json(Page(slicing: entity.mentions, limit: page.limit, offset: page.offset) {
            EntityDetailDTO.Mention(
                documentId: $0.documentId, text: $0.text, start: $0.span.start, end: $0.span.end,
                sentence: $0.sentenceText, sentenceIndex: $0.sentence)
        })
    }

    /// `GET /v1/documents/{id}/annotations`: entities, quotes (with text and speaker), time
    /// expressions and events, by position; `kinds=` keeps some, `limit`/`offset` page them.
    func getAnnotations(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let page = try request.query.pagination(defaultLimit: 1000, maxLimit: 1000)
        var kinds = Set(AnnotationsDTO.Kind.allCases)
        if let list = try request.query.string("kinds", maxLength: 100) {
            kinds = []
            for name in list.split(separator: ",", omittingEmptySubsequences: false) {
                guard let kind = AnnotationsDTO.Kind(rawValue: String(name)) else {
                    throw ParameterError("kinds", .notOneOf(AnnotationsDTO.Kind.allCases.map(\.rawValue)))
                }
                kinds.insert(kind)
            }
        }
        let snapshot = try service.requireSnapshot()
        guard snapshot.document(id: id) != nil else { throw APIError.notFound(resource: "document", id: id) }
        var items: [AnnotationDTO] = []
        if kinds.contains(.entity) {
            items += snapshot.entities.annotations(documentId: id).map {
                .entity(start: $0.start, end: $0.end, text: $0.text, entityId: $0.entityId, type: $0.type.rawValue)
            }
        }
        if kinds.contains(.quote) {
            items += (snapshot.quotesByDocument[id] ?? []).map {
                .quote(
                    start: $0.quote.span.start, end: $0.quote.span.end, text: $0.quote.text, quoteId: $0.id,
                    quoteKind: $0.quote.kind.rawValue, speakerId: $0.speakerId,
                    speakerName: $0.speakerId.flatMap { snapshot.entities.entity(id: $0)?.name })
            }
        }
        if kinds.contains(.timex) { items += (snapshot.extractions[id]?.times ?? []).map { .timex(TimeDTO($0)) } }
        if kinds.contains(.event), let events = snapshot.extractions[id]?.events {
            items += events.enumerated().map { index, event in
                .event(
                    start: event.triggerSpan.start, end: event.triggerSpan.end, trigger: event.trigger, eventId: "\(id)-e\(index + 1)",
                    eventType: event.type.rawValue, date: event.date.value)
            }
        }
        items.sort(by: AnnotationDTO.byPosition)
        let paged = Page(slicing: items, limit: page.limit, offset: page.offset)
        return try .json(AnnotationsDTO(documentId: id, total: paged.total, limit: paged.limit, offset: paged.offset, data: paged.data))
    }

    /// Related entities listed on an entity, most frequent first.
    static let maxRelated = 20
}
