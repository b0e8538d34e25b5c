import Foundation
import Testing
@testable import BroadsheetCore

/// The seed article: hard-wrapped text whose paragraphs start with a short first line.
struct SeedArticleTests {
    let doc: Document

    init() throws {
        let docs = try FixtureLoader.parse("seed-wrapped.txt")
        #expect(docs.count == 1)
        doc = docs[0]
    }

    @Test func metadata() {
        #expect(doc.format == .wrappedText)
        #expect(doc.title == "Make Money Not War: Trump’s Real Plan for Peace in Ukraine")
        #expect(doc.id == "make-money-not-war-trumps-real-plan-for-peace-in-ukraine")
        #expect(doc.authors == ["Drew Hinshaw", "Benoit Faucon", "Rebecca Ballhaus", "Thomas Grove", "Joe Parkinson"])
        #expect(doc.publication == "The Wall Street Journal")
        #expect(doc.publishedAt == CivilDate(year: 2025, month: 11, day: 29))
        #expect(doc.source == "seed-wrapped.txt")
    }

    @Test func dekIsTheFirstParagraphOfText() {
        let dek = "The Kremlin pitched the White House on peace through business. To Europe’s dismay, the president and his envoy are on board."
        #expect(doc.dek == dek)
        // The standfirst is kept: the first paragraph of the text, with the dek role, once.
        #expect(doc.text(of: doc.paragraphs[0].span) == dek)
        #expect(doc.paragraphs.map(\.role).prefix(3) == [.dek, .lead, .body])
        #expect(doc.text.components(separatedBy: "The Kremlin pitched").count == 2)
    }

    @Test func sectionsAndParagraphs() {
        // Counted by hand: the dek and 27 paragraphs before the first heading, then 7, 8 and 9.
        #expect(doc.paragraphs.count == 52)
        #expect(doc.sections.map(\.title) == ["A visitor from Moscow", "Into position", "The road to Miami"])
        #expect(doc.paragraphs.filter { $0.section == nil }.count == 28)
        #expect(doc.paragraphs.filter { $0.section == 0 }.count == 7)
        #expect(doc.paragraphs.filter { $0.section == 1 }.count == 8)
        #expect(doc.paragraphs.filter { $0.section == 2 }.count == 9)
        for heading in doc.sections.map(\.title) {
            #expect(!doc.text.contains(heading + " "), "heading \(heading) leaked into text")
        }
        let first = doc.sections[0]
        #expect(doc.text(of: first.span).hasPrefix("Witkoff was just weeks into his new job"))
        #expect(doc.text(of: first.span).hasSuffix("going forward.”"))
    }

    @Test func reflowJoinsWrappedLines() {
        #expect(doc.text(of: doc.paragraphs[1].span).hasPrefix("Three powerful businessmen—two Americans and a Russian—hunched"))
        #expect(!doc.text.contains("Originally published"))
        #expect(!doc.text.contains("paywall"))
        #expect(doc.text.contains("developer-turned-special envoy Steve Witkoff"))
        #expect(doc.text.contains("Goldman Sachs alumnus"))
        #expect(doc.text.contains("NASA’s Lyndon B. Johnson Space Center"))
        #expect(!doc.text.contains("\n\n\n"))
        #expect(!doc.text.contains("  "))
        let last = doc.text(of: doc.paragraphs.last!.span)
        #expect(last.hasPrefix("“I’m in the deal settlement business."))
    }

    func sentence(containing needle: String) -> Substring? {
        doc.sentences.map { doc.text(of: $0.span) }.first { $0.contains(needle) }
    }

    @Test func sentenceBoundaries() throws {
        // U.S. followed by a lower-case or name-like word does not end the sentence.
        let us = try #require(sentence(containing: "U.S. companies to tap"))
        #expect(us.hasSuffix("reconstruction of Ukraine."))
        #expect(sentence(containing: "U.S. and Russian companies could join")?.hasPrefix("U.S. and Russian") == true)
        let kellogg = try #require(sentence(containing: "Keith Kellogg"))
        #expect(kellogg.hasPrefix("But Trump’s special envoy for Ukraine, former Lt. Gen. Keith Kellogg"))
        let lynch = try #require(sentence(containing: "Stephen P. Lynch"))
        #expect(lynch.hasPrefix("Another Trump donor, Stephen P. Lynch, paid $600,000"))
        #expect(lynch.hasSuffix("state-owned company."))
        let aug = try #require(sentence(containing: "On Aug. 6"))
        #expect(aug.hasSuffix("only a few days in advance."))
        // "Trump Jr. He would pay" ends a sentence at "Jr.".
        let jr = try #require(sentence(containing: "hiring Ches McDowell"))
        #expect(jr.hasSuffix("a friend of Trump Jr."))
        #expect(sentence(containing: "He would pay McDowell’s firm")?.hasPrefix("He would pay") == true)
        // Quotes that end sentences.
        #expect(sentence(containing: "We know this is not about peace.")?.hasSuffix("not about peace.") == true)
        #expect(sentence(containing: "It’s about business.”") == "It’s about business.”")
        let quoted = try #require(sentence(containing: "Ukrainians have fought heroically"))
        #expect(quoted.hasSuffix("American built AI data centers."))
        // Decimals and percentages stay inside a sentence.
        #expect(sentence(containing: "9.9%")?.hasSuffix("reviewed by the Journal.") == true)
    }
}
