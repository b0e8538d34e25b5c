import BroadsheetCore
import Foundation
import Testing
@testable import BroadsheetExtraction

/// Corpus-level merging, ids, lookups, relations and search.
struct EntityCatalogTests {
    static func catalog() -> (EntityCatalog, [Document]) {
        let a = EntityTestDocument.make(
            "Chancellor Maren Østergaard met José Álvarez in Madrid. Østergaard said Madrid was warm. The deal was worth $5 million.",
            id: "doc-a")
        let b = EntityTestDocument.make(
            "Maren Østergaard flew to Washington. George Washington University hosted her. Officials paid $5 million and 600,000 dollars.",
            id: "doc-b")
        let docs = [a, b]
        return (EntityCatalog(documents: docs), docs)
    }

    @Test func mergesAcrossDocumentsBySameNameAndType() throws {
        let (c, _) = Self.catalog()
        let maren = try #require(c.entity(id: "maren-ostergaard"))
        #expect(maren.type == .person)
        #expect(maren.documentIds == ["doc-a", "doc-b"])
        #expect(maren.documentCount == 2)
        #expect(maren.mentionCount == 3)
        #expect(maren.aliases == ["Østergaard"])
        #expect(maren.descriptions == ["Chancellor"])
        #expect(maren.mentions.allSatisfy { !$0.sentenceText.isEmpty })
        #expect(maren.mentions[0].sentenceText.hasPrefix("Chancellor Maren"))
    }

    @Test func moneyMergesByValueWithReadableIds() throws {
        let (c, _) = Self.catalog()
        let five = try #require(c.entity(id: "usd-5000000"))
        #expect(five.type == .money)
        #expect(five.documentCount == 2)
        #expect(five.value == EntityValue(amount: 5_000_000, currency: "USD"))
        #expect(c.entity(id: "usd-600000")?.name == "600,000 dollars")
    }

    @Test func localKeysMapToGlobalIds() throws {
        let (c, docs) = Self.catalog()
        let local = EntityRecognizer().extract(docs[0])
        for e in local.entities {
            let gid = try #require(c.globalId(documentId: "doc-a", key: e.key))
            #expect(c.entity(id: gid)?.name == e.name)
        }
        #expect(c.globalId(documentId: "nope", key: 0) == nil)
        #expect(c.globalIds(documentId: "doc-b").count == EntityRecognizer().extract(docs[1]).entities.count)
    }

    @Test func relationsCountSentencesWithEvidence() throws {
        let (c, _) = Self.catalog()
        let rel = c.related(to: "maren-ostergaard")
        let madrid = try #require(rel.first { $0.id == "madrid" })
        #expect(madrid.count == 2)
        #expect(madrid.evidence.map(\.sentence) == [0, 1])
        #expect(madrid.evidence[0].text.contains("José Álvarez"))
        #expect(c.related(to: "madrid").contains { $0.id == "maren-ostergaard" && $0.count == 2 })
    }

    @Test(arguments: [("ostergaard", "maren-ostergaard"), ("MAREN ø", "maren-ostergaard"), ("jose", "jose-alvarez"), ("alv", "jose-alvarez"), ("univ george", "george-washington-university")])
    func searchMatchesWordPrefixesIgnoringCaseAndAccents(_ q: String, _ id: String) {
        let (c, _) = Self.catalog()
        #expect(c.search(q).map(\.id).contains(id))
    }

    @Test func searchDoesNotMatchInsideWords() {
        let (c, _) = Self.catalog()
        #expect(c.search("gaard").isEmpty)
    }

    @Test func filtersAndSorts() {
        let (c, _) = Self.catalog()
        let people = c.list(type: .person)
        #expect(people.allSatisfy { $0.type == .person })
        #expect(people.first?.id == "maren-ostergaard")
        let byName = c.list(sort: .name).map { EntityCatalog.fold($0.name) }
        #expect(byName == byName.sorted())
        let mentions = c.list(sort: .mentions).map(\.mentionCount)
        #expect(mentions == mentions.sorted(by: >))
        #expect(c.list(documentId: "doc-a").allSatisfy { $0.documentIds.contains("doc-a") })
        #expect(!c.list(documentId: "doc-a").contains { $0.id == "george-washington-university" })
    }

    @Test func slugCollisionsBetweenTypesGetTheType() {
        let a = EntityTestDocument.make("Crowds gathered in Jordan. Officials in Jordan agreed.", id: "x")
        let b = EntityTestDocument.make("The striker Michael Jordan scored. Jordan said he was happy. Later, Jordan Smith, a coach, left.", id: "y")
        let c = EntityCatalog(documents: [a, b])
        #expect(c.entity(id: "jordan")?.type == .location)
        #expect(c.entity(id: "michael-jordan")?.type == .person)
        #expect(c.entity(id: "jordan-smith")?.type == .person)
        #expect(EntityCatalog.slug("Côte d’Ivoire & Co.") == "cote-divoire-co")
    }

    @Test func shortFormInAnotherDocumentJoinsTheOnlyFullName() throws {
        let a = EntityTestDocument.make("Senator Rosalind Okafor spoke in Lagos. Okafor said the vote was close.", id: "a")
        let b = EntityTestDocument.make("Okafor returned to Abuja on Friday. Critics said Okafor had changed her mind.", id: "b")
        let c = EntityCatalog(documents: [a, b])
        let okafor = try #require(c.entity(id: "rosalind-okafor"))
        #expect(okafor.documentIds == ["a", "b"])
        #expect(okafor.mentionCount == 4)
        #expect(c.entity(id: "okafor") == nil)
        #expect(c.globalId(documentId: "b", key: 0) == "rosalind-okafor")
        #expect(okafor.mentions.map(\.documentId) == ["a", "a", "b", "b"])
    }

    @Test func shortFormWithTwoPossibleFullNamesStaysApart() throws {
        let a = EntityTestDocument.make("Governor Rosalind Okafor spoke in Lagos.", id: "a")
        let b = EntityTestDocument.make("Mayor Daniel Okafor spoke in Abuja.", id: "b")
        let c = EntityTestDocument.make("Okafor said the plan would fail.", id: "c")
        let catalog = EntityCatalog(documents: [a, b, c])
        #expect(catalog.entity(id: "rosalind-okafor")?.documentIds == ["a"])
        #expect(catalog.entity(id: "daniel-okafor")?.documentIds == ["b"])
    }

    @Test func targetsFollowFormsAndSurnamesOfOneTypeOnly() {
        typealias C = EntityCatalog.MergeCandidate
        let candidates = [
            C(type: .organization, forms: ["North Atlantic Treaty Organization", "NATO"]),
            C(type: .organization, forms: ["NATO"]),
            C(type: .person, forms: ["Jordan"]),
            C(type: .location, forms: ["Jordan"]),
            C(type: .person, forms: ["Michael Jordan"]),
            C(type: .person, forms: ["Ken Griffey Jr."]),
            C(type: .person, forms: ["Griffey"]),
            C(type: .money, forms: ["$5"]),
        ]
        #expect(EntityCatalog.crossDocumentTargets(candidates) == [0, 0, 2, 3, 4, 5, 6, 7])
    }

    @Test func annotationsCoverEveryMention() {
        let (c, docs) = Self.catalog()
        let ann = c.annotations(documentId: "doc-a")
        #expect(ann.count == EntityRecognizer().extract(docs[0]).entities.reduce(0) { $0 + $1.mentions.count })
        for a in ann { #expect(String(docs[0].text.slice(TextSpan(start: a.start, end: a.end))) == a.text) }
        #expect(ann.map(\.start) == ann.map(\.start).sorted())
    }
}

@Suite struct TopThresholdTests {
    /// The `limit`-th largest key, as a full sort finds it, ties included; none when all fit.
    @Test func findsTheLimitThLargestKey() {
        var seed: UInt64 = 3
        for _ in 0..<200 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(seed >> 58)
            let keys = (0..<count).map { i -> UInt64 in UInt64((i &* 7919 &+ Int(seed >> 40)) % 13) }
            for limit in [1, 3, 8] {
                let expected = keys.count > limit ? keys.sorted(by: >)[limit - 1] : nil
                #expect(EntityCatalog.threshold(of: keys, keeping: limit) == expected, "\(keys) \(limit)")
            }
        }
        #expect(EntityCatalog.threshold(of: [5, 5, 5, 1], keeping: 2) == 5)
        #expect(EntityCatalog.threshold(of: [UInt64](), keeping: 3) == nil)
    }
}
