import BroadsheetCore
import Testing

@testable import BroadsheetExtraction

struct DatelineLocatorTests {
    /// The place and region a paragraph's dateline names, as text.
    static func read(_ paragraph: String) -> [String]? {
        let units = Array(paragraph.utf16)
        guard let found = DatelineLocator.dateline(in: units, from: 0, to: units.count) else { return nil }
        return [found.place, found.region].compactMap { span in
            span.map { String(decoding: units[$0.start..<$0.end], as: UTF16.self) }
        }
    }

    @Test(arguments: [
        ("PORTLAND, Ore. — The city council on Tuesday approved it.", ["PORTLAND", "Ore."]),
        ("BUENOS AIRES — Boca Juniors reached the final.", ["BUENOS AIRES"]),
        ("SANTA CLARA, Calif. (Reuters) - Nvidia unveiled a chip.", ["SANTA CLARA", "Calif."]),
        ("LONDON, March 3 (Reuters) - Shares fell.", ["LONDON"]),
        ("WASHINGTON (AP) — The Senate voted.", ["WASHINGTON"]),
        ("NEW YORK—Stocks rose on Monday.", ["NEW YORK"]),
        ("KYIV, Ukraine — Drones struck overnight.", ["KYIV", "Ukraine"]),
        ("SEOUL, South Korea -- Talks resumed.", ["SEOUL", "South Korea"]),
        ("ST. LOUIS — The zoo reopened.", ["ST. LOUIS"]),
        ("COEUR D'ALENE, Idaho — Fire crews arrived.", ["COEUR D'ALENE", "Idaho"]),
        ("SÃO PAULO — Palmeiras lost.", ["SÃO PAULO"]),
        ("WINSTON-SALEM, N.C. — A factory closed.", ["WINSTON-SALEM", "N.C."]),
    ])
    func datelines(paragraph: String, expected: [String]) {
        #expect(Self.read(paragraph) == expected)
    }

    @Test(arguments: [
        "Portland, Ore. — mixed case is not a dateline here.",
        "The city council approved the plan — after a long debate.",
        "NASA said on Tuesday that the launch was delayed.",
        "I — for one — disagree.",
        "A — B",
        "BREAKING NEWS",
        "LONDON, (Reuters) - an empty region is not a dateline.",
        "WASHINGTON (AP)",
        "",
    ])
    func notDatelines(paragraph: String) {
        #expect(Self.read(paragraph) == nil)
    }

    @Test func onlyTheFirstParagraphsAreRead() throws {
        let text = "A Headline\n\nBy Jo Writer\nMarch 4, 2024\n\nThe first paragraph.\n\nSecond paragraph here.\n\nDENVER — Too late to be a dateline.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "late.txt").first)
        #expect(DatelineLocator().locate(in: doc) == nil)
        let early = "A Headline\n\nBy Jo Writer\nMarch 4, 2024\n\nDENVER — The first paragraph.\n"
        let opened = try #require(try ArticleParser().parse(text: early, source: "early.txt").first)
        let found = try #require(DatelineLocator().locate(in: opened))
        #expect(opened.text(of: found.place) == "DENVER")
    }

    @Test(arguments: [
        ("SANTA CLARA, Calif. (Reuters) - The chipmaker unveiled a processor on Tuesday.", "Santa Clara", "SANTA CLARA"),
        ("COEUR D'ALENE, Idaho — Fire crews arrived on Monday.", "Coeur D'Alene", "COEUR D'ALENE"),
        ("RIO DE JANEIRO — Fluminense won the final.", "Rio de Janeiro", nil),
        ("WINSTON-SALEM, N.C. — A factory closed on Friday.", "Winston-Salem", "WINSTON-SALEM"),
    ] as [(String, String, String?)])
    func recogniserTypesDatelinePlacesAsLocations(opening: String, name: String, alias: String?) throws {
        let text = "A Headline\n\nBy Jo Writer\nMarch 4, 2024\n\n\(opening)\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "dateline.txt").first)
        let found = EntityRecognizer().extract(doc)
        let place = try #require(found.entities.first { $0.name == name }, "\(found.entities.map(\.name))")
        #expect(place.type == .location)
        if let alias { #expect(place.aliases.contains(alias)) }
    }

    @Test(arguments: [
        ("SANTA CLARA", ["Santa", "Clara"]), ("ST. LOUIS", ["St.", "Louis"]), ("RIO DE JANEIRO", ["Rio", "de", "Janeiro"]),
        ("O'HARE", ["O'Hare"]), ("WINSTON-SALEM", ["Winston-Salem"]), ("DE KALB", ["De", "Kalb"]),
    ])
    func titleCasing(capitals: String, expected: [String]) {
        #expect(DatelineLocator.titleCased(capitals) == expected)
    }
}
