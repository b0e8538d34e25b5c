import BroadsheetCore
import BroadsheetExtraction
import Testing

/// Finding quotations by their marks. "Matching" here means the exact quoted text (without the
/// outer marks), the exact paragraph, and never a quotation made of apostrophes.
struct QuoteMarkTests {
    private func quotes(_ paragraphs: [String]) -> [Quote] {
        let d = QuoteTestDocument.make(paragraphs)
        return QuoteExtractor().extract(d, entities: DocumentEntities(documentId: d.id, entities: []))
    }

    @Test(arguments: [
        ("“We won,” she said.", ["We won,"]),
        ("\"We won,\" she said.", ["We won,"]),
        ("She said: \"We won. We deserved it.\" Then she left.", ["We won. We deserved it."]),
        (
            "“It’s Trump’s ‘Art of the Deal’ to say, ‘Look, I’m done,’” he said.",
            ["It’s Trump’s ‘Art of the Deal’ to say, ‘Look, I’m done,’"]
        ),
        ("«C’est fini», a-t-il dit.", ["C’est fini"]),
        ("“A,” he said, “and B.”", ["A,", "and B."]),
    ])
    func findsQuotations(paragraph: String, expected: [String]) {
        #expect(quotes([paragraph]).map(\.text) == expected)
    }

    @Test(arguments: [
        "Trump’s plan was popular in the ’80s and the '90s.",
        "They played rock ’n’ roll and rock 'n' roll all night with the dogs' owners.",
        "The players' union met the owners’ group about the ’em-all trophy.",
        "He is 6'2\" tall and weighs 200 pounds.",
        "It was the teams' best season, the coaches' too, they said 'til dawn.",
    ])
    func apostrophesAreNotQuotationMarks(paragraph: String) {
        #expect(quotes([paragraph]).isEmpty)
    }

    @Test func singleMarksCanQuoteAtTopLevel() {
        let q = quotes(["The minister called the plan ‘a disgrace’ on Tuesday, and the ’90s revival went on."])
        #expect(q.map(\.text) == ["a disgrace"])
    }

    @Test func britishSingleMarksNestDoubleMarks() {
        let q = quotes(["‘He told me “never again”, and I believed him,’ said Ellen Shaw."])
        #expect(q.map(\.text) == ["He told me “never again”, and I believed him,"])
        #expect(q.first?.kind == .direct)
    }

    @Test func quoteContinuedAcrossParagraphsIsLinkedPieceByPiece() {
        let q = quotes([
            "“We came here to win,” said Maria Lopez, the captain. “We trained all winter for this.",
            "“Nobody gave us a chance, and now look at us.”",
            "The team flies home on Monday.",
        ])
        #expect(q.count == 3)
        #expect(q.map(\.paragraph) == [0, 0, 1])
        #expect(q[1].text == "We trained all winter for this.")
        #expect(q[2].continues == 1)
        #expect(q[1].continues == nil)
        #expect(q[2].speakerText == q[1].speakerText)
        #expect(q.allSatisfy { $0.kind == .direct })
    }

    @Test func unbalancedMarksStayInTheirParagraph() {
        let q = quotes([
            "The mayor said “we will fix the roads and then stopped talking.",
            "Residents were unimpressed. “Not again,” said one neighbour.",
            "A stray ” mark and a stray \" mark change nothing here.",
        ])
        let neighbour = q.first { $0.text == "Not again," }
        #expect(neighbour != nil)
        #expect(neighbour?.paragraph == 1)
        #expect(q.allSatisfy { $0.paragraph != 2 })
        // The unterminated quotation ends with its paragraph.
        #expect(q.first?.paragraph == 0)
        #expect(q.first?.text.hasSuffix("stopped talking.") == true)
    }

    @Test func aMissingClosingMarkDoesNotSwallowTheNextQuote() {
        let q = quotes(["“The first part never closes, he said. “The second does,” she said."])
        #expect(q.map(\.text) == ["The first part never closes, he said.", "The second does,"])
    }

    @Test func emptyAndMarkOnlyDocumentsDoNotCrash() {
        #expect(quotes([""]).isEmpty)
        #expect(quotes(["“", "”", "\"\"\"", "‘’‘"]).isEmpty)
        let long = String(repeating: "“a ", count: 2_000)
        #expect(quotes([long]).count <= 2_000)
    }
}

/// Question-and-answer transcripts are recognised only when they really are transcripts.
struct QuoteInterviewTests {
    @Test func eventListingIsNotATranscript() {
        let d = QuoteTestDocument.make([
            "The festival returns to the harbor this summer.",
            "What: Three days of folk music.", "When: June 12 to 14.", "Where: Harbor Park.", "Who: Twenty bands.",
        ])
        #expect(QuoteExtractor().extract(d, entities: DocumentEntities(documentId: d.id, entities: [])).isEmpty)
    }

    @Test func singleLabelIsNotATranscript() {
        let d = QuoteTestDocument.make([
            "Correction: An earlier version misspelled a name.", "Update: The vote was moved to Friday.",
        ])
        #expect(QuoteExtractor().extract(d, entities: DocumentEntities(documentId: d.id, entities: [])).isEmpty)
    }

    @Test func answersSpanParagraphsAndLinkBack() {
        let d = QuoteTestDocument.make([
            "Lena Fox won her third title on Sunday. We spoke to her afterwards.",
            "Q: How does it feel?", "A: Unreal. I am still shaking.", "Honestly, I did not expect it.", "Q: What next?",
            "A: A holiday.",
        ])
        let g = QuoteTestGazetteer().person("Lena Fox", "Fox")
        let quotes = QuoteExtractor().extract(d, entities: g.entities(for: d))
        #expect(quotes.map(\.speakerText) == ["Q", "A", "A", "Q", "A"])
        #expect(quotes.map(\.speaker) == [nil, 0, 0, nil, 0])
        #expect(quotes[2].continues == 1)
        #expect(quotes.allSatisfy { $0.kind == .direct && $0.cue == "interview" })
    }
}
