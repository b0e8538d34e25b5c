import BroadsheetSync

/// Top hits of a union of terms (prefix and typo expansions) without scoring every posting.
extension SearchIndex {
    /// The terms of a disjunction whose alternatives are all untouched term matchers, else nil.
    static func unionTerms(_ matcher: Matcher) -> [TermMatcher]? {
        let children: [Matcher]
        if let w = matcher as? WindowedDisjunctionMatcher {
            children = w.children
        } else if let d = matcher as? DisjunctionMatcher {
            children = d.children
        } else {
            return nil
        }
        var terms: [TermMatcher] = []
        terms.reserveCapacity(children.count)
        for c in children {
            guard let t = c as? TermMatcher, t.doc < 0 else { return nil }
            terms.append(t)
        }
        return terms
    }

    /// Collects the union of `terms`, a window of paragraphs at a time. Every posting is decoded (the
    /// total is exact), but only paragraphs that may still enter the top hits are scored, in two steps:
    /// 1. while decoding, each paragraph sums its terms' block upper bounds
    ///    (``TermMatcher/upperBound(block:)``);
    /// 2. where that sum beats the current threshold, the exact body parts (one length look-up each) plus
    ///    the blocks' title bounds give a tighter bound;
    /// 3. only where that one beats the threshold too are the title parts looked up.
    ///
    /// The length and title look-ups are scattered reads, cache misses once other queries have run:
    /// each is prefetched a few entries ahead, so that several are in flight at once.
    ///
    /// Exact scores are summed in the terms' order, as ``DisjunctionMatcher`` and
    /// ``WindowedDisjunctionMatcher`` sum them, so the scores and the top hits are the same as a full
    /// evaluation's.
    func collectUnion(_ terms: [TermMatcher], into collector: inout TopCollector) {
        precondition(terms.count <= Int(Int16.max))
        let scratch = UnionScratch.take()
        defer { UnionScratch.give(scratch) }
        let window = UnionScratch.window
        let bits = scratch.bits
        let bound = scratch.bound
        let tight = scratch.tight
        let exact = scratch.exact
        // Unmanaged: `terms` keeps the matchers and their cursors alive (no reference counting per posting).
        let matchers = terms.map { Unmanaged.passUnretained($0) }
        guard let context = terms.first?.context else {
            collector.finishEarly(total: 0)
            return
        }
        let cursors = terms.map { Unmanaged.passUnretained($0.cursor) }
        // Tombstoned units are passed over as they are decoded (neither counted nor scored).
        let dead = deletedDocuments > 0 ? deadUnits : nil
        for c in cursors { _ = c.withInstance { $0.next() } }
        while true {
            var base = Matcher.exhausted
            for c in cursors { base = min(base, c.withInstance { $0.doc }) }
            if base == Matcher.exhausted { break }
            let end = Int64(base) + Int64(window)
            var entryCount = 0
            for k in 0..<terms.count {
                matchers[k].withInstance { t in
                    cursors[k].withInstance { cursor in
                        var block = -2
                        var ub = 0.0
                        var untitled = false
                        while Int64(cursor.doc) < end {
                            if let dead, dead.contains(cursor.doc) {
                                cursor.next()
                                continue
                            }
                            let b = cursor.currentBlock
                            if b != block {
                                block = b
                                ub = t.currentUpperBound()
                                untitled = !t.inSomeTitle || cursor.inUntitledBlock
                            }
                            let i = Int(cursor.doc - base)
                            let mask: UInt64 = 1 << UInt64(i & 63)
                            if bits[i >> 6] & mask == 0 {
                                bits[i >> 6] |= mask
                                bound[i] = ub
                                tight[i] = 0
                                exact[i] = 0
                            } else {
                                bound[i] += ub
                            }
                            scratch.append(
                                UnionScratch.Entry(offset: Int32(i), term: Int16(k), untitled: untitled, tf: cursor.tf, block: Int32(b)),
                                at: entryCount)
                            entryCount += 1
                            cursor.next()
                        }
                    }
                }
            }
            // The threshold only rises while the window's matches are added, so this one is safe.
            let threshold = collector.threshold
            let entries = scratch.entries
            let bodies = scratch.bodies
            // The length and title reads are scattered cache misses: each loop asks for those of the
            // entry `ahead` of it in advance, so that several are in flight at once.
            let ahead = 16
            for n in 0..<entryCount {
                if n + ahead < entryCount {
                    let o = Int(entries[n + ahead].offset)
                    if bound[o] > threshold { context.prefetchLength(paragraph: Int(base) + o) }
                }
                let e = entries[n]
                let i = Int(e.offset)
                guard bound[i] > threshold else { continue }
                tight[i] += matchers[Int(e.term)].withInstance { t in
                    let body = t.context.bodyScore(idf: t.idf, tf: e.tf, paragraph: base + e.offset)
                    bodies[n] = body
                    return e.untitled ? t.weight * body * (1 + 1e-6) : t.upperBound(body: body, block: Int(e.block))
                }
            }
            // The entries whose paragraphs still beat the threshold, in order (so the sums below keep it).
            let chosen = scratch.chosen
            var chosenCount = 0
            for n in 0..<entryCount {
                let i = Int(entries[n].offset)
                if bound[i] > threshold && tight[i] > threshold {
                    chosen[chosenCount] = Int32(n)
                    chosenCount += 1
                }
            }
            // A title look-up first finds the paragraph's document (the term's title list is then read
            // in order): that read is asked for `ahead` entries on.
            for j in 0..<chosenCount {
                if j + ahead < chosenCount {
                    let a = entries[Int(chosen[j + ahead])]
                    if !a.untitled { paragraphDocument.prefetch(Int(base) + Int(a.offset)) }
                }
                let n = Int(chosen[j])
                let e = entries[n]
                // As ``TermMatcher/score(paragraph:tf:untitled:)`` computes it.
                exact[Int(e.offset)] += matchers[Int(e.term)].withInstance { t in
                    e.untitled ? t.weight * bodies[n] : t.weight * (bodies[n] + t.title(paragraph: base + e.offset))
                }
            }
            // Every paragraph of the window counts; those chosen enter the top hits (once each: a
            // paragraph has one chosen entry per term, and its `tight` is cleared when it is added).
            var added = 0
            for j in 0..<chosenCount {
                let i = Int(entries[Int(chosen[j])].offset)
                guard tight[i] > threshold else { continue }
                tight[i] = -.infinity
                collector.add(score: exact[i], paragraph: base + Int32(i), group: 0)
                added += 1
            }
            var matched = 0
            for w in 0..<(window / 64) {
                matched += bits[w].nonzeroBitCount
                bits[w] = 0
            }
            collector.countUnranked(matched - added)
        }
        collector.finishEarly(total: collector.total)
        withExtendedLifetime(terms) {}
    }
}

/// Working memory of ``SearchIndex/collectUnion(_:into:)`` (about 850 kB), kept between searches:
/// allocating it per search cost a tenth of a prefix query. Concurrent searches each take their own.
final class UnionScratch: @unchecked Sendable {
    /// Paragraphs per window.
    static let window = 16384

    struct Entry {
        var offset: Int32
        var term: Int16
        /// No title part: the term is in no title, or the posting's block holds no titled document.
        var untitled: Bool
        var tf: Int32
        /// ``PostingCursor/currentBlock`` of the posting.
        var block: Int32
    }

    /// One bit per paragraph of the window: does any term hold it (all clear between windows).
    let bits: UnsafeMutablePointer<UInt64>
    /// Per paragraph of the window: the sum of its terms' block bounds, the tighter bound, the exact score.
    let bound: UnsafeMutablePointer<Double>
    let tight: UnsafeMutablePointer<Double>
    let exact: UnsafeMutablePointer<Double>
    /// The window's postings, term by term, and their body parts (for those scored).
    private(set) var entries: UnsafeMutablePointer<Entry>
    private(set) var bodies: UnsafeMutablePointer<Double>
    /// Indices of the entries to score exactly.
    private(set) var chosen: UnsafeMutablePointer<Int32>
    private var capacity: Int

    private init() {
        let window = Self.window
        bits = .allocate(capacity: window / 64)
        bits.initialize(repeating: 0, count: window / 64)
        bound = .allocate(capacity: window)
        tight = .allocate(capacity: window)
        exact = .allocate(capacity: window)
        capacity = window
        entries = .allocate(capacity: capacity)
        bodies = .allocate(capacity: capacity)
        chosen = .allocate(capacity: capacity)
    }

    deinit {
        bits.deallocate()
        bound.deallocate()
        tight.deallocate()
        exact.deallocate()
        entries.deallocate()
        bodies.deallocate()
        chosen.deallocate()
    }

    /// Stores entry `n`, growing the entry buffers when full (entries below `n` are kept).
    @inline(__always)
    func append(_ entry: Entry, at n: Int) {
        if n == capacity { grow(keeping: n) }
        (entries + n).initialize(to: entry)
    }

    private func grow(keeping count: Int) {
        let grown = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = grown
        bodies.deallocate()
        bodies = .allocate(capacity: capacity * 2)
        chosen.deallocate()
        chosen = .allocate(capacity: capacity * 2)
        capacity *= 2
    }

    private static let pool = Locked<[UnionScratch]>([])

    /// A scratch from the pool, or a new one.
    static func take() -> UnionScratch { pool.withLock { $0.popLast() } ?? UnionScratch() }

    /// Returns `scratch` to the pool (its bits must be clear). At most four are kept, and none whose
    /// entry buffers grew past two windows' worth (a union of common words), so the pool holds at
    /// most about 5 MB.
    static func give(_ scratch: UnionScratch) {
        guard scratch.capacity <= 2 * window else { return }
        pool.withLock { kept in
            if kept.count < 4 { kept.append(scratch) }
        }
    }
}
