extension NameCandidateFinder {
    /// What one scan of a document finds.
    struct ScanResult {
        var candidates: [NameCandidate] = []
        var demonyms: [DemonymMatch] = []
        /// For each candidate, the title directly before it (if any).
        var titles: [Int: TitleMatch] = [:]
    }

    /// Scans every sentence for names, titles and demonyms.
    func scan() -> ScanResult {
        var result = ScanResult()
        var i = 0
        let n = tokens.count
        var pendingTitle: TitleMatch? = nil
        while i < n {
            let t = tokens[i]
            if consumed[i] || t.kind != .word { i += 1; continue }
            if let p = pendingTitle, !(p.last + 1 == i || (p.last + 2 == i && tokens[p.last + 1].isPunct("."))) { pendingTitle = nil }

            // A single quoted capitalised word ("“Oppenheimer,” directed by ..."): a title of a work.
            if t.isCapitalized, i > 0, isOpeningQuote(tokens[i - 1]), tokens[i - 1].end == t.start, i + 1 < n, lexiconMatch(at: i) == nil,
                !t.classes.contains(.functionWords), !t.classes.contains(.commonWords), !t.classes.contains(.calendarWords),
                isClosingQuote(tokens[i + 1]) || (i + 2 < n && (tokens[i + 1].isPunct(",") || tokens[i + 1].isPunct(".") || tokens[i + 1].isPunct("!") || tokens[i + 1].isPunct("?")) && isClosingQuote(tokens[i + 2]))
            {
                var c = makeCandidate(i, i)
                c.isQuotedWork = true
                result.candidates.append(c)
                i += 1
                continue
            }
            // Quoted title-case works: “Art of the Deal”, ‘The Road Ahead’.
            if t.isCapitalized, i > 0, isOpeningQuote(tokens[i - 1]), tokens[i - 1].end == t.start, let last = quotedTitle(from: i) {
                var c = makeCandidate(i, last)
                c.isQuotedWork = true
                result.candidates.append(c)
                i = last + 1
                continue
            }

            let mixedCase = !t.isCapitalized && (t.hasASCIIUpper || (i + 1 < n && tokens[i + 1].hyphenBefore && tokens[i + 1].isCapitalized))
            var lexMatch = t.isCapitalized || mixedCase ? lexiconMatch(at: i) : nil
            if lexMatch == nil, t.isAllCaps, t.length > 3, let e = lex.known[String(t.text.prefix(1)) + String(t.lower.dropFirst())] {
                // Datelines and shouted words: "WASHINGTON —", "KYIV, Ukraine".
                lexMatch = (i, e)
            }
            // A lowercase title only matters right before a name.
            var nameAhead = t.isCapitalized
            if !nameAhead {
                var k = i + 1
                while k < n, k <= i + 4, tokens[k].sentence == t.sentence { if tokens[k].isCapitalized { nameAhead = true; break }; k += 1 }
            }
            let titleLast = nameAhead ? titleMatch(at: i) : nil
            let lexLen = lexMatch.map { $0.last - i + 1 } ?? 0
            let titleLen = titleLast.map { $0 - i + 1 } ?? 0

            if titleLen > 0, titleLen > lexLen, !(t.isCapitalized && runEndsWithHead(from: i)) {
                // A bare capitalised title is no name; a title before a name is remembered for it.
                if t.isSentenceInitial || !t.isCapitalized || titleLen > 0 {
                    pendingTitle = TitleMatch(first: i, last: titleLast!)
                }
                if titleLen == 1, t.isCapitalized, !titleIsFollowedByName(i), !dotAbsorbed(after: i) {
                    var c = makeCandidate(i, i)
                    c.isBareTitle = true
                    result.candidates.append(c)
                }
                i = titleLast! + 1
                continue
            }
            if let m = lexMatch, !(t.isCapitalized && runEndsWithHead(from: i) && run(from: i) > m.last) {
                if m.entry.kind == .demonym {
                    result.demonyms.append(DemonymMatch(first: i, last: m.last, place: m.entry.canonical))
                    i = m.last + 1
                    continue
                }
                // A sentence-initial lexicon word that is also a common lowercase word ("Target", "Shell") needs support.
                if t.isSentenceInitial, m.last == i, lowercaseWords.contains(t.lower), !capitalizedNonInitial.contains(t.text) {
                    i += 1
                    continue
                }
                let vEnd = versionEnd(after: m.last, isKnownProduct: m.entry.kind == .other || m.entry.kind == .product)
                var c = makeCandidate(i, vEnd)
                c.lexicon = m.entry
                // A known place or organisation followed by unknown capitalised words is part of a longer name
                // ("America First Global", "China Daily").
                let k = nextIndex(m.last)
                if vEnd == m.last, t.isCapitalized, k < n, tokens[k].spaceBefore, tokens[k].sentence == t.sentence, isName(tokens[k]), !consumed[k],
                    lexiconMatch(at: k) == nil, titleMatch(at: k) == nil, !tokens[k].classes.contains(.givenNames),
                    !tokens[k].classes.contains(.functionWords), !tokens[k].classes.contains(.calendarWords),
                    !tokens[k].classes.contains(.nonEntityWords), !tokens[k].isAllCaps
                {
                    let last = run(from: k)
                    c = makeCandidate(i, last)
                    if (k...last).allSatisfy({ tokens[$0].kind != .word || tokens[$0].classes.contains(.orgSuffixes) }), m.entry.kind == .organization {
                        c.lexicon = m.entry
                    }
                    if let p = pendingTitle { result.titles[result.candidates.count] = p }
                    pendingTitle = nil
                    result.candidates.append(c)
                    i = last + 1
                    continue
                }
                if let p = pendingTitle { result.titles[result.candidates.count] = p }
                pendingTitle = nil
                result.candidates.append(c)
                i = vEnd + 1
                continue
            }
            guard isName(t) else { i += 1; continue }
            // Letters glued to a number ("9000S", "5G") are no name.
            if t.separator == .none, i > 0, tokens[i - 1].kind == .number { i += 1; continue }
            if headingSentences.indices.contains(t.sentence), headingSentences[t.sentence] { i += 1; continue }
            if t.classes.contains(.functionWords) || (t.classes.contains(.calendarWords)) {
                i += 1
                continue
            }
            let runLast = run(from: i)
            if t.classes.contains(.nonEntityWords) {
                if runLast == i { i += 1; continue }
            }
            if t.hasApostrophe, let apo = t.text.firstIndex(of: "'"), lex.functionWords.contains(t.lower[..<apo].lowercased()) || t.text.hasPrefix("I'") {
                // Contractions: "I'm", "It's", "That's", "We're".
                i += 1
                continue
            }
            if runLast == i, isAdjectiveShaped(i) { i += 1; continue }
            if t.isSentenceInitial || (i > 0 && isOpeningQuote(tokens[i - 1]) && tokens[i - 1].end == t.start) {
                let particleStart = t.classes.contains(.particles) && runLast > i
                // "Joining Lena Brandt", "Unseeded Lena Brandt", "Actor Brandt": a word capitalised only because the
                // sentence starts with it, before a name: the name starts after it.
                if runLast > i, !particleStart, lexiconMatch(at: i) == nil, !t.classes.contains(.givenNames), !capitalizedNonInitial.contains(t.text),
                    lowercaseWords.contains(t.lower) || t.classes.contains(.roleNouns)
                        || (tokens[i + 1].classes.contains(.givenNames) && t.length > 4
                            && (t.lower.fastHasSuffix("ing") || t.lower.fastHasSuffix("ed") || t.lower.fastHasSuffix("ly")))
                {
                    i += 1
                    continue
                }
                if t.classes.contains(.commonWords) && !particleStart { i += 1; continue }
                let last = runLast
                // A lone unknown word followed by a verb is a subject; plural nouns of people ("Protesters said") are not names.
                // (Asked only for a lone word: the endings are many.)
                func isPluralAgent() -> Bool {
                    let plural = t.lower.fastHasSuffix("s") && !t.lower.fastHasSuffix("ss") && !t.lower.fastHasSuffix("us") && !t.lower.fastHasSuffix("is")
                    return plural || Self.pluralAgentEndings.contains { t.lower.fastHasSuffix($0) }
                }
                let subjectOfVerb = last == i && !isPluralAgent() && !lowercaseWords.contains(t.lower) && i + 1 < n && tokens[i + 1].kind == .word
                    && (tokens[i + 1].classes.contains(.sayingVerbs) || tokens[i + 1].classes.contains(.subjectVerbs))
                let possessed = last == i && i + 1 < n && tokens[i + 1].kind == .possessive && !lowercaseWords.contains(t.lower)
                // A table row starts with a name ("Harbour Town 3 1 0 2", "4. Lena Brandt (Austria) 2:01.5").
                // (Not a word the document also writes in lower case: "Played 5 3 1 1", "Extras 12".)
                let tableRow = tableSentences.indices.contains(t.sentence) && tableSentences[t.sentence] && !lowercaseWords.contains(t.lower)
                    && !Self.tableLabels.contains(t.text)
                let known = t.classes.contains(.givenNames) || multiWordNames.contains(t.text) || subjectOfVerb || possessed || tableRow
                if !known, !particleStart, !capitalizedNonInitial.contains(t.text) {
                    if last == i || lowercaseWords.contains(t.lower) {
                        // "Afterward, ..." / "Career officials": a capital only because the sentence starts here.
                        if !(last > i && isStrongHead(tokens[last])) { i += 1; continue }
                    }
                }
            }
            var last = runLast
            if !tokens[last].classes.contains(.commonAcronyms) { last = versionEnd(after: last, isKnownProduct: false) }
            var c = makeCandidate(i, last)
            // A head word alone ("Hospital", "University") is no name.
            if last == i, isStrongHead(t) || t.classes.contains(.titles) { i += 1; continue }
            if last == i, t.isAllCaps, t.classes.contains(.commonAcronyms) { i += 1; continue }
            if last == i, t.classes.contains(.commonAcronyms), t.length == 1 { i += 1; continue }
            if let p = pendingTitle { result.titles[result.candidates.count] = p }
            pendingTitle = nil
            // "Jr."/"Sr." always; Roman numerals only after a given name ("Martin Luther King III", not "Artemis II").
            c.hasGenerationalSuffix = c.words.count > 1 && Self.generationalSuffixes.contains(c.words.last!)
                && (c.words.last!.hasSuffix("r") || lex.givenNames.contains(c.words[0]))
            // "Tesla Inc.": a known organisation with a legal suffix keeps its lexicon identity.
            if last > i, let m = lexiconMatch(at: i), m.entry.kind == .organization, m.last < last,
                (m.last + 1...last).allSatisfy({ tokens[$0].kind != .word || tokens[$0].classes.contains(.orgSuffixes) })
            {
                c.lexicon = m.entry
            }
            result.candidates.append(c)
            i = last + 1
        }
        return result
    }

    /// A single unknown capitalised adjective before a lowercase noun ("Gordian knot", "Orwellian nightmare").
    func isAdjectiveShaped(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.length > 4, i + 1 < tokens.count, tokens[i + 1].kind == .word, !tokens[i + 1].isCapitalized, tokens[i + 1].spaceBefore else { return false }
        guard lex.known[t.text] == nil, !t.classes.contains(.givenNames) else { return false }
        return t.text.hasSuffix("ian") || t.text.hasSuffix("ean") || t.text.hasSuffix("esque") || t.text.hasSuffix("ist")
    }

    /// Endings of words that start sentences without being names: plural nouns of people, gerunds, adverbs, abstract nouns.
    static let pluralAgentEndings = ["ers", "ors", "ists", "ians", "ants", "ents", "ees", "ies", "ives", "ans", "ing", "ly", "ed", "tion", "ment", "ness", "ity"]
    /// Verbs that often follow a sentence-initial company or person name ("Nexora announced", "Vogel has").
    static let subjectVerbs: WordSet = [
        "announced", "reported", "has", "had", "is", "was", "will", "would", "plans", "planned", "launched", "released",
        "agreed", "acquired", "bought", "sold", "won", "lost", "filed", "raised", "posted", "hired", "fired", "sued",
        "expects", "expected", "reached", "signed", "opened", "closed", "rose", "fell", "shares", "unveiled", "introduced",
        "confirmed", "denied", "responded", "joined", "left", "founded", "owns", "operates", "makes", "employs",
    ]

    func isOpeningQuote(_ t: EntityToken) -> Bool {
        t.kind == .punct && (t.isPunct("\u{201C}") || t.isPunct("\u{2018}") || t.isPunct("\"") || t.isPunct("'"))
    }
    func isClosingQuote(_ t: EntityToken) -> Bool {
        t.kind == .punct && (t.isPunct("\u{201D}") || t.isPunct("\u{2019}") || t.isPunct("\"") || t.isPunct("'"))
            || t.kind == .possessive && t.text == "'s" && false
    }

    /// A quoted phrase of 2–8 title-case words (function words allowed inside): returns its last word index.
    func quotedTitle(from i: Int) -> Int? {
        var j = i
        var caps = 0
        var lastWord = i
        let small: Set<String> = ["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "from", "or"]
        while j < tokens.count, j - i < 12 {
            let t = tokens[j]
            if t.sentence != tokens[i].sentence { return nil }
            if t.kind == .word {
                if t.isCapitalized { caps += 1; lastWord = j } else if !small.contains(t.lower) { return nil }
            } else if t.kind == .punct && isClosingQuote(t) {
                break
            } else if t.kind == .punct && (t.isPunct(".") || t.isPunct(",") || t.isPunct("!") || t.isPunct("?")) {
                if j + 1 < tokens.count, isClosingQuote(tokens[j + 1]) { j += 1; break }
                return nil
            } else if t.kind == .possessive {
                // ’ as a closing single quote after a word ending in s is tokenised as a possessive.
                break
            } else if t.kind != .number {
                return nil
            }
            j += 1
        }
        guard j < tokens.count, caps >= 2, lastWord > i else { return nil }
        return lastWord
    }

    /// Builds a candidate for tokens `first...last`, with its span (including an abbreviation's final dot).
    func makeCandidate(_ first: Int, _ last: Int) -> NameCandidate {
        var key = ""
        var words: [String] = []
        for j in first...last {
            let t = tokens[j]
            if j > first { key += t.separator.string }
            key += t.text
            if t.kind == .word || t.kind == .number { words.append(t.text) }
        }
        var end = tokens[last].end
        if dotAbsorbed(after: last), tokens[last].length > 1 || tokens[last].isCapitalized {
            if tokens[last].classes.contains(.abbreviations) || tokens[last].length == 1 {
                end = tokens[last + 1].end
                key += "."
            }
        }
        return NameCandidate(
            first: first, last: last, start: tokens[first].start, end: end, words: words, key: key, lexicon: nil,
            sentence: tokens[first].sentence)
    }
}
