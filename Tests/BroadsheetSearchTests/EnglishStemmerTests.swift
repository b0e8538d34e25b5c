import Testing

@testable import BroadsheetSearch

/// Porter2 (Snowball English) outputs, written down from the published sample vocabulary and the
/// algorithm's worked examples.
struct EnglishStemmerTests {
    static let vocabulary: [(String, String)] = [
        ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("consignment", "consign"),
        ("consist", "consist"), ("consisted", "consist"), ("consistency", "consist"), ("consistent", "consist"),
        ("consistently", "consist"), ("consisting", "consist"), ("consists", "consist"),
        ("consolation", "consol"), ("consolations", "consol"), ("consolatory", "consolatori"),
        ("console", "consol"), ("consoled", "consol"), ("consoles", "consol"), ("consolidate", "consolid"),
        ("consolidated", "consolid"), ("consolidating", "consolid"), ("consoling", "consol"),
        ("consolingly", "consol"), ("consols", "consol"), ("consonant", "conson"), ("consort", "consort"),
        ("consorted", "consort"), ("consorting", "consort"), ("conspicuous", "conspicu"),
        ("conspicuously", "conspicu"), ("conspiracy", "conspiraci"), ("conspirator", "conspir"),
        ("conspirators", "conspir"), ("conspire", "conspir"), ("conspired", "conspir"), ("conspiring", "conspir"),
        ("constable", "constabl"), ("constables", "constabl"), ("constance", "constanc"), ("constancy", "constanc"),
        ("constant", "constant"),
        ("knack", "knack"), ("knackeries", "knackeri"), ("knacks", "knack"), ("knag", "knag"), ("knave", "knave"),
        ("knaves", "knave"), ("knavish", "knavish"), ("kneaded", "knead"), ("kneading", "knead"), ("knee", "knee"),
        ("kneel", "kneel"), ("kneeled", "kneel"), ("kneeling", "kneel"), ("kneels", "kneel"), ("knees", "knee"),
        ("knell", "knell"), ("knelt", "knelt"), ("knew", "knew"), ("knick", "knick"), ("knif", "knif"),
        ("knife", "knife"), ("knight", "knight"), ("knightly", "knight"), ("knights", "knight"), ("knit", "knit"),
        ("knits", "knit"), ("knitted", "knit"), ("knitting", "knit"), ("knives", "knive"), ("knob", "knob"),
        ("knobs", "knob"), ("knock", "knock"), ("knocked", "knock"), ("knocker", "knocker"),
        ("knockers", "knocker"), ("knocking", "knock"), ("knocks", "knock"), ("knopp", "knopp"), ("knot", "knot"),
        ("knots", "knot"),
        ("generously", "generous"), ("generate", "generat"), ("generation", "generat"),
        ("communication", "communic"), ("sanction", "sanction"), ("sanctions", "sanction"),
        ("sanctioned", "sanction"), ("running", "run"), ("hopping", "hop"), ("hoping", "hope"),
        ("luxuriating", "luxuri"), ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"),
        ("gas", "gas"), ("this", "this"), ("gaps", "gap"), ("kiwis", "kiwi"), ("cry", "cri"), ("by", "by"),
        ("say", "say"), ("happily", "happili"),
    ]

    /// Exceptional forms (exception1 and exception2 lists) and words of two letters or fewer.
    static let exceptions: [(String, String)] = [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("idly", "idl"),
        ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"), ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
        ("bias", "bias"), ("andes", "andes"), ("inning", "inning"), ("outing", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earring", "earring"), ("proceed", "proceed"), ("exceed", "exceed"),
        ("succeed", "succeed"), ("is", "is"), ("a", "a"),
    ]

    @Test(arguments: vocabulary)
    func publishedVocabulary(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test(arguments: exceptions)
    func exceptionalForms(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Stemming keeps a word's first letter (but a leading apostrophe, which it drops): snippets skip
    /// the vocabulary look-up of words whose first letter starts no query stem.
    @Test func keepsTheFirstLetter() {
        var random = SplitMix64(seed: 11)
        let letters = Array("abcdefghijklmnopqrstuvwxyyyy'eeiiss")
        var words = (Self.vocabulary + Self.exceptions).map(\.0)
        for _ in 0..<20_000 {
            let count = 1 + Int(random.next() % 12)
            words.append(String((0..<count).map { _ in letters[Int(random.next() % UInt64(letters.count))] }))
        }
        for word in words where !word.hasPrefix("'") {
            let stem = EnglishStemmer.stem(word)
            if stem.first != word.first { Issue.record("\(word) stems to \(stem)") }
        }
        #expect(EnglishStemmer.stem("'tis").first == "t")
    }

    /// Y after a vowel or at the start is a consonant: it is not turned into i.
    @Test(arguments: [("youth", "youth"), ("boyish", "boyish"), ("played", "play"), ("enjoying", "enjoy"), ("cried", "cri")])
    func yHandling(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// R1 starts after "gener", "commun" and "arsen"; suffix removal needs the suffix inside R1/R2.
    @Test(arguments: [
        ("generous", "generous"), ("arsenal", "arsenal"), ("communism", "communism"), ("national", "nation"),
        ("relational", "relat"), ("feed", "feed"), ("agreed", "agre"), ("abandonment", "abandon"),
    ])
    func regions(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test func nonASCIIIsUnchanged() {
        #expect(EnglishStemmer.stem("zürich") == "zürich")
        #expect(EnglishStemmer.stem("u.s.") == "u.s.")
    }
}
