import BroadsheetCore

/// An entity mention located in the text, for fast lookups during attribution.
struct LocatedMention: Sendable, Hashable {
    var key: Int
    var type: EntityType
    var start: Int
    var end: Int
}

/// Everything the attribution steps read about one document, computed once.
struct QuoteContext: Sendable {
    let document: Document
    let text: UTF16Text
    let quotes: [MarkedQuote]
    let tokenizer: FrameTokenizer
    let entities: DocumentEntities
    /// Mentions of people, organisations and places outside every quotation, sorted by start.
    let mentions: [LocatedMention]
    let genders: [Int: PronounGender]
    /// Sentence boundaries of the frame (the writer's text) per paragraph, sorted offsets.
    let boundaries: [Int: [Int]]

    init(document: Document, text: UTF16Text, quotes: [MarkedQuote], entities: DocumentEntities) {
        self.document = document
        self.text = text
        self.quotes = quotes
        self.entities = entities
        let tokenizer = FrameTokenizer(text: text, quotes: quotes)
        self.tokenizer = tokenizer
        var ms: [LocatedMention] = []
        for e in entities.entities where e.type == .person || e.type == .organization || e.type == .location {
            for m in e.mentions where m.span.end <= text.count && tokenizer.quoteIndex(containing: m.span.start) == nil
            {
                ms.append(LocatedMention(key: e.key, type: e.type, start: m.span.start, end: m.span.end))
            }
        }
        ms.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        mentions = ms
        var g: [Int: PronounGender] = [:]
        for e in entities.entities where e.type == .person {
            var gender = GivenNameGender.gender(ofGivenName: e.name.split(separator: " ").first.map(String.init) ?? "")
            if gender == .unknown {
                for m in e.mentions {
                    let w = Self.previousWord(before: m.span.start, in: text).map { $0.filter { $0 != "." } }
                    if let w, AttributionLexicon.maleHonorifics.contains(w) { gender = .male; break }
                    if let w, AttributionLexicon.femaleHonorifics.contains(w) { gender = .female; break }
                }
            }
            g[e.key] = gender
        }
        genders = g
        var b: [Int: [Int]] = [:]
        for p in document.paragraphs {
            b[p.index] = Self.frameBoundaries(p.span, text: text, quotes: quotes, tokenizer: tokenizer)
        }
        boundaries = b
    }

    // MARK: sentences of the frame

    /// Offsets where a sentence of the writer's text ends in the paragraph, plus its start and end.
    private static func frameBoundaries(
        _ span: TextSpan, text: UTF16Text, quotes: [MarkedQuote], tokenizer: FrameTokenizer
    ) -> [Int] {
        var out = [span.start]
        let pe = min(span.end, text.count)
        var i = span.start
        func nextNonSpace(_ k: Int) -> Int {
            var k = k
            while k < pe, UTF16Text.isSpace(text[k]) || text[k] == 0x29 { k += 1 }
            return k
        }
        func startsSentence(_ k: Int) -> Bool {
            if k >= pe { return true }
            let c = text[k]
            return UTF16Text.isUpper(c) || UTF16Text.isDigit(c) || c == UTF16Text.leftDouble
                || c == UTF16Text.straightDouble || c == UTF16Text.leftSingle || c == UTF16Text.leftGuillemet
        }
        while i < pe {
            if let q = tokenizer.quoteIndex(containing: i) {
                let quote = quotes[q]
                if !quote.closed {
                    out.append(quote.end)
                } else {
                    // Last character of the quoted text, skipping nested closing marks.
                    var k = quote.contentEnd - 1
                    while k > quote.contentStart, UTF16Text.isAnyMark(text[k]) || UTF16Text.isSpace(text[k]) { k -= 1 }
                    let n = nextNonSpace(quote.end)
                    if UTF16Text.isTerminal(text[k])
                        && (n >= pe
                            || (startsSentence(n)
                                && (text[k] != 0x2E || UTF16Text.isUpper(text.at(n)) || n >= pe
                                    || !UTF16Text.isLetter(text[n]))))
                        && !(text[k] != 0x2E && attributionFollows(n, pe, text))
                    {
                        out.append(quote.end)
                    }
                }
                i = max(i + 1, quote.end)
                continue
            }
            let c = text[i]
            if UTF16Text.isTerminal(c), i + 1 >= pe || UTF16Text.isSpace(text[i + 1]) || text[i + 1] == 0x29 {
                let n = nextNonSpace(i + 1)
                if startsSentence(n) && !(c == 0x2E && isAbbreviation(endingAt: i, text: text)) {
                    out.append(i + 1)
                }
            }
            i += 1
        }
        out.append(pe)
        return Array(Set(out)).sorted()
    }

    /// Whether a verb of saying comes within the next four words (`“Why?” Carmen asks.`), so that a
    /// question or exclamation mark inside the quotation does not end the writer's sentence.
    private static func attributionFollows(_ start: Int, _ end: Int, _ text: UTF16Text) -> Bool {
        var i = start
        var words = 0
        while i < end, words < 5 {
            let c = text[i]
            if UTF16Text.isTerminal(c) || UTF16Text.isDoubleMark(c) { return false }
            if UTF16Text.isLetter(c) {
                var j = i
                while j < end, UTF16Text.isLetter(text[j]) { j += 1 }
                if UTF16Text.isLower(c), AttributionLexicon.speechVerbs.contains(text.string(i, j)) { return true }
                words += 1
                i = j
                continue
            }
            i += 1
        }
        return false
    }

    private static func isAbbreviation(endingAt dot: Int, text: UTF16Text) -> Bool {
        var j = dot
        while j > 0, UTF16Text.isLetter(text[j - 1]) { j -= 1 }
        let word = text.string(j, dot)
        if word.isEmpty { return false }
        if word.count == 1 && UTF16Text.isUpper(text[j]) { return true }  // an initial
        if j > 0 && text[j - 1] == 0x2E { return true }  // U.S.
        return AttributionLexicon.abbreviations.contains(word.lowercased())
    }

    /// The sentence of the frame that holds quote `q`: from the last boundary at or before its
    /// opening mark to the first boundary at or after its end.
    ///
    /// Bounded to ``maxHostReach`` units on each side, so run-on text without sentence ends stays linear.
    func hostSentence(of q: Int) -> (start: Int, end: Int) {
        let quote = quotes[q]
        let b = boundaries[quote.paragraph] ?? [quote.open, quote.end]
        // Binary search: the first boundary after the opening mark.
        var lo = 0
        var hi = b.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if b[mid] <= quote.open { lo = mid + 1 } else { hi = mid }
        }
        let start = lo > 0 ? b[lo - 1] : quote.open
        var k = lo
        while k < b.count, b[k] < quote.end { k += 1 }
        let end = k < b.count ? b[k] : quote.end
        return (max(start, quote.open - Self.maxHostReach), min(end, quote.end + Self.maxHostReach))
    }

    /// How far the host sentence may reach on each side of its quotation. Default: 1,000 UTF-16 units.
    static let maxHostReach = 1_000

    /// The start of the sentence of the frame before the one starting at `start`, if any.
    func previousBoundary(before start: Int, paragraph: Int) -> Int? {
        guard let b = boundaries[paragraph] else { return nil }
        var lo = 0
        var hi = b.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if b[mid] < start { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? b[lo - 1] : nil
    }

    /// Whether `offset` is the first non-space character of paragraph `index`.
    func opensParagraph(_ offset: Int, _ index: Int) -> Bool {
        var i = document.paragraphs[index].span.start
        while i < offset, i < text.count, UTF16Text.isSpace(text[i]) { i += 1 }
        return i == offset
    }

    // MARK: mentions

    /// Mentions outside quotations whose start lies in `start..<end`.
    func mentions(from start: Int, to end: Int) -> [LocatedMention] {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        var out: [LocatedMention] = []
        var i = lo
        while i < mentions.count, mentions[i].start < end {
            out.append(mentions[i])
            i += 1
        }
        return out
    }

    /// The mention (outside quotations) covering UTF-16 offset `offset`, if any.
    func mention(covering offset: Int) -> LocatedMention? {
        mentions(from: max(0, offset - 200), to: offset + 1).last { $0.start <= offset && offset < $0.end }
    }

    /// Whether the mention only qualifies a person named right after it, with at most four role
    /// words between them (`Riverside captain Sofia Navarro`, `White House spokesperson Anna Kelly`):
    /// the later name is the head of the phrase.
    func isModifierOfFollowingName(_ m: LocatedMention) -> Bool {
        guard let next = mentions(from: m.end, to: m.end + 80).first(where: { $0.type == .person && $0.start >= m.end })
        else {
            return false
        }
        let between = text.string(m.end, next.start)
        guard !between.contains(where: { !$0.isLetter && $0 != " " && $0 != "-" && $0 != "." }) else { return false }
        let words = between.split(separator: " ").map { $0.lowercased() }
        return words.count <= 4 && words.allSatisfy { AttributionLexicon.roleWords.contains($0) }
    }

    /// Whether a possessive `’s`, `'s` or plural `’` follows the mention (`Poland’s prime minister`).
    func isPossessive(_ m: LocatedMention) -> Bool {
        let c = text.at(m.end)
        if UTF16Text.isApostrophe(c) {
            let n = text.at(m.end + 1)
            return n == 0x73 || n == 0x53 || !UTF16Text.isLetter(n)
        }
        return false
    }

    /// Whether the mention is the object of a preposition (`spokesperson for the State Department`).
    /// Only a preposition at or after `lowerBound` counts (the start of the phrase being read).
    func isAfterPreposition(_ m: LocatedMention, within lowerBound: Int = 0) -> Bool {
        var pos = m.start
        for _ in 0..<3 {
            guard let (w, s) = Self.previousWordWithStart(before: pos, in: text), s >= lowerBound else { return false }
            let lw = w.lowercased()
            if AttributionLexicon.prepositions.contains(lw) { return true }
            if lw == "the" || lw == "a" || lw == "an" {
                pos = s
                continue
            }
            return false
        }
        return false
    }

    /// Whether the mention is one of several names joined by `and`, `or`, `&` or commas
    /// (`Smith and Jones`, `Apple, Google and Meta`).
    func isCoordinated(_ m: LocatedMention) -> Bool {
        func joins(_ between: String) -> Bool {
            let words = between.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
            let comma = between.contains(",")
            return words == ["and"] || words == ["or"] || words == ["&"] || (comma && words.isEmpty)
        }
        if let next = mentions(from: m.end, to: m.end + 12).first(where: { $0.start >= m.end }),
            joins(text.string(m.end, next.start))
        {
            return true
        }
        if let previous = mentions(from: max(0, m.start - 80), to: m.start).last(where: { $0.end <= m.start }),
            m.start - previous.end <= 7, joins(text.string(previous.end, m.start))
        {
            return true
        }
        // A capitalised word the recogniser did not take is still a name: "Smith and Jones".
        if let (conjunction, start) = Self.previousWordWithStart(before: m.start, in: text),
            ["and", "or", "&"].contains(conjunction.lowercased()),
            let (name, _) = Self.previousWordWithStart(before: start, in: text), let first = name.utf16.first,
            UTF16Text.isUpper(first)
        {
            return true
        }
        return false
    }

    /// Whether `, which`, `which` or `, that` follows the mention: it is then the antecedent of a
    /// relative clause, not the subject of the clause's verb.
    func isRelativeAntecedent(_ m: LocatedMention) -> Bool {
        var i = m.end
        while i < text.count, i < m.end + 3, text[i] == 0x2C || UTF16Text.isSpace(text[i]) { i += 1 }
        let w = text.string(i, min(text.count, i + 6)).lowercased()
        return w.hasPrefix("which ") || w.hasPrefix("that ")
    }

    func entity(_ key: Int) -> DocumentEntity? {
        key >= 0 && key < entities.entities.count && entities.entities[key].key == key
            ? entities.entities[key] : entities.entities.first { $0.key == key }
    }

    func gender(of key: Int) -> PronounGender { genders[key] ?? .unknown }

    func sentenceIndex(of offset: Int) -> Int {
        if let s = document.sentenceIndex(containing: offset) { return s }
        if let p = document.paragraphIndex(containing: offset), !document.paragraphs[p].sentenceRange.isEmpty {
            return document.paragraphs[p].sentenceRange.lowerBound
        }
        return document.sentences.lastIndex(where: { $0.span.start <= offset }) ?? 0
    }

    static func previousWord(before offset: Int, in text: UTF16Text) -> String? {
        previousWordWithStart(before: offset, in: text)?.0
    }

    static func previousWordWithStart(before offset: Int, in text: UTF16Text) -> (String, Int)? {
        var j = offset - 1
        while j >= 0, UTF16Text.isSpace(text[j]) { j -= 1 }
        var end = j + 1
        if j >= 0 && text[j] == 0x2E {  // "Mr." keeps its period out
            end = j
            j -= 1
        }
        var s = end
        while s > 0, UTF16Text.isWordChar(text[s - 1]) || text[s - 1] == 0x2D { s -= 1 }
        guard s < end else { return nil }
        return (text.string(s, end), s)
    }
}
