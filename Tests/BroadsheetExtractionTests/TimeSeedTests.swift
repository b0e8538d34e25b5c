import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// The seed article (published 2025-11-29): every time expression and its value, in text order.
struct TimeSeedTests {
    /// (text, value, type, mod) in document order.
    static let expected: [(String, String, TimexType, String?)] = [
        ("last month", "2025-10", .date, nil),
        ("months", "PXM", .duration, nil),
        ("the 1980s", "198", .date, nil),
        ("earlier this month", "2025-11", .date, nil),
        ("this week", "2025-W48", .date, nil),
        ("Earlier this year", "2025", .date, nil),
        ("this year", "2025", .date, nil),
        ("this year", "2025", .date, nil),
        ("next week", "2025-W49", .date, nil),
        ("now", "PRESENT_REF", .date, nil),
        ("the past week", "P1W", .duration, nil),
        ("nine months", "P9M", .duration, nil),
        ("August", "2025-08", .date, nil),
        ("last week", "2025-W47", .date, nil),
        ("current", "PRESENT_REF", .date, nil),  // TimeML marks the adjective ("its current …")
        ("weeks", "PXW", .duration, nil),
        ("February", "2025-02", .date, nil),
        ("three-hour", "PT3H", .duration, nil),
        ("2022", "2022", .date, nil),
        ("April 2", "2025-04-02", .date, nil),
        ("that month", "2025-04", .date, nil),
        ("April", "2025-04", .date, nil),
        ("three-hour", "PT3H", .duration, nil),
        ("That same month", "2025-04", .date, nil),
        ("2022", "2022", .date, nil),
        ("October", "2025-10", .date, nil),
        ("recently", "PAST_REF", .date, nil),
        ("2022", "2022", .date, nil),
        ("April", "2025-04", .date, nil),
        ("the next six months", "P6M", .duration, nil),
        ("late July", "2025-07", .date, "END"),
        ("2018", "2018", .date, nil),
        ("a single day", "P1D", .duration, nil),
        ("Aug. 6", "2025-08-06", .date, nil),
        ("a few days", "PXD", .duration, nil),
        ("three-hour", "PT3H", .duration, nil),
        ("The next day", "2025-08-07", .date, nil),
        ("years", "PXY", .duration, nil),
        ("Aug. 9", "2025-08-09", .date, nil),
        ("a few days before", "2025-08", .date, nil),
        ("Aug. 15", "2025-08-15", .date, nil),
        ("1,000-year", "P1000Y", .duration, nil),
        ("soon", "FUTURE_REF", .date, nil),
        ("October", "2025-10", .date, nil),
        ("a day earlier", "2025-10", .date, nil),
        ("10-year", "P10Y", .duration, nil),
    ]

    @Test func everyExpressionNormalised() throws {
        let doc = try TimeFixture.seedDocument()
        let found = TimexTagger().tag(doc)
        let got = found.map { "\($0.text) → \($0.value) \($0.type.rawValue) \($0.mod ?? "-")" }
        let want = Self.expected.map { "\($0.0) → \($0.1) \($0.2.rawValue) \($0.3 ?? "-")" }
        #expect(got == want)
        for t in found {
            #expect(doc.text(of: t.span) == t.text)
            #expect(doc.sentences[t.sentence].span.contains(t.span))
        }
    }

    @Test func nothingDatedAfterPublicationInPastNarrative() throws {
        let doc = try TimeFixture.seedDocument()
        let published = try #require(doc.publishedAt)
        for t in TimexTagger().tag(doc) where t.type == .date && t.text != "next week" {
            if let r = t.interval { #expect(r.lowerBound <= published, "\(t.text) \(t.value)") }
        }
    }
}
