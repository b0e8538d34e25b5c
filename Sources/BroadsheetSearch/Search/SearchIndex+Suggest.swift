extension SearchIndex {
    /// Completions for a search box.
    ///
    /// The last word of `input` is completed from the indexed words that start with it (folded form,
    /// weighted by how often they occur), keeping the words typed before it: `"nord str"` →
    /// `"nord stream"`. Caller-supplied `names` (e.g. entity names, with their own `kind`, `weight`
    /// and `id`) match when every typed word is a prefix of some word of the name, in any order
    /// (`"putin"` → `"Vladimir Putin"`). Both kinds are merged by weight (highest first),
    /// duplicates (same text ignoring case) dropped.
    ///
    /// - Parameters:
    ///   - input: what the user typed so far.
    ///   - limit: most suggestions to return (default 10).
    ///   - names: extra candidates to merge.
    public func suggest(_ input: String, limit: Int = 10, names: [Suggestion] = []) -> [Suggestion] {
        var tokenizer = Tokenizer()
        tokenizer.tokenize(input)
        let words = tokenizer.tokens.filter { $0.kind != .compoundWhole && $0.kind != .bare }
        guard let last = words.last, limit > 0 else { return [] }
        let typed = words.map { String(decoding: tokenizer.term($0), as: UTF8.self) }
        var out: [Suggestion] = []

        // Terms: complete the last word, unless the input ends in a space.
        if let lastScalar = input.unicodeScalars.last, !lastScalar.properties.isWhitespace {
            let prefix = Array(tokenizer.term(last))
            let lead = String(input.utf16.prefix(Int(last.start))).map { String($0) } ?? ""
            var candidates: [(Int32, UInt32)] = []
            for s in surfaces(withPrefix: prefix) {
                let f = surfaceFrequency[Int(s)]
                if f > 0 && postings.documentFrequency[Int(surfaceStem[Int(s)])] > 0 { candidates.append((s, f)) }
            }
            candidates.sort { ($1.1, $0.0) < ($0.1, $1.0) }
            for (s, f) in candidates.prefix(limit) {
                out.append(Suggestion(text: lead + surfaces.string(s), kind: "term", weight: Double(f)))
            }
        }

        // Caller-supplied names.
        var nameTokenizer = Tokenizer()
        for name in names {
            nameTokenizer.tokenize(name.text)
            let nameWords = nameTokenizer.tokens.map { String(decoding: nameTokenizer.term($0), as: UTF8.self) }
            if typed.allSatisfy({ w in nameWords.contains { $0.hasPrefix(w) } }) { out.append(name) }
        }

        out.sort { ($0.weight, $1.text) > ($1.weight, $0.text) }
        var seen = Set<String>()
        var result: [Suggestion] = []
        for s in out where seen.insert(s.text.lowercased()).inserted {
            result.append(s)
            if result.count == limit { break }
        }
        return result
    }
}
