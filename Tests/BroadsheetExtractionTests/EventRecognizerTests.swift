import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// Events on the real entity recogniser's output for the seed.
struct EventRecognizerTests {
    static func extract() throws -> (DocumentEntities, [Event]) {
        let doc = try TimeFixture.seedDocument()
        let entities = EntityRecognizer().extract(doc)
        return (entities, EventExtractor().extract(doc, entities: entities, times: TimexTagger().tag(doc)))
    }

    /// (trigger, date, surname of the actor or nil).
    static let expected: [(String, String, String?)] = [
        ("leaked", "2025-11", nil), ("convened", "2025-W48", nil), ("met", "2025", "Exxon"), ("paid", "2025", "Lynch"),
        ("visit", "2025-W49", "Witkoff"), ("summit", "2025-08", "Trump"), ("said", "2025-W47", "Kellogg"),
        ("invited", "2025-02", "Dmitriev"), ("blocked", "2022", "Treasury"), ("arrived", "2025-04-02", "Dmitriev"),
        ("welcomed", "2025-04", "Dmitriev"), ("sanctioned", "2025-10", nil), ("visited", "2025-07", "Bakanov"),
        ("flew", "2025-08-06", "Witkoff"), ("dialed", "2025-08-07", "Witkoff"), ("retreated", "2025-08-09", "Witkoff"),
        ("flew", "2025-10", "Zelensky"), ("spoken", "2025-10", "Trump"),
    ]

    @Test func seedTimelineOnRecognisedEntities() throws {
        let (entities, events) = try Self.extract()
        for (trigger, value, actor) in Self.expected {
            let e = events.first { $0.trigger == trigger && $0.date.value == value }
            #expect(e != nil, "missing \(trigger) \(value)")
            if let e, let actor {
                let name = e.participants.first.flatMap { entities.entity(key: $0)?.name } ?? "-"
                #expect(name.contains(actor), "\(trigger) \(value): actor \(name)")
            }
        }
        #expect(events.allSatisfy { (2022...2025).contains($0.date.interval?.lowerBound.year ?? 0) })
    }
}
