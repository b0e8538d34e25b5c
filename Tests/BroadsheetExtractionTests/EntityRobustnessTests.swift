import BroadsheetCore
import Testing
@testable import BroadsheetExtraction

/// Odd and hostile input: never a crash, and every mention span is valid and matches its text.
struct EntityRobustnessTests {
    static func check(_ doc: Document) {
        let r = EntityRecognizer().extract(doc)
        let n = doc.text.utf16.count
        for e in r.entities {
            #expect(!e.mentions.isEmpty)
            for m in e.mentions {
                #expect(m.span.start >= 0 && m.span.end <= n && m.span.start < m.span.end)
                #expect(String(doc.text.slice(m.span)) == m.text)
            }
        }
        _ = EntityCatalog([(doc, r)])
    }

    @Test(arguments: [
        "", " ", "\n\n", ".", "$", "%", "$ %", "U.S.", "U.S", "’s", "'", "“", "”Hello”", "A.", "Mr.", "Jr.", "The",
        "1,000,", "$1,", "€.5 million", "9.9.9%", "US$", "US$ 5", "Smith’", "O’", "al-", "-Ali", "Dr. Dr. Dr.",
        "😀 Emoji Name 😀 said", "Zoë Ångström and Łukasz Żółć met in Kraków.", "e\u{301}cole Ecole\u{301}",
        "the X brothers, A and B", "the brothers, and", "Inc. Corp. Ltd.", "Order of", "Sea of", "Bank of the",
        String(repeating: "Alpha ", count: 3000), String(repeating: "A. ", count: 500), String(repeating: "$1 ", count: 500),
        "\u{FEFF}Zero width\u{200B}Name", "Tab\tSeparated\tNames Here", "🇺🇸 United States 🇺🇸",
    ])
    func oddTextsNeverCrash(_ text: String) {
        Self.check(EntityTestDocument.make(text))
    }

    @Test func documentWithoutSentencesOrParagraphs() {
        let doc = Document(id: "bare", title: "", text: "Maria Lopez met Acme Corp. in Paris for $5 million.", paragraphs: [], sentences: [], format: .json)
        Self.check(doc)
        #expect(EntityRecognizer().extract(doc).entities.contains { $0.name == "Maria Lopez" })
    }

    @Test func randomCharacterSoup() {
        let pool = Array("AaBbCcDdEe Ff.,;:'’“”\"$€£%&-—()0123456789 \n\nÉéØøŁł😀 OfofTheInc.Jr.")
        var rng: UInt64 = 7
        for _ in 0..<200 {
            var s = ""
            for _ in 0..<120 {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                s.append(pool[Int((rng >> 33) % UInt64(pool.count))])
            }
            Self.check(EntityTestDocument.make(s))
        }
    }
}
