import Testing
@testable import BroadsheetCore

/// "Matching" here means: the exact sentence strings, in order, after splitting one paragraph.
struct SentenceSplitterTests {
    static func sentences(_ text: String) -> [String] {
        SentenceSplitter.split(text).map { String(text.slice($0)) }
    }

    @Test(arguments: [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ("Is it over? Nobody knows! Wait.", ["Is it over?", "Nobody knows!", "Wait."]),
        ("“Where?” he asked. Nobody answered.", ["“Where?” he asked.", "Nobody answered."]),
        ("She said it was “a deal.” Next came the vote.", ["She said it was “a deal.”", "Next came the vote."]),
        ("“It works,” he said. “We tested it.”", ["“It works,” he said.", "“We tested it.”"]),
        ("Mr. Smith met Dr. Jones at St. Mary’s. They talked.", ["Mr. Smith met Dr. Jones at St. Mary’s.", "They talked."]),
        ("Sen. Ann Lee and Gov. Bo Chen spoke.", ["Sen. Ann Lee and Gov. Bo Chen spoke."]),
        ("He moved to the U.S. in 2001.", ["He moved to the U.S. in 2001."]),
        ("He moved to the U.S. The next year he left.", ["He moved to the U.S.", "The next year he left."]),
        ("The U.S. Embassy and the U.K. Treasury agreed.", ["The U.S. Embassy and the U.K. Treasury agreed."]),
        ("Stephen P. Lynch paid. Lynch left.", ["Stephen P. Lynch paid.", "Lynch left."]),
        ("It grew 9.9% to $2.5 billion. Shares rose.", ["It grew 9.9% to $2.5 billion.", "Shares rose."]),
        ("On Sept. 3 and Aug. 6, they met.", ["On Sept. 3 and Aug. 6, they met."]),
        ("They met in Aug. Then they parted.", ["They met in Aug.", "Then they parted."]),
        ("Acme Inc. said it would appeal. Acme Corp. The rival declined.", ["Acme Inc. said it would appeal.", "Acme Corp.", "The rival declined."]),
        ("It starts at 9 a.m. and ends at 5 p.m. The doors open early.", ["It starts at 9 a.m. and ends at 5 p.m.", "The doors open early."]),
        ("Bring fruit, e.g. Apples or pears. Thanks.", ["Bring fruit, e.g. Apples or pears.", "Thanks."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ("He waited… Then he left.", ["He waited…", "Then he left."]),
        ("Rank No. 1 again. Great.", ["Rank No. 1 again.", "Great."]),
        ("Lt. Gen. Keith Kellogg left. He was tired.", ["Lt. Gen. Keith Kellogg left.", "He was tired."]),
        ("(He agreed.) Then they left.", ["(He agreed.)", "Then they left."]),
        ("No terminal punctuation", ["No terminal punctuation"]),
        ("  Leading and trailing spaces.  ", ["Leading and trailing spaces."]),
        ("", []),
    ])
    func splits(text: String, expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    @Test func utf16OffsetsWithEmojiAndAccents() {
        let text = "Fans cheered 🎉 in Zürich. Café owners smiled 👩‍👩‍👧. Done."
        let spans = SentenceSplitter.split(text)
        #expect(spans.count == 3)
        #expect(spans[0] == TextSpan(start: 0, end: 26))  // 🎉 is two UTF-16 units
        #expect(text.slice(spans[1]) == "Café owners smiled 👩‍👩‍👧.")
        #expect(text.slice(spans[2]) == "Done.")
        #expect(spans[2].end == text.utf16.count)
    }

    @Test func documentOffsetsAreUTF16() throws {
        let text = "Emoji Day\n\nBy Ann Lee\nMay 2, 2024\n\nFans cheered 🎉 in Zürich. It was loud.\n\nCafé owners 👩‍👩‍👧 smiled.\n"
        let doc = try #require(try ArticleParser().parse(text: text, source: "e.txt").first)
        DocumentInvariants.check(doc)
        #expect(doc.paragraphs.count == 2)
        #expect(doc.paragraphs[1].span.start == "Fans cheered 🎉 in Zürich. It was loud.".utf16.count + 2)
        #expect(doc.text(of: doc.sentences[2].span) == "Café owners 👩‍👩‍👧 smiled.")
        #expect(doc.sentenceIndex(containing: doc.paragraphs[1].span.start + 3) == 2)
    }
}
