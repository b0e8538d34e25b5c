/// Finds name candidates in a token stream: lexicon matches (longest first), titles (kept out of names), and
/// capitalised runs joined by name particles ("de", "von", "bin"), "&", initials and "of" after a head word
/// ("Bank of X", "Sea of X", "Order of X"). Sentence-initial common words are dropped.
struct NameCandidateFinder {
    let tokens: [EntityToken]
    let lex: EntityLexicons
    let lowercaseWords: WordSet
    let capitalizedNonInitial: WordSet
    /// Tokens already used by money and percent mentions.
    let consumed: [Bool]
    /// Capitalised words that occur inside a multi-word capitalised run somewhere in the document.
    let multiWordNames: WordSet
    /// Per token: the last token of the longest lexicon match (-1 none, -2 not computed) and the index of its
    /// entry in ``lexEntries``. (Plain integers: an array of entries would retain, release and destroy a string
    /// per token.)
    private(set) var lexMemo: [(last: Int32, entry: Int32)] = []
    /// The entries of the memoised lexicon matches.
    private(set) var lexEntries: [EntityLexicons.Entry] = []
    /// Per sentence index: a heading-like line (title case, no final punctuation, no numbers).
    private(set) var headingSentences: [Bool] = []
    /// Per sentence index: a table row (results, standings, scorecards: at least two numbers, at least one
    /// for every three words, and no long lower-case word), where a line starts with a name.
    private(set) var tableSentences: [Bool] = []
    /// Per token: the last token of the longest title match, or -1.
    private(set) var titleMemo: [Int] = []

    init(tokens: [EntityToken], lex: EntityLexicons, lowercaseWords: WordSet, capitalizedNonInitial: WordSet, consumed: [Bool]) {
        self.tokens = tokens
        self.lex = lex
        self.lowercaseWords = lowercaseWords
        self.capitalizedNonInitial = capitalizedNonInitial
        self.consumed = consumed
        // Only sentence-initial words are ever looked up: a (first byte, length) bitmap of them filters the pairs.
        var bitmap = [Bool](repeating: false, count: 256 * 32)
        for t in tokens where t.isSentenceInitial && t.isCapitalized {
            if let (f, c) = t.textFirstByteAndCount { bitmap[Int(f) * 32 + min(31, c)] = true }
        }
        func wanted(_ t: EntityToken) -> Bool {
            guard let (f, c) = t.textFirstByteAndCount else { return false }
            return bitmap[Int(f) * 32 + min(31, c)]
        }
        var names = WordSet()
        var i = 0
        while i + 1 < tokens.count {
            if tokens[i].isCapitalized, tokens[i + 1].isCapitalized, tokens[i].kind == .word, tokens[i + 1].kind == .word,
                tokens[i + 1].spaceBefore, tokens[i].sentence == tokens[i + 1].sentence
            {
                let a = tokens[i], b = tokens[i + 1]
                // ("Played Friday": a weekday or month after a word does not make it part of a name.)
                if b.classes.contains(.calendarWords) { i += 1; continue }
                if wanted(a), !a.classes.contains(.functionWords) { names.insert(a.text) }
                if wanted(b), !a.classes.contains(.functionWords) { names.insert(b.text) }
            }
            i += 1
        }
        self.multiWordNames = names
        // Title-case lines without final punctuation ("The Road Ahead"): headings, where only known names count.
        var heading = [Bool](repeating: false, count: (tokens.last?.sentence ?? 0) + 1)
        var table = heading
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count, tokens[end].sentence == tokens[start].sentence { end += 1 }
            var words = 0
            var lowerLong = 0
            var numbers = 0
            var joiners = 0
            var lowerOther = 0
            var givenStarts = 0
            for k in start..<end {
                if tokens[k].kind == .number { numbers += 1; continue }
                guard tokens[k].kind == .word else { continue }
                words += 1
                if tokens[k].classes.contains(.givenNames), k + 1 < end, tokens[k + 1].kind == .word, tokens[k + 1].isCapitalized {
                    givenStarts += 1
                }
                if !tokens[k].isCapitalized && tokens[k].length > 3 { lowerLong += 1 }
                if !tokens[k].isCapitalized {
                    if ["at", "v", "vs"].contains(tokens[k].lower) { joiners += 1 } else { lowerOther += 1 }
                }
            }
            let last = tokens[end - 1]
            let terminated = last.isPunct(".") || last.isPunct("?") || last.isPunct("!") || last.isPunct("\u{201D}") || last.isPunct("\"")
                || last.isPunct(":") || last.isPunct("\u{2019}")
            // A line of names and numbers is a table row, not a heading ("Harbour Town 3 1 0 2").
            // A fixture ("Harbour Town at Ashcombe", "Kelso v Dunmore") is a table row too.
            let fixture = joiners == 1 && lowerOther == 0 && words >= 3 && words <= 8 && !terminated
            // A byline or a list of people ("Lena Brandt", "Defenders - Lena Brandt, Tomas Berg") is no heading.
            let people = givenStarts > 0 && (words <= 3 || givenStarts * 3 >= words)
            if words >= 2, lowerLong == 0, !terminated, numbers == 0, !fixture, !people { heading[tokens[start].sentence] = true }
            if (numbers >= 2 && numbers * 3 >= words && lowerLong == 0) || fixture { table[tokens[start].sentence] = true }
            start = end
        }
        self.headingSentences = heading
        self.tableSentences = table
        memoise()
    }

    /// Memoises lexicon and title matches, so every later lookup is an array read. (A mutating method: the
    /// matchers below read `self` in place, where calls made from `init` could copy the whole finder; the stored
    /// memos stay empty until the end, so filling the local ones does not copy them either.)
    private mutating func memoise() {
        var lexMemo = [(last: Int32, entry: Int32)](repeating: (-2, -1), count: tokens.count)
        var lexEntries: [EntityLexicons.Entry] = []
        var titleMemo = [Int](repeating: -1, count: tokens.count)
        for k in tokens.indices where tokens[k].kind == .word {
            let t = tokens[k]
            if t.isCapitalized || t.hasASCIIUpper
                || (k + 1 < tokens.count && tokens[k + 1].hyphenBefore && tokens[k + 1].isCapitalized)
            {
                if let m = computeLexiconMatch(at: k) {
                    lexMemo[k] = (Int32(m.last), Int32(lexEntries.count))
                    lexEntries.append(m.entry)
                } else {
                    lexMemo[k] = (-1, -1)
                }
            }
            // (`computeTitleMatch` rejects a word that starts no title; the class bit says so without a lookup.)
            if t.classes.contains(.titlePrefixes), let tl = computeTitleMatch(at: k) {
                titleMemo[k] = tl
            }
        }
        self.lexMemo = lexMemo
        self.lexEntries = lexEntries
        self.titleMemo = titleMemo
    }

    /// A title found before a name.
    struct TitleMatch { var first: Int; var last: Int }
    /// A nationality word: not an entity, linked to its place.
    struct DemonymMatch { var first: Int; var last: Int; var place: String }

    static let particles: WordSet = [
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "ibn",
        "al", "el", "la", "le", "y", "zu", "ben", "bint", "abu", "ten", "op", "het", "della", "degli", "dei", "af", "av",
    ]
    static let abbreviations: WordSet = [
        "Jr", "Sr", "St", "Mt", "Ft", "Inc", "Corp", "Co", "Ltd", "Bros", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm",
        "Dr", "Mr", "Mrs", "Ms", "Sen", "Rep", "Gov", "Prof", "Rev", "Maj", "Cmdr", "Messrs", "Ste", "Mme",
    ]
    /// Titles that say nothing about a role: not kept as descriptions.
    static let honorifics: WordSet = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Mme", "Messrs", "Dr"]
    /// Lowercase words that follow a hyphen after a name without being part of it ("Kremlin-linked", "U.S.-led").
    static let hyphenSuffixWords: WordSet = [
        "based", "led", "owned", "born", "made", "linked", "backed", "era", "style", "like", "run", "held", "wide",
        "bred", "area", "size", "type", "free", "only", "ish", "esque", "year", "old", "day", "week", "time", "plus",
        "bound", "funded", "era", "side", "area", "born", "zone", "wise", "less", "ward",
    ]
    static let notNameNumberFollowers: WordSet = [
        "percent", "years", "year", "days", "months", "people", "points", "times", "of", "to", "and", "or", "in", "on", "for",
        "at", "minutes", "hours", "weeks",
    ]
    /// Row labels of financial and sports tables ("Year to May 31", "Turnover 1,200", "Extras 12"): a table row
    /// starting with one of them does not start with a name.
    static let tableLabels: WordSet = [
        "Year", "Month", "Quarter", "Half", "Week", "Day", "Period", "Total", "Totals", "Average", "Extras", "Played",
        "Won", "Lost", "Drawn", "Points", "Net", "Sales", "Turnover", "Profit", "Revenue", "Revenues", "Dividend",
        "Shares", "Earnings", "Income", "Loss", "Tax", "Note", "Notes", "Source",
    ]
    static let placeModifiers: WordSet = [
        "Upper", "Lower", "Greater", "Inner", "Outer", "Blue", "White", "Great", "North", "South", "East", "West", "Northern",
        "Southern", "Eastern", "Western", "Central",
    ]
    static let generationalSuffixes: WordSet = ["Jr", "Sr", "II", "III", "IV"]

    func isName(_ t: EntityToken) -> Bool {
        guard t.kind == .word else { return false }
        if t.isCapitalized { return true }
        // "iPhone", "eBay", "iOS": a lowercase letter, then a capital (so the word has an ASCII capital).
        guard t.hasASCIIUpper else { return false }
        let u = t.text.utf8
        guard u.count > 2, let f = u.first, f >= 97, f <= 122 else { return false }
        let second = u[u.index(after: u.startIndex)]
        return second >= 65 && second <= 90
    }

    /// Extends a name over a version or model number: "GPT-4o", "F-35", "Windows 11" (known products only).
    func versionEnd(after last: Int, isKnownProduct: Bool) -> Int {
        var k = last + 1
        guard k < tokens.count, tokens[k].kind == .number, tokens[k].sentence == tokens[last].sentence, !consumed[k] else { return last }
        let hyphen = tokens[k].hyphenBefore
        // A model number before a noun of made things: "Skylark 220 jetliner", "Velox 7 phones".
        let beforeProductNoun = tokens[k].spaceBefore && tokens[k].length <= 4 && k + 1 < tokens.count && tokens[k + 1].kind == .word
            && tokens[k + 1].spaceBefore && !tokens[k + 1].isCapitalized && lex.productNouns.contains(tokens[k + 1].lower)
        guard hyphen || beforeProductNoun || (isKnownProduct && tokens[k].spaceBefore && tokens[k].length <= 3) else { return last }
        // Glued letters after the number ("4o", "9000S").
        if k + 1 < tokens.count, tokens[k + 1].kind == .word, tokens[k + 1].separator == .none, tokens[k + 1].length <= 3 { k += 1 }
        return k
    }

    /// True if token `i` is an initial ("P" in "Stephen P. Lynch") or an abbreviation followed by its dot.
    func dotAbsorbed(after i: Int) -> Bool {
        guard i + 1 < tokens.count, tokens[i + 1].kind == .punct, tokens[i + 1].isPunct("."), tokens[i + 1].separator == .none else { return false }
        let t = tokens[i]
        return (t.length == 1 && t.isCapitalized) || t.classes.contains(.abbreviations)
    }

    /// The next token index after `i` inside a name, skipping an absorbed dot.
    func nextIndex(_ i: Int) -> Int { dotAbsorbed(after: i) ? i + 2 : i + 1 }

    /// Longest lexicon match starting at `i`: returns the last token index.
    /// Longest lexicon match starting at `i` (memoised for capitalised and mixed-case words).
    func lexiconMatch(at i: Int) -> (last: Int, entry: EntityLexicons.Entry)? {
        let m = lexMemo[i]
        if m.last >= 0 { return (Int(m.last), lexEntries[Int(m.entry)]) }
        if m.last == -1 { return nil }
        return computeLexiconMatch(at: i)
    }

    /// Longest title starting at `i` (memoised).
    func titleMatch(at i: Int) -> Int? {
        let m = titleMemo[i]
        return m >= 0 ? m : nil
    }

    func computeLexiconMatch(at i: Int) -> (last: Int, entry: EntityLexicons.Entry)? {
        // The first step of the loop below, without building a key: most words start no known name.
        guard !consumed[i], tokens[i].kind != .possessive, tokens[i].classes.contains(.knownPrefixes) else { return nil }
        var key = ""
        var best: (Int, EntityLexicons.Entry)? = nil
        var j = i
        let s = tokens[i].sentence
        while j < tokens.count, j - i < 12 {
            let t = tokens[j]
            if t.sentence != s || consumed[j] || t.kind == .possessive { break }
            if j > i { key += t.separator.string }
            key += t.text
            if !lex.knownPrefixes.contains(key) { break }
            if let e = lex.known[key], t.kind != .punct || t.isPunct(".") { best = (j, e) }
            j += 1
        }
        return best
    }

    /// Longest title starting at `i`: a capitalised title, or a lowercase one directly before a name.
    func computeTitleMatch(at i: Int) -> Int? {
        if let (f, c) = tokens[i].lowerFirstByteAndCount, !lex.titleFirstBytes[Int(f) * 32 + min(31, c)] { return nil }
        // The first step of the loop below, without building a key (callers pass words).
        if tokens[i].kind == .word, tokens[i].kind != .possessive, !tokens[i].classes.contains(.titlePrefixes) { return nil }
        var key = ""
        var best: Int? = nil
        var j = i
        let s = tokens[i].sentence
        while j < tokens.count, j - i < 8 {
            let t = tokens[j]
            if t.sentence != s || t.kind == .possessive { break }
            if t.kind == .punct {
                if t.isPunct(".") && t.separator == .none { j += 1; continue }
                if t.isPunct("-") { j += 1; continue }
                break
            }
            if t.kind != .word { break }
            key += key.isEmpty ? t.lower : (t.hyphenBefore ? "-" : " ") + t.lower
            if !lex.titlePrefixes.contains(key) { break }
            if lex.titles.contains(key) { best = j }
            j += 1
        }
        guard let last = best else { return nil }
        let after = last + 1 < tokens.count && tokens[last + 1].kind == .punct && tokens[last + 1].isPunct(".") ? last + 2 : last + 1
        let followedByName = after < tokens.count && tokens[after].sentence == s && isName(tokens[after]) && !consumed[after]
        if !tokens[i].isCapitalized && !followedByName { return nil }
        return last
    }

    /// Whether the title ending at `last` is followed by a name ("Judge Amy X", not "Aaron Judge hit").
    func titleIsFollowedByName(_ last: Int) -> Bool {
        var k = last + 1
        if k < tokens.count, tokens[k].kind == .punct, tokens[k].isPunct("."), tokens[k].separator == .none { k += 1 }
        return k < tokens.count && tokens[k].sentence == tokens[last].sentence && isName(tokens[k]) && !consumed[k]
            && !tokens[k].classes.contains(.generationalSuffixes)
    }

    /// Whether `t`'s text is an organisation, facility, place or "other" head word (as ``WordClasses``).
    func isHead(_ t: EntityToken) -> Bool {
        !t.classes.isDisjoint(with: [.orgHeads, .strongFacilityHeads, .strongGeoHeads, .otherLeads, .otherHeads])
    }
    /// Whether `t`'s text is an organisation suffix or a strong organisation, facility or place head.
    func isStrongHead(_ t: EntityToken) -> Bool {
        !t.classes.isDisjoint(with: .strongHeads)
    }

    /// Extends a capitalised run from `i`; returns its last token index.
    func run(from i: Int) -> Int {
        var j = i
        let s = tokens[i].sentence
        var joinedOf = false
        while true {
            let k = nextIndex(j)
            guard k < tokens.count, tokens[k].sentence == s, !consumed[k] else { break }
            let nx = tokens[k]
            if nx.kind == .word, isName(nx), nx.spaceBefore || nx.hyphenBefore {
                if nx.hyphenBefore, let e = lexiconMatch(at: k)?.entry, e.kind == .demonym || e.isCountry { break }
                if nx.hyphenBefore, let e = lexiconMatch(at: j)?.entry, e.kind == .demonym || e.isCountry { break }
                if nx.classes.contains(.functionWords) && !joinedOf && !(nx.length == 1 && dotAbsorbed(after: k)) { break }
                if nx.classes.contains(.calendarWords) { break }
                if let tl = titleMatch(at: k), titleIsFollowedByName(tl), !runEndsWithHead(from: k) {
                    // "Martin Luther King", "Carole King": a one-word title after given names is a surname.
                    let givenOnly = (i...j).allSatisfy { tokens[$0].kind != .word || tokens[$0].classes.contains(.givenNames) }
                    if !(givenOnly && tl == k) { break }
                }
                if let m = lexiconMatch(at: k), m.last >= k, !joinedOf, !m.entry.needsCanonicalInDocument {
                    // "Blue Nile", "Greater London": a modifier before a known place.
                    if j == i, tokens[i].classes.contains(.placeModifiers), m.entry.kind == .location {
                        j = m.last
                        continue
                    }
                    // "Michael Jordan", "Paris Hilton": a given name before a one-word known name is a person.
                    let givenOnly = (i...j).allSatisfy { tokens[$0].kind != .word || tokens[$0].classes.contains(.givenNames) || tokens[$0].length == 1 }
                    // In a table row a club's name ends with its town ("Sparta Kelso 3 1 0 2").
                    let clubInTable = tableSentences.indices.contains(s) && tableSentences[s] && m.entry.kind == .location && !m.entry.isCountry
                    if !(givenOnly && m.last == k && m.entry.kind != .demonym) && !runEndsWithHead(from: k) && !clubInTable { break }
                }
                j = k
                continue
            }
            if nx.kind == .number, nx.spaceBefore, nx.length <= 3, !nx.text.contains(","), !nx.text.contains("."),
                !tokens[j].classes.contains(.calendarWords), !(k + 1 < tokens.count && tokens[k + 1].kind == .number)
            {
                // In a table row a number after a name is a score or a time ("Harbour Town 3 Kelso 1"), never
                // part of the name.
                if tableSentences.indices.contains(s), tableSentences[s] { break }
                // "Nord Stream 2", "Boeing 737", "Apollo 11": a small number closes the name, if it is followed by
                // a head, a lowercase noun or punctuation rather than more numbers.
                if k + 1 < tokens.count, tokens[k + 1].kind == .punct, tokens[k + 1].isPunct("%") || tokens[k + 1].isPunct(",") && k + 2 < tokens.count && tokens[k + 2].kind == .number { break }
                if k + 1 < tokens.count, tokens[k + 1].kind == .word, NumericEntityScanner.scaleExponents[tokens[k + 1].lower] != nil { break }
                if k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized, tokens[k + 1].spaceBefore,
                    tokens[k + 1].classes.contains(.notNameNumberFollowers)
                { break }
                j = k
                break
            }
            if nx.kind == .word, !nx.isCapitalized, nx.hyphenBefore, nx.length <= 4, tokens[j].isCapitalized, tokens[j].length <= 4,
                !nx.classes.contains(.hyphenSuffixWords), lex.known[tokens[j].text] == nil
            {
                // Korean given names: "Ki-moon", "Jong-un".
                j = k
                continue
            }
            if nx.kind == .word, !nx.isCapitalized, nx.spaceBefore {
                let lw = nx.lower
                let k2 = k + 1
                if Self.particles.contains(lw) {
                    // Chains of particles: "von der Leyen", "van den Berg".
                    var k3 = k2
                    while k3 < tokens.count, tokens[k3].kind == .word, !tokens[k3].isCapitalized, tokens[k3].classes.contains(.particles), k3 - k2 < 2 { k3 += 1 }
                    if k3 < tokens.count, isName(tokens[k3]), tokens[k3].sentence == s, tokens[k3].spaceBefore || tokens[k3].hyphenBefore, !consumed[k3],
                        !tokens[k3].classes.contains(.functionWords)
                    {
                        j = k3
                        continue
                    }
                }
                if lw == "of" || ((lw == "for" || lw == "on") && tokens[j].classes.contains(.orgHeads)),
                    isHead(tokens[j]) || tokens[j].classes.contains(.titles)
                {
                    var k3 = k2
                    if k3 < tokens.count, tokens[k3].lower == "the", !tokens[k3].isCapitalized { k3 += 1 }
                    if k3 < tokens.count, isName(tokens[k3]), tokens[k3].sentence == s, !consumed[k3], !tokens[k3].classes.contains(.functionWords),
                        !tokens[k3].classes.contains(.calendarWords)
                    {
                        if lw == "of", let m = lexiconMatch(at: k3), m.entry.kind == .demonym { break }
                        j = k3
                        joinedOf = true
                        continue
                    }
                }
            }
            if nx.kind == .possessive, k + 1 < tokens.count, tokens[k + 1].sentence == s, isName(tokens[k + 1]), tokens[k + 1].spaceBefore,
                tokens[k + 1].classes.contains(.strongFacilityHeads) || tokens[k + 1].classes.contains(.orgHeads)
            {
                j = k + 1
                continue
            }
            if nx.kind == .word, nx.lower == "in", nx.spaceBefore, tokens[j].classes.contains(.otherHeads), k + 1 < tokens.count,
                isName(tokens[k + 1]), tokens[k + 1].sentence == s, !tokens[k + 1].classes.contains(.calendarWords)
            {
                // "Nobel Prize in Literature"
                j = k + 1
                continue
            }
            if nx.kind == .word, nx.lower == "and", joinedOf, k + 1 < tokens.count, tokens[k + 1].sentence == s, isName(tokens[k + 1]),
                lexiconMatch(at: k + 1) == nil, !tokens[k + 1].classes.contains(.givenNames), !tokens[k + 1].classes.contains(.functionWords)
            {
                // "Institute of Allergy and Infectious Diseases"
                j = k + 1
                continue
            }
            if nx.kind == .word && nx.lower == "and" || nx.kind == .punct && nx.isPunct("&"), j > i, k + 1 < tokens.count, tokens[k + 1].sentence == s,
                isName(tokens[k + 1]), tokens[k + 1].classes.contains(.orgHeads) || tokens[k + 1].classes.contains(.orgSuffixes),
                !(k + 2 < tokens.count && isName(tokens[k + 2]) && tokens[k + 2].spaceBefore)
            {
                // "X Equipment and Technology", "X Sons & Co"
                j = k + 1
                continue
            }
            if nx.kind == .punct, nx.isPunct("&"), k + 1 < tokens.count, isName(tokens[k + 1]), tokens[k + 1].sentence == s {
                j = k + 1
                continue
            }
            break
        }
        return j
    }

    /// Whether the capitalised words from `k` onwards end with a strong organisation, facility or place head,
    /// so that a known name or title inside them is part of a longer name ("Moscow State University").
    func runEndsWithHead(from k: Int) -> Bool {
        var j = k
        while true {
            let n = nextIndex(j)
            guard n < tokens.count, tokens[n].sentence == tokens[k].sentence, tokens[n].kind == .word, isName(tokens[n]), tokens[n].spaceBefore else { break }
            j = n
            if j - k > 6 { break }
        }
        return isStrongHead(tokens[j])
    }
}
