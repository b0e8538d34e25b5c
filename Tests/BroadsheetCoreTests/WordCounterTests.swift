import Testing
@testable import BroadsheetCore

@Suite struct WordCounterTests {
    /// The rule by Unicode scalar properties, as the general path applies it.
    static func reference(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { count += 1; inWord = true }
            } else if inWord, scalar == "'" || scalar == "\u{2019}" || scalar == "-" || scalar == "." {
                continue
            } else {
                inWord = false
            }
        }
        return count
    }

    @Test func theASCIIPathCountsAsTheUnicodeRule() {
        let alphabet = Array("ab Z9'-.,\n\t\"()")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(WordCounter.count(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(WordCounter.count("It's a well-known U.S. fact: 3.5 million.") == 7)
        #expect(WordCounter.count("Café crème — naïve") == 3)
    }
}
