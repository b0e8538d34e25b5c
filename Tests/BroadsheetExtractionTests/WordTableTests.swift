import Testing
@testable import BroadsheetExtraction

/// ``WordSet`` and ``WordMap`` must answer exactly as `Set<String>` and `[String: V]` do (canonical equivalence).
struct WordTableTests {
    /// Members and queries covering ASCII, accents (precomposed and decomposed), the three non-ASCII scalars with
    /// ASCII canonical forms, other scripts and the empty string.
    static let members = [
        "Paris", "the", "U.S.", "S&P 500", "Nordmælk", "José", "Zoë", "Kelvin", "Greek;", "a`b", "Ω", "Москва", "",
        "Dorothea", "McDonald's", "new", "New",
    ]
    static let queries = members + [
        "paris", "Jose\u{301}", "Jos\u{E9}", "\u{212A}elvin", "Greek\u{37E}", "a\u{1FEF}b", "\u{2126}", "Zoe\u{308}",
        "Paris ", "Pari", "Parisx", "U.S", "москва", "K", "\u{212A}", "Thé", "neW",
    ]

    @Test(arguments: queries)
    func setAnswersLikeSetOfString(_ query: String) {
        let reference = Set(Self.members)
        let words = WordSet(Self.members)
        #expect(words.contains(query) == reference.contains(query))
    }

    @Test(arguments: queries)
    func mapAnswersLikeDictionary(_ query: String) {
        var reference: [String: Int] = [:]
        var words = WordMap<Int>()
        for (i, m) in Self.members.enumerated() {
            reference[m] = i
            words[m] = i
        }
        // Replacing a value keeps one entry, under either spelling.
        reference["\u{212A}elvin"] = 99
        words["\u{212A}elvin"] = 99
        #expect(words[query] == reference[query])
        #expect(words.count == reference.count)
    }

    @Test func setCountsCanonicalDuplicatesOnce() {
        var words = WordSet()
        let inserted = [words.insert("José"), words.insert("Jose\u{301}"), words.insert("Kelvin"), words.insert("\u{212A}elvin")]
        #expect(inserted == [true, false, true, false])
        #expect(words.count == Set(["José", "Jose\u{301}", "Kelvin", "\u{212A}elvin"]).count)
    }

    @Test func tableGrowsPastItsFirstSize() {
        let many = (0..<5000).map { "w\($0)" }
        let words = WordSet(many)
        #expect(words.count == 5000)
        #expect(many.allSatisfy { words.contains($0) })
        #expect(!words.contains("w5000"))
    }

    /// Exactly three non-ASCII scalars are canonically equivalent to ASCII characters (checked over the BMP).
    @Test func asciiCanonicalFormsOfSingleScalars() {
        var found: [UInt32] = []
        for v in UInt32(0x80)..<0x1_0000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let one = String(s)
            // Only scalars that compare equal to some ASCII character matter.
            if let form = one.asciiCanonicalForm { #expect(form == one); found.append(v) }
        }
        #expect(found == [0x37E, 0x1FEF, 0x212A])
        for v in UInt32(0x80)..<0x3000 {
            guard let s = Unicode.Scalar(v), String(s).asciiCanonicalForm == nil else { continue }
            // Spot check: none of the others equals an ASCII letter, digit or punctuation mark.
            for a in UInt8(0x20)..<0x7F where String(UnicodeScalar(a)) == String(s) { Issue.record("U+\(String(v, radix: 16)) == \(a)") }
        }
    }
}
