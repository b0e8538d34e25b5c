import BroadsheetCore
import BroadsheetCorpus
import BroadsheetExtraction
import Foundation
import Testing

@Suite struct EntityIdRegistryTests {
    static func identity(_ key: String, aliases: [String] = [], proposed: String) -> EntityCatalog.Identity {
        EntityCatalog.Identity(key: key, aliasKeys: aliases, proposedId: proposed)
    }

    @Test func anIdOnceGivenStaysWithItsKey() {
        var registry = EntityIdRegistry()
        let first = registry.assign([Self.identity("location|washington", proposed: "washington")])
        #expect(first.ids == ["washington"])
        // A person named Washington arrives and is mentioned more: the catalog would now give the person the bare slug.
        let second = registry.assign([
            Self.identity("person|washington", proposed: "washington"),
            Self.identity("location|washington", proposed: "washington-location"),
        ])
        #expect(second.ids == ["washington-2", "washington"])
        #expect(second.changes.newKeys.map(\.id) == ["washington-2"])
    }

    @Test func aGrownNameKeepsTheShortFormsId() {
        var registry = EntityIdRegistry()
        _ = registry.assign([Self.identity("person|okafor", proposed: "okafor")])
        let grown = registry.assign([Self.identity("person|ada okafor", aliases: ["person|okafor"], proposed: "ada-okafor")])
        #expect(grown.ids == ["okafor"])
        #expect(registry.survivor(of: "okafor") == nil)
    }

    @Test func anAbsorbedEntityRedirectsToItsSurvivor() {
        var registry = EntityIdRegistry()
        _ = registry.assign([
            Self.identity("person|ada okafor", proposed: "ada-okafor"),
            Self.identity("person|okafor", proposed: "okafor"),
        ])
        // New evidence: "Okafor" is now a form of Ada Okafor.
        let merged = registry.assign([Self.identity("person|ada okafor", aliases: ["person|okafor"], proposed: "ada-okafor")])
        #expect(merged.ids == ["ada-okafor"])
        #expect(registry.survivor(of: "okafor") == "ada-okafor")
        #expect(merged.changes.newMerges.map(\.id) == ["okafor"])
        // The merged id is never handed to a newcomer.
        let later = registry.assign([
            Self.identity("person|ada okafor", aliases: ["person|okafor"], proposed: "ada-okafor"),
            Self.identity("organization|okafor", proposed: "okafor"),
        ])
        #expect(later.ids == ["ada-okafor", "okafor-2"])
    }

    @Test func idsSurviveARestartAndNewArticlesNeverRenameAnEntity() throws {
        let (corpus, _, folder) = try CorpusFixtures.corpus()
        let place = CorpusFixtures.submission(
            title: "Floods in Marlow", body: "Heavy rain flooded Marlow on Monday.\n\nThe river at Marlow rose a metre.")
        _ = try corpus.write([place], mode: .create)
        corpus.publish()
        let before = try #require(corpus.service.snapshot).entities.entities.map { "\($0.type.rawValue):\($0.id)" }.sorted()

        let reopened = LiveCorpus(store: try SQLiteArticleStore(path: folder + "/broadsheet.sqlite"), service: CorpusService(), root: folder)
        try reopened.open()
        // A person with the same name, mentioned more often than the town.
        let person = CorpusFixtures.submission(
            title: "Coach praised", body: "Coach Dana Marlow praised the squad. Marlow said the team had worked hard. Marlow smiled.")
        _ = try reopened.write([person], mode: .create)
        reopened.publish()
        let after = try #require(reopened.service.snapshot)
        for entry in before {
            let parts = entry.split(separator: ":")
            #expect(after.entities.entity(id: String(parts[1]))?.type.rawValue == String(parts[0]), "\(entry) kept its id")
        }
    }
}
