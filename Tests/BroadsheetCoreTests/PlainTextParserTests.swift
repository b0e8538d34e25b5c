import Foundation
import Testing
@testable import BroadsheetCore

struct PlainTextParserTests {
    @Test func wrappedLocalNewsWithShortFirstLines() throws {
        let doc = try #require(try FixtureLoader.parse("local-council-wrapped.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .wrappedText)
        #expect(doc.title == "City Council Approves Riverside Park Overhaul After Tense Vote")
        #expect(doc.authors == ["Maria Gonzalez", "Tom O’Brien"])
        #expect(doc.publication == "Springfield Herald")
        #expect(doc.publishedAt == CivilDate(year: 2025, month: 3, day: 4))
        #expect(doc.dek == "A divided council backed the $12.5 million plan. Opponents say the Eastside was not heard.")
        #expect(doc.sections.map(\.title) == ["What the plan includes", "Next steps"])
        // The dek is the first paragraph of the text.
        #expect(doc.paragraphs.count == 8)
        #expect(doc.paragraphs.map(\.section) == [nil, nil, nil, nil, 0, 0, 1, 1])
        #expect(doc.paragraphs.map(\.role) == [.dek, .lead, .body, .body, .body, .body, .body, .body])
        #expect(doc.text(of: doc.paragraphs[0].span) == doc.dek.map { Substring($0) })
        #expect(!doc.text.contains("Copyright"))
        #expect(!doc.text.contains("All rights reserved"))
        #expect(doc.text(of: doc.paragraphs[2].span).hasPrefix("Council member Dr. Alan Price, who voted against"))
        #expect(doc.text.contains("architects in Zürich"))
        let sentences = doc.sentences.map { String(doc.text(of: $0.span)) }
        #expect(sentences.contains("The plan was drafted by Greenway Design Co."))
        #expect(sentences.contains("The firm also rebuilt waterfront parks in Portland and Toledo."))
        #expect(sentences.contains { $0.hasPrefix("The renovation will add") && $0.hasSuffix("by Sept. 2026.") })
        #expect(sentences.contains("A public meeting is set for 6:30 p.m. on March 12 at the Eastside Library."))
    }

    @Test func blankLineHardWrappedSports() throws {
        let doc = try #require(try FixtureLoader.parse("sports-blankline-wrapped.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .blankLineText)
        #expect(doc.title == "Late Goal Sends Harbor City FC Into First Cup Final")
        #expect(doc.authors == ["Sam Okafor"])
        #expect(doc.publication == "The Coastal Times")
        #expect(doc.publishedAt == CivilDate(year: 2025, month: 6, day: 1))
        #expect(doc.dek == nil)  // the dateline lead is long: not a dek
        #expect(doc.sections.map(\.title) == ["The first half"])
        #expect(doc.paragraphs.count == 6)
        #expect(doc.text(of: doc.paragraphs[0].span).hasPrefix("HARBOR CITY — Mateo Álvarez scored"))
        #expect(doc.text(of: doc.paragraphs[0].span).hasSuffix("at Pier Stadium."))
        #expect(!doc.text.contains("Follow Sam Okafor"))
    }

    @Test func obituaryWithMarkdownHeadingsTabsAndAccents() throws {
        let doc = try #require(try FixtureLoader.parse("obituary-blankline.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .blankLineText)
        #expect(doc.title == "Margarethe Vogel, Zürich Architect Who Rebuilt Old Towns, Dies at 91")
        #expect(doc.id == "margarethe-vogel-zurich-architect-who-rebuilt-old-towns-dies-at-91")
        #expect(doc.authors == ["Jonas Keller", "Priya Raman", "Élodie Martin"])
        #expect(doc.publishedAt == CivilDate(year: 2024, month: 1, day: 12))
        #expect(doc.sections.map(\.title) == ["Early life", "Work"])
        #expect(doc.paragraphs.count == 6)
        #expect(!doc.text.contains("\t"))
        #expect(!doc.text.contains("Read more"))
        #expect(doc.text.contains("Zaporizhzhia"))
        let sentences = doc.sentences.map { String(doc.text(of: $0.span)) }
        #expect(sentences.contains("She was 91."))
        #expect(sentences.contains("Her daughter, Dr. Anna Vogel-Straub, said the cause was heart failure."))
        #expect(sentences.contains { $0.hasPrefix("Margarethe Vogel was born on Sept. 3, 1932, in Basel") })
        #expect(sentences.contains("Critics at first called it too cautious..."))
    }

    @Test func crlfBOMAndTabsGiveTheSameDocument() throws {
        let original = String(decoding: try FixtureLoader.bytes("local-council-wrapped.txt"), as: UTF8.self)
        let crlf = original.replacingAll("\n", with: "\r\n")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)
        let a = try #require(try ArticleParser().parse(Array(original.utf8), source: "a.txt").first)
        let b = try #require(try ArticleParser().parse(bytes, source: "a.txt").first)
        #expect(a == b)
        let tabbed = original.replacingAll("Riverside Park, ending", with: "Riverside\tPark,  ending")
        let c = try #require(try ArticleParser().parse(text: tabbed, source: "a.txt").first)
        #expect(c.text == a.text)
    }

    @Test(arguments: [
        ("By Ann Lee", ["Ann Lee"]),
        ("By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("BY ANN LEE AND BO CHEN", ["ANN LEE", "BO CHEN"]),
        ("By Ann Lee, Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("By Ann Lee, Bo Chen, and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("By Ann Lee & Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("By Ludwig van Beethoven | Staff Writer", ["Ludwig van Beethoven"]),
        ("Authors: Ann Lee, Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("By Ann Lee in London", ["Ann Lee"]),
        ("By Ann Lee and Bo Chen in Zürich", ["Ann Lee", "Bo Chen"]),
        ("By Ann Lee, Staff Writer", ["Ann Lee"]),
        ("By Ann Lee, The Associated Press", ["Ann Lee"]),
        ("Written by Gabriel García Márquez", ["Gabriel García Márquez"]),
        ("By Mary-Kate O’Neil-Smith and Jean-Luc de la Tour", ["Mary-Kate O’Neil-Smith", "Jean-Luc de la Tour"]),
    ])
    func bylines(line: String, expected: [String]) {
        #expect(BylineParser.authors(line) == expected)
    }

    @Test(arguments: ["By the time Zelensky arrived", "By dangling deals, Moscow could", "Bylines are hard", "Ann Lee"])
    func notBylines(line: String) {
        #expect(BylineParser.authors(line) == nil)
    }

    @Test(arguments: [
        "November 29, 2025", "Nov. 29, 2025", "Nov 29, 2025", "Nov 29 2025", "29 November 2025", "29 Nov. 2025",
        "2025-11-29", "11/29/2025", "Saturday, November 29, 2025", "Sat., Nov. 29, 2025",
        "November 29, 2025 10:00 am ET", "Nov. 29, 2025 5:30 p.m. EST", "Updated Nov. 29, 2025 10:00 am ET",
        "Published: 2025-11-29", "Nov. 29, 2025 | Updated Nov. 30, 2025", "Published Nov. 29, 2025Updated Nov. 30, 2025, 9:12 a.m. ET", "2025-11-29T08:00:00Z", "November 29th, 2025",
    ])
    func dateLines(line: String) {
        #expect(DateLineParser.dateLine(line) == CivilDate(year: 2025, month: 11, day: 29))
    }

    @Test(arguments: [
        "November 29, 2025, was a cold day", "On Nov. 29, 2025, he left", "February 30, 2025", "The Wall Street Journal",
        "2025", "29 November",
    ])
    func notDateLines(line: String) {
        #expect(DateLineParser.dateLine(line) == nil)
    }

    @Test(arguments: [
        "November 29, 2025", "Nov. 29, 2025", "29 November 2025", "2025-11-29", "Saturday, Nov 29, 2025 10:00 am ET",
    ])
    func everyDateFormInAHeader(dateLine: String) throws {
        let text = """
            Storm Closes Schools
            Across Three Counties
            By Ann Lee
            \(dateLine)
            The Valley Gazette

            Heavy snow closed schools across three counties on Friday, officials said, and more is expected.

            Road crews worked through the night. “We have never seen this much so early,” one driver said.
            """
        let doc = try #require(try ArticleParser().parse(text: text, source: "storm.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.title == "Storm Closes Schools Across Three Counties")
        #expect(doc.publishedAt == CivilDate(year: 2025, month: 11, day: 29))
        #expect(doc.authors == ["Ann Lee"])
        #expect(doc.publication == "The Valley Gazette")
        #expect(doc.paragraphs.count == 2)
    }

    @Test func bylineWrappedOverTwoLines() throws {
        let text = "Dam Holds After Record Rain\nBy Ann Lee, Bo Chen, Cy Diaz,\nDee Evans and Eli Fox\nJuly 4, 2023\n\nThe dam held overnight.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "dam.txt").first)
        #expect(doc.authors == ["Ann Lee", "Bo Chen", "Cy Diaz", "Dee Evans", "Eli Fox"])
        #expect(doc.text == "The dam held overnight.")
        #expect(doc.publishedAt == CivilDate(year: 2023, month: 7, day: 4))
    }

    @Test func headerFurnitureIsSkipped() throws {
        let text = "Snow Day\nBy Ann Lee\nUpdated 3 hours ago\n4 min read\n\nSchools closed across the county.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "s.txt").first)
        #expect(doc.text == "Schools closed across the county.")
        #expect(doc.authors == ["Ann Lee"])
    }

    @Test func headlineWrappedOverLinesWithoutMetadata() throws {
        let text = "The Last Lighthouse Keeper\nof Gull Island\n\nFor 41 years, Ed Marsh climbed 112 steps every night.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "g.txt").first)
        #expect(doc.title == "The Last Lighthouse Keeper of Gull Island")
        #expect(doc.text == "For 41 years, Ed Marsh climbed 112 steps every night.")
    }

    @Test func headerWithoutMetadataUsesFirstLineAsTitle() throws {
        let text = "Quiet Week at the Harbor\nNothing much happened at the harbor this week. Boats came and went.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "q.txt").first)
        #expect(doc.title == "Quiet Week at the Harbor")
        #expect(doc.paragraphs.count == 1)
        #expect(doc.publishedAt == nil && doc.authors.isEmpty)
    }

    @Test func oneParagraphPerLineWithoutBlankLines() throws {
        let text = """
            Markets Slip on Rate Fears
            By Bo Chen
            May 2, 2024
            Stocks fell on Thursday as investors worried about interest rates.
            The S&P 500 lost 1.2%.
            Bond yields rose to their highest level since 2007, analysts said.
            Oil prices were little changed.
            """
        let doc = try #require(try ArticleParser().parse(text: text, source: "m.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.paragraphs.count == 4)
        #expect(doc.dek == nil)
    }

    @Test func hyphenAndDashJoins() {
        #expect(BodyReflower.join(["a state-", "owned company"]) == "a state-owned company")
        #expect(BodyReflower.join(["from the cold—", "with American"]) == "from the cold—with American")
        #expect(BodyReflower.join(["from the cold", "—with American"]) == "from the cold—with American")
        #expect(BodyReflower.join(["one", "two"]) == "one two")
        #expect(BodyReflower.join(["HARBOR CITY", "— Mateo scored"]) == "HARBOR CITY — Mateo scored")
        #expect(BodyReflower.join(["HARBOR CITY —", "Mateo scored"]) == "HARBOR CITY — Mateo scored")
        #expect(BodyReflower.join(["pages 1 -", "2"]) == "pages 1 - 2")
    }

    @Test func indentedParagraphStarts() throws {
        let text = """
            Ferry Service Resumes

              The island ferry returned to service on Monday after a two-week
            repair. Officials said the engine had been replaced.
              Passengers were greeted with coffee and pastries at the dock,
            and the first crossing left on time.
            """
        let doc = try #require(try ArticleParser().parse(text: text, source: "f.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.paragraphs.count == 2)
    }
}

struct HeaderVariantTests {
    @Test func dekUnderTheTitleWithoutBlankLine() throws {
        let text = """
            Robots Take Over
            the Night Shift
            Warehouses are running around the clock with fewer people. Workers are split.
            By Priya Raman
            Oct. 2, 2024
            The Tech Wire

            At a distribution center outside Memphis, the lights stay off after midnight.

            Only four people work the night shift, down from 40 two years ago.
            """
        let doc = try #require(try ArticleParser().parse(text: text, source: "robots.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.title == "Robots Take Over the Night Shift")
        #expect(doc.dek == "Warehouses are running around the clock with fewer people. Workers are split.")
        #expect(doc.publication == "The Tech Wire")
        // The dek, then the two body paragraphs.
        #expect(doc.paragraphs.count == 3)
        #expect(doc.paragraphs.map(\.role) == [.dek, .lead, .body])
    }

    @Test func headingsSplitOverTwoLinesInWrappedText() throws {
        // Seed-style wrapping: every paragraph starts with a short line.
        let text = """
            Harvest Festival Returns
            By Ann Lee
            Sept. 14, 2024
            The county fair
            opened on Friday with record crowds, organizers said, and long lines at the gates.
            Vendors from six
            states sold cheese, honey and cider, and a brass band played until dark that night.
            The biggest
            pumpkin
            A farmer from
            Millbrook won the giant pumpkin contest with a 1,204-pound entry on Saturday.
            """
        let doc = try #require(try ArticleParser().parse(text: text, source: "fair.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .wrappedText)
        #expect(doc.sections.map(\.title) == ["The biggest pumpkin"])
        #expect(doc.paragraphs.count == 3)
        #expect(doc.text(of: doc.paragraphs[2].span).hasPrefix("A farmer from Millbrook won"))
    }

    @Test func htmlBodyInJSON() throws {
        let json = #"{"title": "Tide Tables", "body": "<p>High tide is at 6&nbsp;a.m. today.</p><h2>Warnings</h2><p>Stay off the &ldquo;sandbar&rdquo; &amp; jetty.<br>Thanks.</p>"}"#
        let doc = try #require(try ArticleParser().parse(text: json, source: "t.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.sections.map(\.title) == ["Warnings"])
        #expect(doc.paragraphs.map { String(doc.text(of: $0.span)) } == ["High tide is at 6 a.m. today.", "Stay off the “sandbar” & jetty. Thanks."])
    }
}

/// The dek rule (see `DekDetector`): short summary first blocks are deks, anchored or attributed leads are not.
struct DekRuleTests {
    static func article(firstParagraph: String) -> String {
        """
        Harbor Tunnel Opens to Traffic
        By Ann Lee
        May 2, 2024

        \(firstParagraph)

        The tunnel runs 1.2 miles under the harbor and took six years to build, at a cost of $1.1 billion, more than twice the first estimate made in 2015.

        Officials expect 40,000 vehicles a day by the end of the year.
        """
    }

    @Test(arguments: [
        ("A long wait ends. Drivers are relieved.", true),
        ("The new crossing cuts the trip downtown to five minutes.", true),
        ("The tunnel opened on Tuesday after six years of work.", false),
        ("The tunnel opened on May 1 after six years of work.", false),
        ("“It is finally here,” the mayor said.", false),
        ("The tunnel opened, officials said, after six years.", false),
    ])
    func dekOrLead(first: String, isDek: Bool) throws {
        let doc = try #require(try ArticleParser().parse(text: Self.article(firstParagraph: first), source: "t.txt").first)
        DocumentInvariants.check(doc)
        #expect((doc.dek == first) == isDek)
        // Dek or lead, the first paragraph stays in the text; only its role differs.
        #expect(doc.paragraphs.count == 3)
        #expect(doc.text(of: doc.paragraphs[0].span) == Substring(first))
        #expect(doc.paragraphs.map(\.role) == (isDek ? [.dek, .lead, .body] : [.lead, .body, .body]))
    }
}

struct ShortLastLineTests {
    /// A paragraph whose second-to-last line ends a sentence and whose last line is short stays whole.
    @Test func shortLastLineAfterASentenceEndStaysInItsParagraph() throws {
        let text = """
            Ferry Fares Rise
            By Ann Lee
            Jan. 5, 2026
            Fares on the island
            ferry will rise by 10% in March, the transit authority announced after a vote.
            Commuters can buy monthly passes at the old price until the end of February.
            It ends then.
            A second vote is
            planned for the summer, when the board will review the winter timetable again.
            Riders groaned.
            """
        let doc = try #require(try ArticleParser().parse(text: text, source: "f.txt").first)
        DocumentInvariants.check(doc)
        let paragraphs = doc.paragraphs.map { String(doc.text(of: $0.span)) }
        #expect(paragraphs.count == 2)
        #expect(paragraphs.first?.hasSuffix("until the end of February. It ends then.") == true)
        #expect(paragraphs.last?.hasSuffix("review the winter timetable again. Riders groaned.") == true)
        #expect(doc.sections.isEmpty)
    }
}

struct BoilerplateTests {
    @Test(arguments: [
        "Originally published here (paywall)", "Copyright 2025 Example Media Inc.", "© 2024 The Valley Gazette",
        "Write to Ann Lee at ann.lee@example.com and Bo Chen at bo.chen@example.com",
        "Read more: Ten things to know", "Subscribe to our newsletter", "This article originally appeared in The Post.",
        "Appeared in the November 30, 2025, print edition as 'Storm Warning'.", "—Cy Diaz contributed to this article.",
    ])
    func trailingBoilerplateIsDropped(line: String) throws {
        let text = "Storm Warning\nBy Ann Lee\nMay 2, 2024\n\nThe storm arrived at dawn.\n\nIt left by noon.\n\n\(line)\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "s.txt").first)
        #expect(doc.text == "The storm arrived at dawn.\n\nIt left by noon.")
    }

    @Test func boilerplatePhrasesMidArticleAreKept() throws {
        let text = "Storm Warning\n\nCopyright law was the topic at dawn.\n\nIt left by noon.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "s.txt").first)
        #expect(doc.paragraphs.count == 2)
    }
}
