/// The Porter2 ("Snowball English") stemmer, written from the published algorithm description
/// (https://snowballstem.org/algorithms/english/stemmer.html).
///
/// It works on lowercase ASCII bytes; words containing anything else are returned unchanged by
/// ``stem(_:)``. The analyser applies it to every plain word at index time and at query time, so
/// `sanction`, `sanctions` and `sanctioned` all become `sanction`.
///
/// ```swift
/// EnglishStemmer.stem("consignment")  // "consign"
/// ```
public enum EnglishStemmer {
    /// Stems one lowercase word. Words that are not plain ASCII letters (plus apostrophes) are returned as is.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard stem(&bytes) else { return word }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems lowercase ASCII letters in place. Returns `false` (leaving `word` untouched) when the
    /// word holds anything but `a`–`z` and apostrophes.
    @discardableResult
    static func stem(_ word: inout [UInt8]) -> Bool {
        for c in word where !(c >= 97 && c <= 122) && c != 39 { return false }
        var w = Stem(word)
        w.run()
        word = w.w
        return true
    }
}

// MARK: - The algorithm

private let a: UInt8 = 97, e: UInt8 = 101, i: UInt8 = 105, o: UInt8 = 111, u: UInt8 = 117
private let y: UInt8 = 121, Y: UInt8 = 89, apostrophe: UInt8 = 39

/// Working state of one stemming run: the word and its R1/R2 regions.
private struct Stem {
    var w: [UInt8]
    var r1 = 0
    var r2 = 0

    init(_ word: [UInt8]) { w = word }

    func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i || c == o || c == u || c == y }
    func isVowel(at k: Int) -> Bool { isVowel(w[k]) }

    func ends(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard w.count >= n else { return false }
        let p = s.utf8Start
        let base = w.count - n
        for k in 0..<n where w[base + k] != p[k] { return false }
        return true
    }

    func equals(_ s: StaticString) -> Bool { w.count == s.utf8CodeUnitCount && ends(s) }

    mutating func replace(suffixLength n: Int, with s: StaticString) {
        w.removeLast(n)
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount { w.append(p[k]) }
    }

    /// Does the word part before `end` contain a vowel?
    func hasVowel(before end: Int) -> Bool {
        for k in 0..<end where isVowel(at: k) { return true }
        return false
    }

    /// A short syllable ending at index `k` (inclusive): non-vowel, vowel, non-vowel other than w, x, Y;
    /// or, at the start of the word, vowel then non-vowel.
    func isShortSyllable(endingAt k: Int) -> Bool {
        if k == 1 { return isVowel(at: 0) && !isVowel(at: 1) }
        guard k >= 2 else { return false }
        let c = w[k]
        return !isVowel(at: k - 2) && isVowel(at: k - 1) && !isVowel(c) && c != 119 && c != 120 && c != Y
    }

    var isShortWord: Bool { r1 >= w.count && isShortSyllable(endingAt: w.count - 1) }

    mutating func run() {
        if w.count <= 2 { return }
        if w[0] == apostrophe { w.removeFirst() }
        if let x = exception1() { w = x; return }
        // Y for consonant y: initial y, and y after a vowel.
        if w.first == y { w[0] = Y }
        if w.count > 1 {
            for k in 1..<w.count where w[k] == y && isVowel(at: k - 1) { w[k] = Y }
        }
        markRegions()
        step0()
        step1a()
        if isException2 { return finish() }
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        finish()
    }

    mutating func finish() {
        for k in 0..<w.count where w[k] == Y { w[k] = y }
    }

    func exception1() -> [UInt8]? {
        let table: [(String, String)] = [
            ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
            ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
            ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        guard w.count <= 6 else { return nil }
        for (from, to) in table where from.utf8.elementsEqual(w) { return Array(to.utf8) }
        return nil
    }

    var isException2: Bool {
        equals("inning") || equals("outing") || equals("canning") || equals("herring") || equals("earring")
            || equals("proceed") || equals("exceed") || equals("succeed")
    }

    mutating func markRegions() {
        let n = w.count
        if startsWith("gener") || startsWith("arsen") {
            r1 = 5
        } else if startsWith("commun") {
            r1 = 6
        } else {
            r1 = regionStart(from: 0)
        }
        r2 = regionStart(from: r1)
        r1 = min(r1, n)
        r2 = min(r2, n)
    }

    func startsWith(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard w.count >= n else { return false }
        let p = s.utf8Start
        for k in 0..<n where w[k] != p[k] { return false }
        return true
    }

    /// The region after the first non-vowel following a vowel, searching from `start`.
    func regionStart(from start: Int) -> Int {
        var k = start + 1
        while k < w.count {
            if !isVowel(at: k) && isVowel(at: k - 1) { return k + 1 }
            k += 1
        }
        return w.count
    }

    func inR1(suffixLength n: Int) -> Bool { w.count - n >= r1 }
    func inR2(suffixLength n: Int) -> Bool { w.count - n >= r2 }

    mutating func step0() {
        if ends("'s'") { w.removeLast(3) } else if ends("'s") { w.removeLast(2) } else if ends("'") { w.removeLast(1) }
    }

    mutating func step1a() {
        if ends("sses") {
            replace(suffixLength: 4, with: "ss")
        } else if ends("ied") || ends("ies") {
            if w.count - 3 > 1 { replace(suffixLength: 3, with: "i") } else { replace(suffixLength: 3, with: "ie") }
        } else if ends("us") || ends("ss") {
            return
        } else if ends("s") {
            // Delete if the part before the s holds a vowel not immediately before it.
            if w.count >= 3 && hasVowel(before: w.count - 2) { w.removeLast() }
        }
    }

    mutating func step1b() {
        // Longest of: eedly, ingly, edly, eed, ing, ed.
        let suffixes: [(StaticString, Bool)] = [
            ("eedly", true), ("ingly", false), ("edly", false), ("eed", true), ("ing", false), ("ed", false),
        ]
        for (s, isEED) in suffixes where ends(s) {
            let n = s.utf8CodeUnitCount
            if isEED {
                if inR1(suffixLength: n) { replace(suffixLength: n, with: "ee") }
                return
            }
            guard hasVowel(before: w.count - n) else { return }
            w.removeLast(n)
            if ends("at") || ends("bl") || ends("iz") {
                w.append(e)
            } else if endsWithDouble {
                w.removeLast()
            } else if isShortWord {
                w.append(e)
            }
            return
        }
    }

    var endsWithDouble: Bool {
        guard w.count >= 2, w[w.count - 1] == w[w.count - 2] else { return false }
        switch w[w.count - 1] {
        case 98, 100, 102, 103, 109, 110, 112, 114, 116: return true  // b d f g m n p r t
        default: return false
        }
    }

    mutating func step1c() {
        guard w.count > 2, let last = w.last, last == y || last == Y, !isVowel(at: w.count - 2) else { return }
        w[w.count - 1] = i
    }

    mutating func step2() {
        let rules: [(StaticString, StaticString)] = [
            ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
            ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
            ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
            ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"),
            ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
        ]
        for (s, r) in rules where ends(s) {
            let n = s.utf8CodeUnitCount
            guard inR1(suffixLength: n) else { return }
            if s.utf8CodeUnitCount == 3 && ends("ogi") {
                if w.count >= 4 && w[w.count - 4] == 108 { replace(suffixLength: n, with: r) }
            } else if n == 2 {  // li
                if w.count >= 3 && isValidLiEnding(w[w.count - 3]) { w.removeLast(2) }
            } else {
                replace(suffixLength: n, with: r)
            }
            return
        }
    }

    func isValidLiEnding(_ c: UInt8) -> Bool {
        switch c {
        case 99, 100, 101, 103, 104, 107, 109, 110, 114, 116: return true  // c d e g h k m n r t
        default: return false
        }
    }

    mutating func step3() {
        let rules: [(StaticString, StaticString)] = [
            ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
            ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
        ]
        for (s, r) in rules where ends(s) {
            let n = s.utf8CodeUnitCount
            guard inR1(suffixLength: n) else { return }
            if ends("ative") {
                if inR2(suffixLength: n) { w.removeLast(n) }
            } else {
                replace(suffixLength: n, with: r)
            }
            return
        }
    }

    mutating func step4() {
        let suffixes: [StaticString] = [
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
            "ize", "ion", "al", "er", "ic",
        ]
        for s in suffixes where ends(s) {
            let n = s.utf8CodeUnitCount
            guard inR2(suffixLength: n) else { return }
            if n == 3 && ends("ion") {
                if w.count >= 4 && (w[w.count - 4] == 115 || w[w.count - 4] == 116) { w.removeLast(3) }
            } else {
                w.removeLast(n)
            }
            return
        }
    }

    mutating func step5() {
        guard let last = w.last else { return }
        if last == e {
            if inR2(suffixLength: 1) {
                w.removeLast()
            } else if inR1(suffixLength: 1) {
                // Delete unless preceded by a short syllable.
                let k = w.count - 2
                if k < 0 || !isShortSyllable(endingAt: k) { w.removeLast() }
            }
        } else if last == 108 {  // l
            if inR2(suffixLength: 1) && w.count >= 2 && w[w.count - 2] == 108 { w.removeLast() }
        }
    }
}
