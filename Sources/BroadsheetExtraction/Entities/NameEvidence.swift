/// Scores each candidate's type from its own words (lexicon, heads, given names, initials, surname shapes) and
/// its context (titles, appositives, role nouns, verbs of saying, prepositions of place, "-based", following nouns).
struct NameEvidence {
    let tokens: [EntityToken]
    let lex: EntityLexicons

    static let sayingVerbs: WordSet = [
        "said", "says", "told", "added", "wrote", "argued", "noted", "explained", "insisted", "stated", "recalled",
        "warned", "declined", "acknowledged", "replied", "admitted", "denied", "testified", "tweeted", "posted",
        "believes", "thinks", "thought", "hopes", "wants", "wanted", "urged", "asked", "continued", "concluded",
        "emphasized", "stressed", "claimed", "joked", "laughed", "smiled", "died", "married",
    ]
    static let placePrepositions: WordSet = ["in", "near", "across", "outside", "throughout", "from", "to", "into", "toward", "towards", "via"]
    static let personFollowers: WordSet = ["administration", "presidency", "campaign", "brothers", "sisters", "twins", "siblings", "family", "himself", "herself"]
    static let orgNouns: WordSet = [
        "company", "firm", "group", "bank", "lender", "insurer", "fund", "agency", "producer", "maker", "manufacturer",
        "retailer", "startup", "start-up", "giant", "conglomerate", "carrier", "airline", "automaker", "chain", "network",
        "broadcaster", "newspaper", "outlet", "publisher", "university", "college", "party", "union", "organization",
        "organisation", "association", "charity", "nonprofit", "ministry", "department", "club", "brand", "operator",
        "exchange", "regulator", "utility", "supplier", "provider", "platform", "corporation", "subsidiary", "unit",
        "team", "league", "committee", "council", "commission", "institute", "think", "tank", "consortium", "developer",
        "automaker", "chipmaker", "drugmaker", "insurer", "lab", "laboratory", "studio", "label", "parent", "rival",
    ]
    static let placeNouns: WordSet = [
        "city", "town", "village", "country", "nation", "state", "province", "region", "capital", "island", "port",
        "district", "county", "suburb", "neighborhood", "neighbourhood", "area", "enclave", "territory", "republic",
        "kingdom", "peninsula", "river", "lake", "mountain", "valley", "resort", "municipality", "oblast",
    ]
    /// Nouns whose "of X" complement is usually a place ("the mines of X", "the streets of X").
    static let placeOfNouns: WordSet = [
        "mines", "streets", "outskirts", "suburbs", "center", "centre", "shores", "coast", "residents", "citizens",
        "people", "governor", "mayor", "north", "south", "east", "west", "heart", "capital", "city", "town", "village",
        "province", "region", "state", "island", "port", "republic", "kingdom", "people", "population", "map",
    ]
    static let appositiveStoppers: WordSet = [
        "is", "was", "were", "are", "has", "have", "had", "will", "would", "said", "says", "told", "can", "could", "did",
        "does", "who", "which", "that", "whose", "where", "when", "while", "if", "because", "but", "so", "should", "may",
        "might", "must", "shall", "been", "be",
    ]
    static let nameConnectors: WordSet = ["of", "for", "on", "in"]
    static let orgModifiers: WordSet = [
        "space", "oil", "gas", "energy", "state", "tech", "media", "news", "investment", "asset", "private", "mining", "steel",
        "car", "chip", "drug", "defense", "arms", "shipping", "insurance", "auto", "airline",
    ]
    static let facilityModifiers: WordSet = ["gas", "oil", "nuclear", "power", "military", "air"]
    static let complementPrepositions: WordSet = ["of", "at", "for", "to", "with", "from", "in"]
    static let headStoppers: WordSet = ["of", "with", "from", "to", "at", "in", "for", "on", "and", "since", "who", "whose", "that", "which", "by"]
    static let determiners: WordSet = ["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "another"]
    /// Whether `word` ends with one of ``surnameEndings`` (`hasSuffix`; a plain-ASCII word can only end with the
    /// plain-ASCII endings, compared as bytes).
    static func hasSurnameEnding(_ word: String) -> Bool {
        guard word.isPlainASCII else { return surnameEndings.contains(where: { word.hasSuffix($0) }) }
        return word.withUTF8Bytes { w in
            asciiSurnameEndings.contains { e in
                e.count <= w.count && e.indices.allSatisfy { w[w.count - e.count + $0] == e[$0] }
            }
        }
    }
    static let asciiSurnameEndings: [[UInt8]] = surnameEndings.filter(\.isPlainASCII).map { Array($0.utf8) }
    static let surnameEndings = ["ov", "ova", "ev", "eva", "enko", "chuk", "sky", "skiy", "ski", "ska", "vich", "vych", "shvili", "dze", "yan", "oglu", "escu", "ovic", "ević", "ović"]

    /// Scores from the candidate's own words.
    func intrinsic(_ c: NameCandidate) -> TypeScores {
        var s = TypeScores()
        if let e = c.lexicon {
            switch e.kind {
            case .location: s.location += 10
            case .organization: s.organization += 10
            case .other: s.other += 10
            case .product: s.add(.product, 10)
            case .demonym: break
            }
        }
        if c.isQuotedWork { s.other += 6 }
        // A model or version number joined by a hyphen ("GPT-4o", "Su-57"): a product.
        if c.lexicon == nil, c.last > c.first, tokens[c.first...c.last].contains(where: { $0.kind == .number && $0.hyphenBefore }) { s.add(.product, 3) }
        // The tokens behind `c.words` (the texts of the word and number tokens, in order): the first, the last,
        // and the last whose text does not start with a number. Their word classes answer the list lookups below.
        var firstToken = -1, lastToken = -1, lastNameToken = -1
        for j in c.first...c.last where tokens[j].kind == .word || tokens[j].kind == .number {
            if firstToken < 0 { firstToken = j }
            lastToken = j
            if !(tokens[j].text.firstIsNumber ?? true) { lastNameToken = j }
        }
        if c.lexicon == nil, c.words.count > 1, tokens[firstToken].classes.contains(.placeModifiers), let lastW = c.words.last,
            lex.known[lastW]?.kind == .location
        { s.location += 5 }
        let words = c.nameWords
        guard let firstWord = words.first else { return s }
        // The head: the word before a joining "of"/"for", else the last word (ignoring a trailing number).
        let lastName = words.last(where: { !($0.firstIsNumber ?? true) }) ?? words.last!
        var head = lastName
        // The token whose text is `head`, when the name words are the tokens' texts (no override), else -1.
        var headToken = c.nameOverride == nil ? (lastNameToken >= 0 ? lastNameToken : lastToken) : -1
        for j in c.first...c.last where tokens[j].kind == .word && !tokens[j].isCapitalized && tokens[j].classes.contains(.nameConnectors) {
            if j > c.first { head = tokens[j - 1].text; headToken = j - 1; break }
        }
        let multi = words.count > 1
        let hasOf = head != lastName
        if multi {
            let headHasDot = head.isPlainASCII ? head.utf8.contains(46) : head.contains(".")
            let hc = headToken >= 0 ? tokens[headToken].classes : nil
            func headIs(_ cls: WordClasses, _ list: WordSet) -> Bool { hc.map { $0.contains(cls) } ?? list.contains(head) }
            if headHasDot ? lex.orgSuffixes.contains(head.filter { $0 != "." }) : headIs(.orgSuffixes, lex.orgSuffixes) { s.organization += 8 }
            let facility: Bool? = hc.map { $0.contains(.facilityHeads) ? $0.contains(.strongFacilityHeads) : nil } ?? lex.facilityHeads[head]
            if let strong = facility { s.location += strong ? (hasOf ? 3 : 6) : 1.5 }
            let geo: Bool? = hc.map { $0.contains(.geoHeads) ? $0.contains(.strongGeoHeads) : nil } ?? lex.geoHeads[head]
            if let strong = geo { s.location += strong ? 6.5 : 1.5 }
            if headIs(.orgHeads, lex.orgHeads) { s.organization += hasOf ? 7 : 5.5 }
            if headIs(.otherHeads, lex.otherHeads) {
                if lex.productNouns.contains(head.lowercased()) { s.add(.product, 6) } else { s.other += 6 }
            }
        }
        // The first name word's classes, when the name words are the tokens' texts.
        let fc = c.nameOverride == nil ? tokens[firstToken].classes : nil
        func firstIs(_ cls: WordClasses, _ list: WordSet) -> Bool { fc.map { $0.contains(cls) } ?? list.contains(firstWord) }
        if hasOf && firstIs(.otherLeads, lex.otherLeads) { s.other += 7.5 }
        if multi && firstIs(.otherPrefixes, lex.otherPrefixes) { s.other += 7 }
        let firstIsGiven = firstIs(.givenNames, lex.givenNames)
        if !multi, c.lexicon == nil, firstIsGiven { s.person += 1.5 }
        if multi && firstIsGiven { s.person += 3 }
        if multi {
            // Initials inside ("Stephen P. Lynch", "Lyndon B. Johnson").
            for w in words.dropFirst().dropLast() where w.characterCount == 1 && w.startsUppercase { s.person += 2; break }
            // Two capitals before one more name word are a person's initials ("AJ Calloway", "TJ Okafor"),
            // unless they are a common acronym ("TV", "HR", "AI": see entities-acronyms-common).
            if words.count == 2 && firstWord.characterCount == 2 && firstWord.isAllUppercase && !lex.commonAcronyms.contains(firstWord) { s.person += 1 }
        }
        if c.hasGenerationalSuffix { s.person += 3 }
        // A leading initial: "J. Robert Oppenheimer", "F. Scott Fitzgerald".
        if words.count >= 3, firstWord.characterCount == 1, firstWord.startsUppercase, lex.givenNames.contains(words[1]) || words[1].characterCount > 1 { s.person += 2 }
        // An initial and a surname ("D. Okoro"), as scorecards and lists write players.
        if words.count == 2, firstWord.characterCount == 1, firstWord.startsUppercase, words[1].characterCount > 2, c.lexicon == nil,
            c.first + 1 < tokens.count, tokens[c.first + 1].isPunct(".")
        { s.person += 2 }
        if c.lexicon == nil {
            let lastWord = words.last!
            if words.count <= 3, lastWord.characterCount > 4, Self.hasSurnameEnding(lastWord) { s.person += 2 }
            if lastWord.hasPrefix("Mc") || (lastWord.hasPrefix("O'") && lastWord.characterCount > 3) { s.person += 2 }
            if words.count == 1, case let keyCount = c.key.characterCount, keyCount >= 2, keyCount <= 6, c.key.allSatisfy({ $0.isUppercase || $0 == "&" }) {
                s.organization += 3
            }
            if multi, words.count <= 4, s.max == 0, !lex.commonWords.contains(firstWord.lowercased()),
                words.allSatisfy({ NameCandidateFinder.particles.contains($0) || ($0.characterCount > 1 && $0.startsUppercase && !$0.isAllUppercase) })
            {
                s.person += 1
            }
        }
        return s
    }

    /// Scores from the words around the candidate, given its ``appositive(after:)``.
    func context(_ c: NameCandidate, hasTitle: Bool, appositive: (first: Int, last: Int)?) -> TypeScores {
        var s = TypeScores()
        if hasTitle { s.person += 5 }
        let n = tokens.count
        var k = c.last + 1
        if k < n, tokens[k].kind == .punct, tokens[k].isPunct("."), tokens[k].end <= c.end { k += 1 }
        // After the name.
        if k < n {
            let nx = tokens[k]
            if nx.kind == .word, nx.hyphenBefore {
                if nx.lower == "based" || nx.lower == "born" || nx.lower == "area" { s.location += 4 }
            } else if nx.kind == .word, !nx.isCapitalized, nx.sentence == c.sentence {
                if nx.classes.contains(.sayingVerbs) { s.person += 2 }
                if nx.classes.contains(.personFollowers) { s.person += 3 }
                let capitalized = nx.text.capitalizedFirst
                if lex.geoHeads[capitalized] == true { s.location += 4 }
                if lex.facilityHeads[capitalized] == true { s.location += 3 }
                if nx.classes.contains(.otherFollowers) {
                    if lex.productNouns.contains(nx.lower) { s.add(.product, 4) } else { s.other += 4 }
                }
                if nx.classes.contains(.orgNouns) && nx.lower != "parent" && nx.lower != "rival" { s.organization += 3 }
                if k + 1 < n, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized, tokens[k + 1].spaceBefore || tokens[k + 1].hyphenBefore {
                    let n2 = tokens[k + 1].lower
                    if lex.otherFollowers.contains(n2) {
                        if lex.productNouns.contains(n2) { s.add(.product, 3) } else { s.other += 3 }
                    }
                    if Self.orgNouns.contains(n2) && nx.classes.contains(.orgModifiers) { s.organization += 3 }
                    if lex.facilityHeads[tokens[k + 1].text.capitalizedFirst] == true, nx.classes.contains(.facilityModifiers) { s.location += 2 }
                }
            } else if nx.kind == .punct, nx.isPunct("("), k + 2 < n, tokens[k + 1].kind == .word, tokens[k + 1].isAllCaps, tokens[k + 2].isPunct(")") {
                s.organization += 1
            }
            // "Siesta Key, Florida": a name followed by a comma and a known state or country.
            if nx.kind == .punct, nx.isPunct(","), k + 1 < n, tokens[k + 1].isCapitalized, let e = lex.known[tokens[k + 1].text], e.kind == .location,
                k + 2 >= n || tokens[k + 2].kind == .punct || tokens[k + 2].kind == .number || tokens[k + 2].sentence != c.sentence
            {
                s.location += 4
            }
            if let app = appositive {
                if let head = appositiveHead(app.first, app.last) {
                    // "second-largest oil producer", "the biggest chipmaker": a company, not a person.
                    let corporate = Self.orgNouns.contains(head) && (app.first...app.last).contains { j in
                        tokens[j].kind == .word && (tokens[j].classes.contains(.orgModifiers) || tokens[j].lower.hasSuffix("largest")
                            || tokens[j].lower.hasSuffix("biggest") || tokens[j].lower == "state-owned" || tokens[j].lower == "publicly")
                    }
                    if lex.roleNouns.contains(head) && !corporate { s.person += 4 }
                    if Self.orgNouns.contains(head) { s.organization += 4 }
                    if Self.placeNouns.contains(head) { s.location += 4 }
                }
            }
        }
        // Before the name.
        if c.first > 0 {
            let pv = tokens[c.first - 1]
            if pv.kind == .word, !pv.isCapitalized {
                // "according to X" names a source, not a destination.
                let accordingTo = pv.lower == "to" && c.first >= 2 && tokens[c.first - 2].lower == "according"
                if pv.classes.contains(.placePrepositions) && !accordingTo {
                    let w: Double = pv.lower == "to" || pv.lower == "from" ? 1 : 2
                    s.location += c.words.count == 1 ? w : w * 0.75
                }
                if pv.lower == "at" { s.location += 0.75; s.organization += 0.5 }
                if pv.lower == "said" { s.person += 2 }
                if pv.classes.contains(.roleNouns) && !pv.classes.contains(.orgNouns) { s.person += 3 }
                if pv.classes.contains(.orgNouns) && !pv.classes.contains(.roleNouns) && c.first >= 2 && tokens[c.first - 2].lower == "the" { s.organization += 2 }
                if pv.lower == "of", c.first >= 2, c.words.count == 1, tokens[c.first - 2].kind == .word,
                    tokens[c.first - 2].classes.contains(.placeNouns) || tokens[c.first - 2].classes.contains(.placeOfNouns)
                { s.location += 3 }
                if pv.lower == "the" { s.organization += 0.5; s.location += 0.25; s.person -= 1 }
            } else if pv.kind == .punct, pv.isPunct(","), c.first >= 2 {
                let p2 = tokens[c.first - 2]
                if p2.kind == .word, !p2.isCapitalized {
                    if p2.classes.contains(.roleNouns) && !p2.classes.contains(.orgNouns) { s.person += 3 }
                    if p2.classes.contains(.orgNouns) { s.organization += 4 }
                    if p2.classes.contains(.placeNouns) { s.location += 3 }
                    if p2.classes.contains(.otherFollowers) { s.other += 3 }
                }
            }
        }
        return s
    }

    /// An appositive after the name: `, <noun phrase>,` or `—<noun phrase>—`. Returns its token range.
    func appositive(after c: NameCandidate) -> (first: Int, last: Int)? {
        var k = c.last + 1
        let n = tokens.count
        if k < n, tokens[k].isPunct("."), tokens[k].end <= c.end { k += 1 }
        if k < n, tokens[k].kind == .possessive { return nil }
        guard k + 1 < n, tokens[k].kind == .punct, tokens[k].isPunct(",") || tokens[k].isPunct("\u{2014}") || tokens[k].isPunct("(") else { return nil }
        let open = tokens[k].text
        let first = k + 1
        var j = first
        var lastWord = -1
        while j < n, j - first < 24 {
            let t = tokens[j]
            if t.sentence != c.sentence { break }
            if t.kind == .punct && (t.isPunct(",") || t.isPunct("\u{2014}") || t.isPunct("\u{2013}") || t.isPunct(";") || t.isPunct(":") || t.isPunct(")") || (t.isPunct("(") && open != "(") || t.isPunct(".") && !(j > 0 && dotIsAbbreviation(j))) { break }
            if t.kind == .word && t.classes.contains(.appositiveStoppers) { return nil }
            if t.kind == .word || t.kind == .number { lastWord = j }
            j += 1
        }
        guard lastWord >= first else { return nil }
        if open == "(" && !(j < n && tokens[j].isPunct(")")) { return nil }
        let ft = tokens[first]
        guard ft.kind == .word else { return nil }
        let startsWell = ft.classes.contains(.determiners) || ft.classes.contains(.roleNouns) || ft.classes.contains(.roleModifiers)
            || (ft.isCapitalized && hasPossessive(from: first, to: lastWord))
        guard startsWell else { return nil }
        // The last word must not be a capitalised name (then this is a list of names, not an appositive).
        if tokens[lastWord].isCapitalized && !tokens[lastWord].classes.contains(.orgHeads) && !ft.classes.contains(.determiners)
            && !tokens[first...lastWord].contains(where: { $0.kind == .word && Self.complementPrepositions.contains($0.lower) })
        { return nil }
        if tokens[first...lastWord].contains(where: { $0.kind == .word && $0.lower == "and" }) {
            // "billionaire investor X and others": only accept "and" when a role noun follows it.
            if let a = (first...lastWord).first(where: { tokens[$0].lower == "and" }), a + 1 <= lastWord, !(tokens[a + 1].classes.contains(.roleNouns) || tokens[a + 1].classes.contains(.roleModifiers) || tokens[a + 1].isCapitalized) { return nil }
        }
        return (first, lastWord)
    }

    func dotIsAbbreviation(_ j: Int) -> Bool {
        guard j > 0 else { return false }
        let p = tokens[j - 1]
        return tokens[j].separator == .none && p.kind == .word && ((p.length == 1 && p.isCapitalized) || p.classes.contains(.abbreviations))
    }

    func hasPossessive(from a: Int, to b: Int) -> Bool {
        var j = a
        while j <= b, j - a < 6 { if tokens[j].kind == .possessive { return true }; j += 1 }
        return false
    }

    /// The head noun of an appositive: the last word before its first preposition or "who".
    func appositiveHead(_ a: Int, _ b: Int) -> String? {
        var head: String? = nil
        for j in a...b {
            let t = tokens[j]
            if t.kind != .word { continue }
            if t.classes.contains(.headStoppers) && head != nil { break }
            if !t.isCapitalized { head = t.lower }
        }
        return head
    }
}

extension String {
    /// The string with its first character uppercased ("province" → "Province").
    var capitalizedFirst: String {
        // ASCII: uppercase the first byte in place of the Character machinery (same result).
        let ascii: String? = withUTF8Bytes { bytes in
            guard let f = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard f >= 97, f <= 122 else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                _ = out.initialize(from: bytes)
                out[0] = f - 32
                return bytes.count
            }
        }
        if let ascii { return ascii }
        guard let f = first else { return self }
        return f.uppercased() + dropFirst()
    }
}
