import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

/// Whole test articles with other publication dates: a January date (year boundary), a leap day,
/// an obituary, and an article without a date. Each lists every time expression in order.
struct TimeArticleTests {
    static func values(_ name: String) throws -> [String] {
        let doc = try TimeFixture.fixture(name)
        return TimexTagger().tag(doc).map { "\($0.text)=\($0.value)\($0.mod.map { "/" + $0 } ?? "")" }
    }

    @Test func januaryPublicationInfersYearsAcrossTheBoundary() throws {
        #expect(try Self.values("sports-january") == [
            "Sunday=2026-01-04", "Dec. 28=2025-12-28", "that afternoon=2025-12-28TAF", "Jan. 18=2026-01-18",
            "January 2017=2017-01", "six-year=P6Y", "August 2021=2021-08", "Last month=2025-12", "the 1990s=199",
            "decades=PXDE", "February=2026-02", "December=2025-12", "two-week=P2W", "New Year’s Day=2026-01-01",
            "Christmas=2025-12-25",
        ])
    }

    @Test func leapDayQuartersFiscalYearsZonesAndSeasons() throws {
        #expect(try Self.values("tech-leapyear") == [
            "Feb. 29=2024-02-29", "Tuesday=2024-02-27", "the fourth quarter of 2023=2023-Q4", "first-quarter=2024-Q1",
            "fiscal 2024=FY2024", "3 p.m. ET Thursday=2024-03-07T15:00-05:00", "a week ago=2024-W08",
            "yesterday=2024-02-29", "two days ago=2024-02-28", "every quarter=P1Q", "the summer=2024-SU",
            "last spring=2023-SP", "11-month=P11M",
        ])
    }

    @Test func obituary() throws {
        #expect(try Self.values("obituary") == [
            "1972=1972", "Thursday=2023-07-13", "the 1960s=196", "three decades=P3DE", "1985=1985", "Aug. 12=2023-08-12",
            "2010=2010", "every week=P1W", "last year=2022",
        ])
    }

    @Test func withoutPublicationDateRelativeValuesStayUnresolved() throws {
        let doc = try TimeFixture.fixture("no-date")
        let times = TimexTagger().tag(doc)
        #expect(times.map { "\($0.text)=\($0.value)\($0.mod.map { "/" + $0 } ?? "")" } == [
            "Tuesday=XXXX-WXX-2", "next month=XXXX-XX", "about six weeks=P6W/APPROX", "last year=XXXX", "March 3=XXXX-03-03",
        ])
        #expect(times.filter { $0.type == .date }.allSatisfy { $0.anchored == false })
    }

    /// Year inference table: (month, day, anchor, tense) → year. A day up to 30 days ahead in a past clause is a
    /// date reported in advance and stays in the publication's year.
    static let inference: [(Int, Int?, String, Tense, Int)] = [
        (10, nil, "2025-11-29", .past, 2025), (12, nil, "2025-11-29", .past, 2024), (2, nil, "2025-11-29", .future, 2026),
        (11, nil, "2025-11-29", .future, 2025), (11, 30, "2025-11-29", .past, 2025), (11, 30, "2025-10-20", .past, 2024), (11, 28, "2025-11-29", .future, 2026),
        (12, 28, "2026-01-05", .past, 2025), (1, 18, "2026-01-05", .future, 2026), (12, 31, "2026-01-05", .unknown, 2025),
        (1, 2, "2025-12-30", .unknown, 2026), (6, nil, "2025-01-10", .unknown, 2025), (8, nil, "2025-01-10", .unknown, 2024),
        (2, 29, "2025-03-01", .past, 2024), (2, 29, "2025-03-01", .future, 2028), (7, nil, "2025-07-04", .past, 2025),
    ]

    @Test(arguments: 0..<inference.count) func yearInference(_ k: Int) throws {
        let (m, d, anchor, tense, year) = Self.inference[k]
        #expect(TimexResolver.inferYear(month: m, day: d, anchor: try #require(CivilDate(iso: anchor)), tense: tense) == year)
    }

    @Test func holidayComputation() {
        #expect(HolidayCalendar.easterSunday(year: 2025)?.description == "2025-04-20")
        #expect(HolidayCalendar.easterSunday(year: 2000)?.description == "2000-04-23")
        #expect(HolidayCalendar.easterSunday(year: 2038)?.description == "2038-04-25")
        #expect(HolidayCalendar.thanksgiving(year: 2024)?.description == "2024-11-28")
        #expect(HolidayCalendar.thanksgiving(year: 2025)?.description == "2025-11-27")
    }

    @Test func intervals() {
        func r(_ v: String) -> String? { TimexValue.interval(of: v).map { "\($0.lowerBound)/\($0.upperBound)" } }
        #expect(r("2025-10") == "2025-10-01/2025-10-31")
        #expect(r("2025-W48") == "2025-11-24/2025-11-30")
        #expect(r("2026-W01") == "2025-12-29/2026-01-04")
        #expect(r("2024-02") == "2024-02-01/2024-02-29")
        #expect(r("198") == "1980-01-01/1989-12-31")
        #expect(r("2025-Q3") == "2025-07-01/2025-09-30")
        #expect(r("2025-WI") == "2025-12-01/2026-02-28")
        #expect(r("2025-11-29T15:30-05:00") == "2025-11-29/2025-11-29")
        #expect(r("XXXX-10") == nil)
        #expect(r("P9M") == nil)
    }
}
