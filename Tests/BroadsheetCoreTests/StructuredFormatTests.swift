import Testing
@testable import BroadsheetCore

/// Front matter, JSON and NDJSON.
struct StructuredFormatTests {
    @Test func frontMatterMarkdown() throws {
        let doc = try #require(try FixtureLoader.parse("tech-frontmatter.md").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .frontMatter)
        #expect(doc.id == "chip-plant-phoenix")
        #expect(doc.title == "Chipmaker’s New Plant: What It Means for Phoenix")
        #expect(doc.authors == ["Priya Raman", "Daniel Lee"])
        #expect(doc.publication == "Desert Tech Review")
        #expect(doc.publishedAt == CivilDate(year: 2024, month: 9, day: 17))
        #expect(doc.dek == "A $40 billion bet on Arizona's desert.")
        #expect(doc.sections.map(\.title) == ["The numbers", "Water worries"])
        let paragraphs = doc.paragraphs.map { String(doc.text(of: $0.span)) }
        // The dek field is the first paragraph of the text.
        #expect(paragraphs.count == 6)
        #expect(paragraphs[0] == "A $40 billion bet on Arizona's desert.")
        #expect(doc.paragraphs[0].role == .dek && doc.paragraphs[1].role == .lead)
        #expect(paragraphs[1].hasPrefix("The company said on Tuesday that its second factory in the desert"))
        #expect(paragraphs[1].contains("after the Commerce Department finalized"))
        #expect(paragraphs[2] == "The plant will cost $40 billion.")
        #expect(!doc.text.contains("rendering"))
        #expect(!doc.text.contains("*") && !doc.text.contains("](") && !doc.text.contains("#"))
        #expect(paragraphs[5].hasPrefix("Not everyone is convinced."))
    }

    @Test func frontMatterScalarsAndLists() throws {
        let fields = try FrontMatterParser.parseFields(
            [
                "title: \"He said \\\"no\\\"\"", "authors:", "  - Ann Lee", "  - 'Bo Chen'", "tags: [a, \"b, c\", 'd']",
                "note: plain # comment",
            ], firstLineNumber: 2)
        #expect(fields["title"] == .scalar("He said \"no\""))
        #expect(fields["authors"] == .list(["Ann Lee", "Bo Chen"]))
        #expect(fields["tags"] == .list(["a", "b, c", "d"]))
        #expect(fields["note"] == .scalar("plain"))
    }

    @Test func frontMatterErrors() {
        #expect(throws: ArticleParseError.invalidFrontMatter("the --- block is never closed")) {
            try ArticleParser().parse(text: "---\ntitle: x\n\nBody text.", source: "a.md")
        }
        #expect(throws: ArticleParseError.invalidFrontMatter("line 3: expected 'key: value'")) {
            try ArticleParser().parse(text: "---\ntitle: x\nnot a field\n---\nBody.", source: "a.md")
        }
    }

    @Test func frontMatterTitleFromHeading() throws {
        let doc = try #require(try ArticleParser().parse(text: "---\nauthor: Ann Lee\n---\n# Rain Returns\n\nIt rained.\n", source: "r.md").first)
        #expect(doc.title == "Rain Returns")
        #expect(doc.authors == ["Ann Lee"])
        #expect(doc.text == "It rained.")
    }

    @Test func jsonArticle() throws {
        let doc = try #require(try FixtureLoader.parse("sports-final.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .json)
        #expect(doc.id == "cup-final-2025")
        #expect(doc.title == "Harbor City Wins the Cup in Extra Time")
        #expect(doc.authors == ["Sam Okafor", "Ana Lima"])
        #expect(doc.publication == "The Coastal Times")
        #expect(doc.publishedAt == CivilDate(year: 2025, month: 6, day: 21))
        #expect(doc.dek == "A header in the 118th minute ends a 104-year wait.")
        #expect(doc.sections.map(\.title) == ["Celebrations"])
        #expect(doc.paragraphs.count == 4)
        #expect(doc.text.hasPrefix("A header in the 118th minute ends a 104-year wait.\n\nHarbor City FC won"))
        let last = doc.sentences.map { String(doc.text(of: $0.span)) }.suffix(2)
        #expect(Array(last) == ["\"We waited 104 years,\" said supporter Joan Price, 78.", "\"I can die happy now.\""])
    }

    @Test func jsonErrors() {
        #expect(throws: ArticleParseError.missingField("title")) {
            try ArticleParser().parse(text: #"{"body": "Text."}"#, source: "a.json")
        }
        #expect(throws: ArticleParseError.missingField("body")) {
            try ArticleParser().parse(text: #"{"title": "T"}"#, source: "a.json")
        }
        #expect(throws: ArticleParseError.invalidJSON("top-level value is not an object")) {
            try ArticleParser().parse(text: "\"just a string\"", source: "a.json")
        }
        #expect(throws: ArticleParseError.invalidJSON("top-level value is an array; expected one article object (use NDJSON for several)")) {
            try ArticleParser().parse(text: "[1, 2]", source: "a.json")
        }
        do {
            _ = try ArticleParser().parse(text: #"{"title": "T", "body": "#, source: "a.json")
            Issue.record("expected an error")
        } catch {
            guard case .invalidJSON = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.hasPrefix("invalid JSON"))
        }
    }

    @Test func jsonBodyWithSingleNewlinesAndSections() throws {
        let json = #"""
            {"headline": "Two Lines", "author": {"name": "Ann Lee"}, "date": "March 3, 2024",
             "sections": [{"heading": "One", "paragraphs": ["First.", "Second."]}, {"title": "Two", "body": "Third.\nFourth."}]}
            """#
        let doc = try #require(try ArticleParser().parse(text: json, source: "x.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.authors == ["Ann Lee"])
        #expect(doc.publishedAt == CivilDate(year: 2024, month: 3, day: 3))
        #expect(doc.paragraphs.map(\.section) == [0, 0, 1, 1])
        #expect(doc.sections.map(\.title) == ["One", "Two"])
    }

    @Test func ndjsonKeepsGoodLinesAndReportsBadOnes() throws {
        let result = try ArticleParser().parseRecords(try FixtureLoader.bytes("briefs.ndjson"), source: "briefs.ndjson")
        #expect(result.documents.map(\.title) == ["Library Extends Weekend Hours", "Bridge Repairs Finish Early 🎉"])
        #expect(result.documents.allSatisfy { $0.format == .ndjson })
        #expect(result.failures.map(\.line) == [2, 4])
        #expect(result.failures[1].error == .missingField("body"))
        let library = result.documents[0]
        DocumentInvariants.check(library)
        #expect(library.paragraphs.count == 2)
        #expect(library.authors == ["Nora Field"])
        #expect(library.publishedAt == CivilDate(year: 2025, month: 11, day: 3))
        let bridge = result.documents[1]
        DocumentInvariants.check(bridge)
        #expect(bridge.id == "bridge-repairs-finish-early")
        #expect(bridge.paragraphs.count == 2)
    }

    @Test func jsonNumericDatesAreErrorsAndNoiseIsDropped() throws {
        let json = #"{"title": "T", "publishedAt": "2025-11-29T08:00:00Z", "body": "One.\n\nAdvertisement\n\nTwo."}"#
        let doc = try #require(try ArticleParser().parse(text: json, source: "t.json").first)
        #expect(doc.publishedAt == CivilDate(year: 2025, month: 11, day: 29))
        #expect(doc.text == "One.\n\nTwo.")
        // A number is not read as a Unix time (20250101 would be 1970-08-23): it is an error.
        for bad in ["1764374400", "1764374400000", "20250101", "1e300", "-5", "99999999999999999999"] {
            let json = #"{"title": "T", "date": "# + bad + #", "body": "One."}"#
            #expect(throws: ArticleParseError.invalidField(name: "date", reason: "must be a date string such as \"2025-11-29\", not a number")) {
                try ArticleParser().parse(text: json, source: "t.json")
            }
        }
    }

    @Test func markdownWithoutFrontMatter() throws {
        let md = "# Night *Market* Opens\n\nBy Ann Lee\n\nStalls sell **noodles** and [dumplings](https://x.y).\n"
        let doc = try #require(try ArticleParser().parse(text: md, source: "night.md").first)
        #expect(doc.title == "Night Market Opens")
        #expect(doc.authors == ["Ann Lee"])
        #expect(doc.text == "Stalls sell noodles and dumplings.")
    }

    @Test func ndjsonWithOnlyBadLinesFails() {
        #expect(throws: ArticleParseError.invalidRecord(line: 1, reason: "missing required field 'title'")) {
            try ArticleParser().parse(text: "{\"x\": 1}\n{\"y\": 2}\n", source: "bad.ndjson")
        }
    }

    @Test func ndjsonDetectedByContent() throws {
        let text = "{\"title\": \"A\", \"body\": \"One.\"}\n{\"title\": \"B\", \"body\": \"Two.\"}\n"
        let docs = try ArticleParser().parse(text: text, source: "feed.txt")
        #expect(docs.map(\.title) == ["A", "B"])
        #expect(docs.allSatisfy { $0.format == .ndjson })
    }
}
