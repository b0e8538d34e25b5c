import BroadsheetCollections
#if canImport(Glibc)
    import Glibc
#endif
public import BroadsheetCore

extension SearchIndex {
    /// Parses `query` (see ``SearchQuery`` for the language) and searches.
    ///
    /// - Throws: ``SearchQueryError`` for a malformed query or an unknown entity.
    public func search(
        _ query: String, options: SearchOptions = SearchOptions(), context: SearchFilterContext = SearchFilterContext()
    ) throws(SearchQueryError) -> SearchResults {
        try search(SearchQuery(parsing: query), options: options, context: context)
    }

    /// Searches with a parsed query, in the unit ``SearchOptions/unit`` asks for (an index built
    /// without ``Configuration/paragraphSearch`` answers in articles).
    ///
    /// Ranking: per unit (article or paragraph), the sum over matched query terms of BM25 (``Configuration/k1``,
    /// ``Configuration/b``; idf = ln(1 + (N − df + 0.5)/(df + 0.5)) over paragraphs; paragraph lengths
    /// and their average from the one-byte codes of ``SearchIndex/paragraphLengthCode``) on the body plus
    /// ``Configuration/titleBoost`` × BM25 on the document title, times 0.8 (one typo) or 0.6 (two typos)
    /// for typo matches; plus, for several required words, a proximity bonus of
    /// ``Configuration/proximityWeight`` × (n − 1) / (1 + gap), where gap is the number of extra words in the
    /// smallest window holding one occurrence of each. Ties go to the earlier document and paragraph.
    ///
    /// - Throws: ``SearchQueryError/Kind/unknownEntity`` when an `entity:` filter cannot be resolved.
    public func search(
        _ query: SearchQuery, options: SearchOptions = SearchOptions(), context: SearchFilterContext = SearchFilterContext()
    ) throws(SearchQueryError) -> SearchResults {
        if options.unit != unit, let other = paragraphEngine.first { return try other.search(query, options: options, context: context) }
        let clock = ContinuousClock()
        let started = clock.now
        var filters = query.filters
        filters.merge(options.filters)
        var compiler = QueryCompiler(index: self, typoTolerance: options.typoTolerance)
        var required: [Matcher] = []
        var excluded: [Matcher] = []
        var proximityChildren = 0
        if let root = query.root {
            let children: [SearchQuery.Node] = if case .all(let c) = root { c } else { [root] }
            for child in children {
                if case .not(let inner) = child {
                    if let m = compiler.compile(inner, excluded: true, in: self) { excluded.append(m) }
                } else if let m = compiler.compile(child, excluded: false, in: self) {
                    required.append(m)
                    proximityChildren += 1
                }
            }
            if required.isEmpty && excluded.isEmpty && filters.isEmpty {
                throw SearchQueryError(.noSearchableTerms, "the query holds no searchable word")
            }
        }
        let filterMatchers = try filterMatchers(filters, context: context)
        required.append(contentsOf: filterMatchers)
        if required.isEmpty {
            if query.root != nil && proximityChildren == 0 && !excluded.isEmpty && filterMatchers.isEmpty && filters.from == nil
                && filters.to == nil
            {
                throw SearchQueryError(.onlyNegative, "query only excludes terms")
            }
            required.append(AllMatcher(count: paragraphDocument.count))
        }
        let root = ConjunctionMatcher(required: required, excluded: excluded)
        let positional = required.filter { !($0 is ListMatcher) && !($0 is AllMatcher) }

        let limit = min(max(0, options.limit), 1000)
        let offset = max(0, options.offset)
        var collector = TopCollector(capacity: offset + limit, maxPerGroup: options.maxHitsPerDocument.map { max(1, $0) })
        let fromDay = filters.from.map { Int32($0.daysSinceEpoch) }
        let toDay = filters.to.map { Int32($0.daysSinceEpoch) }
        let hasDates = fromDay != nil || toDay != nil
        let maxBonus = positional.count >= 2 ? configuration.proximityWeight * Double(positional.count - 1) : 0
        var lists = [[Int32]](repeating: [], count: positional.count)

        if required.count == 1, let single = required[0] as? TermMatcher, excluded.isEmpty, collector.maxPerGroup == nil, !hasDates {
            collectSingleTerm(single, context: compiler.context, into: &collector)
        } else if required.count == 1, excluded.isEmpty, collector.maxPerGroup == nil, !hasDates, let terms = Self.unionTerms(required[0]) {
            collectUnion(terms, into: &collector)
        }
        // A conjunction of plain terms: once the top hits are full, a paragraph whose block upper
        // bounds plus the largest proximity bonus cannot beat the threshold is only counted (no
        // scores, no positions). Every paragraph the general loop would count is still counted.
        let boundTerms: [TermMatcher]? =
            collector.maxPerGroup == nil && !hasDates && required.count >= 2
            ? required.compactMap { $0 as? TermMatcher } : nil
        let bounded = boundTerms.map { $0.count == required.count } ?? false
        if bounded && excluded.isEmpty && !collector.isDone {
            collectTermConjunction(root, maxBonus: maxBonus, into: &collector)
        }
        var p = collector.isDone ? Matcher.exhausted : root.next()
        while p != Matcher.exhausted {
            if deletedDocuments > 0 && deadUnits.contains(p) {
                p = root.next()
                continue
            }
            if bounded && collector.isFull {
                var ub = 0.0
                for t in boundTerms! { ub += t.currentUpperBound() }
                if !(ub + maxBonus > collector.threshold) {
                    collector.countUnranked()
                    p = root.next()
                    continue
                }
            }
            let d = Int(paragraphDocument[Int(p)])
            if hasDates && !passesDates(paragraph: p, document: d, from: fromDay, to: toDay, context: context) {
                p = root.next()
                continue
            }
            var score = root.score()
            if maxBonus > 0 && score + maxBonus > collector.threshold {
                // One reused position list per part (no allocation per paragraph); parts without
                // positions (windowed disjunctions) are left out, as empty lists.
                var filled = 0
                for (k, m) in positional.enumerated() {
                    lists[k].removeAll(keepingCapacity: true)
                    m.positions(into: &lists[k])
                    if !lists[k].isEmpty { filled += 1 }
                }
                score +=
                    filled == lists.count
                    ? Self.proximityBonus(lists, weight: configuration.proximityWeight)
                    : Self.proximityBonus(lists.filter { !$0.isEmpty }, weight: configuration.proximityWeight)
            }
            collector.add(score: score, paragraph: p, group: Int32(d))
            p = root.next()
        }
        let ranked = collector.finish()
        let page = ranked.dropFirst(offset).prefix(limit)
        var hits: [SearchHit] = []
        // Only built when asked for (it holds the vocabulary tables).
        var snippets = options.includeSnippets ? SnippetBuilder(index: self, stems: compiler.highlightStems) : nil
        let passageCount = min(max(0, options.passages), SearchOptions.maxPassages)
        for entry in page {
            let pid = Int(entry.paragraph)
            let doc = documents[Int(paragraphDocument[pid])]
            var hit = SearchHit(documentId: doc.id, title: doc.title, paragraph: 0, score: entry.score, snippet: "", highlights: [])
            hit.publishedAt = doc.publishedDay.map { CivilDate(daysSinceEpoch: Int($0)) }
            switch unit {
            case .paragraph:
                hit.paragraph = pid - Int(doc.firstParagraph)
                if snippets != nil {
                    let span = doc.paragraphs[hit.paragraph].span
                    (hit.snippet, hit.highlights) = snippets!.snippet(text: doc.text, start: span.start, end: span.end)
                    hit.passages = [SearchPassage(paragraph: hit.paragraph, snippet: hit.snippet, highlights: hit.highlights)]
                }
            case .article:
                if snippets != nil && passageCount > 0 {
                    hit.passages = snippets!.passages(of: doc.text, paragraphs: doc.paragraphs, count: passageCount)
                    if let best = hit.passages.first { (hit.paragraph, hit.snippet, hit.highlights) = (best.paragraph, best.snippet, best.highlights) }
                }
            }
            hits.append(hit)
        }
        let elapsed = clock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return SearchResults(hits: hits, total: collector.total, corrections: compiler.corrections, tookMs: ms)
    }

    /// One-term queries: score postings in order, and once the top hits are full, jump over every
    /// block of postings whose best possible score (from the block's max tf and min paragraph length,
    /// plus the term's largest possible title contribution) cannot beat the current threshold ("block-max").
    /// The total is the term's live frequency (its postings in units not tombstoned); tombstoned
    /// units are passed over (the blocks' bounds still count them, so they stay upper bounds).
    private func collectSingleTerm(_ term: TermMatcher, context c: ScoringContext, into collector: inout TopCollector) {
        var p = term.next()
        let anyDead = deletedDocuments > 0
        while p != Matcher.exhausted {
            if anyDead && deadUnits.contains(p) {
                p = term.next()
                continue
            }
            collector.add(score: term.score(), paragraph: p, group: 0)
            if collector.isFull {
                let threshold = collector.threshold
                while term.cursor.skipBlock(if: { term.upperBound($0) < threshold }) {}
            }
            p = term.next()
        }
        collector.finishEarly(total: Int(postings.liveFrequency[Int(term.term)]))
    }

    /// A conjunction of plain terms (no exclusions, dates, grouping or replaced documents): the general
    /// loop below without its dynamic dispatch and reference counting per paragraph. Once the top hits
    /// are full, a paragraph whose block bounds plus the largest proximity bonus cannot beat the
    /// threshold is only counted.
    private func collectTermConjunction(_ root: ConjunctionMatcher, maxBonus: Double, into collector: inout TopCollector) {
        let terms = root.terms.map { Unmanaged.passUnretained($0) }
        var lists = [[Int32]](repeating: [], count: terms.count)
        let bodies = UnsafeMutablePointer<Double>.allocate(capacity: terms.count)
        defer { bodies.deallocate() }
        let weight = configuration.proximityWeight
        let anyDead = deletedDocuments > 0
        withExtendedLifetime(root) {
            var p = root.next()
            while p != Matcher.exhausted {
                if anyDead && deadUnits.contains(p) {
                    p = root.next()
                    continue
                }
                // Summed in the conjunction's order, as ``ConjunctionMatcher/score()`` does.
                var score = 0.0
                if collector.isFull {
                    var bound = 0.0
                    for t in terms { bound += t.withInstance { $0.currentUpperBound() } }
                    if !(bound + maxBonus > collector.threshold) {
                        collector.countUnranked()
                        p = root.next()
                        continue
                    }
                    // Tighter: the exact body parts, with only the title parts bounded.
                    bound = 0
                    for k in 0..<terms.count {
                        bound += terms[k].withInstance { t in
                            bodies[k] = t.currentBody()
                            return t.upperBound(body: bodies[k])
                        }
                    }
                    if !(bound + maxBonus > collector.threshold) {
                        collector.countUnranked()
                        p = root.next()
                        continue
                    }
                    for k in 0..<terms.count { score += terms[k].withInstance { $0.score(body: bodies[k]) } }
                } else {
                    for t in terms { score += t.withInstance { $0.score() } }
                }
                if maxBonus > 0 && score + maxBonus > collector.threshold {
                    for k in 0..<terms.count {
                        lists[k].removeAll(keepingCapacity: true)
                        terms[k].withInstance { $0.positions(into: &lists[k]) }
                    }
                    score += Self.proximityBonus(lists, weight: weight)
                }
                collector.add(score: score, paragraph: p, group: Int32(paragraphDocument[Int(p)]))
                p = root.next()
            }
        }
        collector.finishEarly(total: collector.total)
    }

    /// Proximity bonus from the positions of each required query part in one paragraph.
    static func proximityBonus(_ lists: [[Int32]], weight: Double) -> Double {
        let k = lists.count
        guard k >= 2 else { return 0 }
        var best = Int32.max
        if k == 2 {
            // The same walk for two lists, without the index array: advance the list holding the
            // smaller position (the first list on ties) until one runs out.
            let a = lists[0]
            let b = lists[1]
            var i = 0
            var j = 0
            while true {
                let x = a[i]
                let y = b[j]
                best = min(best, x <= y ? y - x : x - y)
                if x <= y {
                    i += 1
                    if i >= a.count { break }
                } else {
                    j += 1
                    if j >= b.count { break }
                }
            }
            let gap = max(0, Double(best) - 1)
            return weight / (1 + gap)
        }
        var idx = [Int](repeating: 0, count: k)
        while true {
            var lo = Int32.max
            var hi = Int32.min
            var loList = 0
            for i in 0..<k {
                let v = lists[i][idx[i]]
                if v < lo {
                    lo = v
                    loList = i
                }
                if v > hi { hi = v }
            }
            best = min(best, hi - lo)
            idx[loList] += 1
            if idx[loList] >= lists[loList].count { break }
        }
        let gap = max(0, Double(best) - Double(k - 1))
        return weight * Double(k - 1) / (1 + gap)
    }

    private func passesDates(paragraph p: Int32, document d: Int, from: Int32?, to: Int32?, context: SearchFilterContext) -> Bool {
        func inRange(_ day: Int32) -> Bool { (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true) }
        if let day = documents[d].publishedDay, inRange(day) { return true }
        guard let extra = context.paragraphDates else { return false }
        let doc = documents[d]
        let paragraphs = unit == .article ? 0..<doc.paragraphs.count : Int(p - doc.firstParagraph)..<Int(p - doc.firstParagraph + 1)
        return paragraphs.contains { k in
            extra(ParagraphRef(documentId: doc.id, paragraph: k)).contains { inRange(Int32($0.daysSinceEpoch)) }
        }
    }

    static func logarithm(_ x: Double) -> Double { log(x) }

    /// A snippet of `text`'s paragraph `paragraph` with `spans` marked, rendered as search snippets
    /// are (the best window, HTML-escaped, `<mark>`…`</mark>`): for hits whose matches are not
    /// words, such as an entity's mentions.
    public static func snippet(of text: String, paragraph: TextSpan, marking spans: [TextSpan]) -> String {
        SnippetBuilder.snippet(text: text, start: paragraph.start, end: paragraph.end, marking: spans)
    }

    private func filterMatchers(_ filters: SearchFilters, context: SearchFilterContext) throws(SearchQueryError) -> [Matcher] {
        var out: [Matcher] = []
        if !filters.documents.isEmpty {
            var ids: [Int32] = []
            for id in filters.documents {
                guard let d = documentPosition(id) else { continue }
                let doc = documents[Int(d)]
                ids.append(contentsOf: doc.firstParagraph..<(doc.firstParagraph + unitCount(ofDocument: Int(d))))
            }
            out.append(ListMatcher(Array(Set(ids)).sorted()))
        }
        for entity in filters.entities {
            guard let resolve = context.entityParagraphs else {
                throw SearchQueryError(.unknownEntity, "entity filters are not available")
            }
            guard let refs = resolve(entity) else {
                throw SearchQueryError(.unknownEntity, "unknown entity '\(entity)'", value: entity)
            }
            // Mentions per unit, scored as BM25 scores a term (without length normalisation): an
            // article (or paragraph) that names the entity more often ranks higher, a rare entity's
            // mentions weigh more.
            var mentions: [Int32: Int] = [:]
            for ref in refs {
                guard let d = documentPosition(ref.documentId) else { continue }
                let doc = documents[Int(d)]
                if ref.paragraph >= 0 && ref.paragraph < Int(doc.paragraphCount) {
                    mentions[doc.firstParagraph + (unit == .article ? 0 : Int32(ref.paragraph)), default: 0] += 1
                }
            }
            let ids = mentions.keys.sorted()
            let units = Double(max(1, unit == .article ? documentCount : paragraphCount))
            let df = Double(ids.count)
            let idf: Double = Self.logarithm(1 + (units - df + 0.5) / (df + 0.5))
            let k1 = configuration.k1
            let weights: [Double] = ids.map { id in
                let tf = Double(mentions[id]!)
                return idf * tf * (k1 + 1) / (tf + k1)
            }
            out.append(ListMatcher(ids, weights: weights))
        }
        return out
    }
}

/// Keeps the best `capacity` paragraphs (a min-heap on score), optionally at most `maxPerGroup` per
/// document. Paragraphs arrive in id order and a document's paragraphs are contiguous, so a group is
/// complete when the next document starts.
struct TopCollector {
    struct Entry {
        var score: Double
        var paragraph: Int32
    }

    let capacity: Int
    let maxPerGroup: Int?
    private var heap: [Entry] = []
    private var group: Int32 = -1
    private var groupEntries: [Entry] = []
    private(set) var total = 0

    init(capacity: Int, maxPerGroup: Int?) {
        self.capacity = capacity
        self.maxPerGroup = maxPerGroup
    }

    /// Set when a specialised collection loop already gathered everything.
    private(set) var isDone = false

    var isFull: Bool { capacity > 0 && heap.count >= capacity }

    /// Counts a match that cannot enter the kept entries (its score bound is below ``threshold``).
    mutating func countUnranked() { total += 1 }

    /// Counts `n` such matches.
    mutating func countUnranked(_ n: Int) { total += n }

    /// Marks collection complete with a known total.
    mutating func finishEarly(total: Int) {
        self.total = total
        isDone = true
    }

    /// The score a new paragraph must beat to enter.
    var threshold: Double { capacity > 0 && heap.count >= capacity ? heap[0].score : -.infinity }

    /// `a` ranks below `b`: lower score, or equal score and later paragraph.
    @inline(__always)
    private static func worse(_ a: Entry, _ b: Entry) -> Bool {
        a.score < b.score || (a.score == b.score && a.paragraph > b.paragraph)
    }

    mutating func add(score: Double, paragraph: Int32, group g: Int32) {
        guard let cap = maxPerGroup else {
            total += 1
            push(Entry(score: score, paragraph: paragraph))
            return
        }
        if g != group { flushGroup(cap) }
        group = g
        groupEntries.append(Entry(score: score, paragraph: paragraph))
    }

    private mutating func flushGroup(_ cap: Int) {
        guard !groupEntries.isEmpty else { return }
        groupEntries.sort { Self.worse($1, $0) }
        for e in groupEntries.prefix(cap) {
            total += 1
            push(e)
        }
        groupEntries.removeAll(keepingCapacity: true)
    }

    private mutating func push(_ e: Entry) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(e)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if Self.worse(heap[i], heap[parent]) {
                    heap.swapAt(i, parent)
                    i = parent
                } else {
                    break
                }
            }
        } else if Self.worse(heap[0], e) {
            heap[0] = e
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < heap.count && Self.worse(heap[l], heap[m]) { m = l }
                if r < heap.count && Self.worse(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// All kept entries, best first.
    mutating func finish() -> [Entry] {
        if let cap = maxPerGroup { flushGroup(cap) }
        return heap.sorted { Self.worse($1, $0) }
    }
}
