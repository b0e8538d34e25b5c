import Foundation
import Testing
@testable import BroadsheetCore

/// The dek is kept: it is the first paragraph of the text, with the `dek` role; the lead follows.
struct DekRoleTests {
    static func json(dek: String?, body: [String]) -> String {
        var object: [String: Any] = ["title": "Harbor Tunnel Opens", "body": body]
        if let dek { object["dek"] = dek }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func paragraphs(_ doc: Document) -> [String] { doc.paragraphs.map { String(doc.text(of: $0.span)) } }

    @Test func dekFieldBecomesTheFirstParagraph() throws {
        let doc = try #require(try ArticleParser().parse(text: Self.json(dek: "Drivers save ten minutes.", body: ["The tunnel opened.", "Tolls start in May."]), source: "t.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.dek == "Drivers save ten minutes.")
        #expect(Self.paragraphs(doc) == ["Drivers save ten minutes.", "The tunnel opened.", "Tolls start in May."])
        #expect(doc.paragraphs.map(\.role) == [.dek, .lead, .body])
        #expect(doc.sentences.first.map { doc.text(of: $0.span) } == "Drivers save ten minutes.")
    }

    @Test(arguments: ["", "   ", "\u{200B}"])
    func emptyDekIsNoDek(dek: String) throws {
        let doc = try #require(try ArticleParser().parse(text: Self.json(dek: dek, body: ["The tunnel opened.", "Tolls start in May."]), source: "t.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.dek == nil)
        #expect(doc.paragraphs.map(\.role) == [.lead, .body])
    }

    @Test func dekEqualToTheFirstParagraphIsKeptOnce() throws {
        let doc = try #require(try ArticleParser().parse(text: Self.json(dek: "The tunnel  opened.", body: ["The tunnel opened.", "Tolls start in May."]), source: "t.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.dek == "The tunnel opened.")
        #expect(Self.paragraphs(doc) == ["The tunnel opened.", "Tolls start in May."])
        #expect(doc.paragraphs.map(\.role) == [.dek, .lead])
    }

    @Test func dekThatStartsTheFirstParagraphIsNotRepeated() throws {
        let doc = try #require(try ArticleParser().parse(text: Self.json(dek: "The tunnel opened.", body: ["The tunnel opened. Drivers cheered.", "Tolls start in May."]), source: "t.json").first)
        DocumentInvariants.check(doc)
        #expect(doc.dek == "The tunnel opened.")
        #expect(Self.paragraphs(doc) == ["The tunnel opened. Drivers cheered.", "Tolls start in May."])
        #expect(doc.paragraphs.map(\.role) == [.lead, .body])
        // A prefix that stops inside a word is not the same text: the dek is its own paragraph.
        let partial = try #require(try ArticleParser().parse(text: Self.json(dek: "The tun", body: ["The tunnel opened.", "Tolls start in May."]), source: "t.json").first)
        #expect(Self.paragraphs(partial) == ["The tun", "The tunnel opened.", "Tolls start in May."])
    }

    @Test func dekBeforeAHeadingHasNoSection() throws {
        let md = "---\ntitle: Tide Tables\ndek: Know before you swim.\n---\n\n## Warnings\n\nStay off the sandbar.\n\nThe jetty is closed.\n"
        let doc = try #require(try ArticleParser().parse(text: md, source: "t.md").first)
        DocumentInvariants.check(doc)
        #expect(doc.paragraphs.map(\.section) == [nil, 0, 0])
        #expect(doc.paragraphs.map(\.role) == [.dek, .lead, .body])
        #expect(doc.sections.first.map { doc.text(of: $0.span) } == "Stay off the sandbar.\n\nThe jetty is closed.")
    }

    @Test func standfirstBetweenHeadlineAndBylineIsTheDek() throws {
        let doc = try #require(try FixtureLoader.parse("standfirst-blankline.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .blankLineText)
        #expect(doc.title == "Night Trains Return to the Northern Line")
        #expect(doc.authors == ["Ines Carvalho"])
        #expect(doc.dek == "Two sleeper services come back after a decade. Fares start at £49.")
        #expect(doc.paragraphs.map(\.role) == [.dek, .lead, .body, .body, .body])
        #expect(doc.text.hasPrefix("Two sleeper services come back after a decade. Fares start at £49.\n\nThe first overnight train"))
    }

    @Test func headlineThenParagraphsHasALeadAndNoDek() throws {
        // A short, summary-like first paragraph, but nothing marks it as a standfirst.
        let doc = try #require(try FixtureLoader.parse("lead-only-blankline.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.format == .blankLineText)
        #expect(doc.dek == nil)
        #expect(doc.paragraphs.map(\.role) == [.lead, .body, .body, .body])
        #expect(doc.text.hasPrefix("Apple growers in the valley are lighting fires"))
    }

    @Test func rolesRoundTripThroughCodable() throws {
        let doc = try #require(try FixtureLoader.parse("standfirst-blankline.txt").first)
        let decoded = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(doc))
        #expect(decoded == doc)
        // Paragraphs written before roles existed decode with a role derived from the index.
        let old = #"{"index": 1, "section": null, "span": {"start": 0, "end": 3}, "sentenceRange": [0, 1]}"#
        #expect(try JSONDecoder().decode(Paragraph.self, from: Data(old.utf8)).role == .body)
        // Documents written before the metadata fields existed decode with them empty.
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(doc)) as? [String: Any])
        for key in ["dateSource", "category", "tags", "url", "language", "sourceName"] { object[key] = nil }
        let older = try JSONDecoder().decode(Document.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(older.tags.isEmpty && older.category == nil)
        #expect(older.dateSource == .field)  // unknown, and it has a date: taken as its own field
        #expect(older.text == doc.text && older.paragraphs == doc.paragraphs)
    }
}
