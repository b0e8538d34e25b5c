import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// Verbs the event lexicon does not list still trigger events after "will" or a control verb's "to".
struct EventVerbSlotTests {
    /// The (trigger, date value) pairs of one sentence in an article published 2024-03-04.
    static func events(_ sentence: String) throws -> [String] {
        let text = "A Headline For Testing\n\nBy Jo Writer\nMarch 4, 2024\n\n\(sentence)\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "slot.txt").first)
        let entities = EntityRecognizer().extract(doc)
        return EventExtractor().extract(doc, entities: entities, times: TimexTagger().tag(doc)).map {
            "\($0.trigger) \($0.date.value)"
        }
    }

    @Test(arguments: [
        ("The first trains are expected to run in 2028, officials said.", ["run 2028"]),
        ("The museum will reopen in June after a two-year renovation.", ["reopen 2024-06"]),
        ("The band plans to tour Europe in the fall.", ["tour 2024-FA"]),
        ("The brewery's owners said they'll relocate in May.", ["relocate 2024-05"]),
    ])
    func unlistedVerbInASlotIsATrigger(sentence: String, expected: [String]) throws {
        #expect(try Self.events(sentence) == expected)
    }

    @Test(arguments: [
        "He said he will not run again in 2026.",  // negated
        "Officials hope to finish the bridge by 2027.",  // a deadline, not an event date
        "The mayor will also in 2025 consider new taxes.",  // no verb right after "will"
    ])
    func slotWithoutAnEventIsSkipped(sentence: String) throws {
        #expect(try Self.events(sentence).isEmpty)
    }
}
