import BroadsheetWire
import BroadsheetCorpus
import BroadsheetExtraction
import BroadsheetCore
import BroadsheetHTTP

/// The filter parameters lists and search share, read the same way everywhere: an id that names
/// nothing is a `404` (never an empty answer that hides a typo), and `from` after `to` is a `400`.
extension QueryParameters {
    /// The entity id of parameter `name`, checked against the snapshot.
    func entityId(_ name: String, in snapshot: CorpusSnapshot) throws -> String? {
        guard let id = try string(name, maxLength: 200) else { return nil }
        guard snapshot.entities.entity(id: id) != nil else { throw APIError.unknownFilterValue(resource: "entity", id: id, parameter: name) }
        return id
    }

    /// The document id of parameter `name`, checked against the snapshot.
    func documentId(_ name: String, in snapshot: CorpusSnapshot) throws -> String? {
        guard let id = try string(name, maxLength: 200) else { return nil }
        guard snapshot.document(id: id) != nil else { throw APIError.unknownFilterValue(resource: "document", id: id, parameter: name) }
        return id
    }

    /// `from` and `to` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as the first and last days they cover.
    func dateRange() throws -> (from: CivilDate?, to: CivilDate?) {
        let from = try date("from").map { CivilDate(year: $0.first.year, month: $0.first.month, day: $0.first.day)! }
        let to = try date("to").map { CivilDate(year: $0.last.year, month: $0.last.month, day: $0.last.day)! }
        if let from, let to, to < from { throw APIError.emptyDateRange }
        return (from, to)
    }
}
