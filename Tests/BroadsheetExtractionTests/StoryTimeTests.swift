import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// Story time: relative expressions of a narrative set in another year resolve against the narrative's
/// last explicit date, not the publication date. Invented sentences; the anchor is 2025-11-29 (a Saturday).
struct StoryTimeTests {
    static let storyCases: [TimexCase] = [
        // A yearless date right after a dated past event belongs to that year.
        .init(sentence: "On Oct. 20, 2019, the ferry sank off the cape. On Nov. 2, divers found the hull.", text: "Nov. 2", value: "2019-11-02"),
        .init(sentence: "In March 2018, the orchard flooded. By June, the growers had replanted.", text: "June", value: "2018-06"),
        // A weekday too (2019-03-05 was a Tuesday).
        .init(sentence: "On Tuesday, March 5, 2019, the dam failed. On Friday, engineers inspected the spillway.", text: "Friday", value: "2019-03-08"),
        // The story moves on with the narrative ("the next day"), and stays in that year.
        .init(sentence: "On June 3, 2018, the mill burned. The next day, the owner vowed to rebuild. On June 9, the insurer paid.", text: "June 9", value: "2018-06-09"),
        .init(sentence: "On June 3, 2018, the mill burned. Two years later, the owner sold the land.", text: "Two years later", value: "2020"),
    ]

    static let notStoryCases: [TimexCase] = [
        // A bare background year is not the story's time.
        .init(sentence: "The bakery, founded in 1974, cut its prices. On Feb. 1, it closed.", text: "Feb. 1", value: "2025-02-01"),
        // Nor is a dated modifier ("the … floods").
        .init(sentence: "Relief for the Aug. 7, 2019, floods ran out. On Feb. 1, the fund closed.", text: "Feb. 1", value: "2025-02-01"),
        // A future clause is dated from the publication date.
        .init(sentence: "On May 2, 2019, the board met. It will vote again on June 3.", text: "June 3", value: "2026-06-03"),
        // Another date the narrative moves to ends the story time.
        .init(sentence: "On May 2, 2019, the board met. Last week, the bank said it had closed on June 3.", text: "June 3", value: "2025-06-03"),
    ]

    @Test(arguments: storyCases) func storyTime(_ c: TimexCase) { TimexTaggerTests.check(c) }
    @Test(arguments: notStoryCases) func publicationTime(_ c: TimexCase) { TimexTaggerTests.check(c) }

    static func values(_ text: String) -> [String] {
        TimexTagger().tag(TimeFixture.document(text, published: "2025-11-29")).map { "\($0.text)=\($0.value)" }
    }

    @Test func storyTimeCarriesToTheNextSentence() {
        #expect(Self.values("On Oct. 20, 2019, the ferry sank off the cape.\n\nOn Nov. 2, divers found the hull.") == [
            "Oct. 20, 2019=2019-10-20", "Nov. 2=2019-11-02",
        ])
    }

    @Test func storyTimeEndsAfterUndatedSentences() {
        #expect(Self.values("On May 2, 2019, the board met. The members argued. The chair resigned. On June 3, the bank closed.") == [
            "May 2, 2019=2019-05-02", "June 3=2025-06-03",
        ])
    }
}

/// Days and dates by the tense of their clause: schedules and deadlines point ahead, a date a few weeks
/// ahead reported in the past tense is still this year's. Invented sentences (anchor 2025-11-29, Saturday).
struct ComingDaysTests {
    static let cases: [TimexCase] = [
        .init(sentence: "The ferry operators planned to resume service on Thursday.", text: "Thursday", value: "2025-12-04"),
        .init(sentence: "The agency has scheduled a hearing Tuesday.", text: "Tuesday", value: "2025-12-02"),
        .init(sentence: "The ferry operators resumed service on Thursday.", text: "Thursday", value: "2025-11-27"),
        // "next to" is a place, not the future.
        .init(sentence: "Two stalls have burned down next to the old market on Thursday.", text: "Thursday", value: "2025-11-27"),
        .init(sentence: "The tenants have until Tuesday to leave.", text: "Tuesday", value: "2025-12-02"),
        .init(sentence: "The museum could reopen as soon as Wednesday.", text: "Wednesday", value: "2025-12-03"),
        .init(sentence: "The union said the vote was set for Dec. 10.", text: "Dec. 10", value: "2025-12-10"),
        .init(sentence: "The museum reopened on June 3.", text: "June 3", value: "2025-06-03"),
        .init(sentence: "The museum will reopen on June 3.", text: "June 3", value: "2026-06-03"),
        // A month is not moved: "in December" in a past clause of a November paper is last year's.
        .init(sentence: "The mill closed a plant in December.", text: "December", value: "2024-12"),
        // The quarter under way and the one just ended are this year's, whatever the tense.
        .init(sentence: "The brewer reported a fourth-quarter loss.", text: "fourth-quarter", value: "2025-Q4"),
        .init(sentence: "The brewer said its third-quarter profit will fall.", text: "third-quarter", value: "2025-Q3"),
    ]

    /// A clock time and its weekday are one expression ("10 p.m. Wednesday").
    static let clockDayCases: [TimexCase] = [
        .init(sentence: "The tenants have until 9 a.m. Tuesday to leave.", text: "9 a.m. Tuesday", value: "2025-12-02T09:00", type: .time),
        .init(sentence: "The shop was robbed at 10 p.m. Wednesday, police said.", text: "10 p.m. Wednesday", value: "2025-11-26T22:00", type: .time),
        .init(sentence: "Talks broke off at noon Thursday.", text: "noon Thursday", value: "2025-11-27T12:00", type: .time),
    ]

    @Test(arguments: cases) func byTense(_ c: TimexCase) { TimexTaggerTests.check(c) }
    @Test(arguments: clockDayCases) func clockAndWeekday(_ c: TimexCase) { TimexTaggerTests.check(c) }
}

/// Anaphoric "the day", "that time" and the `*_REF` adjectives as TimeML annotates them. Invented sentences.
struct NarrativeReferenceTests {
    static let cases: [TimexCase] = [
        .init(sentence: "Shares slid on March 3, the day before the earnings report.", text: "the day", value: "2025-03-03"),
        .init(sentence: "The pier collapsed on April 9. At that time, nobody was fishing.", text: "that time", value: "2025-04-09"),
        .init(sentence: "The mayor was a teacher at the time.", text: "the time", value: "PAST_REF"),
        .init(sentence: "The firm's current chairman joined it as a clerk.", text: "current", value: "PRESENT_REF"),
        .init(sentence: "A recent survey of bakers found rising costs.", text: "recent", value: "PAST_REF"),
        .init(sentence: "Fares may rise in the future as fuel costs climb.", text: "the future", value: "FUTURE_REF"),
        .init(sentence: "Nobody can see into the future.", text: "the future", value: "FUTURE_REF"),
        .init(sentence: "In the past the pier drew crowds.", text: "the past", value: "PAST_REF"),
        .init(sentence: "Holders may buy shares at the then current price.", text: "then current", value: "PAST_REF"),
        .init(sentence: "Sales in the current fiscal year will rise.", text: "the current fiscal year", value: "2025"),
    ]

    static let notReferences: [String] = [
        "The current account deficit widened.",
        "The swimmer fought the current.",
        "The future of the pier is unclear.",
        "By the time the ferry came, the crowd had left.",
    ]

    @Test(arguments: cases) func references(_ c: TimexCase) { TimexTaggerTests.check(c) }

    @Test(arguments: notReferences) func termsAreNotReferences(_ s: String) {
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }
}

/// "A year earlier" in a report on a quarter is that quarter a year before (TimeML's convention for
/// earnings reports); comparisons do not move the narrative. Invented sentences (anchor 2025-11-29).
struct YearAgoQuarterTests {
    static let cases: [TimexCase] = [
        .init(sentence: "The bakery chain earned $3 million in the third quarter, up from $2 million a year earlier.", text: "a year earlier", value: "2024-Q3"),
        .init(sentence: "The bakery chain earned $3 million in the third quarter. Sales rose 4% from a year ago.", text: "a year ago", value: "2024-Q3"),
        .init(sentence: "The bakery chain earned $3 million in the third quarter, against $2 million in the year-ago quarter.", text: "the year-ago quarter", value: "2024-Q3"),
        .init(sentence: "The bakery chain earned $3 million in the second quarter, above year-earlier levels.", text: "year-earlier", value: "2024-Q2"),
        .init(sentence: "The bakery chain posted a loss in the year-earlier period.", text: "the year-earlier period", value: "2024"),
        .init(sentence: "The plant closed a year ago.", text: "a year ago", value: "2024"),
        // A quarter of a named or publication-relative year.
        .init(sentence: "The chain lost money in the 2023 third quarter.", text: "the 2023 third quarter", value: "2023-Q3"),
        .init(sentence: "The chain earned $4 million in the second quarter, against a loss in the 2024 quarter.", text: "the 2024 quarter", value: "2024-Q2"),
        .init(sentence: "Sales for this year's third quarter rose.", text: "this year's third quarter", value: "2025-Q3"),
        .init(sentence: "The chain earned more in the third quarter than in last year's quarter.", text: "last year's quarter", value: "2024-Q3"),
        .init(sentence: "The merger could close in next year's first quarter.", text: "next year's first quarter", value: "2026-Q1"),
    ]

    @Test(arguments: cases) func yearAgo(_ c: TimexCase) { TimexTaggerTests.check(c) }

    @Test func comparisonsDoNotCompound() {
        let s = "Net income rose in the third quarter from a year earlier. Sales rose from a year earlier, too."
        let values = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29")).map(\.value)
        #expect(values == ["2025-Q3", "2024-Q3", "2024-Q3"])
    }
}

/// Relative arithmetic must not fall back to a bogus anchor: digit groups of phone numbers and codes are
/// not years, and clocks and prices are not years either. Invented sentences.
struct BogusAnchorTests {
    @Test func phoneNumberIsNotAYear() {
        let s = "Readers can call the desk at 617-555-1690. The month before, the office had moved."
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(!found.contains { $0.text.contains("1690") }, "\(found.map(\.text))")
        #expect(found.first { $0.text == "The month before" }?.value == "2025-10")
    }

    @Test func codeDigitsDoNotAnchorAWeekLater() {
        let s = "The parcel carried the code 40-1893. A week later, it arrived."
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.first { $0.text == "A week later" }?.value == "2025-W49")
    }

    @Test func militaryClockIsATime() {
        TimexTaggerTests.check(.init(sentence: "The patrol reported contact at 2030 hours.", text: "2030 hours", value: "2025-11-29T20:30", type: .time))
    }

    static let notYears: [String] = [
        "The patrol reported contact at 2030 hours.",
        "She won the 1500 metres easily.",
        "Shares in the bakery ended at 1115 pence.",
    ]

    @Test(arguments: notYears) func clocksAndMeasuresAreNotYears(_ s: String) {
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(!found.contains { $0.type == .date }, "\(found.map { "\($0.text)=\($0.value)" })")
    }
}

/// Extents as TimeML marks them: a counted duration keeps its article ("the nine months"), an adjectival
/// quarter does not ("the third-quarter results"). Invented sentences (anchor 2025-11-29).
struct TimexExtentTests {
    static let cases: [TimexCase] = [
        .init(sentence: "For the nine months, the chain's sales rose 3%.", text: "the nine months", value: "P9M", type: .duration),
        .init(sentence: "Profit in the latest six months doubled.", text: "the latest six months", value: "P6M", type: .duration),
        .init(sentence: "Analysts studied the third-quarter results of the chain.", text: "third-quarter", value: "2025-Q3"),
        .init(sentence: "The chain posted the fiscal second-quarter loss it had warned of.", text: "fiscal second-quarter", value: "2025-Q2"),
        // An unhyphenated adjective, as transcripts write it.
        .init(sentence: "The envoy began a two day visit to the port.", text: "two day", value: "P2D", type: .duration),
    ]

    @Test(arguments: cases) func extents(_ c: TimexCase) { TimexTaggerTests.check(c) }
}

/// A company's year and possessives. Invented sentences (anchor 2025-11-29, a Saturday).
struct CompanyYearTests {
    static let cases: [TimexCase] = [
        .init(sentence: "The bakery earned $2 million in the year ended June 30.", text: "the year", value: "P1Y", type: .duration),
        .init(sentence: "For the year, bread volume was flat.", text: "the year", value: "2025"),
        .init(sentence: "The bakery forecast higher sales for the full year.", text: "the full year", value: "2025"),
        .init(sentence: "In the third quarter, the bakery cut a year-earlier loss.", text: "year-earlier", value: "2024-Q3"),
        // "the week's" is a possessive, not "is": the weekday is the past one.
        .init(sentence: "Volume was 9 million shares, up from 4 million Tuesday, the week's busiest session.", text: "Tuesday", value: "2025-11-25"),
    ]

    @Test func aQuarterOfIsAFraction() {
        let found = TimexTagger().tag(text: "Less than a quarter of the bakers voted, and a quarter of them left.", anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func aYearSpentIsNoDate() {
        let found = TimexTagger().tag(text: "She spent the year abroad.", anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test(arguments: cases) func companyYear(_ c: TimexCase) { TimexTaggerTests.check(c) }
}

/// Years spoken in words, as broadcast transcripts write them. Invented sentences (anchor 2025-11-29).
struct SpokenYearTests {
    static let cases: [TimexCase] = [
        .init(sentence: "The bridge opened in nineteen ninety-six.", text: "nineteen ninety-six", value: "1996"),
        .init(sentence: "The choir was founded in nineteen oh five.", text: "nineteen oh five", value: "1905"),
        .init(sentence: "The plant closed in March nineteen eighty-two.", text: "March nineteen eighty-two", value: "1982-03"),
        .init(sentence: "The river froze in the winter of nineteen seventy-nine.", text: "the winter of nineteen seventy-nine", value: "1979-WI"),
        .init(sentence: "Many feared the year two thousand.", text: "the year two thousand", value: "2000"),
    ]

    @Test(arguments: cases) func spokenYears(_ c: TimexCase) { TimexTaggerTests.check(c) }

    @Test func countsAreNotYears() {
        let found = TimexTagger().tag(text: "Some two thousand fans and nineteen players came.", anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }
}
