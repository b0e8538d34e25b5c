import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// Events in the test articles, with hand-built entities.
struct EventArticleTests {
    static func run(_ name: String, _ specs: [EventFixture.Spec]) throws -> (DocumentEntities, [Event]) {
        let doc = try TimeFixture.fixture(name)
        let entities = EventFixture.entities(doc, specs)
        return (entities, EventExtractor().extract(doc, entities: entities, times: TimexTagger().tag(doc)))
    }

    static func describe(_ e: Event, _ entities: DocumentEntities) -> String {
        let names = { (keys: [Int]) in keys.map { entities.entities[$0].name }.joined(separator: ",") }
        return "\(e.trigger)@\(e.date.value) \(e.type.rawValue) [\(names(e.participants))] [\(names(e.places))]\(e.inherited ? " inherited" : "")"
    }

    @Test func sports() throws {
        let (entities, events) = try Self.run("sports-january", [
            .init(name: "Buffalo Bills", type: .organization, aliases: ["Bills"]),
            .init(name: "New York Jets", type: .organization),
            .init(name: "Highmark Stadium", type: .location),
            .init(name: "Miami Dolphins", type: .organization),
            .init(name: "Josh Allen", type: .person, aliases: ["Allen"]),
            .init(name: "Kansas City Chiefs", type: .organization),
            .init(name: "Orchard Park", type: .location),
            .init(name: "Sean McDermott", type: .person, aliases: ["McDermott"]),
        ])
        let got = events.map { Self.describe($0, entities) }
        #expect(got == [
            "beat@2026-01-04 other [Buffalo Bills,New York Jets] [Highmark Stadium]",
            "lost@2025-12-28 other [Buffalo Bills,Miami Dolphins] []",
            "threw@2025-12-28TAF other [Josh Allen] []",
            "host@2026-01-18 meeting [Kansas City Chiefs] [Orchard Park]",
            "hired@2017-01 personnel [Sean McDermott] []",
            "signed@2021-08 agreement [Josh Allen] []",
            "named@2025-12 personnel [Josh Allen] []",
            "opened@2025-12 announcement [] []",
            "returned@2026-01-01 travel [] []",
            "gave@2025-12-25 other [Sean McDermott] []",
        ])
    }

    @Test func technology() throws {
        let (entities, events) = try Self.run("tech-leapyear", [
            .init(name: "Nimbus Systems", type: .organization, aliases: ["Nimbus"]),
            .init(name: "Fjordware", type: .organization),
            .init(name: "Maria Lopez", type: .person, aliases: ["Lopez"]),
            .init(name: "San Francisco", type: .location),
            .init(name: "Lars Berg", type: .person),
            .init(name: "Copenhagen", type: .location),
            .init(name: "Morgan Stanley", type: .organization),
            .init(name: "Brussels", type: .location),
        ])
        let got = events.map { Self.describe($0, entities) }
        #expect(got == [
            "announced@2024-02-29 announcement [Nimbus Systems,Fjordware] []",
            "said@2024-02-27 statement [] []",
            "present@2024-03-07T15:00-05:00 announcement [Maria Lopez] [San Francisco]",
            "met@2024-W08 meeting [Maria Lopez,Fjordware,Lars Berg] [Copenhagen]",
            "rose@2024-02-29 other [Nimbus Systems] []",
            "upgraded@2024-02-28 other [Morgan Stanley] []",
            "deal@2024-SU agreement [] []",
            "approved@2023-SP agreement [] [Brussels]",
        ])
    }

    @Test func obituary() throws {
        let (entities, events) = try Self.run("obituary", [
            .init(name: "Jane Holloway", type: .person, aliases: ["Holloway"]),
            .init(name: "Ruth Holloway", type: .person),
            .init(name: "Portland Children’s Theater", type: .organization),
            .init(name: "Portland", type: .location),
            .init(name: "Oregon", type: .location),
            .init(name: "Lincoln High School", type: .organization),
        ])
        let got = events.map { Self.describe($0, entities) }
        #expect(got == [
            "founded@1972 other [Jane Holloway,Portland Children’s Theater] []",
            "died@2023-07-13 death [Jane Holloway] [Portland,Oregon]",
            "staged@1985 other [Jane Holloway] []",
            "hold@2023-08-12 other [Ruth Holloway] []",
            "retired@2010 personnel [Jane Holloway] []",
        ])
    }

    @Test func undatedArticleHasNoTimeline() throws {
        let (_, events) = try Self.run("no-date", [.init(name: "Ellen Park", type: .person)])
        #expect(events.isEmpty)
    }

    @Test func negatedAndHypotheticalClausesAreLeftOut() {
        let doc = TimeFixture.document(
            "Smith did not travel to Paris in March. Jones could sign the deal in April. Brown met Lee on May 5.",
            published: "2025-06-01")
        let entities = EventFixture.entities(doc, [
            .init(name: "Smith", type: .person), .init(name: "Jones", type: .person), .init(name: "Brown", type: .person),
            .init(name: "Lee", type: .person), .init(name: "Paris", type: .location),
        ])
        let events = EventExtractor().extract(doc, entities: entities, times: TimexTagger().tag(doc))
        #expect(events.map(\.trigger) == ["met"])
        #expect(events.first?.participants == [2, 3])
    }

    @Test func pastTenseNeverDatedAfterPublication() {
        // "In December" in a past-tense sentence of a November article is last year's December.
        let doc = TimeFixture.document("The board fired the chief executive in December.", published: "2025-11-29")
        let events = EventExtractor().extract(doc, entities: .init(documentId: doc.id, entities: []), times: TimexTagger().tag(doc))
        #expect(events.map(\.date.value) == ["2024-12"])
        #expect(events.first?.type == .personnel)
    }
}

extension EventArticleTests {
    @Test func futureEventsAndEventNouns() {
        let doc = TimeFixture.document(
            """
            The summit will be held in Geneva on March 3, officials said Friday. Elections will take place in May.

            The Senate approved the bill on Tuesday. Then the president signed it.
            """, published: "2026-01-16")
        let entities = EventFixture.entities(doc, [
            .init(name: "Geneva", type: .location), .init(name: "Senate", type: .organization),
        ])
        let events = EventExtractor().extract(doc, entities: entities, times: TimexTagger().tag(doc))
        let got = events.map { "\($0.trigger)@\($0.date.value) \($0.type.rawValue)\($0.inherited ? " inherited" : "")" }
        #expect(got == [
            "summit@2026-03-03 meeting", "said@2026-01-16 statement", "Elections@2026-05 election",
            "approved@2026-01-13 agreement", "signed@2026-01-13 agreement inherited",
        ])
        #expect(events.first?.places == [0])
    }
}
