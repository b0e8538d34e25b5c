import HashTreeCollections
import BroadsheetExtraction
import BroadsheetCorpus
import BroadsheetHTTP

extension CorpusSnapshot {
    /// The error for an entity id that is not served: a redirect to the entity that absorbed it
    /// (same path with the survivor's id), else a `404`.
    func missingEntity(_ id: String, request: RoutedRequest<Endpoint>) -> any Error {
        var survivor: String?
        var current = id
        var seen: Set<String> = []
        while let next = entityRedirects[current], seen.insert(current).inserted {
            current = next
            if entities.entity(id: current) != nil { survivor = current }
        }
        guard let survivor else { return APIError.notFound(resource: "entity", id: id) }
        let path = request.request.path
        let encodedOld = "/v1/entities/" + id
        let rest = path.hasPrefix(encodedOld) ? String(path.dropFirst(encodedOld.count)) : ""
        var location = "/v1/entities/" + survivor + rest
        if let query = request.request.target.split(separator: "?", maxSplits: 1).dropFirst().first { location += "?" + query }
        return EntityMoved(id: id, survivor: survivor, location: location)
    }
}
