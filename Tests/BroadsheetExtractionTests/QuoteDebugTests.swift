import BroadsheetCore
import BroadsheetExtraction
import Testing
import Foundation

struct QuoteDebugTests {
    @Test func dumpSeed() throws {
        guard ProcessInfo.processInfo.environment["QUOTE_DUMP"] != nil else { return }
        let document = try QuoteTestDocument.parse(try QuoteTestFixture.seed(), source: "000_ee080ed0b85908a5.txt")
        let entities = QuoteSeedTests.gazetteer.entities(for: document)
        for q in QuoteExtractor().extract(document, entities: entities) {
            print("P\(q.paragraph) S\(q.sentence) \(q.kind) [\(q.speaker.map { entities.entities[$0].name } ?? "-")] st=\(q.speakerText ?? "-") cue=\(q.cue ?? "-") cont=\(q.continues.map(String.init) ?? "-") «\(q.text.prefix(50))»")
        }
    }
}
