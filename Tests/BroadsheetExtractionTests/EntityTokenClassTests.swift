import BroadsheetCore
import Testing
@testable import BroadsheetExtraction

/// A token's precomputed ``WordClasses`` must answer exactly as the word lists do, and the tokenizer's direct
/// UTF-16 → UTF-8 transcoding must build the same strings as the standard library.
struct EntityTokenClassTests {
    /// News prose touching many lists: titles, role nouns, heads, suffixes, particles, number words, curly
    /// apostrophes, accents, combining marks, a non-BMP scalar and all-caps words.
    static let article = """
        WASHINGTON — Treasury Secretary Ana María de la Cruz Jr. told reporters on Tuesday that Brightwater Foods Inc. \
        and the Bank of Lisbon had agreed to a deal worth two billion dollars, the company’s chief executive said.

        “It’s a turning point,” said Dr. Kwame O’Neil, a professor at Harbour State University, who was born in Zürich. \
        The von der Leyen family, the Van Buren brothers and Gen. Lt. Col. Smith met near Lake Geneva Airport.

        Shares of the chipmaker rose 3.5 percent to $42 million after the Ministry of Finance’s report; protesters \
        in Québec and 東京 rallied. Café owners’ group NASA, the FBI and III Corps said the firm’s plan was a “fiasco.” \
        O’\u{301}Brien and l’Hôpital wrote that 🙂 Emoji Co. is based in Mountain View, California, the state’s capital. \
        After Hurricane Ida, Operation Lionheart cleared Miami Beach, Central Park and the Willow Court House of Lords.
        """

    static func sets(_ lex: EntityLexicons) -> [(WordClasses, WordSet, lower: Bool)] {
        [
            (.functionWords, lex.functionWords, true), (.calendarWords, lex.calendarWords, true),
            (.commonWords, lex.commonWords, true), (.nonEntityWords, lex.nonEntityWords, true),
            (.roleNouns, lex.roleNouns, true), (.roleModifiers, lex.roleModifiers, true), (.titles, lex.titles, true),
            (.titlePrefixes, lex.titlePrefixes, true), (.otherFollowers, lex.otherFollowers, true),
            (.sayingVerbs, NameEvidence.sayingVerbs, true), (.personFollowers, NameEvidence.personFollowers, true),
            (.orgNouns, NameEvidence.orgNouns, true), (.placeNouns, NameEvidence.placeNouns, true),
            (.placeOfNouns, NameEvidence.placeOfNouns, true), (.appositiveStoppers, NameEvidence.appositiveStoppers, true),
            (.nameConnectors, NameEvidence.nameConnectors, true), (.orgModifiers, NameEvidence.orgModifiers, true),
            (.facilityModifiers, NameEvidence.facilityModifiers, true), (.headStoppers, NameEvidence.headStoppers, true),
            (.determiners, NameEvidence.determiners, true), (.placePrepositions, NameEvidence.placePrepositions, true),
            (.familyNouns, FamilyNames.familyNouns, true), (.subjectVerbs, NameCandidateFinder.subjectVerbs, true),
            (.particles, NameCandidateFinder.particles, true),
            (.notNameNumberFollowers, NameCandidateFinder.notNameNumberFollowers, true),
            (.hyphenSuffixWords, NameCandidateFinder.hyphenSuffixWords, true),
            (.givenNames, lex.givenNames, false), (.orgSuffixes, lex.orgSuffixes, false), (.orgHeads, lex.orgHeads, false),
            (.otherLeads, lex.otherLeads, false), (.otherHeads, lex.otherHeads, false),
            (.commonAcronyms, lex.commonAcronyms, false), (.knownPrefixes, lex.knownPrefixes, false),
            (.abbreviations, NameCandidateFinder.abbreviations, false),
            (.generationalSuffixes, NameCandidateFinder.generationalSuffixes, false),
            (.placeModifiers, NameCandidateFinder.placeModifiers, false), (.honorifics, NameCandidateFinder.honorifics, false),
            (.otherPrefixes, lex.otherPrefixes, false),
        ]
    }

    @Test func tokenClassesAnswerLikeTheWordLists() {
        let lex = EntityLexicons.shared
        let document = EntityTestDocument.make(Self.article)
        let tk = EntityTokenizer.tokenize(document, wordClasses: lex.wordClasses)
        withExtendedLifetime(tk.strings) {
            #expect(tk.tokens.count > 150)
            var hits = 0
            for t in tk.tokens {
                for (c, set, lower) in Self.sets(lex) {
                    let expected = set.contains(lower ? t.lower : t.text)
                    if expected { hits += 1 }
                    #expect(t.classes.contains(c) == expected, "\(t.text) \(c.rawValue)")
                }
                #expect(t.classes.contains(.strongFacilityHeads) == (lex.facilityHeads[t.text] == true), "\(t.text)")
                #expect(t.classes.contains(.strongGeoHeads) == (lex.geoHeads[t.text] == true), "\(t.text)")
                #expect(t.classes.contains(.facilityHeads) == (lex.facilityHeads[t.text] != nil), "\(t.text)")
                #expect(t.classes.contains(.geoHeads) == (lex.geoHeads[t.text] != nil), "\(t.text)")
                #expect(t.classes.contains(.numberWords) == (NumericEntityScanner.numberWords[t.lower] != nil), "\(t.text)")
            }
            // The article does exercise the lists.
            #expect(hits > 100)
        }
    }

    @Test func customLexiconsGetTheirOwnClasses() {
        let lex = EntityLexicons(files: ["entities-given-names": "Zorblat\n", "entities-org-heads": "head Widgetry\n"])
        let tk = EntityTokenizer.tokenize(EntityTestDocument.make("Zorblat runs Acme Widgetry in Paris."), wordClasses: lex.wordClasses)
        withExtendedLifetime(tk.strings) {
            let byText = Dictionary(tk.tokens.map { ($0.text, $0.classes) }, uniquingKeysWith: { a, _ in a })
            #expect(byText["Zorblat"]?.contains(.givenNames) == true)
            #expect(byText["Widgetry"]?.contains(.orgHeads) == true)
            #expect(byText["Acme"]?.contains(.givenNames) == false)
            #expect(byText["Paris"]?.contains(.knownPrefixes) == false)
        }
    }

    @Test func wordListsEnumerateTheirMembers() {
        let members = WordTableTests.members
        let set = WordSet(members)
        var seen: [String] = []
        set.forEach { seen.append($0) }
        #expect(seen.count == set.count)
        #expect(seen.allSatisfy { set.contains($0) })
        #expect(members.allSatisfy { m in seen.contains(m) })
        var map = WordMap<Int>()
        for (i, m) in members.enumerated() { map[m] = i }
        var entries: [(String, Int)] = []
        map.forEach { entries.append(($0, $1)) }
        #expect(entries.count == map.count)
        #expect(entries.allSatisfy { map[$0.0] == $0.1 })
    }

    static let strings = [
        "", "plain", "Zürich", "l’Hôpital", "O’\u{301}Brien", "東京", "café owners’", "“quoted”", "Москва", "\u{FFFD}x",
        "a\u{7FF}b\u{800}c\u{FFFF}", "’", "don’t’",
    ]

    @Test(arguments: strings)
    func directTranscodingMatchesTheStandardLibrary(_ s: String) {
        let units = Array(s.utf16)
        let direct = EntityTokenizer.bmpString(units, 0, units.count, straighteningApostrophes: false)
        #expect(direct == s)
        #expect(direct.map { Array($0.utf8) } == Array(s.utf8))
        let straight = EntityTokenizer.bmpString(units, 0, units.count, straighteningApostrophes: true)
        let straightUnits = units.map { $0 == 0x2019 ? 39 : $0 }
        #expect(straight.map { Array($0.utf8) } == Array(String(decoding: straightUnits, as: UTF16.self).utf8))
        #expect(EntityTokenizer.string(units, 0, units.count, lowercase: true) == s.lowercased())
    }

    @Test func surrogatesTakeTheStandardPath() {
        let units = Array("a🙂b".utf16)
        #expect(EntityTokenizer.bmpString(units, 0, units.count, straighteningApostrophes: false) == nil)
        #expect(EntityTokenizer.string(units, 0, units.count, lowercase: false) == "a🙂b")
        // A lone surrogate is repaired as the standard library repairs it.
        let lone: [UInt16] = [0x61, 0xD800, 0x62]
        #expect(EntityTokenizer.string(lone, 0, 3, lowercase: false) == String(decoding: lone, as: UTF16.self))
    }

    /// Words keep their text with curly apostrophes straightened exactly as `replacing("’", with: "'")` does:
    /// an apostrophe carrying a combining mark is a different character and stays.
    @Test func wordsStraightenCurlyApostrophesLikeReplacing() {
        let text = "Kwame O’Neil met l’Hôpital and O’\u{301}Brien at café owners’ hall."
        let tk = EntityTokenizer.tokenize(EntityTestDocument.make(text), wordClasses: EntityLexicons.shared.wordClasses)
        withExtendedLifetime(tk.strings) {
            for t in tk.tokens where t.kind == .word {
                let written = String(decoding: tk.units[t.start..<t.end], as: UTF16.self)
                #expect(t.text == written.replacing("\u{2019}", with: "'"), "\(written)")
                #expect(Array(t.text.utf8) == Array(written.replacing("\u{2019}", with: "'").utf8), "\(written)")
            }
            #expect(tk.tokens.contains { $0.text == "O'Neil" })
            #expect(tk.tokens.contains { $0.text == "O’\u{301}Brien" })
        }
    }
}
