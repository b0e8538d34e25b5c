import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// Business (fiscal periods, time zones, "since") and British (day-month dates, seasons, "6pm") articles.
struct TimeMoreArticleTests {
    static func values(_ name: String) throws -> [String] {
        let doc = try TimeFixture.fixture(name)
        return TimexTagger().tag(doc).map { "\($0.text)=\($0.value)\($0.mod.map { "/" + $0 } ?? "")" }
    }

    @Test func businessEarnings() throws {
        #expect(try Self.values("business-earnings") == [
            "Wednesday=2024-10-30", "fiscal third quarter=2024-Q3", "Sept. 28=2024-09-28", "a year earlier=2023-Q3",
            "8:30 a.m. ET=2024-11-01T08:30-04:00", "Friday=2024-11-01", "June 2022=2022-06",
            "the second half of fiscal 2025=2025-H2", "Last quarter=2024-Q3", "January=2024-01", "every three months=P3M",
            "Nov. 15=2024-11-15", "earlier this week=2024-W44", "the spring=2025-SP", "Oct. 30=2024-10-30",
        ])
    }

    @Test func britishPolitics() throws {
        #expect(try Self.values("uk-politics") == [
            "3 March=2023-03-03", "a day=P1D", "48-hour=PT48H", "Thursday=2023-03-09", "15 March=2023-03-15",
            "Last autumn=2022-FA", "weeks=PXW", "last month=2023-02", "the 1990s=199", "a decade=P1DE",
            "Saturday evening=2023-03-04TEV", "about 6pm=2023-03-04T18:00/APPROX",
        ])
    }

    @Test func eventsOnRecognisedEntities() throws {
        var got: [String] = []
        for name in ["business-earnings", "uk-politics"] {
            let doc = try TimeFixture.fixture(name)
            let events = EventExtractor().extract(doc, entities: EntityRecognizer().extract(doc), times: TimexTagger().tag(doc))
            got += events.map { "\($0.trigger)@\($0.date.value) \($0.type.rawValue)" }
        }
        #expect(got == [
            "said@2024-10-30 statement", "conference@2024-11-01 meeting", "took@2022-06 personnel", "closed@2024-Q3 other",
            "announce@2024-11-15 announcement", "said@2024-W44 statement", "closed@2024-10-30 other",
            "met@2023-03-03 meeting", "Talks@2023-03-09 negotiation", "deliver@2023-03-15 other",
            "triggered@2022-FA other", "won@2023-02 other",
            "marched@2023-03-04TEV other", "march@2023-03-04T18:00 other",
        ])
    }
}
