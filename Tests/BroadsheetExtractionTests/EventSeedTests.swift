import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// The seed article with hand-built entities (the entity recogniser is tested elsewhere).
struct EventSeedTests {
    static let specs: [EventFixture.Spec] = [
        .init(name: "Steve Witkoff", type: .person, aliases: ["Witkoff"]),
        .init(name: "Kirill Dmitriev", type: .person, aliases: ["Dmitriev"]),
        .init(name: "Vladimir Putin", type: .person, aliases: ["Putin"]),
        .init(name: "Jared Kushner", type: .person, aliases: ["Kushner"]),
        .init(name: "Donald Trump", type: .person, aliases: ["Trump"]),
        .init(name: "Donald Trump Jr.", type: .person, aliases: ["Trump Jr."]),
        .init(name: "Trump Tower", type: .location),
        .init(name: "Trump administration", type: .organization),
        .init(name: "Donald Tusk", type: .person),
        .init(name: "Elon Musk", type: .person),
        .init(name: "Gennady Timchenko", type: .person, aliases: ["Timchenko"]),
        .init(name: "Yuri Kovalchuk", type: .person, aliases: ["Kovalchuk"]),
        .init(name: "Gentry Beach", type: .person, aliases: ["Beach"]),
        .init(name: "Miami Beach", type: .location),
        .init(name: "Stephen P. Lynch", type: .person, aliases: ["Lynch"]),
        .init(name: "Anna Kelly", type: .person),
        .init(name: "Rustem Umerov", type: .person),
        .init(name: "Volodymyr Zelensky", type: .person, aliases: ["Zelensky"]),
        .init(name: "JD Vance", type: .person),
        .init(name: "Marco Rubio", type: .person, aliases: ["Rubio"]),
        .init(name: "Keith Kellogg", type: .person),
        .init(name: "Scott Bessent", type: .person),
        .init(name: "Neil Chapman", type: .person),
        .init(name: "Igor Sechin", type: .person),
        .init(name: "Todd Boehly", type: .person),
        .init(name: "Ches McDowell", type: .person, aliases: ["McDowell"]),
        .init(name: "Dmitry Bakanov", type: .person),
        .init(name: "Yuri Ushakov", type: .person),
        .init(name: "Sergei Lavrov", type: .person),
        .init(name: "White House", type: .organization),
        .init(name: "Kremlin", type: .organization),
        .init(name: "Exxon Mobil", type: .organization, aliases: ["Exxon"]),
        .init(name: "Rosneft", type: .organization),
        .init(name: "Treasury Department", type: .organization, aliases: ["Treasury"]),
        .init(name: "Central Intelligence Agency", type: .organization, aliases: ["CIA"]),
        .init(name: "State Department", type: .organization),
        .init(name: "Lukoil", type: .organization),
        .init(name: "NASA", type: .organization),
        .init(name: "Roscosmos", type: .organization),
        .init(name: "Boeing", type: .organization),
        .init(name: "SpaceX", type: .organization),
        .init(name: "Novatek", type: .organization),
        .init(name: "Sberbank", type: .organization),
        .init(name: "The Wall Street Journal", type: .organization, aliases: ["Journal"]),
        .init(name: "Russia", type: .location),
        .init(name: "Ukraine", type: .location),
        .init(name: "United States", type: .location, aliases: ["U.S.", "America"]),
        .init(name: "Miami", type: .location),
        .init(name: "Moscow", type: .location),
        .init(name: "Washington", type: .location),
        .init(name: "Europe", type: .location),
        .init(name: "Alaska", type: .location),
        .init(name: "London", type: .location),
        .init(name: "St. Petersburg", type: .location),
        .init(name: "Doha", type: .location),
        .init(name: "Houston", type: .location),
        .init(name: "Ibiza", type: .location),
        .init(name: "Lyndon B. Johnson Space Center", type: .location),
        .init(name: "Zaryadye Park", type: .location),
        .init(name: "Poland", type: .location),
        .init(name: "Gaza", type: .location),
    ]

    static func extract() throws -> (Document, DocumentEntities, [Event]) {
        let doc = try TimeFixture.seedDocument()
        let entities = EventFixture.entities(doc, specs)
        let events = EventExtractor().extract(doc, entities: entities, times: TimexTagger().tag(doc))
        return (doc, entities, events)
    }

    /// (trigger, date value, actor, other participants that must be present, places that must be present).
    static let dated: [(String, String, String?, [String], [String])] = [
        ("hunched", "2025-10", nil, [], ["Miami Beach"]),
        ("leaked", "2025-11", nil, [], []),
        ("convened", "2025-W48", nil, ["Donald Tusk"], []),
        ("met", "2025", "Exxon Mobil", ["Rosneft"], []),
        ("paid", "2025", "Stephen P. Lynch", [], []),
        ("visit", "2025-W49", "Steve Witkoff", ["Vladimir Putin"], ["Russia"]),
        ("summit", "2025-08", "Donald Trump", ["Vladimir Putin"], ["Alaska"]),
        ("said", "2025-W47", "Keith Kellogg", [], []),
        ("invited", "2025-02", "Kirill Dmitriev", ["Steve Witkoff", "Vladimir Putin"], ["Moscow"]),
        ("blocked", "2022", "Treasury Department", ["Kirill Dmitriev"], []),
        ("arrived", "2025-04-02", "Kirill Dmitriev", ["White House"], []),
        ("said", "2025-04", "Kirill Dmitriev", [], []),
        ("welcomed", "2025-04", "Kirill Dmitriev", ["Steve Witkoff", "Vladimir Putin"], ["St. Petersburg"]),
        ("meet", "2025-04", nil, ["Steve Witkoff"], ["London"]),
        ("invasion", "2022", "Russia", [], ["Ukraine"]),
        ("sanctioned", "2025-10", "United States", ["Lukoil"], []),
        ("given", "2022", "Treasury Department", ["Stephen P. Lynch"], []),
        ("dialed", "2025-04", "Stephen P. Lynch", ["Ches McDowell"], []),
        ("visited", "2025-07", "Dmitry Bakanov", ["NASA"], ["Houston"]),
        ("flew", "2025-08-06", "Steve Witkoff", [], ["Moscow"]),
        ("dialed", "2025-08-07", "Steve Witkoff", [], []),
        ("retreated", "2025-08-09", "Steve Witkoff", [], ["Ibiza"]),
        ("summit", "2025-08-15", nil, [], []),
        ("flew", "2025-10", "Volodymyr Zelensky", [], ["Washington"]),
        ("spoken", "2025-10", "Donald Trump", ["Vladimir Putin"], []),
    ]

    @Test func everyDatedEventWithDateAndParticipants() throws {
        let (_, entities, events) = try Self.extract()
        let key = { (name: String) in try #require(EventFixture.key(entities, name)) }
        for (trigger, value, actor, others, places) in Self.dated {
            let e = events.first { $0.trigger == trigger && $0.date.value == value && !$0.inherited }
            #expect(e != nil, "missing \(trigger) \(value)")
            guard let e else { continue }
            if let actor { #expect(e.participants.first == (try key(actor)), "\(trigger) \(value) actor") }
            for o in others { #expect(e.participants.contains(try key(o)), "\(trigger) \(value) lacks \(o)") }
            for p in places { #expect(e.places.contains(try key(p)), "\(trigger) \(value) lacks place \(p)") }
            #expect(e.summary.count <= EventExtractor.summaryLimit + 1)
            #expect(!e.summary.isEmpty)
        }
    }

    @Test func continuationsInheritTheNarrativeDay() throws {
        let (_, entities, events) = try Self.extract()
        let walked = try #require(events.first { $0.trigger == "walked" })
        #expect(walked.inherited && walked.date.value == "2025-08-06")
        #expect(walked.participants.first == EventFixture.key(entities, "Kirill Dmitriev"))
        let arrived = try #require(events.first { $0.trigger == "arrived" && $0.inherited })
        #expect(arrived.date.value == "2025-08-15")
        // Negated and undated clauses stay out: "hasn't traveled", "would pay … over the next six months".
        #expect(!events.contains { $0.trigger == "traveled" || $0.trigger == "pay" })
    }

    @Test func nothingInAnImpossibleYear() throws {
        let (doc, _, events) = try Self.extract()
        let published = try #require(doc.publishedAt)
        for e in events {
            let r = try #require(e.date.interval)
            #expect((2022...2025).contains(r.lowerBound.year), "\(e.trigger) \(e.date.value)")
            if e.trigger != "visit" { #expect(r.lowerBound <= published, "\(e.trigger) \(e.date.value)") }
        }
    }
}
