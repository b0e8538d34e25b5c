import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// One expected time expression in a sentence: "matching" means the exact text extent (as TimeML
/// would mark it), the TIMEX3 value and type, and the mod when given.
struct TimexCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var text: String
    var value: String
    var type: TimexType = .date
    var mod: String? = nil
    var anchor: String? = "2025-11-29"
    var testDescription: String { "\(text) → \(value) [\(anchor ?? "none")]" }
}

struct TimexTaggerTests {
    static func tag(_ c: TimexCase) -> [TimeExpression] {
        TimexTagger().tag(text: c.sentence, anchor: c.anchor.flatMap { CivilDate(iso: $0) })
    }

    static func check(_ c: TimexCase) {
        let found = tag(c)
        let hit = found.first { $0.text == c.text }
        #expect(hit != nil, "\(c.text) not found in \(found.map(\.text))")
        guard let hit else { return }
        #expect(hit.value == c.value)
        #expect(hit.type == c.type)
        if let mod = c.mod { #expect(hit.mod == mod) }
    }

    static let datesCases: [TimexCase] = [
        .init(sentence: "The report came out on November 29, 2025.", text: "November 29, 2025", value: "2025-11-29"),
        .init(sentence: "It was signed Nov. 29, 2025, in Paris.", text: "Nov. 29, 2025", value: "2025-11-29"),
        .init(sentence: "On Aug. 6, the envoy flew to Moscow.", text: "Aug. 6", value: "2025-08-06"),
        .init(sentence: "She reached the town hall on April 2 and handed over a petition.", text: "April 2", value: "2025-04-02"),
        .init(sentence: "The vote will be held on Feb. 3.", text: "Feb. 3", value: "2026-02-03"),
        .init(sentence: "She was born 6 August 1990 in Leeds.", text: "6 August 1990", value: "1990-08-06"),
        .init(sentence: "The deadline is the 15th of March.", text: "the 15th of March", value: "2026-03-15"),
        .init(sentence: "The fund was blocked in 2022 for its role.", text: "2022", value: "2022"),
        .init(sentence: "It was the first such visit since 2018.", text: "2018", value: "2018"),
        .init(sentence: "In October, the president flew to Washington.", text: "October", value: "2025-10"),
        .init(sentence: "He had invited him to Moscow in February and escorted him.", text: "February", value: "2025-02"),
        .init(sentence: "The summit will take place in February.", text: "February", value: "2026-02"),
        .init(sentence: "In late July, the agency head visited Houston.", text: "late July", value: "2025-07", mod: "END"),
        .init(sentence: "Prices rose in early 2024.", text: "early 2024", value: "2024", mod: "START"),
        .init(sentence: "The talks will resume in mid-October.", text: "mid-October", value: "2026-10", mod: "MID"),
        .init(sentence: "Sales fell in May 2024.", text: "May 2024", value: "2024-05"),
        .init(sentence: "The law took effect 2024-03-01.", text: "2024-03-01", value: "2024-03-01"),
        .init(sentence: "The form is dated 3/15/2024.", text: "3/15/2024", value: "2024-03-15"),
        .init(sentence: "In the 1980s, he offered to negotiate.", text: "the 1980s", value: "198"),
        .init(sentence: "It was a hit in the ’80s.", text: "the ’80s", value: "198"),
        .init(sentence: "Music of the late 1990s still sells.", text: "the late 1990s", value: "199", mod: "END"),
        .init(sentence: "Workers in the 19th century had few rights.", text: "the 19th century", value: "18"),
        .init(sentence: "Profit rose in Q3 2024.", text: "Q3 2024", value: "2024-Q3"),
        .init(sentence: "Profit rose in the third quarter.", text: "the third quarter", value: "2025-Q3"),
        // The quarter under way is this year's even in a past clause (results reported within the quarter).
        .init(sentence: "Profit fell in the fourth quarter.", text: "the fourth quarter", value: "2025-Q4"),
        .init(sentence: "The company expects third-quarter profit to double.", text: "third-quarter", value: "2025-Q3"),
        .init(sentence: "Revenue grew in fiscal 2025.", text: "fiscal 2025", value: "FY2025"),
        .init(sentence: "Revenue will grow in the first half of 2026.", text: "the first half of 2026", value: "2026-H1"),
        .init(sentence: "They married in the summer of 2019.", text: "the summer of 2019", value: "2019-SU"),
        .init(sentence: "The band will tour this summer.", text: "this summer", value: "2025-SU"),
        .init(sentence: "The band toured last summer.", text: "last summer", value: "2025-SU"),
        .init(sentence: "The band will tour next spring.", text: "next spring", value: "2026-SP"),
    ]

    static let relativeCases: [TimexCase] = [
        .init(sentence: "They met in Miami Beach last month.", text: "last month", value: "2025-10"),
        .init(sentence: "The plan leaked earlier this month.", text: "earlier this month", value: "2025-11"),
        .init(sentence: "Leaders convened this week.", text: "this week", value: "2025-W48"),
        .init(sentence: "He is set to visit Russia next week.", text: "next week", value: "2025-W49"),
        .init(sentence: "He said last week he is leaving.", text: "last week", value: "2025-W47"),
        .init(sentence: "Earlier this year, the firm met its rival.", text: "Earlier this year", value: "2025"),
        .init(sentence: "He paid $600,000 this year.", text: "this year", value: "2025"),
        .init(sentence: "Sales fell last year.", text: "last year", value: "2024"),
        .init(sentence: "Sales will rise next year.", text: "next year", value: "2026"),
        .init(sentence: "Prices spiked late last year.", text: "late last year", value: "2024", mod: "END"),
        .init(sentence: "The store opened yesterday.", text: "yesterday", value: "2025-11-28"),
        .init(sentence: "The store opens today.", text: "today", value: "2025-11-29"),
        .init(sentence: "The store opens tomorrow.", text: "tomorrow", value: "2025-11-30"),
        .init(sentence: "The mayor speaks tonight.", text: "tonight", value: "2025-11-29TNI", type: .time),
        .init(sentence: "Police were called last night.", text: "last night", value: "2025-11-28TNI", type: .time),
        .init(sentence: "It is now time to act.", text: "now", value: "PRESENT_REF"),
        .init(sentence: "More recently, the firms have been talking.", text: "recently", value: "PAST_REF"),
        .init(sentence: "Talks would accelerate soon.", text: "soon", value: "FUTURE_REF"),
        .init(sentence: "The plant closed two weeks ago.", text: "two weeks ago", value: "2025-W46"),
        .init(sentence: "The plant closed three years ago.", text: "three years ago", value: "2022"),
        .init(sentence: "The plant closed a year ago.", text: "a year ago", value: "2024"),
        .init(sentence: "The plant closed three months ago.", text: "three months ago", value: "2025-08"),
        .init(sentence: "The plant closed 10 days ago.", text: "10 days ago", value: "2025-11-19"),
        .init(sentence: "The team plays this weekend.", text: "this weekend", value: "2025-W48-WE"),
        .init(sentence: "The team lost last March.", text: "last March", value: "2025-03"),
        .init(sentence: "The team will play next March.", text: "next March", value: "2026-03"),
        .init(sentence: "The results come at the end of the month.", text: "the end of the month", value: "2025-11", mod: "END"),
    ]

    static let weekdaysAndHolidaysCases: [TimexCase] = [
        // 2025-11-29 is a Saturday.
        .init(sentence: "The minister resigned Monday.", text: "Monday", value: "2025-11-24"),
        .init(sentence: "The minister will resign Monday.", text: "Monday", value: "2025-12-01"),
        .init(sentence: "On Friday, the company said it would cut jobs.", text: "Friday", value: "2025-11-28"),
        .init(sentence: "The council met last Tuesday.", text: "last Tuesday", value: "2025-11-25"),
        .init(sentence: "The council meets next Tuesday.", text: "next Tuesday", value: "2025-12-02"),
        .init(sentence: "The council meets this Friday.", text: "this Friday", value: "2025-12-05"),
        .init(sentence: "The council met this Tuesday.", text: "this Tuesday", value: "2025-11-25"),
        .init(sentence: "The council met Monday morning.", text: "Monday morning", value: "2025-11-24TMO", type: .time),
        .init(sentence: "The shops were crowded on Thanksgiving.", text: "Thanksgiving", value: "2025-11-27"),
        .init(sentence: "The family will gather at Christmas.", text: "Christmas", value: "2025-12-25"),
        .init(sentence: "The fireworks were canceled on New Year’s Day.", text: "New Year’s Day", value: "2025-01-01"),
        .init(sentence: "Churches will be full on Easter.", text: "Easter", value: "2026-04-05"),
        .init(sentence: "The attack happened on Easter 2024.", text: "Easter 2024", value: "2024-03-31"),
        .init(sentence: "Stores opened early on Black Friday.", text: "Black Friday", value: "2025-11-28"),
        .init(sentence: "The parade was held on the Fourth of July.", text: "the Fourth of July", value: "2025-07-04"),
        .init(sentence: "The office closes on Memorial Day.", text: "Memorial Day", value: "2026-05-25"),
        .init(sentence: "The senators voted on Christmas Eve.", text: "Christmas Eve", value: "2024-12-24"),
        .init(sentence: "Families ate turkey on Thanksgiving.", text: "Thanksgiving", value: "2025-11-27", anchor: "2025-12-15"),
        .init(sentence: "The gifts arrived before Christmas.", text: "Christmas", value: "XXXX-12-25", anchor: nil),
    ]

    static let durationsSetsTimesCases: [TimexCase] = [
        .init(sentence: "He pursued talks over nine months.", text: "nine months", value: "P9M", type: .duration),
        .init(sentence: "He would pay the firm $600,000 over the next six months.", text: "the next six months", value: "P6M", type: .duration),
        .init(sentence: "The meeting was prepared only a few days in advance.", text: "a few days", value: "PXD", type: .duration),
        .init(sentence: "After years of bloody fighting, the land remained theirs.", text: "years", value: "PXY", type: .duration),
        .init(sentence: "He had argued for months that it could work.", text: "months", value: "PXM", type: .duration),
        .init(sentence: "He escorted him into a three-hour meeting.", text: "three-hour", value: "PT3H", type: .duration),
        .init(sentence: "Putin launched into a 1,000-year history lecture.", text: "1,000-year", value: "P1000Y", type: .duration),
        .init(sentence: "He asked for a 10-year tariff exemption.", text: "10-year", value: "P10Y", type: .duration),
        .init(sentence: "The team made great progress over the past week.", text: "the past week", value: "P1W", type: .duration),
        .init(sentence: "Prices have doubled in recent years.", text: "recent years", value: "PXY", type: .duration),
        .init(sentence: "The strike lasted about two weeks.", text: "about two weeks", value: "P2W", type: .duration, mod: "APPROX"),
        .init(sentence: "The case took more than three years.", text: "more than three years", value: "P3Y", type: .duration, mod: "MORE_THAN"),
        .init(sentence: "The council meets every week.", text: "every week", value: "P1W", type: .set),
        .init(sentence: "The magazine is published weekly.", text: "weekly", value: "P1W", type: .set),
        .init(sentence: "The club meets each Monday.", text: "each Monday", value: "XXXX-WXX-1", type: .set),
        .init(sentence: "The club meets on Mondays.", text: "Mondays", value: "XXXX-WXX-1", type: .set),
        .init(sentence: "The board meets twice a year.", text: "twice a year", value: "P1Y", type: .set),
        .init(sentence: "He earns $5 million a year.", text: "a year", value: "P1Y", type: .set),
        .init(sentence: "The hearing starts at 10 a.m.", text: "10 a.m.", value: "2025-11-29T10:00", type: .time),
        .init(sentence: "The hearing starts at 3:30 p.m. ET on Monday.", text: "3:30 p.m. ET", value: "2025-12-01T15:30-05:00", type: .time),
        .init(sentence: "Voting ended at 8 p.m. ET on Nov. 4 in most counties.", text: "8 p.m. ET", value: "2025-11-04T20:00-05:00", type: .time),
        .init(sentence: "The launch was at 15:30 GMT.", text: "15:30 GMT", value: "2025-11-29T15:30Z", type: .time),
        .init(sentence: "The rally begins at noon.", text: "noon", value: "2025-11-29T12:00", type: .time),
        .init(sentence: "The polls opened at 7 a.m. PT on July 4.", text: "7 a.m. PT", value: "2025-07-04T07:00-07:00", type: .time),
    ]

    static let anaphoraCases: [TimexCase] = [
        .init(sentence: "On Aug. 6, he flew to Moscow. The next day, he called the allies.", text: "The next day", value: "2025-08-07"),
        .init(sentence: "In April, he visited the library. That same month, advisers planned to meet him.", text: "That same month", value: "2025-04"),
        .init(sentence: "He arrived on April 2. He said in an interview that month that it went well.", text: "that month", value: "2025-04"),
        .init(sentence: "The firm filed on March 3. Two days later, it withdrew.", text: "Two days later", value: "2025-03-05"),
        .init(sentence: "The firm filed on March 3. A week earlier, it hired lawyers.", text: "A week earlier", value: "2025-W09"),
        .init(sentence: "The storm hit on Jan. 30. The following week, the power returned.", text: "The following week", value: "2025-W06"),
        .init(sentence: "In 2019, he moved to Ohio. The next year, he ran for office.", text: "The next year", value: "2020"),
        .init(sentence: "In October, he flew to Washington. Trump had spoken to Putin a day earlier.", text: "a day earlier", value: "2025-10"),
        .init(sentence: "The vote was held on March 3 and April 5, 2019.", text: "March 3", value: "2019-03-03"),
        .init(sentence: "In 2019, she moved to Paris. That spring, she opened a bakery.", text: "That spring", value: "2019-SP"),
        .init(sentence: "The mill closed in 1998. Later that year, the town lost its school.", text: "Later that year", value: "1998"),
    ]

    static let falsePositivesCases: [String] = [
        "The deal is worth $2,000 and involves 2,000 troops.",
        "The 28-point plan was leaked.",
        "He paid $600,000 to a lobbyist.",
        "You may go if you march quickly.",
        "May I ask a question?",
        "March organizers said the Sun would shine.",
        "The Fall of Rome was a long process.",
        "The drug was approved for 2000 patients.",
        "He won Super Tuesday easily.",
        "April Ryan asked the question.",
        "Windows 2000 was released by Microsoft.",
    ]

    @Test(arguments: datesCases) func dates(_ c: TimexCase) { Self.check(c) }
    @Test(arguments: relativeCases) func relative(_ c: TimexCase) { Self.check(c) }
    @Test(arguments: weekdaysAndHolidaysCases) func weekdaysAndHolidays(_ c: TimexCase) { Self.check(c) }
    @Test(arguments: durationsSetsTimesCases) func durationsSetsTimes(_ c: TimexCase) { Self.check(c) }
    @Test(arguments: anaphoraCases) func anaphora(_ c: TimexCase) { Self.check(c) }

    @Test(arguments: falsePositivesCases) func noFalsePositives(_ s: String) {
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func spansAreUTF16OffsetsOfTheText() {
        let s = "“Yes,” she said — on Aug. 6, 2025 — in Kyiv."
        let t = try! #require(TimexTagger().tag(text: s, anchor: nil).first)
        #expect(String(s.slice(t.span)) == "Aug. 6, 2025")
        #expect(t.anchored == nil)
    }

    @Test func relativeValuesStayUnresolvedWithoutAnchor() {
        let found = TimexTagger().tag(text: "In October, he said talks would resume next week.", anchor: nil)
        #expect(found.map(\.value) == ["XXXX-10", "XXXX-WXX"])
        #expect(found.allSatisfy { $0.anchored == false })
    }
}

extension TimexTaggerTests {
    static let newsHardCases: [TimexCase] = [
        .init(sentence: "Protesters gathered over the weekend.", text: "the weekend", value: "2025-W48-WE"),
        .init(sentence: "Protesters gathered over the weekend.", text: "the weekend", value: "2025-W47-WE", anchor: "2025-11-26"),
        .init(sentence: "The bill passed. Days later, the governor signed it.", text: "Days later", value: "2025-11"),
        .init(sentence: "She won the 2024 election.", text: "2024", value: "2024"),
        .init(sentence: "Prices peaked in mid-2024.", text: "mid-2024", value: "2024", mod: "MID"),
        .init(sentence: "The trend began in the early 2000s.", text: "the early 2000s", value: "200", mod: "START"),
        .init(sentence: "The market fell 3% in the last 24 hours.", text: "the last 24 hours", value: "PT24H", type: .duration),
        .init(sentence: "The dynasty lasted half a century.", text: "half a century", value: "P50Y", type: .duration),
        .init(sentence: "He was jailed for a couple of days.", text: "a couple of days", value: "P2D", type: .duration),
        .init(sentence: "It was the first rate cut in 20 years.", text: "20 years", value: "P20Y", type: .duration),
        .init(sentence: "The company set a 90-day deadline.", text: "90-day", value: "P90D", type: .duration),
        .init(sentence: "A decade ago, the town had no school.", text: "A decade ago", value: "2015"),
        .init(sentence: "The vote is on Tuesday, March 4.", text: "Tuesday, March 4", value: "2026-03-04"),
        .init(sentence: "The vote was held on Tuesday, March 4, 2025.", text: "Tuesday, March 4, 2025", value: "2025-03-04"),
        .init(sentence: "The tower was finished in the spring of 2011.", text: "the spring of 2011", value: "2011-SP"),
        .init(sentence: "Results for the quarter ending Sept. 30 were strong.", text: "Sept. 30", value: "2025-09-30"),
        .init(sentence: "The company reported record sales for fiscal year 2024.", text: "fiscal year 2024", value: "FY2024"),
        .init(sentence: "The mill is due to restart production next year.", text: "next year", value: "2026"),
        .init(sentence: "The mayor spoke at 10:30 a.m. Eastern time.", text: "10:30 a.m. Eastern time", value: "2025-11-29T10:30-05:00", type: .time),
        .init(sentence: "The mayor spoke late Tuesday.", text: "late Tuesday", value: "2025-11-25", mod: "END"),
        .init(sentence: "The senator said Friday night that she would run.", text: "Friday night", value: "2025-11-28TNI", type: .time),
        .init(sentence: "The rule took effect Jan. 1.", text: "Jan. 1", value: "2025-01-01"),
        .init(sentence: "The rule takes effect Jan. 1.", text: "Jan. 1", value: "2026-01-01"),
        .init(sentence: "The Fed may raise rates in June.", text: "June", value: "2026-06"),
    ]

    static let newsFalsePositives: [String] = [
        "She won a second term easily.",
        "He read it in USA Today and on the now-defunct website.",
        "The team scored twice in the fourth quarter.",
        "He is in his 60s and lives at 1600 Pennsylvania Avenue.",
        "Donna Summer and August Wilson met Theresa May.",
        "The March on Washington drew crowds to the Mall.",
        "She loved her college years and the summer camp days.",
        "The video shows footage from his school days.",
    ]

    @Test(arguments: newsHardCases) func newsHardCases(_ c: TimexCase) { Self.check(c) }

    @Test(arguments: newsFalsePositives) func newsFalsePositives(_ s: String) {
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }
}

extension TimexTaggerTests {
    static let moreRelativeCases: [TimexCase] = [
        .init(sentence: "The factory will hire 200 workers in the coming year.", text: "the coming year", value: "2026"),
        .init(sentence: "Sales in the current quarter are flat.", text: "the current quarter", value: "2025-Q4"),
        .init(sentence: "The alarm rang at 3 a.m. on June 2. Minutes later, the roof collapsed.", text: "Minutes later", value: "2025-06-02"),
        .init(sentence: "The plant closed several years ago.", text: "several years ago", value: "PAST_REF"),
        .init(sentence: "Shares fell this past week.", text: "this past week", value: "2025-W47"),
        .init(sentence: "The index rose in the past 12 months.", text: "the past 12 months", value: "P12M", type: .duration),
    ]

    @Test(arguments: moreRelativeCases) func moreRelative(_ c: TimexCase) { Self.check(c) }
}

extension TimexTaggerTests {
    /// Local-news cases; 2025-02-12 is a Wednesday.
    static let localNewsCases: [TimexCase] = [
        .init(sentence: "Police were called shortly after 2 a.m. Sunday.", text: "2 a.m. Sunday", value: "2025-02-09T02:00", type: .time, anchor: "2025-02-12"),
        .init(sentence: "The suspect was arrested on Thursday, Feb. 6, after a standoff.", text: "Thursday, Feb. 6", value: "2025-02-06", anchor: "2025-02-12"),
        .init(sentence: "Residents heard gunfire last Friday around 11:45 p.m.", text: "around 11:45 p.m.", value: "2025-02-07T23:45", type: .time, mod: "APPROX", anchor: "2025-02-12"),
        .init(sentence: "The company was founded in 1998 and went public two decades later.", text: "two decades later", value: "2018", anchor: "2025-02-12"),
        .init(sentence: "On Feb. 3, the council met. Earlier in the day, the mayor spoke.", text: "Earlier in the day", value: "2025-02-03", anchor: "2025-02-12"),
        .init(sentence: "The storm is expected to make landfall late Wednesday or early Thursday.", text: "late Wednesday", value: "2025-02-12", mod: "END", anchor: "2025-02-12"),
        .init(sentence: "The storm is expected to make landfall late Wednesday or early Thursday.", text: "early Thursday", value: "2025-02-13", mod: "START", anchor: "2025-02-12"),
        .init(sentence: "He was sentenced Friday to 15 years in prison.", text: "15 years", value: "P15Y", type: .duration, anchor: "2025-02-12"),
        .init(sentence: "By the end of the decade, the city expects to double its housing.", text: "the end of the decade", value: "202", mod: "END", anchor: "2025-02-12"),
    ]

    @Test(arguments: localNewsCases) func localNews(_ c: TimexCase) { Self.check(c) }
}

extension TimexTaggerTests {
    /// Financial-wire cases in the style of the TimeBank corpus (1989-10-26 is a Thursday).
    static let wireCases: [TimexCase] = [
        .init(sentence: "Net income for the fiscal year ended Sept. 30 rose from $3.1 million a year earlier.", text: "a year earlier", value: "1988", anchor: "1989-10-26"),
        .init(sentence: "The company expects to complete the sale in the near future.", text: "the near future", value: "FUTURE_REF", anchor: "1989-10-26"),
        .init(sentence: "The current fiscal year ends June 30.", text: "June 30", value: "1990-06-30", anchor: "1989-10-26"),
        .init(sentence: "The offer was made Tuesday and expires at midnight Friday.", text: "midnight Friday", value: "1989-10-27T24:00", type: .time, anchor: "1989-10-26"),
        .init(sentence: "The offer was made Tuesday and expires at midnight Friday.", text: "Tuesday", value: "1989-10-24", anchor: "1989-10-26"),
        .init(sentence: "Over the first nine months, turnover dropped 4%.", text: "the first nine months", value: "P9M", type: .duration, anchor: "1989-10-26"),
        .init(sentence: "In the late 1970s, the company sold its first computer.", text: "the late 1970s", value: "197", mod: "END", anchor: "1989-10-26"),
    ]

    @Test(arguments: wireCases) func wire(_ c: TimexCase) { Self.check(c) }
}

extension TimexTaggerTests {
    /// Conventions checked against TimeBank annotations.
    static let timeBankCases: [TimexCase] = [
        .init(sentence: "The bakery chain turned a profit again after several quarters of decline.", text: "several quarters", value: "PXQ", type: .duration, anchor: "1989-10-26"),
        .init(sentence: "In January this year, police concluded he had been killed.", text: "January this year", value: "1998-01", anchor: "1998-05-10"),
        .init(sentence: "Holders can redeem the notes until 90 days after the auction.", text: "90 days", value: "P90D", type: .duration, anchor: "1989-10-26"),
        .init(sentence: "After ten years of expansion, the chain is closing stores.", text: "ten years", value: "P10Y", type: .duration, anchor: "1989-10-26"),
        .init(sentence: "The insurer may sell the unit after Jan. 1, 1990 for 900 marks a share.", text: "Jan. 1, 1990", value: "1990-01-01", anchor: "1989-10-26"),
        .init(sentence: "Harbor Freightways profits jumped 20% to a high in the fiscal first quarter.", text: "the fiscal first quarter", value: "1989-Q1", anchor: "1989-10-26"),
        .init(sentence: "The brewer hopes to close the purchase by year-end.", text: "year-end", value: "1989", mod: "END", anchor: "1989-11-02"),
        .init(sentence: "Two men entered the pharmacy around 7:15 p.m., witnesses said.", text: "around 7:15 p.m.", value: "1998-02-13T19:15", type: .time, mod: "APPROX", anchor: "1998-02-13"),
    ]

    @Test(arguments: timeBankCases) func timeBank(_ c: TimexCase) { Self.check(c) }
}

/// Clocks and prices are never years: wires write clocks as four digits before a zone, and market
/// reports quote prices in pence, cents or points. Invented sentences.
extension TimexTaggerTests {
    static let clockCases: [TimexCase] = [
        .init(sentence: "The ferry left Harwich at 1945 GMT on Monday.", text: "1945 GMT", value: "2025-11-24T19:45Z", type: .time),
        .init(sentence: "Trading resumed at 0830 ET after the halt.", text: "0830 ET", value: "2025-11-29T08:30-05:00", type: .time),
    ]

    static let pricesAreNotYears: [String] = [
        "Shares in the brewer closed 12 higher at 1115 pence.",
        "Wheat futures settled at 1450 cents a bushel.",
        "The index ended the session 2050 points above its low.",
    ]

    @Test(arguments: clockCases) func clocksInFourDigits(_ c: TimexCase) { Self.check(c) }

    @Test(arguments: pricesAreNotYears) func pricesAreNotYears(_ s: String) {
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }
}

/// Deadlines and payment dates reported in the past tense are the coming dates, not last year's.
/// Invented sentences.
extension TimexTaggerTests {
    static let deadlineCases: [TimexCase] = [
        .init(sentence: "The ferry company extended its offer to Dec. 10.", text: "Dec. 10", value: "2025-12-10"),
        .init(sentence: "The board said the dividend is payable Dec. 15 to holders of record Dec. 5.", text: "Dec. 15", value: "2025-12-15"),
        .init(sentence: "The union said the strike would last until Dec. 2 and then end.", text: "Dec. 2", value: "2025-12-02"),
        .init(sentence: "Regulators said the bakery had kept its licence until Nov. 20.", text: "Nov. 20", value: "2025-11-20"),
    ]

    @Test(arguments: deadlineCases) func deadlinesAreTheComingDates(_ c: TimexCase) { Self.check(c) }
}

/// Ages are not time expressions; "the quarter" of a company report is the last quarter that ended.
/// Invented sentences.
extension TimexTaggerTests {
    static let agesAreNotTimes: [String] = [
        "The 44-year-old baker opened a second shop.",
        "Her son, who is six years old, joined the choir.",
    ]

    @Test(arguments: agesAreNotTimes) func agesAreNotTimes(_ s: String) {
        let found = TimexTagger().tag(text: s, anchor: CivilDate(iso: "2025-11-29"))
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    static let reportedQuarterCases: [TimexCase] = [
        .init(sentence: "The brewer said net income for the quarter rose 8%.", text: "the quarter", value: "2025-Q3"),
        .init(sentence: "Bookings during the latest quarter dipped.", text: "the latest quarter", value: "2025-Q3"),
    ]

    @Test(arguments: reportedQuarterCases) func reportedQuarter(_ c: TimexCase) { Self.check(c) }
}

/// An infinitive of outcome after a date ("fell on Friday to close at …") does not make the date future.
/// Invented sentence.
extension TimexTaggerTests {
    @Test func outcomeInfinitiveKeepsThePast() {
        Self.check(.init(sentence: "Shares of the shipyard slipped on Friday to end at 14 dollars.", text: "Friday", value: "2025-11-28"))
    }
}
