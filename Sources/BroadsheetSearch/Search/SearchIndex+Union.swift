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

    private struct UnionEntry {
        var offset: Int32
        var term: Int16
        /// The posting lies in a block without documents titled with the term (no title part).
        var untitled: Bool
        var tf: Int32
    }

    /// Collects the union of `terms`, a window of paragraphs at a time. Every posting is decoded (the
    /// total is exact), but a posting is scored only when the sum of its terms' block upper bounds
    /// (``TermMatcher/upperBound(block:)``) can beat the current threshold. Exact scores are summed in
    /// the terms' order, as ``DisjunctionMatcher`` and ``WindowedDisjunctionMatcher`` sum them, so the
    /// scores and the top hits are the same as a full evaluation's.
    func collectUnion(_ terms: [TermMatcher], into collector: inout TopCollector) {
        let window = 16384
        // Raw buffers: the first loop below runs once per posting of every expansion.
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: window / 64)
        bits.initialize(repeating: 0, count: window / 64)
        let bound = UnsafeMutablePointer<Double>.allocate(capacity: window)
        let exact = UnsafeMutablePointer<Double>.allocate(capacity: window)
        var entryCapacity = window
        var entries = UnsafeMutablePointer<UnionEntry>.allocate(capacity: entryCapacity)
        defer {
            bits.deallocate()
            bound.deallocate()
            exact.deallocate()
            entries.deallocate()
        }
        precondition(terms.count <= Int(Int16.max))
        // Unmanaged: `terms` keeps the matchers and their cursors alive (no reference counting per posting).
        let matchers = terms.map { Unmanaged.passUnretained($0) }
        let cursors = terms.map { Unmanaged.passUnretained($0.cursor) }
        for c in cursors { _ = c._withUnsafeGuaranteedRef { $0.next() } }
        while true {
            var base = Matcher.exhausted
            for c in cursors { base = min(base, c._withUnsafeGuaranteedRef { $0.doc }) }
            if base == Matcher.exhausted { break }
            let end = Int64(base) + Int64(window)
            var entryCount = 0
            for k in 0..<terms.count {
                matchers[k]._withUnsafeGuaranteedRef { t in
                    cursors[k]._withUnsafeGuaranteedRef { cursor in
                        var block = -2
                        var ub = 0.0
                        var untitled = false
                        while Int64(cursor.doc) < end {
                            let b = cursor.currentBlock
                            if b != block {
                                block = b
                                ub = t.upperBound(block: b)
                                untitled = cursor.inUntitledBlock
                            }
                            let i = Int(cursor.doc - base)
                            let mask: UInt64 = 1 << UInt64(i & 63)
                            if bits[i >> 6] & mask == 0 {
                                bits[i >> 6] |= mask
                                bound[i] = ub
                                exact[i] = 0
                            } else {
                                bound[i] += ub
                            }
                            if entryCount == entryCapacity {
                                let grown = UnsafeMutablePointer<UnionEntry>.allocate(capacity: entryCapacity * 2)
                                grown.moveInitialize(from: entries, count: entryCount)
                                entries.deallocate()
                                entries = grown
                                entryCapacity *= 2
                            }
                            (entries + entryCount).initialize(
                                to: UnionEntry(offset: Int32(i), term: Int16(k), untitled: untitled, tf: cursor.tf))
                            entryCount += 1
                            cursor.next()
                        }
                    }
                }
            }
            // The threshold only rises while the window's matches are added, so this one is safe.
            let threshold = collector.threshold
            for n in 0..<entryCount {
                let e = entries[n]
                let i = Int(e.offset)
                guard bound[i] > threshold else { continue }
                exact[i] += matchers[Int(e.term)]._withUnsafeGuaranteedRef { $0.score(paragraph: base + e.offset, tf: e.tf, untitled: e.untitled) }
            }
            for w in 0..<(window / 64) where bits[w] != 0 {
                var word = bits[w]
                while word != 0 {
                    let i = w * 64 + word.trailingZeroBitCount
                    word &= word - 1
                    if bound[i] > threshold {
                        collector.add(score: exact[i], paragraph: base + Int32(i), group: 0)
                    } else {
                        collector.countUnranked()
                    }
                }
                bits[w] = 0
            }
        }
        collector.finishEarly(total: collector.total)
        withExtendedLifetime(terms) {}
    }
}
