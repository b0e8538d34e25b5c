import Testing

@testable import BroadsheetExtraction

/// The byte shortcuts on `String` answer exactly as the `Character` machinery does, for plain ASCII and
/// for everything that must take the standard path (accents, carriage returns, empty strings).
struct PlainASCIIShortcutTests {
    static let words = ["", "Smith", "smith", "9th", "-Jr", "É", "élan", "Ölgaard", "\r\nA", "A\r\n", "ǅemal", "ß", "İstanbul", "x"]

    @Test(arguments: words)
    func firstCharacterCaseMatchesTheStandardLibrary(word: String) {
        #expect(word.startsUppercase == (word.first?.isUppercase == true))
        #expect(word.startsLowercase == (word.first?.isLowercase == true))
        #expect(word.characterCount == word.count)
        #expect(word.isAllUppercase == word.allSatisfy(\.isUppercase))
    }
}
