/// Consecutive terms: all terms present with positions `p + offset[i]`.
///
/// Paragraphs come from a conjunction of the terms' cursors (rarest first, driven here rather than by
/// a ``ConjunctionMatcher`` so that no matcher is called virtually per paragraph); positions are
/// decoded only for those, straight from the cursors into buffers the matcher owns, and a later
/// term's positions only while some phrase start survives.
final class PhraseMatcher: Matcher {
    let terms: [TermMatcher]
    let offsets: [Int32]
    /// The terms rarest first (the order ``ConjunctionMatcher`` uses, and sums scores in).
    private let byCost: [TermMatcher]
    private let lead: PostingCursor
    private let second: PostingCursor
    private let others: [PostingCursor]
    /// The first two terms' cursors in phrase order, and the rest.
    private let first: PostingCursor
    private let next1: PostingCursor
    private let rest: [PostingCursor]
    /// Candidate phrase starts (then the surviving ones) of the current paragraph.
    private var starts: UnsafeMutablePointer<Int32>
    private var startCount = 0
    /// One term's positions.
    private var scratch: UnsafeMutablePointer<Int32>
    private var capacity = 64
    /// Whether the lead is rare enough beside the second term that most of its postings make the
    /// others jump to blocks far apart (see ``prefetchAhead()``).
    private let prefetching: Bool

    init(terms: [TermMatcher], offsets: [Int32]) {
        self.terms = terms
        self.offsets = offsets
        precondition(terms.count >= 2, "a phrase has two words or more")
        byCost = terms.sorted { $0.cost < $1.cost }
        lead = byCost[0].cursor
        second = byCost[1].cursor
        others = byCost.dropFirst(2).map(\.cursor)
        prefetching = byCost[1].cost >= 32 * byCost[0].cost
        first = terms[0].cursor
        next1 = terms[1].cursor
        rest = terms.dropFirst(2).map(\.cursor)
        starts = .allocate(capacity: capacity)
        scratch = .allocate(capacity: capacity)
    }

    deinit {
        starts.deallocate()
        scratch.deallocate()
    }

    override var cost: Int { byCost[0].cost }

    /// The first paragraph at or after `start` (a paragraph of the lead cursor) holding every term.
    @inline(__always)
    private func align(_ start: Int32) -> Int32 {
        var target = start
        outer: while target != Self.exhausted {
            if prefetching { prefetchAhead() }
            let d = second.doc >= target ? second.doc : second.advance(to: target)
            if d != target {
                if d == Self.exhausted { return d }
                target = lead.advance(to: d)
                continue
            }
            for c in others {
                let e = c.doc >= target ? c.doc : c.advance(to: target)
                if e != target {
                    if e == Self.exhausted { return e }
                    target = lead.advance(to: e)
                    continue outer
                }
            }
            return target
        }
        return target
    }

    /// Lead postings ahead of the current one whose blocks in the other cursors are loaded early.
    private static let lookahead = 3

    /// Starts loading, in the other cursors, the blocks that the lead posting ``lookahead`` ahead
    /// will need (see ``PostingCursor/prefetch(reaching:)``).
    @inline(__always)
    private func prefetchAhead() {
        let w = lead.decodedWindow
        let i = w.current &+ Self.lookahead
        guard i < w.end else { return }
        let target = Int32(bitPattern: w.docs[i])
        second.prefetch(reaching: target)
        for c in others { c.prefetch(reaching: target) }
    }

    private func check(_ d: Int32) -> Int32 {
        var d = d
        while d != Self.exhausted {
            if matchesPhrase() {
                doc = d
                return d
            }
            d = align(lead.next())
        }
        doc = d
        return d
    }

    /// Makes room for `n` positions in each buffer, keeping the first `keep` starts.
    private func reserve(_ n: Int, keeping keep: Int) {
        guard n > capacity else { return }
        while capacity < n { capacity *= 2 }
        let s = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        s.update(from: starts, count: keep)
        starts.deallocate()
        scratch.deallocate()
        starts = s
        scratch = .allocate(capacity: capacity)
    }

    /// Phrase starts in the current paragraph: positions of the first term, kept while every later
    /// term occurs at the right offset (two-pointer walks over sorted position lists).
    private func matchesPhrase() -> Bool {
        reserve(Int(first.tf), keeping: 0)
        var n = first.decodePositions(to: starts)
        let base0 = offsets[0]
        if base0 != 0 { for i in 0..<n { starts[i] -= base0 } }
        n = keep(n, next1, offset: offsets[1])
        var k = 2
        while k < terms.count && n > 0 {
            n = keep(n, rest[k - 2], offset: offsets[k])
            k += 1
        }
        startCount = n
        return n > 0
    }

    /// Keeps the first `n` starts that have `cursor`'s term at `offset` words after them; returns how many.
    @inline(__always)
    private func keep(_ n: Int, _ cursor: PostingCursor, offset off: Int32) -> Int {
        reserve(Int(cursor.tf), keeping: n)
        let m = cursor.decodePositions(to: scratch)
        var kept = 0
        var j = 0
        for i in 0..<n {
            let want = starts[i] + off
            while j < m && scratch[j] < want { j += 1 }
            if j == m { break }
            if scratch[j] == want {
                starts[kept] = starts[i]
                kept += 1
            }
        }
        return kept
    }

    override func next() -> Int32 {
        if doc == Self.exhausted { return doc }
        return check(align(lead.next()))
    }

    override func advance(to target: Int32) -> Int32 {
        if doc >= target { return doc }
        return check(align(lead.advance(to: target)))
    }

    override func score() -> Double {
        // Phrase frequency replaces term frequency: reward repeated phrases modestly.
        var base = 0.0
        for t in byCost { base += t.score(paragraph: doc, tf: t.cursor.tf) }
        return base * (1 + 0.1 * Double(startCount - 1))
    }

    override func positions(into out: inout [Int32]) { out.append(contentsOf: UnsafeBufferPointer(start: starts, count: startCount)) }
}
