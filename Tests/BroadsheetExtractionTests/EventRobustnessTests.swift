import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetExtraction

/// Every article the repository holds as a test fixture (the core parser's and ours), plus hostile
/// text, goes through entities, times and events without a crash and with consistent output.
struct EventRobustnessTests {
    static func corpus() throws -> [Document] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let dirs = [here.appendingPathComponent("Fixtures"), here.deletingLastPathComponent().appendingPathComponent("BroadsheetCoreTests/Fixtures")]
        var docs: [Document] = []
        for dir in dirs {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !name.hasPrefix(".") {
                let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
                docs += (try? ArticleParser().parse(bytes, source: name)) ?? []
            }
        }
        return docs
    }

    /// What the extractors found in one document.
    struct Found {
        var entities: [DocumentEntity]
        var times: [TimeExpression]
        var events: [Event]
    }

    /// Runs entities, times and events on `doc`, checks that every output is consistent with the
    /// document, and returns the outputs so that callers can assert what must have been found.
    @discardableResult
    static func check(_ doc: Document) -> Found {
        let entities = EntityRecognizer().extract(doc)
        let times = TimexTagger().tag(doc)
        for t in times {
            #expect(doc.text(of: t.span) == t.text)
            #expect(doc.sentences.indices.contains(t.sentence))
            if t.type == .duration { #expect(t.value.hasPrefix("P")) }
        }
        let events = EventExtractor().extract(doc, entities: entities, times: times)
        let keys = Set(entities.entities.map(\.key))
        for e in events {
            #expect(e.date.interval != nil)
            #expect(doc.text(of: e.triggerSpan) == e.trigger)
            #expect(e.participants.allSatisfy(keys.contains) && e.places.allSatisfy(keys.contains))
            #expect(Set(e.participants).isDisjoint(with: e.places))
            #expect(!e.summary.isEmpty && e.summary.count <= EventExtractor.summaryLimit + 1)
            if let anchor = doc.publishedAt, let r = e.date.interval { #expect(r.lowerBound.year <= anchor.year + 10) }
        }
        return Found(entities: entities.entities, times: times, events: events)
    }

    /// Besides consistency: every fixture is a news article, so it names someone or something and says
    /// when; the fixtures written to hold dated events (`events-*`) yield events.
    @Test func everyFixtureArticle() throws {
        let docs = try Self.corpus()
        #expect(docs.count >= 8)
        var eventFixtures = 0
        for doc in docs {
            let found = Self.check(doc)
            #expect(!found.entities.isEmpty, "\(doc.id): no entity")
            #expect(!found.times.isEmpty, "\(doc.id): no time expression")
            if doc.id.hasPrefix("events-") {
                eventFixtures += 1
                #expect(!found.events.isEmpty, "\(doc.id): no event")
            }
        }
        #expect(eventFixtures >= 3)
    }

    /// Hostile or truncated text: no crash, consistent output, and exactly the time expressions a reader
    /// would see (none in fragments, an invalid quarter or an impossible clock time), with or without a
    /// publication date to anchor them.
    @Test(arguments: [
        ("", []), ("2025", ["2025"]), ("Aug.", []), ("On", []), ("the next day", ["the next day"]),
        ("Monday, March", ["Monday"]), ("Q5 2024 and FY and fiscal", []), ("1/2/3/4/5", []), ("’", []),
        ("mid-", []), ("the end of the", []), ("3:99 p.m. ET", []), ("every", []), ("at least", []),
        ("Feb. 30, 2023 and Feb. 29", ["Feb. 30, 2023", "Feb. 29"]),
        ("🙂 on 🙂 Monday 🙂 at 10 a.m. 🙂", ["Monday", "10 a.m."]),
    ] as [(String, [String])])
    func hostileText(_ text: String, times: [String]) {
        for published in ["2024-02-29", nil] as [String?] {
            let found = Self.check(TimeFixture.document(text, published: published))
            #expect(found.times.map(\.text) == times, "published: \(published ?? "none")")
            // No impossible calendar date is ever produced, however the text is written.
            #expect(!found.times.contains { $0.value.contains("-02-30") || $0.value.contains("-02-31") })
            if text.isEmpty { #expect(found.entities.isEmpty && found.events.isEmpty) }
        }
    }

    /// A long text of one repeated dated sentence: one time and, with a date to anchor it, one event per
    /// sentence; without one the date cannot be placed on the timeline, so there is no event.
    @Test func repeatedDatedSentences() {
        let text = String(repeating: "On Aug. 6, he flew to Moscow. ", count: 200)
        let anchored = Self.check(TimeFixture.document(text, published: "2024-02-29"))
        #expect(anchored.times.count == 200)
        #expect(anchored.events.count == 200)
        #expect(anchored.times.allSatisfy { $0.value == "2023-08-06" })
        let bare = Self.check(TimeFixture.document(text, published: nil))
        #expect(bare.times.count == 200)
        #expect(bare.events.isEmpty)
    }
}
