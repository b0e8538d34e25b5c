import Testing

@testable import BroadsheetSearch

/// Matching means: case and diacritics folded, curly and straight apostrophes equal, possessive `'s`
/// dropped, hyphenated words kept whole and split, numbers keep their `.`/`%`/currency, `U.S.` one token.
struct TokenizerTests {
    static func terms(_ text: String) -> [String] {
        var t = Tokenizer()
        t.tokenize(text)
        return t.tokens.map { String(decoding: t.term($0), as: UTF8.self) }
    }

    @Test(arguments: [
        ("Zürich ZURICH zurich", ["zurich", "zurich", "zurich"]),
        ("Russia’s Russia's", ["russia", "russia"]),
        ("don't O’Brien", ["don't", "o'brien"]),
        ("son-in-law", ["son-in-law", "son", "in", "law"]),
        ("U.S.-led", ["u.s.-led", "u.s.", "led"]),
        ("the U.S. economy", ["the", "u.s.", "economy"]),
        ("$300 billion", ["$300", "300", "billion"]),
        ("rose 9.9% to 2,000", ["rose", "9.9%", "9.9", "to", "2000"]),
        ("businessmen—two", ["businessmen", "two"]),
        ("Ελλάδα Москва", ["ελλαδα", "москва"]),
        ("Łódź Straße Æsir", ["lodz", "strasse", "aesir"]),
        ("end. Next", ["end", "next"]),
        ("3-nanometer", ["3-nanometer", "3", "nanometer"]),
    ])
    func folding(text: String, expected: [String]) {
        #expect(Self.terms(text) == expected)
    }

    @Test func offsetsAreUTF16() {
        var t = Tokenizer()
        let text = "😀 Zürich’s U.S."
        t.tokenize(text)
        let spans = t.tokens.map { text.slice(.init(start: Int($0.start), end: Int($0.end))) }
        #expect(spans == ["Zürich’s", "U.S."])
        #expect(t.tokens[0].start == 3)
    }

    /// All-ASCII text takes a faster path (a byte is a scalar is a UTF-16 unit); a non-ASCII character
    /// after it must leave its tokens, positions and offsets as they were.
    @Test(arguments: [
        "The U.S.-led talks on $300 billion, 9.9% of it, rose 2,000-fold; don't O'Brien's son-in-law agree?",
        "A.B. x-y-z 3-nanometer -dash- end- 'quoted' it's $5-$10 e.g. 100%",
    ])
    func asciiTextTokenizesAsTheGeneralPathDoes(text: String) {
        var ascii = Tokenizer()
        ascii.tokenize(text)
        var general = Tokenizer()
        general.tokenize(text + " é")
        let shared = general.tokens.dropLast()
        #expect(ascii.tokens.count == shared.count)
        for (a, g) in zip(ascii.tokens, shared) {
            #expect(ascii.term(a) == general.term(g))
            #expect((a.position, a.start, a.end, a.kind) == (g.position, g.start, g.end, g.kind))
        }
        #expect(ascii.utf16Count == text.utf16.count)
        #expect(general.utf16Count == text.utf16.count + 2)
    }

    @Test func hyphenPartsTakeConsecutivePositions() {
        var t = Tokenizer()
        t.tokenize("a son-in-law b")
        #expect(t.tokens.map(\.position) == [0, 1, 1, 2, 3, 4])
    }
}

import BroadsheetCore
