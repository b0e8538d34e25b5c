import BroadsheetCore
import BroadsheetExtraction
import Foundation
import Testing

/// Unbalanced and random marks never crash the extractor, and every result stays well formed:
/// spans inside the text, text equal to its span, one paragraph per quote, bounded length.
struct QuoteRobustnessTests {
    /// A small deterministic generator (64-bit LCG) so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = [
        "“", "”", "\"", "‘", "’", "'", "«", "»", " ", " ", " ", "he said", "said Anna Berg", ",", ".", ":", "Berg",
        "word", "We", "it", "’80s", "rock 'n' roll", "dogs' ", "6'2\"", "—", "Q:", "A:", "she", "they",
        "the company said",
        "according to", "an official said", "called it a", "known as the", "é", "😀", "\n",
    ]

    @Test(arguments: 0..<40)
    func randomMarksAreHandled(seed: Int) {
        var g = Generator(state: UInt64(seed) &+ 12345)
        var paragraphs: [String] = []
        for _ in 0..<(1 + g.next(6)) {
            var p = ""
            for _ in 0..<(1 + g.next(60)) { p += Self.pieces[g.next(Self.pieces.count)] }
            paragraphs.append(p.replacingOccurrences(of: "\n", with: " "))
        }
        let d = QuoteTestDocument.make(paragraphs)
        let entities = QuoteTestGazetteer().person("Anna Berg", "Berg").org("Acme").entities(for: d)
        let quotes = QuoteExtractor().extract(d, entities: entities)
        let length = d.text.utf16.count
        for (i, q) in quotes.enumerated() {
            #expect(q.span.start >= 0 && q.span.end <= length)
            #expect(q.span.contains(q.textSpan))
            #expect(String(d.text(of: q.textSpan)) == q.text)
            #expect(d.paragraphs[q.paragraph].span.contains(q.span))
            #expect(q.sentence >= 0 && q.sentence < max(1, d.sentences.count))
            if let c = q.continues { #expect(c < i) }
            if let k = q.speaker { #expect(k >= 0 && k < entities.entities.count) }
            if q.kind == .term { #expect(q.speaker == nil) }
        }
        #expect(zip(quotes, quotes.dropFirst()).allSatisfy { $0.span.start <= $1.span.start })
    }

    @Test func oneStrayMarkInALongParagraphIsBounded() {
        let sentence = "The committee met again on Tuesday to review the budget. "
        let long = "He said “this will not end well. " + String(repeating: sentence, count: 60)
        let d = QuoteTestDocument.make([long, "“Fine,” said the clerk."])
        let quotes = QuoteExtractor().extract(d, entities: DocumentEntities(documentId: d.id, entities: []))
        #expect(quotes.count == 2)
        #expect(quotes[0].text.utf16.count < 200)
        #expect(quotes[1].text == "Fine,")
    }

    @Test func documentWithoutParagraphsOrSentences() {
        let d = Document(
            id: "x", title: "“Quoted title”", text: "“Hello,” she said.", paragraphs: [], sentences: [],
            format: .blankLineText)
        #expect(QuoteExtractor().extract(d, entities: DocumentEntities(documentId: "x", entities: [])).isEmpty)
        let e = Document(
            id: "y", title: "t", text: "“Hello,” she said.",
            paragraphs: [Paragraph(index: 0, section: nil, span: TextSpan(start: 0, end: 18), sentenceRange: 0..<0)],
            sentences: [], format: .blankLineText)
        let q = QuoteExtractor().extract(e, entities: DocumentEntities(documentId: "y", entities: []))
        #expect(q.map(\.text) == ["Hello,"])
        #expect(q.first?.speakerText == "she")
    }
}

/// Run-on text (no sentence ends) with many quotations is read in bounded windows, so the work per
/// quotation stays small; this is a smoke check that it finishes and stays well formed, not a timing.
struct QuoteRunOnTextTests {
    @Test func manyQuotationsInOneRunOnParagraph() {
        let unit = "and then “it went on and on,” he said, while Anna Berg said “more” "
        let d = QuoteTestDocument.make([String(repeating: unit, count: 500)])
        let entities = QuoteTestGazetteer().person("Anna Berg", "Berg").entities(for: d)
        let quotes = QuoteExtractor().extract(d, entities: entities)
        #expect(quotes.count == 1_000)
        #expect(quotes.filter { $0.text == "more" }.allSatisfy { $0.speaker == 0 })
    }
}

struct QuoteCodingTests {
    @Test func quotesRoundTripThroughJSON() throws {
        let d = QuoteTestDocument.make([
            "“We won,” said Anna Berg. “Again.", "“And again.”", "Fans called it the “Berg Era.”",
        ])
        let quotes = QuoteExtractor().extract(
            d, entities: QuoteTestGazetteer().person("Anna Berg", "Berg").entities(for: d))
        #expect(quotes.count == 4)
        let data = try JSONEncoder().encode(quotes)
        #expect(try JSONDecoder().decode([Quote].self, from: data) == quotes)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"kind\":\"term\"") && json.contains("\"kind\":\"direct\""))
    }
}
