/// The word lists a token belongs to, looked up once per token by the tokenizer, so that the rules ask a bit
/// instead of hashing the same word into the same list again and again.
///
/// The low 32 bits are lists consulted with a token's lowercase form (``EntityToken/lower``), the high 32 bits
/// lists consulted with its text as written (``EntityToken/text``). `t.classes.contains(.functionWords)` answers
/// exactly `lex.functionWords.contains(t.lower)`, and `t.classes.contains(.givenNames)` answers
/// `lex.givenNames.contains(t.text)`: the answers come from one ``WordMap`` holding every member of every list,
/// with the lists' own canonical-equivalence semantics.
struct WordClasses: OptionSet, Sendable {
    let rawValue: UInt64

    // Keyed by the lowercase form.
    static let functionWords = WordClasses(rawValue: 1 << 0)
    static let calendarWords = WordClasses(rawValue: 1 << 1)
    static let commonWords = WordClasses(rawValue: 1 << 2)
    static let nonEntityWords = WordClasses(rawValue: 1 << 3)
    static let roleNouns = WordClasses(rawValue: 1 << 4)
    static let roleModifiers = WordClasses(rawValue: 1 << 5)
    static let titles = WordClasses(rawValue: 1 << 6)
    static let titlePrefixes = WordClasses(rawValue: 1 << 7)
    static let otherFollowers = WordClasses(rawValue: 1 << 8)
    static let sayingVerbs = WordClasses(rawValue: 1 << 9)
    static let personFollowers = WordClasses(rawValue: 1 << 10)
    static let orgNouns = WordClasses(rawValue: 1 << 11)
    static let placeNouns = WordClasses(rawValue: 1 << 12)
    static let placeOfNouns = WordClasses(rawValue: 1 << 13)
    static let appositiveStoppers = WordClasses(rawValue: 1 << 14)
    static let nameConnectors = WordClasses(rawValue: 1 << 15)
    static let orgModifiers = WordClasses(rawValue: 1 << 16)
    static let facilityModifiers = WordClasses(rawValue: 1 << 17)
    static let headStoppers = WordClasses(rawValue: 1 << 18)
    static let determiners = WordClasses(rawValue: 1 << 19)
    static let placePrepositions = WordClasses(rawValue: 1 << 20)
    static let familyNouns = WordClasses(rawValue: 1 << 21)
    static let subjectVerbs = WordClasses(rawValue: 1 << 22)
    static let particles = WordClasses(rawValue: 1 << 23)
    static let notNameNumberFollowers = WordClasses(rawValue: 1 << 24)
    static let hyphenSuffixWords = WordClasses(rawValue: 1 << 25)
    /// Keys of ``NumericEntityScanner/numberWords``.
    static let numberWords = WordClasses(rawValue: 1 << 26)

    // Keyed by the text as written.
    static let givenNames = WordClasses(rawValue: 1 << 32)
    static let orgSuffixes = WordClasses(rawValue: 1 << 33)
    static let orgHeads = WordClasses(rawValue: 1 << 34)
    /// `facilityHeads[text] == true`.
    static let strongFacilityHeads = WordClasses(rawValue: 1 << 35)
    /// `geoHeads[text] == true`.
    static let strongGeoHeads = WordClasses(rawValue: 1 << 36)
    static let otherLeads = WordClasses(rawValue: 1 << 37)
    static let otherHeads = WordClasses(rawValue: 1 << 38)
    static let commonAcronyms = WordClasses(rawValue: 1 << 39)
    static let knownPrefixes = WordClasses(rawValue: 1 << 40)
    static let abbreviations = WordClasses(rawValue: 1 << 41)
    static let generationalSuffixes = WordClasses(rawValue: 1 << 42)
    static let placeModifiers = WordClasses(rawValue: 1 << 43)
    static let honorifics = WordClasses(rawValue: 1 << 44)
    /// `facilityHeads[text] != nil` (strong or weak).
    static let facilityHeads = WordClasses(rawValue: 1 << 45)
    /// `geoHeads[text] != nil` (strong or weak).
    static let geoHeads = WordClasses(rawValue: 1 << 46)
    static let otherPrefixes = WordClasses(rawValue: 1 << 47)

    /// The classes answered from the lowercase form.
    static let lowerKeyed = WordClasses(rawValue: 0xFFFF_FFFF)
    /// The classes answered from the text as written.
    static let textKeyed = WordClasses(rawValue: 0xFFFF_FFFF_0000_0000)

    /// ``NameCandidateFinder/isStrongHead(_:)``'s lists.
    static let strongHeads: WordClasses = [.orgSuffixes, .orgHeads, .strongFacilityHeads, .strongGeoHeads]

    /// Every member of every list, mapped to the classes it belongs to (both halves; callers mask).
    static func table(_ lex: EntityLexicons) -> WordMap<UInt64> {
        var table = WordMap<UInt64>()
        func add(_ set: WordSet, _ c: WordClasses) {
            set.forEach { w in table.update(w, default: 0) { $0 |= c.rawValue } }
        }
        add(lex.functionWords, .functionWords)
        add(lex.calendarWords, .calendarWords)
        add(lex.commonWords, .commonWords)
        add(lex.nonEntityWords, .nonEntityWords)
        add(lex.roleNouns, .roleNouns)
        add(lex.roleModifiers, .roleModifiers)
        add(lex.titles, .titles)
        add(lex.titlePrefixes, .titlePrefixes)
        add(lex.otherFollowers, .otherFollowers)
        add(NameEvidence.sayingVerbs, .sayingVerbs)
        add(NameEvidence.personFollowers, .personFollowers)
        add(NameEvidence.orgNouns, .orgNouns)
        add(NameEvidence.placeNouns, .placeNouns)
        add(NameEvidence.placeOfNouns, .placeOfNouns)
        add(NameEvidence.appositiveStoppers, .appositiveStoppers)
        add(NameEvidence.nameConnectors, .nameConnectors)
        add(NameEvidence.orgModifiers, .orgModifiers)
        add(NameEvidence.facilityModifiers, .facilityModifiers)
        add(NameEvidence.headStoppers, .headStoppers)
        add(NameEvidence.determiners, .determiners)
        add(NameEvidence.placePrepositions, .placePrepositions)
        add(FamilyNames.familyNouns, .familyNouns)
        add(NameCandidateFinder.subjectVerbs, .subjectVerbs)
        add(NameCandidateFinder.particles, .particles)
        add(NameCandidateFinder.notNameNumberFollowers, .notNameNumberFollowers)
        add(NameCandidateFinder.hyphenSuffixWords, .hyphenSuffixWords)
        NumericEntityScanner.numberWords.forEach { w, _ in table.update(w, default: 0) { $0 |= WordClasses.numberWords.rawValue } }

        add(lex.givenNames, .givenNames)
        add(lex.orgSuffixes, .orgSuffixes)
        add(lex.orgHeads, .orgHeads)
        lex.facilityHeads.forEach { w, strong in
            table.update(w, default: 0) { $0 |= WordClasses.facilityHeads.rawValue | (strong ? WordClasses.strongFacilityHeads.rawValue : 0) }
        }
        lex.geoHeads.forEach { w, strong in
            table.update(w, default: 0) { $0 |= WordClasses.geoHeads.rawValue | (strong ? WordClasses.strongGeoHeads.rawValue : 0) }
        }
        add(lex.otherPrefixes, .otherPrefixes)
        add(lex.otherLeads, .otherLeads)
        add(lex.otherHeads, .otherHeads)
        add(lex.commonAcronyms, .commonAcronyms)
        add(lex.knownPrefixes, .knownPrefixes)
        add(NameCandidateFinder.abbreviations, .abbreviations)
        add(NameCandidateFinder.generationalSuffixes, .generationalSuffixes)
        add(NameCandidateFinder.placeModifiers, .placeModifiers)
        add(NameCandidateFinder.honorifics, .honorifics)
        return table
    }

    /// The classes of a token whose lowercase form is `lower` and text is `text` (`sameText`: the two are equal,
    /// so one lookup answers both halves).
    @inline(__always)
    static func of(lower: String, text: String, sameText: Bool, in table: WordMap<UInt64>) -> WordClasses {
        let l = table[lower] ?? 0
        if sameText { return WordClasses(rawValue: l) }
        let t = table[text] ?? 0
        return WordClasses(rawValue: (l & lowerKeyed.rawValue) | (t & textKeyed.rawValue))
    }
}
