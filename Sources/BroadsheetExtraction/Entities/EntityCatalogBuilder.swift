public import BroadsheetCore
import BroadsheetCollections
import HashTreeCollections

/// Keeps an ``EntityCatalog`` up to date as documents come and go, redoing only what a change can touch.
///
/// Each document's entities are prepared once (merge keys, mentions with their sentences). Entities
/// of all documents with one merge key (type and folded name) form a *draft*; drafts become entities
/// by the catalog's rules (type vote, cross-document short forms, slugs), and those rules only ever
/// join drafts that share a *link*: a folded form, a surname or a slug. A change therefore redoes the
/// drafts it touches and every draft linked to them (their component), not the corpus; the entities of
/// other components, their ids and their documents' annotations are kept as they are.
///
/// ```swift
/// var builder = EntityCatalogBuilder()
/// builder.update(adding: [(document, entities, .served(document))])
/// let changed = builder.update(removing: ["old-article"], adding: [])
/// let catalog = builder.catalog
/// ```
public struct EntityCatalogBuilder: Sendable {
    /// One entity of one document, as the catalog needs it.
    struct PreparedEntity: Sendable {
        var key: Int
        var mergeKey: String
        var name: String
        var type: EntityType
        var value: EntityValue?
        /// The name, then the aliases (distinct).
        var forms: [String]
        var descriptions: [String]
        var mentions: [EntityCatalog.Mention]
    }

    struct PreparedDocument: Sendable {
        var rank: DocumentRank
        var entities: [PreparedEntity]
        var groups: [EntityCatalog.SentenceGroup]
    }

    /// The entities of one document that have one merge key (positions in its prepared entities).
    struct Contribution: Sendable {
        var rank: DocumentRank
        var documentId: String
        var entities: [Int]
    }

    /// Where a draft was first seen: its first document, then the entity's position there.
    struct DraftOrder: Sendable, Comparable {
        var rank: DocumentRank
        var index: Int
        static func < (a: DraftOrder, b: DraftOrder) -> Bool { (a.rank, a.index) < (b.rank, b.index) }
    }

    /// Every document's entities with one merge key, merged; or several drafts merged into one entity.
    struct Draft: Sendable {
        var name: String
        var type: EntityType
        var value: EntityValue?
        var forms: [String] = []
        var formSet: Set<String> = []
        var descriptions: [String] = []
        var descriptionKeys: Set<String> = []
        var nameCounts: [String: Int] = [:]
        var mentionCount = 0
        var first: DraftOrder
        var links: [String] = []

        mutating func add(forms more: [String]) {
            for form in more where formSet.insert(form).inserted { forms.append(form) }
        }

        mutating func add(descriptions more: [String]) {
            for description in more where descriptionKeys.insert(EntityCatalog.fold(description)).inserted {
                descriptions.append(description)
            }
        }

        /// Takes in another draft (this one keeps its name, type and value).
        mutating func absorb(_ other: Draft) {
            add(forms: other.forms)
            add(descriptions: other.descriptions)
            nameCounts.merge(other.nameCounts, uniquingKeysWith: +)
            mentionCount += other.mentionCount
        }
    }

    /// The catalog as of the last update.
    public private(set) var catalog = EntityCatalog()
    private var documents: [String: PreparedDocument] = [:]
    /// Merge key → its documents' contributions, in rank order.
    private var contributions: [String: [Contribution]] = [:]
    private var drafts: [String: Draft] = [:]
    /// Link → merge keys of the drafts that have it.
    private var linkMembers: [String: Set<String>] = [:]
    private var entityOfDraft: [String: String] = [:]
    private var draftsOfEntity: [String: [String]] = [:]

    public init() {}

    /// How many documents the catalog covers.
    public var documentCount: Int { documents.count }

    /// Removes the documents with ids in `removing`, then adds `adding` (a document whose id is
    /// present replaces it), and brings the catalog up to date.
    ///
    /// - Parameter assignIds: picks the ids of new or changed entities (see ``EntityCatalog/IdAssigner``);
    ///   by default each gets its slug.
    /// - Returns: the ids of the documents whose entities changed id or type, the added ones included:
    ///   what resolves global ids from them (quotes, events) must be resolved again.
    @discardableResult
    public mutating func update(
        removing: [String] = [], adding: [(Document, DocumentEntities, DocumentRank)], assignIds: EntityCatalog.IdAssigner? = nil
    ) -> Set<String> {
        var dirty = Set<String>()
        for id in removing + adding.map({ $0.0.id }) where documents[id] != nil { removeDocument(id, dirty: &dirty) }
        var added = Set<String>()
        for (document, found, rank) in adding {
            let prepared = Self.prepare(document, found, rank: rank)
            documents[document.id] = prepared
            added.insert(document.id)
            catalog.groupsByDocument[document.id] = prepared.groups
            var byKey: [String: [Int]] = [:]
            for (i, entity) in prepared.entities.enumerated() { byKey[entity.mergeKey, default: []].append(i) }
            for (mergeKey, entities) in byKey {
                let contribution = Contribution(rank: rank, documentId: document.id, entities: entities)
                var list = contributions[mergeKey] ?? []
                list.insert(contribution, at: Self.insertionPoint(of: rank, in: list))
                contributions[mergeKey] = list
                dirty.insert(mergeKey)
            }
        }
        let oldLinks = redraft(dirty)
        let (component, oldEntities) = self.component(of: dirty, oldLinks: oldLinks)
        let changed = resolve(component: component, oldEntities: oldEntities, redrafted: dirty, assignIds: assignIds)
        var touched = changed.union(added)
        touched = touched.filter { documents[$0] != nil }
        for id in touched { annotate(documentId: id) }
        return touched
    }

    // MARK: - Documents and drafts

    private mutating func removeDocument(_ id: String, dirty: inout Set<String>) {
        guard let prepared = documents.removeValue(forKey: id) else { return }
        for mergeKey in Set(prepared.entities.map(\.mergeKey)) {
            contributions[mergeKey]?.removeAll { $0.documentId == id }
            if contributions[mergeKey]?.isEmpty == true { contributions[mergeKey] = nil }
            dirty.insert(mergeKey)
        }
        catalog.globalIdsByDocument[id] = nil
        catalog.annotationsByDocument[id] = nil
        catalog.mentionCountsByDocument[id] = nil
        catalog.groupsByDocument[id] = nil
    }

    static func insertionPoint(of rank: DocumentRank, in list: [Contribution]) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].rank < rank { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Rebuilds the drafts of these merge keys from their contributions; returns their links before.
    private mutating func redraft(_ keys: Set<String>) -> [String: [String]] {
        var oldLinks: [String: [String]] = [:]
        for mergeKey in keys {
            if let old = drafts[mergeKey] {
                oldLinks[mergeKey] = old.links
                for link in old.links {
                    linkMembers[link]?.remove(mergeKey)
                    if linkMembers[link]?.isEmpty == true { linkMembers[link] = nil }
                }
            }
            guard let list = contributions[mergeKey], let draft = makeDraft(list) else {
                drafts[mergeKey] = nil
                continue
            }
            drafts[mergeKey] = draft
            for link in draft.links { linkMembers[link, default: []].insert(mergeKey) }
        }
        return oldLinks
    }

    /// One merge key's entities across documents, in rank order: the first seen names the draft
    /// (a name without a leading "the" is preferred), forms and descriptions in first-seen order.
    private func makeDraft(_ list: [Contribution]) -> Draft? {
        var draft: Draft?
        for contribution in list {
            guard let prepared = documents[contribution.documentId] else { continue }
            for i in contribution.entities {
                let entity = prepared.entities[i]
                if draft == nil {
                    draft = Draft(name: entity.name, type: entity.type, value: entity.value, first: DraftOrder(rank: contribution.rank, index: i))
                } else if Self.hasArticle(draft!.name), !Self.hasArticle(entity.name) {
                    draft!.name = entity.name
                }
                draft!.nameCounts[entity.name, default: 0] += entity.mentions.count
                draft!.mentionCount += entity.mentions.count
                draft!.add(forms: entity.forms)
                draft!.add(descriptions: entity.descriptions)
            }
        }
        guard var made = draft else { return nil }
        made.links = Self.links(made)
        return made
    }

    private static func hasArticle(_ name: String) -> Bool { name.hasPrefix("the ") || name.hasPrefix("The ") }

    /// What can tie a draft to another: its folded forms (with and without a leading article), its
    /// surname, or its slug (money and percentages: their slug alone).
    static func links(_ draft: Draft) -> [String] {
        let slug = "g|" + EntityCatalog.baseSlug(name: draft.name, type: draft.type, value: draft.value)
        if draft.type == .money || draft.type == .percent { return [slug] }
        var links: Set<String> = [slug]
        for form in draft.forms {
            links.insert("f|" + EntityCatalog.fold(form))
            links.insert("v|" + EntityCatalog.mergeFold(form))
        }
        for name in [draft.name, draft.forms.first ?? draft.name] {
            let folded = EntityCatalog.fold(name)
            let words = EntityCatalog.words(folded)
            if words.count >= 2, let last = words.last { links.insert("s|" + last) }
            if words.count == 1 { links.insert("s|" + folded) }
        }
        return links.sorted()
    }

    /// The dirty drafts and every draft linked to them, directly or through others, or that was part
    /// of the same entity; and the ids of the entities they made before.
    private func component(of dirty: Set<String>, oldLinks: [String: [String]]) -> (Set<String>, Set<String>) {
        var component = Set<String>()
        var seenLinks = Set<String>()
        var oldEntities = Set<String>()
        var queue = Array(dirty)
        while let mergeKey = queue.popLast() {
            guard component.insert(mergeKey).inserted else { continue }
            for link in (drafts[mergeKey]?.links ?? []) + (oldLinks[mergeKey] ?? []) where seenLinks.insert(link).inserted {
                for member in linkMembers[link] ?? [] where !component.contains(member) { queue.append(member) }
            }
            if let entity = entityOfDraft[mergeKey], oldEntities.insert(entity).inserted {
                for member in draftsOfEntity[entity] ?? [] where !component.contains(member) { queue.append(member) }
            }
        }
        return (component, oldEntities)
    }

    // MARK: - Entities

    /// Turns a component's drafts into entities, replacing the ones it made before; returns the
    /// documents whose entities changed id or type.
    private mutating func resolve(
        component: Set<String>, oldEntities: Set<String>, redrafted: Set<String>, assignIds: EntityCatalog.IdAssigner?
    ) -> Set<String> {
        var groups: [(members: [String], draft: Draft)] = component.compactMap { key in drafts[key].map { ([key], $0) } }
        groups.sort { $0.draft.first < $1.draft.first }

        func merge(_ targets: [Int]) {
            guard targets.enumerated().contains(where: { $0.offset != $0.element }) else { return }
            var newIndex = [Int](repeating: -1, count: groups.count)
            var merged: [(members: [String], draft: Draft)] = []
            for i in groups.indices where targets[i] == i {
                newIndex[i] = merged.count
                merged.append(groups[i])
            }
            for i in groups.indices where targets[i] != i {
                let t = newIndex[targets[i]]
                merged[t].members += groups[i].members
                merged[t].draft.absorb(groups[i].draft)
            }
            groups = merged
        }
        // One name under several types: the type of most mentions takes them all.
        merge(EntityCatalog.typeVoteTargets(groups.map { ($0.draft.type, $0.draft.name, $0.draft.mentionCount) }))
        // Short forms standing alone in one document join the full name from another.
        merge(EntityCatalog.crossDocumentTargets(groups.map { EntityCatalog.MergeCandidate(type: $0.draft.type, forms: $0.draft.forms) }))
        // Money and percentages take their most used surface form; names keep the first seen.
        for i in groups.indices where groups[i].draft.type == .money || groups[i].draft.type == .percent {
            let counts = groups[i].draft.nameCounts
            groups[i].draft.name = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? groups[i].draft.name
        }

        let takenOutside = { [catalog] (id: String) in catalog.rowsById[id] != nil && !oldEntities.contains(id) }
        var ids = Self.proposedIds(groups.map(\.draft), isTaken: takenOutside)
        if let assignIds {
            let identities = groups.indices.map { i in
                let d = groups[i].draft
                return EntityCatalog.Identity(
                    key: EntityCatalog.identityKey(name: d.name, type: d.type, value: d.value),
                    aliasKeys: d.forms.filter { $0 != d.name }.map { EntityCatalog.identityKey(name: $0, type: d.type, value: d.value) },
                    proposedId: ids[i])
            }
            let assigned = assignIds(identities, takenOutside)
            if assigned.count == ids.count && Set(assigned).count == assigned.count && !assigned.contains(where: takenOutside) {
                ids = assigned
            }
        }

        // The documents whose entities now have another id or type.
        var changedDocuments = Set<String>()
        var newEntityOfDraft: [String: (id: String, type: EntityType)] = [:]
        for (i, group) in groups.enumerated() {
            for member in group.members { newEntityOfDraft[member] = (ids[i], group.draft.type) }
        }
        for mergeKey in component {
            let old = entityOfDraft[mergeKey].map { ($0, catalog.rowsById[$0]?.entity.type) }
            let new = newEntityOfDraft[mergeKey]
            if old?.0 != new?.id || old?.1 != new?.type {
                for contribution in contributions[mergeKey] ?? [] { changedDocuments.insert(contribution.documentId) }
            }
        }

        // Replace the component's entities. One made of the same drafts as before under the same id,
        // none of them redone, is the same entity: its row stays where it is in every list.
        let oldMembers = oldEntities.reduce(into: [String: [String]]()) { $0[$1] = draftsOfEntity[$1] }
        for id in oldEntities { draftsOfEntity[id] = nil }
        for mergeKey in component { entityOfDraft[mergeKey] = nil }
        var newRows: [EntityCatalog.Row] = []
        var kept = Set<String>()
        for (i, group) in groups.enumerated() {
            if oldMembers[ids[i]] == group.members, !group.members.contains(where: redrafted.contains) {
                kept.insert(ids[i])
            } else {
                newRows.append(EntityCatalog.Row(entity(ids[i], group.draft, members: group.members)))
            }
            draftsOfEntity[ids[i]] = group.members
            for member in group.members { entityOfDraft[member] = ids[i] }
        }
        replaceRows(removing: oldEntities.subtracting(kept), adding: newRows)
        return changedDocuments
    }

    /// Readable slugs, unique among these drafts and not taken: when several entities share a slug, the
    /// first type in ``EntityType/allCases`` order keeps it and the others get their type appended.
    static func proposedIds(_ drafts: [Draft], isTaken: (String) -> Bool) -> [String] {
        var ids = [String](repeating: "", count: drafts.count)
        var bySlug: [String: [Int]] = [:]
        for (i, d) in drafts.enumerated() { bySlug[EntityCatalog.baseSlug(name: d.name, type: d.type, value: d.value), default: []].append(i) }
        let typeOrder = Dictionary(uniqueKeysWithValues: EntityType.allCases.enumerated().map { ($1, $0) })
        var used: Set<String> = []
        for slug in bySlug.keys.sorted() {
            let members = bySlug[slug]!.sorted {
                (typeOrder[drafts[$0].type]!, EntityCatalog.fold(drafts[$0].name), drafts[$0].name)
                    < (typeOrder[drafts[$1].type]!, EntityCatalog.fold(drafts[$1].name), drafts[$1].name)
            }
            for (n, i) in members.enumerated() {
                var id = n == 0 ? slug : "\(slug)-\(drafts[i].type.rawValue)"
                var suffix = 2
                while used.contains(id) || isTaken(id) {
                    id = "\(slug)-\(drafts[i].type.rawValue)-\(suffix)"
                    suffix += 1
                }
                used.insert(id)
                ids[i] = id
            }
        }
        return ids
    }

    /// The entity of merged drafts: documents in rank order, each document's mentions by position.
    private func entity(_ id: String, _ draft: Draft, members: [String]) -> EntityCatalog.Entity {
        var parts: [Contribution] = []
        for member in members { parts += contributions[member] ?? [] }
        if members.count > 1 { parts.sort { $0.rank < $1.rank } }
        var documentIds: [String] = []
        var mentions: [EntityCatalog.Mention] = []
        mentions.reserveCapacity(draft.mentionCount)
        var start = 0
        while start < parts.count {
            var end = start + 1
            while end < parts.count && parts[end].documentId == parts[start].documentId { end += 1 }
            let documentId = parts[start].documentId
            guard let prepared = documents[documentId] else {
                start = end
                continue
            }
            documentIds.append(documentId)
            let before = mentions.count
            for part in parts[start..<end] {
                for i in part.entities { mentions += prepared.entities[i].mentions }
            }
            if end - start > 1 || parts[start].entities.count > 1 {
                mentions[before...].sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
            }
            start = end
        }
        return EntityCatalog.Entity(
            id: id, name: draft.name, type: draft.type, aliases: draft.forms.filter { $0 != draft.name },
            descriptions: draft.descriptions, value: draft.value, mentions: mentions, documentIds: documentIds)
    }

    /// The listed rows without the removed entities, with the new ones, in list order.
    private mutating func replaceRows(removing: Set<String>, adding: [EntityCatalog.Row]) {
        for id in removing {
            guard let row = catalog.rowsById[id] else { continue }
            catalog.rows.remove(row, by: EntityCatalog.Row.listOrder, where: { $0 === row })
            catalog.rowsByArticles.remove(row, by: EntityCatalog.Row.articleOrder, where: { $0 === row })
            catalog.rowsByType[row.entity.type]?.remove(row, by: EntityCatalog.Row.listOrder, where: { $0 === row })
            catalog.nameWords.remove(key: id, words: row.searchWords.joined())
            catalog.rowsById[id] = nil
        }
        for row in adding { catalog.rowsById[row.entity.id] = row }
        catalog.nameWords.insert(adding.map { ($0.entity.id, Array($0.searchWords.joined())) })
        for (type, rows) in Dictionary(grouping: adding, by: \.entity.type) {
            let added = rows.sorted(by: EntityCatalog.Row.listOrder)
            if catalog.rowsByType[type, default: ChunkedList()].isEmpty {
                catalog.rowsByType[type] = ChunkedList(added)
            } else {
                for row in added { catalog.rowsByType[type]!.insert(row, by: EntityCatalog.Row.listOrder) }
            }
        }
        for (order, path) in [(EntityCatalog.Row.listOrder, \EntityCatalog.rows), (EntityCatalog.Row.articleOrder, \EntityCatalog.rowsByArticles)] {
            let added = adding.sorted(by: order)
            if catalog[keyPath: path].isEmpty {
                catalog[keyPath: path] = ChunkedList(added)
            } else {
                for row in added { catalog[keyPath: path].insert(row, by: order) }
            }
        }
    }

    /// A document's global ids and annotations, from its entities' drafts as they stand.
    private mutating func annotate(documentId: String) {
        guard let prepared = documents[documentId] else { return }
        var ids: [Int: String] = [:]
        var annotations: [EntityCatalog.Annotation] = []
        for entity in prepared.entities {
            guard let id = entityOfDraft[entity.mergeKey], let type = catalog.rowsById[id]?.entity.type else { continue }
            ids[entity.key] = id
            for mention in entity.mentions {
                annotations.append(EntityCatalog.Annotation(start: mention.span.start, end: mention.span.end, text: mention.text, entityId: id, type: type))
            }
        }
        annotations.sort { ($0.start, $0.end, $0.entityId) < ($1.start, $1.end, $1.entityId) }
        catalog.globalIdsByDocument[documentId] = ids
        catalog.annotationsByDocument[documentId] = annotations
        var counts: [String: EntityCatalog.MentionCount] = [:]
        for annotation in annotations {
            if counts[annotation.entityId] == nil {
                counts[annotation.entityId] = EntityCatalog.MentionCount(slot: slot(of: annotation.entityId), type: annotation.type, count: 0)
            }
            counts[annotation.entityId]!.count += 1
        }
        catalog.mentionCountsByDocument[documentId] = counts.values.sorted { $0.slot < $1.slot }
    }

    /// The entity id's slot, given the next free one the first time it is seen.
    private mutating func slot(of id: String) -> Int32 {
        if let slot = catalog.slotById[id] { return slot }
        let slot = Int32(catalog.idAtSlot.count)
        catalog.idAtSlot.insert(id, at: catalog.idAtSlot.count)
        catalog.slotById[id] = slot
        return slot
    }

    // MARK: - Preparing a document

    static func prepare(_ document: Document, _ found: DocumentEntities, rank: DocumentRank) -> PreparedDocument {
        var sentenceTexts: [Int: String] = [:]
        func sentenceText(_ i: Int) -> String {
            if let text = sentenceTexts[i] { return text }
            let text = document.sentences.indices.contains(i) ? String(document.text.slice(document.sentences[i].span)) : ""
            sentenceTexts[i] = text
            return text
        }
        var keysBySentence: [Int: Set<Int>] = [:]
        let entities = found.entities.map { e -> PreparedEntity in
            let mergeKey: String
            if let v = e.value, e.type == .money || e.type == .percent {
                mergeKey = "\(e.type.rawValue)|\(EntityCatalog.plainDigits(v.amount))|\(v.currency ?? "")"
            } else {
                mergeKey = "\(e.type.rawValue)|\(EntityCatalog.mergeFold(e.name))"
            }
            var forms: [String] = []
            for form in [e.name] + e.aliases where !forms.contains(form) { forms.append(form) }
            let mentions = e.mentions.map { m in
                keysBySentence[m.sentence, default: []].insert(e.key)
                return EntityCatalog.Mention(documentId: document.id, span: m.span, text: m.text, sentence: m.sentence, sentenceText: sentenceText(m.sentence))
            }
            return PreparedEntity(
                key: e.key, mergeKey: mergeKey, name: e.name, type: e.type, value: e.value, forms: forms,
                descriptions: e.descriptions, mentions: mentions)
        }
        let groups = keysBySentence.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { sentence, keys in
            EntityCatalog.SentenceGroup(sentence: sentence, text: sentenceText(sentence), keys: keys.sorted())
        }
        return PreparedDocument(rank: rank, entities: entities, groups: groups)
    }
}
