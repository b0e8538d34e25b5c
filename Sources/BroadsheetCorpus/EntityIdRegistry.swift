public import BroadsheetExtraction
public import HashTreeCollections

/// Entity ids that never break: once an id has been served it keeps naming the same entity.
///
/// The catalog is rebuilt as articles come and go, and on its own it would give ids by name in
/// that catalog alone (a new person "Washington" could take the slug the place had). The registry
/// remembers, per identity key (type and folded name, see ``EntityCatalog/Identity``), the id it
/// was given, and hands out ids in this order:
/// 1. the id already registered for the entity's key;
/// 2. else the id of one of its aliases' keys that no other entity of this catalog holds (a name
///    that grew, "Okafor" → "Ada Okafor", keeps its id);
/// 3. else the catalog's slug, or the slug with `-2`, `-3`, ... when the registry gave it to
///    another key before.
/// An id whose entity was absorbed into another (its key is now an alias of that one) is recorded
/// as merged into the survivor, so the API can redirect it.
///
/// The registry is a value; the corpus persists the changes ``assign(_:)`` reports.
public struct EntityIdRegistry: Sendable {
    /// Identity key → id.
    public private(set) var idsByKey: TreeDictionary<String, String> = [:]
    /// Id → the key it was first given for.
    private var keysById: TreeDictionary<String, String> = [:]
    /// Absorbed id → the id of the entity that absorbed it.
    public private(set) var mergedInto: TreeDictionary<String, String> = [:]

    /// What an assignment added, to persist.
    public struct Changes: Sendable {
        public var newKeys: [(key: String, id: String)] = []
        public var newMerges: [(id: String, into: String)] = []
        public var isEmpty: Bool { newKeys.isEmpty && newMerges.isEmpty }
    }

    public init() {}

    /// A registry as persisted: key → id pairs and merges.
    public init(keys: [(key: String, id: String)], merges: [(id: String, into: String)]) {
        for (key, id) in keys {
            idsByKey[key] = id
            if keysById[id] == nil { keysById[id] = key }
        }
        for (id, into) in merges { mergedInto[id] = into }
    }

    /// The id of the entity that absorbed `id`, following chains of merges; `nil` if `id` was not absorbed.
    public func survivor(of id: String) -> String? {
        var current = id
        var seen: Set<String> = []
        while let next = mergedInto[current], seen.insert(current).inserted { current = next }
        return current == id ? nil : current
    }

    /// Gives entities of a catalog their ids (see the type's description); registers new ones.
    ///
    /// - Parameter isTaken: ids that other entities of the catalog hold (not among `identities`),
    ///   which none of these may get.
    public mutating func assign(
        _ identities: [EntityCatalog.Identity], isTaken: (String) -> Bool = { _ in false }
    ) -> (ids: [String], changes: Changes) {
        var changes = Changes()
        var ids = [String?](repeating: nil, count: identities.count)
        var claimed: Set<String> = []
        let primaryKeys = Set(identities.map(\.key))
        // 1. Known keys keep their ids.
        for (i, identity) in identities.enumerated() {
            if let id = idsByKey[identity.key], !claimed.contains(id), !isTaken(id) {
                ids[i] = id
                claimed.insert(id)
            }
        }
        // 2. A grown name keeps the id of a shorter form that is not an entity of its own.
        for (i, identity) in identities.enumerated() where ids[i] == nil {
            for aliasKey in identity.aliasKeys where !primaryKeys.contains(aliasKey) {
                if let id = idsByKey[aliasKey], !claimed.contains(id), !isTaken(id) {
                    ids[i] = id
                    claimed.insert(id)
                    break
                }
            }
        }
        // 3. New entities: the slug, unless the registry gave it to another key.
        for (i, identity) in identities.enumerated() where ids[i] == nil {
            var id = identity.proposedId
            var n = 2
            while claimed.contains(id) || isTaken(id) || (keysById[id] != nil && keysById[id] != identity.key) || mergedInto[id] != nil {
                id = "\(identity.proposedId)-\(n)"
                n += 1
            }
            ids[i] = id
            claimed.insert(id)
        }
        // Register every key (and alias key not held by another entity) under its entity's id.
        for (i, identity) in identities.enumerated() {
            let id = ids[i]!
            for key in [identity.key] + identity.aliasKeys.filter({ !primaryKeys.contains($0) }) where idsByKey[key] == nil {
                idsByKey[key] = id
                if keysById[id] == nil { keysById[id] = key }
                changes.newKeys.append((key, id))
            }
        }
        // Ids no longer given whose key is now another entity's alias were absorbed by it.
        for (i, identity) in identities.enumerated() {
            let survivor = ids[i]!
            for key in identity.aliasKeys {
                guard let id = idsByKey[key], id != survivor, !claimed.contains(id), !isTaken(id), mergedInto[id] == nil else { continue }
                mergedInto[id] = survivor
                changes.newMerges.append((id, survivor))
            }
        }
        return (ids.map { $0! }, changes)
    }
}
