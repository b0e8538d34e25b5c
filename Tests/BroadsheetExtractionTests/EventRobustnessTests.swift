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

    static func check(_ doc: Document) {
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
    }

    @Test func everyFixtureArticle() throws {
        let docs = try Self.corpus()
        #expect(docs.count >= 8)
        for doc in docs { Self.check(doc) }
    }

    @Test(arguments: [
        "", "2025", "Aug.", "On", "the next day", "Monday, March", "Q5 2024 and FY and fiscal", "1/2/3/4/5",
        "’", "mid-", "the end of the", "3:99 p.m. ET", "every", "at least", "Feb. 30, 2023 and Feb. 29",
        String(repeating: "On Aug. 6, he flew to Moscow. ", count: 200), "🙂 on 🙂 Monday 🙂 at 10 a.m. 🙂",
    ]) func hostileText(_ text: String) {
        let doc = TimeFixture.document(text, published: "2024-02-29")
        Self.check(doc)
        let bare = TimeFixture.document(text, published: nil)
        Self.check(bare)
    }
}
