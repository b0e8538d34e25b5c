public import BroadsheetCore
import Foundation

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

    /// All entities, most mentioned first.
    public private(set) var entities: [Entity] = []
    private var indexById: [String: Int] = [:]
    private var globalIds: [String: [Int: String]] = [:]
    private var relationsById: [String: [Relation]] = [:]
    private var searchWords: [[[String]]] = []
    private var foldedNames: [String] = []
    /// Each document's mentions as annotations, sorted: built once, so ``annotations(documentId:)`` is a lookup.
    private var annotationsByDocument: [String: [Annotation]] = [:]

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

    /// Chooses the final ids of a catalog's entities (for ids that must outlive the catalog: see
    /// the live corpus's registry). Given every entity's identity, returns one id per entity, all distinct.
    public typealias IdAssigner = ([Identity]) -> [String]

    /// Builds the catalog from documents and their extracted entities (pairs in corpus order).
    ///
    /// - Parameter assignIds: picks the ids; by default each entity gets its slug (``Identity/proposedId``).
    public init(_ documents: [(Document, DocumentEntities)], assignIds: IdAssigner? = nil) {
        struct Draft {
            var name: String
            var type: EntityType
            var aliases: [String] = []
            var aliasSet: Set<String> = []
            var descriptions: [String] = []
            var descriptionSet: Set<String> = []
            var value: EntityValue?
            var mentions: [Mention] = []
            var documentIds: [String] = []
            var nameCounts: [String: Int] = [:]
        }
        var drafts: [Draft] = []
        var draftIndex: [String: Int] = [:]
        var localToDraft: [String: [Int: Int]] = [:]
        var foldCache: [String: String] = [:]

        for (doc, found) in documents {
            func sentenceText(_ i: Int) -> String {
                guard doc.sentences.indices.contains(i) else { return "" }
                return String(doc.text.slice(doc.sentences[i].span))
            }
            var sentenceCache: [Int: String] = [:]
            var map: [Int: Int] = [:]
            for e in found.entities {
                let mergeKey: String
                if let v = e.value, e.type == .money || e.type == .percent {
                    mergeKey = "\(e.type.rawValue)|\(Self.plainDigits(v.amount))|\(v.currency ?? "")"
                } else {
                    let folded: String
                    if let f = foldCache[e.name] { folded = f } else { folded = Self.mergeFold(e.name); foldCache[e.name] = folded }
                    mergeKey = "\(e.type.rawValue)|\(folded)"
                }
                let di: Int
                if let existing = draftIndex[mergeKey] {
                    di = existing
                    // "the Daily Clarion" and "Daily Clarion": the name without the article.
                    if drafts[di].name.hasPrefix("the ") || drafts[di].name.hasPrefix("The "), !(e.name.hasPrefix("the ") || e.name.hasPrefix("The ")) {
                        drafts[di].name = e.name
                    }
                } else {
                    di = drafts.count
                    draftIndex[mergeKey] = di
                    drafts.append(Draft(name: e.name, type: e.type, value: e.value))
                }
                map[e.key] = di
                drafts[di].nameCounts[e.name, default: 0] += e.mentions.count
                if drafts[di].documentIds.last != found.documentId { drafts[di].documentIds.append(found.documentId) }
                for a in [e.name] + e.aliases where !drafts[di].aliasSet.contains(a) {
                    drafts[di].aliasSet.insert(a)
                    drafts[di].aliases.append(a)
                }
                for d in e.descriptions {
                    let k: String
                    if let f = foldCache[d] { k = f } else { k = Self.fold(d); foldCache[d] = k }
                    if drafts[di].descriptionSet.insert(k).inserted { drafts[di].descriptions.append(d) }
                }
                for m in e.mentions {
                    let st: String
                    if let c = sentenceCache[m.sentence] { st = c } else { st = sentenceText(m.sentence); sentenceCache[m.sentence] = st }
                    drafts[di].mentions.append(Mention(documentId: found.documentId, span: m.span, text: m.text, sentence: m.sentence, sentenceText: st))
                }
            }
            localToDraft[found.documentId] = map
        }

        /// Merges each draft into `targets[i]` (itself when equal); targets are roots.
        func merge(_ targets: [Int]) {
            guard targets.enumerated().contains(where: { $0.offset != $0.element }) else { return }
            let documentOrder = Dictionary(
                documents.enumerated().map { ($0.element.1.documentId, $0.offset) }, uniquingKeysWith: { a, _ in a })
            var newIndex = [Int](repeating: -1, count: drafts.count)
            var merged: [Draft] = []
            for i in drafts.indices where targets[i] == i {
                newIndex[i] = merged.count
                merged.append(drafts[i])
            }
            var grown: Set<Int> = []
            for i in drafts.indices where targets[i] != i {
                let t = newIndex[targets[i]]
                newIndex[i] = t
                grown.insert(t)
                let d = drafts[i]
                for a in d.aliases where merged[t].aliasSet.insert(a).inserted { merged[t].aliases.append(a) }
                for x in d.descriptions {
                    if merged[t].descriptionSet.insert(Self.fold(x)).inserted { merged[t].descriptions.append(x) }
                }
                merged[t].mentions += d.mentions
                for id in d.documentIds where !merged[t].documentIds.contains(id) { merged[t].documentIds.append(id) }
                merged[t].nameCounts.merge(d.nameCounts, uniquingKeysWith: +)
            }
            for t in grown {
                merged[t].documentIds.sort { documentOrder[$0, default: 0] < documentOrder[$1, default: 0] }
                merged[t].mentions.sort {
                    (documentOrder[$0.documentId, default: 0], $0.span.start) < (documentOrder[$1.documentId, default: 0], $1.span.start)
                }
            }
            drafts = merged
            localToDraft = localToDraft.mapValues { $0.mapValues { newIndex[$0] } }
        }
        // One name under several types in different documents: the type of most mentions takes them all.
        merge(Self.typeVoteTargets(drafts.map { ($0.type, $0.name, $0.mentions.count) }))
        // Short forms standing alone in one document join the full name from another.
        merge(Self.crossDocumentTargets(drafts.map { MergeCandidate(type: $0.type, forms: $0.aliases) }))

        // Names: money/percent take their most used surface form; names keep the canonical form (first seen).
        for i in drafts.indices where drafts[i].type == .money || drafts[i].type == .percent {
            drafts[i].name = drafts[i].nameCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? drafts[i].name
        }

        // Ids.
        var ids = [String](repeating: "", count: drafts.count)
        var bySlug: [String: [Int]] = [:]
        for (i, d) in drafts.enumerated() { bySlug[Self.baseSlug(name: d.name, type: d.type, value: d.value), default: []].append(i) }
        let typeOrder = Dictionary(uniqueKeysWithValues: EntityType.allCases.enumerated().map { ($1, $0) })
        var used: Set<String> = []
        for slug in bySlug.keys.sorted() {
            let members = bySlug[slug]!.sorted { (typeOrder[drafts[$0].type]!, Self.fold(drafts[$0].name), drafts[$0].name) < (typeOrder[drafts[$1].type]!, Self.fold(drafts[$1].name), drafts[$1].name) }
            for (n, i) in members.enumerated() {
                var id = n == 0 ? slug : "\(slug)-\(drafts[i].type.rawValue)"
                var suffix = 2
                while used.contains(id) { id = "\(slug)-\(drafts[i].type.rawValue)-\(suffix)"; suffix += 1 }
                used.insert(id)
                ids[i] = id
            }
        }

        if let assignIds {
            let identities = drafts.enumerated().map { i, d in
                Identity(
                    key: Self.identityKey(name: d.name, type: d.type, value: d.value),
                    aliasKeys: d.aliases.filter { $0 != d.name }.map { Self.identityKey(name: $0, type: d.type, value: d.value) },
                    proposedId: ids[i])
            }
            let assigned = assignIds(identities)
            if assigned.count == ids.count && Set(assigned).count == assigned.count { ids = assigned }
        }

        var built: [Entity] = drafts.enumerated().map { i, d in
            Entity(id: ids[i], name: d.name, type: d.type, aliases: d.aliases.filter { $0 != d.name }, descriptions: d.descriptions,
                   value: d.value, mentions: d.mentions, documentIds: d.documentIds)
        }
        built.sort { ($1.mentionCount, $0.id) < ($0.mentionCount, $1.id) }
        entities = built
        for (i, e) in entities.enumerated() { indexById[e.id] = i }
        for (docId, map) in localToDraft { globalIds[docId] = map.mapValues { ids[$0] } }

        // Relations: entities co-occurring in a sentence.
        var pairCounts: [String: [String: Int]] = [:]
        var pairEvidence: [String: [String: [Evidence]]] = [:]
        for (doc, found) in documents {
            guard let map = globalIds[found.documentId] else { continue }
            var bySentence: [Int: Set<String>] = [:]
            for e in found.entities {
                guard let gid = map[e.key] else { continue }
                for m in e.mentions { bySentence[m.sentence, default: []].insert(gid) }
            }
            for (s, set) in bySentence where set.count > 1 {
                let text = doc.sentences.indices.contains(s) ? String(doc.text.slice(doc.sentences[s].span)) : ""
                let ev = Evidence(documentId: found.documentId, sentence: s, text: text)
                for a in set {
                    for b in set where a != b {
                        pairCounts[a, default: [:]][b, default: 0] += 1
                        if (pairEvidence[a]?[b]?.count ?? 0) < Self.maxEvidence { pairEvidence[a, default: [:]][b, default: []].append(ev) }
                    }
                }
            }
        }
        for (a, others) in pairCounts {
            relationsById[a] = others.map { Relation(id: $0.key, count: $0.value, evidence: (pairEvidence[a]?[$0.key] ?? []).sorted { ($0.documentId, $0.sentence) < ($1.documentId, $1.sentence) }) }
                .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
        }

        foldedNames = entities.map { Self.fold($0.name) }
        var byDocument: [String: [Annotation]] = [:]
        for e in entities {
            for m in e.mentions {
                byDocument[m.documentId, default: []].append(
                    Annotation(start: m.span.start, end: m.span.end, text: m.text, entityId: e.id, type: e.type))
            }
        }
        annotationsByDocument = byDocument.mapValues {
            $0.sorted { ($0.start, $0.end, $0.entityId) < ($1.start, $1.end, $1.entityId) }
        }
        searchWords = entities.map { e in ([e.name] + e.aliases).map { Self.words(Self.fold($0)) } }
    }

    /// Extracts every document with `recognizer` and builds the catalog.
    public init(documents: [Document], recognizer: EntityRecognizer = EntityRecognizer()) {
        self.init(documents.map { ($0, recognizer.extract($0)) })
    }

    /// The entity with id `id`, if any.
    public func entity(id: String) -> Entity? { indexById[id].map { entities[$0] } }

    /// The global id of the entity with local key `key` in document `documentId` (quotes and events use it).
    public func globalId(documentId: String, key: Int) -> String? { globalIds[documentId]?[key] }

    /// Local key → global id for one document.
    public func globalIds(documentId: String) -> [Int: String] { globalIds[documentId] ?? [:] }

    /// Entities co-occurring with `id` in a sentence, most frequent first.
    public func related(to id: String) -> [Relation] { relationsById[id] ?? [] }

    /// Entities whose name or an alias matches `query`: every query word must be a prefix of a different word of
    /// the same name or alias, case- and accent-insensitively ("wit" and "steve w" find "Steve Witkoff").
    public func search(_ query: String) -> [Entity] {
        list(query: query)
    }

    /// Filtered and sorted entities. `query` as in ``search(_:)``; `documentId` keeps entities mentioned in that document.
    public func list(type: EntityType? = nil, query: String? = nil, documentId: String? = nil, sort: SortOrder = .mentions) -> [Entity] {
        let q = query.map { Self.words(Self.fold($0)) } ?? []
        var idx: [Int] = []
        for i in entities.indices {
            let e = entities[i]
            if let type, e.type != type { continue }
            if let documentId, !e.documentIds.contains(documentId) { continue }
            if !q.isEmpty, !searchWords[i].contains(where: { Self.matches(q, $0) }) { continue }
            idx.append(i)
        }
        if sort == .name { idx.sort { (foldedNames[$0], entities[$0].id) < (foldedNames[$1], entities[$1].id) } }
        return idx.map { entities[$0] }
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
