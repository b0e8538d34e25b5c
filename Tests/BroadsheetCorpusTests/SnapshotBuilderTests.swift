import BroadsheetCollections
import BroadsheetCore
import BroadsheetCorpus
import BroadsheetExtraction
import BroadsheetSearch
import Foundation
import HashTreeCollections
import Testing

/// The incremental snapshot must serve exactly what a snapshot built at once from the same articles serves.
@Suite struct SnapshotBuilderTests {
    /// Invented sentences whose names merge across articles in every way the catalog knows: a short
    /// form alone in one article ("Okafor"), two people sharing it ("Daniel Okafor"), a leading
    /// article ("the Daily Clarion"), one name under two types ("Jordan"), money by value, quotes.
    static let sentences = [
        "Ada Okafor, the finance minister, said on Monday the plan would cost $4 million.",
        "Okafor told reporters in Kellan that the budget was tight.",
        "Daniel Okafor, a farmer near Lerwin, said the frost came early on March 3, 2026.",
        "The Daily Clarion reported that the Harbour Board met in Kellan on Tuesday.",
        "Daily Clarion editors said the report would run on Friday.",
        "Kellan Ferries Ltd. hired 40 workers and spent $4,000,000 on two boats.",
        "Jordan Vale, a lawyer, said the contract was fair.",
        "Ministers from Jordan arrived in Kellan on April 2, 2026.",
        "\"We will build the bridge,\" said Mira Osei, who chairs the Harbour Board.",
        "\"Nobody asked the growers,\" Tomas Brandt said on Wednesday.",
        "Vale said the Northmarch Council approved a 12 percent rise in fares.",
        "Osei met Ada Okafor and Jordan Vale in Lerwin on May 5, 2026.",
        "The Northmarch Council said fares would rise 12% in June.",
        "Brandt, who grows apples near Lerwin, said the Harbour Board was slow.",
    ]

    static func entry(id: String, seed: inout UInt64, dated: Bool) -> CorpusEntry {
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let count = 2 + next() % 4
        let body = (0..<count).map { _ in sentences[next() % sentences.count] }.joined(separator: "\n\n")
        let titles = ["Harbour news", "Council report", "Valley growers", "Ferry plans"]
        let date = dated ? String(format: "2026-%02d-%02d", 1 + next() % 6, 1 + next() % 28) : nil
        return parsed(id: id, title: titles[next() % titles.count], body: body, date: date)
    }

    /// An article as the JSON parser reads it.
    static func parsed(id: String, title: String, body: String, date: String?) -> CorpusEntry {
        var object: [String: Any] = [
            "id": id, "title": title, "body": body, "publication": title.count % 2 == 0 ? "Lerwin Gazette" : "Valley Courier",
            "authors": [title.hasPrefix("Harbour") ? "Ana Souza" : "Ines Vargas"], "tags": [title.split(separator: " ")[0].lowercased()],
        ]
        if let date { object["publishedAt"] = date }
        let text = String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let document = try! ArticleParser().parse(text: text, source: "article.json")[0]
        return CorpusEntry(document: document, extraction: DocumentExtraction(document: document))
    }

    @Test func incrementalUpdatesServeWhatAFullBuildServes() throws {
        var seed: UInt64 = 42
        var builder = SnapshotBuilder()
        var current: [String: CorpusEntry] = [:]
        var serial = 0
        for round in 0..<25 {
            var adding: [CorpusEntry] = []
            var removing: Set<String> = []
            // Add a few, replace one, remove one.
            for _ in 0..<(round == 0 ? 8 : 2) {
                serial += 1
                adding.append(Self.entry(id: "a\(serial)", seed: &seed, dated: serial % 5 != 0))
            }
            let existing = current.keys.sorted()
            if round % 2 == 1, let id = existing.dropFirst(round % max(1, existing.count)).first {
                adding.append(Self.entry(id: id, seed: &seed, dated: true))
            }
            if round % 3 == 2, let id = existing.last { removing.insert(id) }
            for id in removing { current[id] = nil }
            for entry in adding { current[entry.document.id] = entry }
            builder.update(removing: removing, adding: adding)

            let incremental = builder.snapshot(search: nil, root: "r", generation: 1, status: CorpusStatus(), skipped: [], filesRead: 0)
            let full = CorpusSnapshot(root: "r", entries: Array(current.values), skipped: [], filesRead: 0)
            try Self.expectSame(incremental, full, round: round)
        }
    }

    @Test func aShortFormJoinsTheFullNameWrittenLaterAndLeavesWithIt() throws {
        func entry(_ id: String, _ text: String, day: Int) -> CorpusEntry {
            Self.parsed(id: id, title: id, body: text, date: "2026-02-0\(day)")
        }
        var builder = SnapshotBuilder()
        builder.update(adding: [entry("short", "Okafor told reporters the budget was tight.", day: 1)])
        func snapshot() -> CorpusSnapshot {
            builder.snapshot(search: nil, root: "r", generation: 1, status: CorpusStatus(), skipped: [], filesRead: 0)
        }
        #expect(snapshot().entities.entity(id: "okafor")?.documentIds == ["short"])
        builder.update(adding: [entry("full", "Ada Okafor, the finance minister, spoke on Monday.", day: 2)])
        let joined = try #require(snapshot().entities.entity(id: "ada-okafor"))
        #expect(joined.documentIds == ["full", "short"])
        #expect(snapshot().entities.globalId(documentId: "short", key: 0) == "ada-okafor")
        builder.update(removing: ["full"], adding: [])
        #expect(snapshot().entities.entity(id: "ada-okafor") == nil)
        #expect(snapshot().entities.globalId(documentId: "short", key: 0) == "okafor")
    }

    static func expectSame(_ a: CorpusSnapshot, _ b: CorpusSnapshot, round: Int) throws {
        #expect(a.documents.map(\.id) == b.documents.map(\.id), "round \(round): documents")
        #expect(a.totals == b.totals)
        let left = a.entities.entities
        let right = b.entities.entities
        #expect(left.map(\.id) == right.map(\.id), "round \(round): entity ids")
        // Mention counts added up by slot give what counting the annotations gives.
        for type in [nil] + EntityType.allCases.map(Optional.some) where type != .money && type != .percent {
            var articles: [String: Int] = [:]
            var mentions: [String: Int] = [:]
            for document in b.documents {
                var seen = Set<String>()
                for annotation in b.entities.annotations(documentId: document.id)
                where (type == nil || annotation.type == type) && annotation.type != .money && annotation.type != .percent {
                    mentions[annotation.entityId, default: 0] += 1
                    if seen.insert(annotation.entityId).inserted { articles[annotation.entityId, default: 0] += 1 }
                }
            }
            let naive = articles.keys.sorted { (articles[$1]!, mentions[$1]!, $0) < (articles[$0]!, mentions[$0]!, $1) }.prefix(8)
            let counted = a.entities.top(inDocuments: a.documents.map(\.id), type: type, limit: 8)
            #expect((type != nil || !naive.isEmpty) && counted.map(\.entity.id) == Array(naive), "round \(round): top \(String(describing: type))")
            #expect(counted.map(\.articles) == naive.map { articles[$0]! } && counted.map(\.mentions) == naive.map { mentions[$0]! })
        }
        for type in EntityType.allCases {
            let listed = a.entities.page(type: type, offset: 0, limit: Int.max).entities.map(\.id)
            #expect(listed == right.filter { $0.type == type }.map(\.id), "round \(round): \(type) list")
        }
        for (x, y) in zip(left, right) where x != y {
            Issue.record("round \(round): entity \(x.id) differs: \(x) vs \(y)")
        }
        for document in b.documents {
            #expect(a.entities.globalIds(documentId: document.id) == b.entities.globalIds(documentId: document.id))
            #expect(a.entities.annotations(documentId: document.id) == b.entities.annotations(documentId: document.id))
        }
        for entity in right {
            #expect(a.entities.related(to: entity.id) == b.entities.related(to: entity.id), "round \(round): relations of \(entity.id)")
        }
        #expect(a.quotes.map(\.id) == b.quotes.map(\.id))
        #expect(a.quotes.map(\.speakerId) == b.quotes.map(\.speakerId), "round \(round): speakers")
        #expect(Self.ids(a.quotesBySpeaker) == Self.ids(b.quotesBySpeaker))
        // The q scan reads the signatures kept beside the quotes: they must stay in step.
        let words = Set(b.quotes.flatMap { TextMatch.words($0.quote.text) }).sorted().prefix(40)
        for q in words.map({ String($0.prefix(3)) }) + ["zzz"] {
            let query = TextMatch.Query(q)
            let expected = b.quotes.filter { $0.matches(query) }.map(\.id)
            #expect(a.quotes(matching: query, where: { _ in true }).map(\.id) == expected, "round \(round): q=\(q)")
            #expect(b.quotes(matching: query, where: { _ in true }).map(\.id) == expected, "round \(round): q=\(q)")
        }
        for kind in QuoteKind.allCases {
            #expect(a.quotesByKind[kind].map { $0.map(\.id) } ?? [] == b.quotesByKind[kind].map { $0.map(\.id) } ?? [], "round \(round): \(kind) quotes")
        }
        #expect(Set(a.documentsByFacet.keys) == Set(b.documentsByFacet.keys))
        #expect(b.documentsByFacet.count >= 4)
        for (key, list) in b.documentsByFacet {
            #expect(a.documentsByFacet[key].map { $0.map(\.id) } == list.map(\.id), "round \(round): \(key)")
        }
        #expect(a.events.map(\.id) == b.events.map(\.id), "round \(round): events")
        #expect(a.events.map(\.participantIds) == b.events.map(\.participantIds))
        #expect(Self.ids(a.eventsByEntity) == Self.ids(b.eventsByEntity))
        for entity in right {
            #expect(a.searchContext.entityParagraphs?(entity.id) == b.searchContext.entityParagraphs?(entity.id))
        }
    }

    static func ids(_ map: TreeDictionary<String, [QuoteRecord]>) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value.map(\.id)) })
    }

    static func ids(_ map: TreeDictionary<String, [EventRecord]>) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value.map(\.id)) })
    }
}
