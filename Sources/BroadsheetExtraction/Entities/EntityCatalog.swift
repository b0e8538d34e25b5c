public import BroadsheetCore
import BroadsheetCollections
import Foundation
import HashTreeCollections

/// Every entity of a corpus, merged across documents, with stable readable ids, mentions, relations and search.
///
/// Across documents, entities with the same canonical name (compared case- and accent-insensitively, without a
/// leading "the") are one entity, typed by most of their mentions (``typeVoteTargets(_:)``), and so is a short form
/// that only one fuller name of that type goes by (`Trump` in one article, `Donald Trump` in another: see
/// ``crossDocumentTargets(_:lexicons:)``), unless the short form is a known place or organisation; money and
/// percentages are merged by value. Ids are slugs of the name (`steve-witkoff`);
/// when two entities of different types share a slug, the first type in ``EntityType/allCases`` order keeps the
/// bare slug and the others get the type appended (`washington-location`); money ids read `usd-600000`,
/// percentages `9-9-percent`.
///
/// ```swift
/// let catalog = EntityCatalog(documents.map { ($0, recognizer.extract($0)) })
/// let people = catalog.list(type: .person, sort: .mentions)
/// let id = catalog.globalId(documentId: doc.id, key: 3)
/// ```
public struct EntityCatalog: Sendable {
    /// One corpus-level entity.
    public struct Entity: Sendable, Hashable, Codable, Identifiable {
        public var id: String
        public var name: String
        public var type: EntityType
        /// Every other form used in any document (union, first-seen order).
        public var aliases: [String]
        /// Roles and descriptions, deduplicated case-insensitively.
        public var descriptions: [String]
        /// Money and percent only.
        public var value: EntityValue?
        public var mentions: [Mention]
        public var mentionCount: Int { mentions.count }
        /// Ids of the documents that mention the entity, in corpus order.
        public var documentIds: [String]
        public var documentCount: Int { documentIds.count }
    }

    /// One mention, located in its document.
    public struct Mention: Sendable, Hashable, Codable {
        public var documentId: String
        public var span: TextSpan
        public var text: String
        /// Index into the document's sentences.
        public var sentence: Int
        /// The text of that sentence.
        public var sentenceText: String
    }

    /// A sentence in which two entities co-occur.
    public struct Evidence: Sendable, Hashable, Codable {
        public var documentId: String
        public var sentence: Int
        public var text: String
    }

    /// Another entity co-occurring with one entity in at least one sentence.
    public struct Relation: Sendable, Hashable, Codable {
        /// The other entity's id.
        public var id: String
        /// The number of sentences in which both occur.
        public var count: Int
        /// Up to ``EntityCatalog/maxEvidence`` of those sentences.
        public var evidence: [Evidence]
    }

    /// A span to render in an annotated article.
    public struct Annotation: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        public var text: String
        public var entityId: String
        public var type: EntityType
    }

    /// Orders for ``list(type:query:documentId:sort:)``.
    public enum SortOrder: String, Sendable, Hashable, Codable, CaseIterable {
        /// Most mentioned first (ties by name).
        case mentions
        /// By name, case- and accent-insensitively (ties by id).
        case name
    }

    /// How many evidence sentences a relation keeps.
    public static let maxEvidence = 20

    /// One entity as listed: the entity and what name searches compare.
    final class Row: Sendable {
        let entity: Entity
        let foldedName: String
        let searchWords: [[String]]

        init(_ entity: Entity) {
            self.entity = entity
            foldedName = EntityCatalog.fold(entity.name)
            searchWords = ([entity.name] + entity.aliases).map { EntityCatalog.words(EntityCatalog.fold($0)) }
        }

        /// Most mentioned first, then by id.
        static func listOrder(_ a: Row, _ b: Row) -> Bool {
            (b.entity.mentionCount, a.entity.id) < (a.entity.mentionCount, b.entity.id)
        }

        /// In the most documents first, then most mentioned, then by id.
        static func articleOrder(_ a: Row, _ b: Row) -> Bool {
            (b.entity.documentIds.count, b.entity.mentions.count, a.entity.id) < (a.entity.documentIds.count, a.entity.mentions.count, b.entity.id)
        }
    }

    /// A sentence of a document in which at least two of its entities occur (by local key).
    struct SentenceGroup: Sendable {
        var sentence: Int
        var text: String
        var keys: [Int]
    }

    // Persistent containers: the next catalog shares what a change leaves alone (see ``EntityCatalogBuilder``).
    /// Every entity, most mentioned first (ties by id).
    var rows = ChunkedList<Row>()
    /// The same rows in ``Row/articleOrder(_:_:)``, for the top entities by articles.
    var rowsByArticles = ChunkedList<Row>()
    /// The rows of each type, in list order (a list of one type is a slice).
    var rowsByType: [EntityType: ChunkedList<Row>] = [:]
    /// Entity ids by the words of their names and aliases, for name searches.
    var nameWords = WordPrefixIndex()
    var rowsById = TreeDictionary<String, Row>()
    /// Document id → local key → global id.
    var globalIdsByDocument = TreeDictionary<String, [Int: String]>()
    /// Each document's mentions as annotations, sorted: built once, so ``annotations(documentId:)`` is a lookup.
    var annotationsByDocument = TreeDictionary<String, [Annotation]>()
    /// An entity of a document and how often the document mentions it, by the entity's slot.
    struct MentionCount: Sendable {
        var slot: Int32
        var type: EntityType
        var count: Int32
    }

    /// Each document's entities with their mention counts (trends add these up, by slot).
    var mentionCountsByDocument = TreeDictionary<String, [MentionCount]>()
    /// A dense number per entity id ever served (never reused), so counts can be added up in arrays.
    var slotById = TreeDictionary<String, Int32>()
    var idAtSlot = ChunkedList<String>()
    /// Each document's sentences with co-occurring entities (relations are counted from them on demand).
    var groupsByDocument = TreeDictionary<String, [SentenceGroup]>()

    /// All entities, most mentioned first.
    public var entities: [Entity] { rows.map(\.entity) }

    /// How many entities the catalog holds.
    public var count: Int { rows.count }

    /// The `limit` entities in the most documents (then most mentions, then by id) among those
    /// `include` keeps: one pass over the catalog, copying only the ones kept.
    public func top(limit: Int, include: (_ id: String, _ type: EntityType) -> Bool) -> [Entity] {
        var best: [Entity] = []
        for row in rowsByArticles where include(row.entity.id, row.entity.type) {
            best.append(row.entity)
            if best.count == limit { break }
        }
        return best
    }

    /// What makes an entity the same entity across catalogs: its type and folded name (money and
    /// percentages: their value), and the same for each alias. An ``IdAssigner`` sees these.
    public struct Identity: Sendable, Hashable {
        /// `type|folded name`, or `type|amount|currency` for money and percentages.
        public var key: String
        /// The keys of the entity's other names (of the same type).
        public var aliasKeys: [String]
        /// The id the catalog would give on its own (a readable slug, unique in this catalog).
        public var proposedId: String

        public init(key: String, aliasKeys: [String], proposedId: String) {
            self.key = key
            self.aliasKeys = aliasKeys
            self.proposedId = proposedId
        }
    }

    /// Chooses the final ids of entities (for ids that must outlive the catalog: see the live
    /// corpus's registry). Given the identities of some entities and a test for ids that other
    /// entities of the catalog hold, returns one id per entity, all distinct and none of those.
    public typealias IdAssigner = ([Identity], _ isTaken: (String) -> Bool) -> [String]

    /// An empty catalog.
    public init() {}

    /// Builds the catalog from documents and their extracted entities (pairs in corpus order).
    ///
    /// - Parameter assignIds: picks the ids; by default each entity gets its slug (``Identity/proposedId``).
    public init(_ documents: [(Document, DocumentEntities)], assignIds: IdAssigner? = nil) {
        var builder = EntityCatalogBuilder()
        builder.update(adding: documents.enumerated().map { ($1.0, $1.1, DocumentRank.position($0)) }, assignIds: assignIds)
        self = builder.catalog
    }

    /// Extracts every document with `recognizer` and builds the catalog.
    public init(documents: [Document], recognizer: EntityRecognizer = EntityRecognizer()) {
        self.init(documents.map { ($0, recognizer.extract($0)) })
    }

    /// The entity with id `id`, if any.
    public func entity(id: String) -> Entity? { rowsById[id]?.entity }

    /// The global id of the entity with local key `key` in document `documentId` (quotes and events use it).
    public func globalId(documentId: String, key: Int) -> String? { globalIdsByDocument[documentId]?[key] }

    /// Local key → global id for one document.
    public func globalIds(documentId: String) -> [Int: String] { globalIdsByDocument[documentId] ?? [:] }

    /// Entities co-occurring with `id` in a sentence, most frequent first (counted on demand from the
    /// sentences of the documents that mention it).
    public func related(to id: String) -> [Relation] {
        guard let entity = rowsById[id]?.entity else { return [] }
        var counts: [String: Int] = [:]
        var evidence: [String: [Evidence]] = [:]
        for documentId in entity.documentIds {
            guard let groups = groupsByDocument[documentId], let map = globalIdsByDocument[documentId] else { continue }
            for group in groups {
                var ids = Set<String>()
                for key in group.keys { if let gid = map[key] { ids.insert(gid) } }
                guard ids.count > 1, ids.contains(id) else { continue }
                for other in ids where other != id {
                    counts[other, default: 0] += 1
                    if evidence[other, default: []].count < Self.maxEvidence {
                        evidence[other, default: []].append(Evidence(documentId: documentId, sentence: group.sentence, text: group.text))
                    }
                }
            }
        }
        return counts.map { other, count in
            Relation(id: other, count: count, evidence: (evidence[other] ?? []).sorted { ($0.documentId, $0.sentence) < ($1.documentId, $1.sentence) })
        }.sorted { ($1.count, $0.id) < ($0.count, $1.id) }
    }

    /// Entities whose name or an alias matches `query`: every query word must be a prefix of a different word of
    /// the same name or alias, case- and accent-insensitively ("wit" and "steve w" find "Steve Witkoff").
    public func search(_ query: String) -> [Entity] {
        list(query: query)
    }

    /// Filtered and sorted entities. `query` as in ``search(_:)``; `documentId` keeps entities mentioned in that document.
    public func list(type: EntityType? = nil, query: String? = nil, documentId: String? = nil, sort: SortOrder = .mentions) -> [Entity] {
        let found = page(type: type, query: query, documentId: documentId, sort: sort, offset: 0, limit: Int.max)
        return found.entities
    }

    /// One page of ``list(type:query:documentId:sort:)`` and how many entities the whole list has:
    /// only the page's entities are copied, and the unfiltered list by mentions is a slice.
    public func page(
        type: EntityType? = nil, query: String? = nil, documentId: String? = nil, sort: SortOrder = .mentions, offset: Int, limit: Int
    ) -> (total: Int, entities: [Entity]) {
        let q = query.map { Self.words(Self.fold($0)) } ?? []
        func keep(_ row: Row) -> Bool {
            if let type, row.entity.type != type { return false }
            if !q.isEmpty, !row.searchWords.contains(where: { Self.matches(q, $0) }) { return false }
            return true
        }
        func slice(_ found: some RandomAccessCollection<Row>) -> (total: Int, entities: [Entity]) {
            let start = min(max(0, offset), found.count)
            let end = start + min(limit, found.count - start)
            return (found.count, found.dropFirst(start).prefix(end - start).map(\.entity))
        }
        if documentId == nil, q.isEmpty, sort == .mentions {
            if let type { return slice(rowsByType[type] ?? ChunkedList()) }
            return slice(rows)
        }
        var found: [Row]
        if documentId == nil, let longest = q.max(by: { $0.count < $1.count }) {
            // Only the entities with a word starting with the query's longest word can match.
            found = nameWords.keys(withWordPrefix: longest).compactMap { rowsById[$0] }.filter(keep).sorted(by: Row.listOrder)
        } else if let documentId {
            // The document's own entities, not a pass over the corpus.
            let ids = Set(globalIdsByDocument[documentId].map { Array($0.values) } ?? [])
            found = ids.compactMap { rowsById[$0] }.sorted(by: Row.listOrder).filter(keep)
        } else {
            found = []
            rows.forEachElement { if keep($0) { found.append($0) } }
        }
        if sort == .name { found.sort { ($0.foldedName, $0.entity.id) < ($1.foldedName, $1.entity.id) } }
        return slice(found)
    }

    /// The `limit` entities in the most of these documents (then most mentions in them, then by
    /// id), of `type` when given, never money or percentages or those in `excluding`, with their
    /// counts: added up in arrays by slot, so a year of articles is counted in milliseconds.
    public func top(
        inDocuments documentIds: some Sequence<String>, type: EntityType?, limit: Int, excluding: Set<String> = []
    ) -> [(entity: Entity, articles: Int, mentions: Int)] {
        let slots = idAtSlot.count
        var articles = [Int32](repeating: 0, count: slots)
        var mentions = [Int32](repeating: 0, count: slots)
        var touched: [Int32] = []
        let excluded = Set(excluding.compactMap { slotById[$0] })
        for id in documentIds {
            for counted in mentionCountsByDocument[id] ?? [] {
                guard type == nil || counted.type == type, counted.type != .money, counted.type != .percent else { continue }
                if !excluded.isEmpty, excluded.contains(counted.slot) { continue }
                let slot = Int(counted.slot)
                if articles[slot] == 0 { touched.append(counted.slot) }
                articles[slot] += 1
                mentions[slot] += counted.count
            }
        }
        // Only the slots at or above the `limit`-th count can be listed: keep those, then sort them.
        let key = { (slot: Int32) -> UInt64 in UInt64(UInt32(articles[Int(slot)])) << 32 | UInt64(UInt32(mentions[Int(slot)])) }
        if let threshold = Self.threshold(of: touched.lazy.map(key), keeping: limit) {
            touched.removeAll { key($0) < threshold }
        }
        touched.sort { (articles[Int($1)], mentions[Int($1)]) < (articles[Int($0)], mentions[Int($0)]) }
        // The first `limit`, and every one tied with the last of them, are ordered by id too.
        var end = min(limit, touched.count)
        if end > 0 {
            let last = Int(touched[end - 1])
            while end < touched.count, articles[Int(touched[end])] == articles[last], mentions[Int(touched[end])] == mentions[last] { end += 1 }
        }
        let candidates = touched[..<end].map { (slot: $0, id: idAtSlot[Int($0)]) }.sorted { a, b in
            (articles[Int(b.slot)], mentions[Int(b.slot)], a.id) < (articles[Int(a.slot)], mentions[Int(a.slot)], b.id)
        }
        return candidates.prefix(limit).compactMap { slot, id in
            rowsById[id].map { ($0.entity, Int(articles[Int(slot)]), Int(mentions[Int(slot)])) }
        }
    }

    /// The `limit`-th largest of `keys` (`nil` when there are not more than `limit` of them): one pass
    /// that keeps the largest `limit` seen in a small sorted buffer.
    static func threshold(of keys: some Sequence<UInt64>, keeping limit: Int) -> UInt64? {
        guard limit > 0 else { return nil }
        var best: [UInt64] = []
        var seen = 0
        for key in keys {
            seen += 1
            if best.count == limit {
                guard key > best[0] else { continue }
                best.removeFirst()
            }
            var low = 0
            var high = best.count
            while low < high {
                let mid = (low + high) / 2
                if best[mid] < key { low = mid + 1 } else { high = mid }
            }
            best.insert(key, at: low)
        }
        return seen > limit ? best[0] : nil
    }

    /// Every entity mention of a document as annotations, ordered by start offset.
    public func annotations(documentId: String) -> [Annotation] {
        annotationsByDocument[documentId] ?? []
    }

    // MARK: - Folding, slugs and matching

    /// Lowercased, accent-free form used for merging and search.
    static func fold(_ s: String) -> String {
        if let ascii = asciiFold(s) { return ascii }
        var out = ""
        for ch in s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) {
            switch ch {
            case "ø": out += "o"
            case "æ": out += "ae"
            case "œ": out += "oe"
            case "ß": out += "ss"
            case "ð", "đ": out += "d"
            case "þ": out += "th"
            case "ł": out += "l"
            case "ı": out += "i"
            case "\u{2019}", "\u{2018}": out += "'"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The folded form names merge by: ``fold(_:)`` without a leading article ("the BBC" is "BBC").
    static func mergeFold(_ s: String) -> String {
        let f = fold(s)
        return f.hasPrefix("the ") && f.count > 4 ? String(f.dropFirst(4)) : f
    }

    /// For each (type, name, mention count), the index it merges into so that a name has one type across the
    /// corpus: the type with the most mentions (ties: the first seen). Money and percentages never merge here.
    static func typeVoteTargets(_ entries: [(type: EntityType, name: String, mentions: Int)]) -> [Int] {
        var byName: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() where e.type != .money && e.type != .percent {
            byName[mergeFold(e.name), default: []].append(i)
        }
        var targets = Array(entries.indices)
        for (_, members) in byName where members.count > 1 {
            let winner = members.max { (entries[$0].mentions, -$0) < (entries[$1].mentions, -$1) }!
            for m in members where m != winner { targets[m] = winner }
        }
        return targets
    }

    /// ``fold(_:)`` of ASCII text (lower case, byte by byte: names are folded for every mention of every
    /// publish), or `nil` when the text is not ASCII.
    static func asciiFold(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            for b in bytes {
                guard b < 0x80 else { return nil }
                out.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Words of a folded string: runs of letters and digits.
    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func matches(_ query: [String], _ words: [String]) -> Bool {
        var used = [Bool](repeating: false, count: words.count)
        for q in query {
            guard let i = words.indices.first(where: { !used[$0] && words[$0].hasPrefix(q) }) else { return false }
            used[i] = true
        }
        return true
    }

    /// A readable slug: folded name, runs of other characters as `-`.
    static func slug(_ s: String) -> String {
        var out = ""
        for ch in fold(s).unicodeScalars {
            if ch.isASCII && (CharacterSet.alphanumerics.contains(ch)) {
                out.unicodeScalars.append(ch)
            } else if ch == "'" {
                continue
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "entity" : out
    }

    /// An exact amount written as plain digits with no exponent and no trailing fractional zeros
    /// (`1.07E+9` → `1070000000`, `1.50` → `1.5`).
    static func plainDigits(_ amount: Decimal) -> String {
        var compact = amount
        NSDecimalCompact(&compact)
        return compact.description
    }

    /// The identity key of a name of an entity of this type (see ``Identity/key``): the type and the
    /// name as merged (``mergeFold(_:)``: "the BBC" is "BBC"), or the exact amount and currency.
    static func identityKey(name: String, type: EntityType, value: EntityValue?) -> String {
        if let v = value, type == .money || type == .percent { return "\(type.rawValue)|\(plainDigits(v.amount))|\(v.currency ?? "")" }
        return "\(type.rawValue)|\(mergeFold(name))"
    }

    /// The slug an entity would get without collisions.
    static func baseSlug(name: String, type: EntityType, value: EntityValue?) -> String {
        if let v = value, type == .money || type == .percent {
            // The exact decimal digits: "1070000000", "1.5" (a slug reads "usd-1-5").
            let amount = Self.plainDigits(v.amount)
            return type == .money ? slug("\(v.currency ?? "money") \(amount)") : slug("\(amount) percent")
        }
        return slug(name)
    }
}
