import BroadsheetCore

/// Lines written in capitals ("HARBOUR TOWN SIGN NEW KEEPER .", "SECOND ROUND RESULTS"): headlines, table
/// headers and kickers, where a capital says nothing about a name.
///
/// A sentence is *shouted* when at least two of its words are in capitals and at most a quarter as many have
/// lower-case letters, or no more than those in capitals and none of them starts in lower case ("PRESS REVIEW -
/// Kenya - May 3"), or when it is one word in capitals of four letters or more with numbers at most
/// ("STANDINGS", "HARBOUR 12 4"). Its words are re-cased before any rule reads them, from evidence of the document and the
/// lexicons rather than from their capitals:
/// - a run of words that is a known name once title-cased ("NEW ZEALAND" → `New Zealand`) takes that form;
/// - a word the document writes elsewhere as a name takes the document's spelling ("MACRAE" → `MacRae`);
/// - a known name as written ("NATO") or a single known word title-cased ("KENYA" → `Kenya`) stays a name;
/// - an all-capitals word that the document also writes in capitals outside shouted lines stays (an acronym);
/// - every other word is read in lower case, so it is no name ("RESULTS", "SIGN", "KEEPER").
///
/// Token texts change; offsets and the document text do not, so a mention still reads as written.
enum ShoutedLines {
    /// Whether a token is a word of at least two characters (single letters say nothing about a line's case).
    private static func counts(_ t: EntityToken) -> Bool { t.kind == .word && t.length >= 2 }

    /// The sentences (indices) that are shouted.
    static func shoutedSentences(_ tokens: [EntityToken]) -> Set<Int> {
        var out: Set<Int> = []
        var start = 0
        while start < tokens.count {
            var end = start
            var caps = 0
            var mixed = 0
            var lowerInitial = 0
            var longestCaps = 0
            let s = tokens[start].sentence
            while end < tokens.count, tokens[end].sentence == s {
                let t = tokens[end]
                if counts(t) {
                    if t.isAllCaps {
                        caps += 1
                        longestCaps = max(longestCaps, t.length)
                    } else {
                        mixed += 1
                        if !t.isCapitalized { lowerInitial += 1 }
                    }
                }
                end += 1
            }
            if caps >= 2, mixed * 4 <= caps || (mixed <= caps && lowerInitial == 0) { out.insert(s) }
            if caps == 1, mixed == 0, longestCaps >= 4 { out.insert(s) }
            start = end
        }
        return out
    }

    /// Re-cases the words of shouted sentences in place (see the type's rules), except words inside `keeping`
    /// (a dateline's place, which the dateline rules read in capitals).
    static func recase(_ tk: inout EntityTokenizer.Output, lex: EntityLexicons, keeping: [TextSpan] = []) {
        let shouted = shoutedSentences(tk.tokens)
        guard !shouted.isEmpty else { return }
        let strings = tk.strings
        // The document's own spellings outside shouted lines.
        var spelling: [String: String] = [:]
        var capsElsewhere: Set<String> = []
        var lowerElsewhere: Set<String> = []
        for t in tk.tokens where t.kind == .word && !shouted.contains(t.sentence) {
            if t.isAllCaps {
                capsElsewhere.insert(t.text)
            } else if t.isCapitalized {
                // A capital that only starts a sentence ("Results of ...") says nothing, unless the word is a given
                // name or has an inner capital ("MacAllister").
                let innerCapital = t.text.dropFirst().contains(where: \.isUppercase)
                if !t.isSentenceInitial || t.classes.contains(.givenNames) || innerCapital {
                    if !t.isSentenceInitial || spelling[t.lower] == nil { spelling[t.lower] = t.text }
                }
            } else {
                lowerElsewhere.insert(t.lower)
            }
        }
        func titleCased(_ t: EntityToken) -> String {
            guard let first = t.lower.first else { return t.lower }
            return first.uppercased() + t.lower.dropFirst()
        }
        func set(_ k: Int, to text: String) {
            strings.texts[k] = text
            let cap = text.first?.isUppercase ?? false
            tk.tokens[k].isCapitalized = cap
            tk.tokens[k].isAllCaps = cap && !text.contains(where: \.isLowercase)
            tk.tokens[k].hasASCIIUpper = text.utf8.contains { $0 >= 65 && $0 <= 90 }
            // The text no longer equals the code units, so byte shortcuts must read the string.
            tk.tokens[k].isPlainASCII = false
            tk.tokens[k].classes = WordClasses.of(lower: tk.tokens[k].lower, text: text, sameText: !cap, in: lex.wordClasses)
        }
        var k = 0
        let n = tk.tokens.count
        while k < n {
            let t = tk.tokens[k]
            guard t.kind == .word, shouted.contains(t.sentence), t.isAllCaps,
                !keeping.contains(where: { $0.start <= t.start && t.end <= $0.end })
            else { k += 1; continue }
            // The longest known multi-word name, title-cased (up to four words of the same sentence).
            var matched = 0
            var words = [k]
            var j = k + 1
            while words.count < 4, j < n, tk.tokens[j].sentence == t.sentence, tk.tokens[j].kind == .word, tk.tokens[j].separator != .none {
                words.append(j)
                j += 1
            }
            if words.count >= 2 {
                for length in stride(from: words.count, through: 2, by: -1) {
                    var key = titleCased(t)
                    for w in words[1..<length] { key += tk.tokens[w].separator.string + titleCased(tk.tokens[w]) }
                    if let e = lex.known[key], e.kind != .demonym, !e.needsCanonicalInDocument {
                        for w in words[0..<length] { set(w, to: titleCased(tk.tokens[w])) }
                        matched = length
                        break
                    }
                }
            }
            if matched > 0 { k += matched; continue }
            if lex.known[t.text] != nil && t.length <= 5 {
                // A known acronym as written ("NATO", "U.S.").
            } else if let s = spelling[t.lower] {
                set(k, to: s)
            } else if let e = lex.known[titleCased(t)], !e.needsCanonicalInDocument {
                set(k, to: titleCased(t))
            } else if capsElsewhere.contains(t.text), !lowerElsewhere.contains(t.lower) {
                // An acronym the document also writes in capitals in prose.
            } else {
                set(k, to: t.lower)
            }
            k += 1
        }
    }
}
