/// Turns a ``SearchQuery/Node`` tree into matchers over the index, analysing words exactly as the
/// documents were analysed, and expanding prefixes and misspelt words.
///
/// The index is passed to each call rather than kept: a stored copy of the index would retain (and
/// later release) each of its tables on every query.
struct QueryCompiler {
    let typoTolerance: Bool
    let context: ScoringContext
    private var tokenizer = Tokenizer()
    /// Stems of every positive word (with expansions): what snippets highlight.
    private(set) var highlightStems = Set<Int32>()
    private(set) var corrections: [SearchCorrection] = []

    init(index: borrowing SearchIndex, typoTolerance: Bool) {
        self.typoTolerance = typoTolerance
        self.context = ScoringContext(index: index)
    }

    /// Folded query words with their relative positions (compound wholes and bare numbers dropped:
    /// a hyphenated word becomes the phrase of its parts, `$300` stays one term).
    private mutating func analyse(_ text: String) -> [(bytes: [UInt8], position: Int32)] {
        tokenizer.tokenize(text)
        return tokenizer.tokens.compactMap { t in
            t.kind == .compoundWhole || t.kind == .bare ? nil : (Array(tokenizer.term(t)), t.position)
        }
    }

    /// The stem id of folded word bytes, if indexed.
    private func stem(of bytes: [UInt8], in index: SearchIndex) -> Int32? {
        if let s = index.surfaces.find(bytes[...]) { return index.surfaceStem[Int(s)] }
        var b = bytes
        EnglishStemmer.stem(&b)
        return index.stems.find(b[...])
    }

    private func idf(_ term: Int32, in index: SearchIndex) -> Double {
        let df = Double(index.postings.documentFrequency[Int(term)])
        let n = max(Double(index.liveParagraphs), df)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The title field's idf: over live documents, from the number of titles holding the stem.
    private func titleIdf(_ term: Int32, in index: SearchIndex) -> Double {
        let df = Double(Int(term) < index.titleDocumentFrequency.count ? index.titleDocumentFrequency[Int(term)] : 0)
        let n = max(Double(index.documentCount), df)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    private mutating func termMatcher(_ term: Int32, weight: Double, excluded: Bool, in index: SearchIndex) -> TermMatcher {
        if !excluded { highlightStems.insert(term) }
        let t = Int(term)
        let frozen = index.postings.frozen
        let tail = index.postings.tail
        let tailCount = Int(index.postings.documentFrequency[t]) - (t < frozen.termCount ? Int(frozen.count[t]) : 0)
        let cursor = PostingCursor(
            frozen: frozen, term: t, tailDocs: tail.bytes(2 * t), tailPositions: tail.bytes(2 * t + 1), tailCount: tailCount)
        return TermMatcher(cursor: cursor, term: term, idf: idf(term, in: index), titleIdf: titleIdf(term, in: index), weight: weight, context: context)
    }

    /// Few alternatives: a merge that keeps positions (for the proximity bonus); many: windowed.
    static func disjunction(_ ms: [Matcher]) -> Matcher {
        ms.count > 8 ? WindowedDisjunctionMatcher(ms) : DisjunctionMatcher(ms)
    }

    private func hasPostings(_ term: Int32, in index: SearchIndex) -> Bool { index.postings.documentFrequency[Int(term)] > 0 }

    mutating func compile(_ node: SearchQuery.Node, excluded: Bool, in index: SearchIndex) -> Matcher? {
        switch node {
        case .term(let typed):
            let parts = analyse(typed)
            if parts.isEmpty { return nil }
            if parts.count == 1 { return word(parts[0].bytes, typed: typed, excluded: excluded, in: index) }
            return phrase(parts, excluded: excluded, in: index)
        case .phrase(let text):
            let parts = analyse(text)
            if parts.isEmpty { return nil }
            return phrase(parts, excluded: excluded, in: index)
        case .prefix(let text):
            guard let first = analyse(text).first else { return nil }
            return prefix(first.bytes, excluded: excluded, in: index)
        case .all(let children):
            var required: [Matcher] = []
            var negative: [Matcher] = []
            for c in children {
                if case .not(let inner) = c {
                    if let m = compile(inner, excluded: true, in: index) { negative.append(m) }
                } else if let m = compile(c, excluded: excluded, in: index) {
                    required.append(m)
                }
            }
            if required.isEmpty { return nil }
            return ConjunctionMatcher(required: required, excluded: negative)
        case .any(let children):
            let ms = children.compactMap { compile($0, excluded: excluded, in: index) }
            if ms.isEmpty { return nil }
            return ms.count == 1 ? ms[0] : Self.disjunction(ms)
        case .not(let inner):
            // Only reachable inside `any`, which the parser rejects; treat as the inner node excluded.
            return compile(inner, excluded: true, in: index).map { ConjunctionMatcher(required: [AllMatcher(count: index.paragraphDocument.count)], excluded: [$0]) }
        }
    }

    /// How many times more articles (units) a word within typo reach must be in than the exact
    /// stem, for an unknown word form to be read as a typo of it although its stem matched: 10.
    static let typoOverStemRatio: UInt32 = 10

    /// A word: its stem when indexed; else (or when its exact form is unknown and a far more frequent
    /// word is within typo reach, see ``typoOverStemRatio``) the closest, most frequent words within
    /// one typo (5+ letters) or two (9+ letters), listed in ``corrections``.
    private mutating func word(_ bytes: [UInt8], typed: String, excluded: Bool, in index: SearchIndex) -> Matcher {
        let letters = String(decoding: bytes, as: UTF8.self).count
        let tolerant = typoTolerance && !excluded && letters >= 5
        let maxDistance = letters >= 9 ? 2 : 1
        if let s = stem(of: bytes, in: index), hasPostings(s, in: index) {
            // Typo over stem: `goverment` stems as `governess` does, but `government` is far more frequent.
            let known = index.surfaces.find(bytes[...]).map { index.surfaceFrequency[Int($0)] > 0 } ?? false
            if tolerant && !known {
                let floor = index.postings.documentFrequency[Int(s)].multipliedReportingOverflow(by: Self.typoOverStemRatio)
                if !floor.overflow, let m = typoExpansion(bytes, typed: typed, maxDistance: maxDistance, minDocuments: floor.partialValue, excluding: s, in: index) {
                    return m
                }
            }
            return termMatcher(s, weight: 1, excluded: excluded, in: index)
        }
        guard tolerant else { return EmptyMatcher() }
        return typoExpansion(bytes, typed: typed, maxDistance: maxDistance, minDocuments: 1, excluding: -1, in: index) ?? EmptyMatcher()
    }

    /// The words within `maxDistance` typos of `bytes` whose stems (other than `excluded`) are in
    /// at least `minDocuments` units: a matcher over the closest and most frequent, or nil when none.
    private mutating func typoExpansion(
        _ bytes: [UInt8], typed: String, maxDistance: Int, minDocuments: UInt32, excluding excludedStem: Int32, in index: SearchIndex
    ) -> Matcher? {
        var best: [Int32: (distance: Int, frequency: UInt32, surface: Int32)] = [:]
        for (surface, distance) in index.typoCandidates(of: bytes, maxDistance: maxDistance) {
            let freq = index.surfaceFrequency[Int(surface)]
            let stem = index.surfaceStem[Int(surface)]
            guard freq > 0, stem != excludedStem, hasPostings(stem, in: index), index.postings.documentFrequency[Int(stem)] >= minDocuments else {
                continue
            }
            if let b = best[stem], (b.distance, -Int(b.frequency)) <= (distance, -Int(freq)) { continue }
            best[stem] = (distance, freq, surface)
        }
        let chosen = best.sorted { ($0.value.distance, -Int($0.value.frequency), $0.key) < ($1.value.distance, -Int($1.value.frequency), $1.key) }
            .prefix(index.configuration.maxTypoExpansions)
        if chosen.isEmpty { return nil }
        var ms: [Matcher] = []
        for (stem, info) in chosen {
            corrections.append(SearchCorrection(from: typed, to: index.surfaces.string(info.surface)))
            ms.append(termMatcher(stem, weight: info.distance == 1 ? 0.8 : 0.6, excluded: false, in: index))
        }
        return ms.count == 1 ? ms[0] : DisjunctionMatcher(ms)
    }

    private mutating func phrase(_ parts: [(bytes: [UInt8], position: Int32)], excluded: Bool, in index: SearchIndex) -> Matcher {
        if parts.count == 1 {
            guard let s = stem(of: parts[0].bytes, in: index), hasPostings(s, in: index) else { return EmptyMatcher() }
            return termMatcher(s, weight: 1, excluded: excluded, in: index)
        }
        var terms: [TermMatcher] = []
        var offsets: [Int32] = []
        let base = parts[0].position
        for part in parts {
            guard let s = stem(of: part.bytes, in: index), hasPostings(s, in: index) else { return EmptyMatcher() }
            terms.append(termMatcher(s, weight: 1, excluded: excluded, in: index))
            offsets.append(part.position - base)
        }
        return PhraseMatcher(terms: terms, offsets: offsets)
    }

    private mutating func prefix(_ bytes: [UInt8], excluded: Bool, in index: SearchIndex) -> Matcher {
        var frequency: [Int32: UInt64] = [:]
        for surface in index.surfaces(withPrefix: bytes) {
            let stem = index.surfaceStem[Int(surface)]
            guard hasPostings(stem, in: index) else { continue }
            frequency[stem, default: 0] += UInt64(index.surfaceFrequency[Int(surface)])
        }
        let chosen = frequency.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(index.configuration.maxPrefixExpansions)
        if chosen.isEmpty { return EmptyMatcher() }
        let ms: [Matcher] = chosen.map { termMatcher($0.key, weight: 1, excluded: excluded, in: index) }
        return ms.count == 1 ? ms[0] : Self.disjunction(ms)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
