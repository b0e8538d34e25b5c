import BroadsheetCorpus
import BroadsheetExtraction
import BroadsheetWire
import HashTreeCollections

extension EntityDTO {
    /// One row of `GET /v1/entities`.
    init(_ e: EntityCatalog.Entity, snapshot: CorpusSnapshot) {
        self.init(
            id: e.id, name: e.name, type: e.type.rawValue, aliases: e.aliases, mentionCount: e.mentionCount,
            documentCount: e.documentCount, descriptions: e.descriptions, value: e.value.map(EntityValueDTO.init),
            quoteCount: snapshot.quotesBySpeaker[e.id]?.count ?? 0, eventCount: snapshot.eventsByEntity[e.id]?.count ?? 0)
    }
}

extension EntityValueDTO {
    init(_ v: BroadsheetExtraction.EntityValue) {
        self.init(amount: v.amount, currency: v.currency)
    }
}

extension EntityRefDTO {
    init(_ e: EntityCatalog.Entity) {
        self.init(id: e.id, name: e.name, type: e.type.rawValue)
    }
}
