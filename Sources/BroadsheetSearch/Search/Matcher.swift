import CPrefetch

/// Read-only scoring inputs shared by the matchers of one search.
final class ScoringContext {
    let k1: Double
    let b: Double
    let averageLength: Double
    let averageTitleLength: Double
    let titleBoost: Double
    /// Per paragraph: its length code (``SearchIndex/paragraphLengthCode``).
    let paragraphLengthCode: [UInt8]
    /// ``BlockBound/decodedLengths`` (held here: no lazy-global check per posting).
    let decodedLengths = BlockBound.decodedLengths
    /// Per stem: does it occur in any title (else the title part is skipped without a look-up).
    let titleMaxFrequency: [UInt8]
    /// Per stem: the length code of the shortest title holding it (0xFF when none).
    let titleMinLength: [UInt8]
    let paragraphDocument: ParagraphDocuments
    let titles: TitleIndex

    init(index: borrowing SearchIndex) {
        let c = index.configuration
        k1 = c.k1
        b = c.b
        titleBoost = c.titleBoost
        let live = max(1, index.liveParagraphs)
        averageLength = max(1, Double(index.totalLength) / Double(live))
        lengthFree = k1 * (1 - b)
        perWord = k1 * b / averageLength
        averageTitleLength = max(1, Double(index.totalTitleLength) / Double(max(1, index.documentCount)))
        paragraphLengthCode = index.paragraphLengthCode
        titleMaxFrequency = index.titleMaxFrequency
        titleMinLength = index.titleMinLength
        paragraphDocument = index.paragraphDocument
        titles = index.titles
    }

    /// `k1 (1 − b)` and `k1 b / averageLength`: BM25's length normalisation is
    /// `k1 (1 − b + b dl / averageLength) = lengthFree + perWord × dl`, one division fewer a posting.
    let lengthFree: Double
    let perWord: Double

    /// BM25 of one term in one paragraph body.
    @inline(__always)
    func bodyScore(idf: Double, tf: Int32, paragraph: Int32) -> Double {
        let f = Double(tf)
        let dl = decodedLengths[Int(paragraphLengthCode[Int(paragraph)])]
        return idf * (k1 + 1) * f / (f + lengthFree + perWord * dl)
    }

    /// Starts loading paragraph `p`'s length code for ``bodyScore(idf:tf:paragraph:)`` (a hint).
    @inline(__always)
    func prefetchLength(paragraph p: Int) {
        paragraphLengthCode.withUnsafeBufferPointer { broadsheet_prefetch($0.baseAddress! + p) }
    }

    /// Boosted BM25 of one term in a document's title (0 when absent).
    func titleScore(idf: Double, count: Int, length: Int) -> Double {
        guard titleBoost > 0, count > 0 else { return 0 }
        let tf = Double(count)
        let tl = Double(length)
        return titleBoost * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * tl / averageTitleLength))
    }
}

/// A node of the evaluation tree: iterates matching paragraphs in increasing id order.
class Matcher {
    static let exhausted = PostingCursor.exhausted
    /// Current paragraph; -1 before the first `next()`, ``exhausted`` at the end.
    final var doc: Int32 = -1
    /// Estimated number of matches (for ordering conjunctions, rarest first).
    var cost: Int { 0 }

    @discardableResult func next() -> Int32 { fatalError("abstract") }
    @discardableResult func advance(to target: Int32) -> Int32 { fatalError("abstract") }
    /// Score of the current paragraph.
    func score() -> Double { 0 }
    /// Word positions of the current match (for the proximity bonus); empty when not positional.
    func positions(into out: inout [Int32]) {}
}

/// Matches nothing.
final class EmptyMatcher: Matcher {
    override init() {
        super.init()
        doc = Self.exhausted
    }
    override func next() -> Int32 { doc }
    override func advance(to target: Int32) -> Int32 { doc }
}

/// One indexed term.
final class TermMatcher: Matcher {
    let cursor: PostingCursor
    let term: Int32
    let idf: Double
    /// The idf of the title field (over documents and their titles: each field scored with its own
    /// statistics, as a sum of per-field BM25 is).
    let titleIdf: Double
    let weight: Double
    let context: ScoringContext
    private var cachedDoc: Int32 = -1
    private var cached: [Int32] = []

    init(cursor: PostingCursor, term: Int32, idf: Double, titleIdf: Double, weight: Double, context: ScoringContext) {
        self.cursor = cursor
        self.term = term
        self.idf = idf
        self.titleIdf = titleIdf
        self.weight = weight
        self.context = context
    }

    override var cost: Int { cursor.count }

    override func next() -> Int32 {
        doc = cursor.next()
        return doc
    }

    override func advance(to target: Int32) -> Int32 {
        doc = cursor.advance(to: target)
        return doc
    }

    private var titleDocument = -1
    private var titlePart = 0.0
    /// Where the title part's look-ups are in the term's title list (made at the first look-up; not
    /// a `lazy` property, whose every access would copy the cursor out and back).
    @exclusivity(unchecked) private var titleCursor = TitleCursor()
    private var titleCursorMade = false
    /// Whether the term occurs in any title (else its scores have no title part).
    private(set) lazy var inSomeTitle: Bool = {
        let t = Int(term)
        return context.titleBoost > 0 && t < context.titleMaxFrequency.count && context.titleMaxFrequency[t] > 0
    }()

    override func score() -> Double { score(paragraph: doc, tf: cursor.tf, untitled: cursor.inUntitledBlock) }

    /// ``score(paragraph:tf:)`` of a posting known to have no title part when `untitled` (it lies in
    /// a block without postings of documents titled with the term): the title look-ups (three
    /// scattered reads) are skipped. `x + 0.0 == x`, so the score is the same.
    @inline(__always)
    func score(paragraph: Int32, tf: Int32, untitled: Bool) -> Double {
        if inSomeTitle && !untitled { return score(paragraph: paragraph, tf: tf) }
        return weight * context.bodyScore(idf: idf, tf: tf, paragraph: paragraph)
    }

    /// The score of a posting of this term: paragraph `paragraph` holding it `tf` times.
    @inline(__always)
    func score(paragraph: Int32, tf: Int32) -> Double {
        guard inSomeTitle else { return weight * context.bodyScore(idf: idf, tf: tf, paragraph: paragraph) }
        return weight * (context.bodyScore(idf: idf, tf: tf, paragraph: paragraph) + title(paragraph: paragraph))
    }

    /// The (unweighted) title part of the scores in `paragraph`'s document; the term must be in some title.
    @inline(__always)
    func title(paragraph: Int32) -> Double {
        // Paragraphs of one document are contiguous: compute the title part once per document.
        let d = Int(context.paragraphDocument[Int(paragraph)])
        if d != titleDocument {
            titleDocument = d
            if !titleCursorMade {
                titleCursor = context.titles.cursor(for: term)
                titleCursorMade = true
            }
            let count = context.titles.occurrences(&titleCursor, inDocument: d)
            titlePart = count == 0 ? 0 : context.titleScore(idf: titleIdf, count: count, length: context.titles.length(ofDocument: d))
        }
        return titlePart
    }

    /// ``score()`` from the current posting's body part, as ``currentBody()`` gave it.
    @inline(__always)
    func score(body: Double) -> Double {
        if inSomeTitle && !cursor.inUntitledBlock { return weight * (body + title(paragraph: doc)) }
        return weight * body
    }

    /// The (unweighted) body part of the current posting's score.
    @inline(__always)
    func currentBody() -> Double { context.bodyScore(idf: idf, tf: cursor.tf, paragraph: doc) }

    /// An upper bound of ``score(paragraph:tf:)`` over the postings of a block with statistics
    /// `bound` (with a relative margin for rounding).
    @inline(__always)
    func upperBound(_ bound: BlockBound) -> Double {
        let c = context
        let scale = idf * (c.k1 + 1)
        @inline(__always) func body(_ tf: UInt32, _ length: UInt32) -> Double {
            if tf >= 255 { return scale }
            let f = Double(tf)
            return scale * f / (f + c.lengthFree + c.perWord * Double(length))
        }
        var best = 0.0
        if bound.minLengthTF1 != 0xFFFF { best = body(1, bound.minLengthTF1) }
        if bound.minLengthTF2 != 0xFFFF { best = max(best, body(2, bound.minLengthTF2)) }
        if bound.minLengthTF3 != 0xFFFF { best = max(best, body(max(3, bound.maxTF), bound.minLengthTF3)) }
        let titledTF = bound.titledMaxTF
        if titledTF > 0 {
            best = max(best, body(titledTF, bound.titledMinLength) + titleBound(bound))
        }
        return weight * best * (1 + 1e-6)
    }

    /// An upper bound of the title part (unweighted) of the scores of a block with statistics `bound`.
    @inline(__always)
    private func titleBound(_ bound: BlockBound) -> Double {
        guard inSomeTitle, bound.titledMaxTF > 0 else { return 0 }
        let c = context
        let titleScale = c.titleBoost * titleIdf * (c.k1 + 1)
        let tt = bound.maxTitleTF
        if tt >= 255 { return titleScale }
        let t = Double(tt)
        return titleScale * t / (t + c.k1 * (1 - c.b + c.b * Double(bound.minTitleLength) / c.averageTitleLength))
    }

    /// ``titleBound(_:)`` of block `k` of the cursor, or of any title part when `k` is -1 (from the
    /// term's most occurrences in one title and its shortest title).
    func titleBound(block k: Int) -> Double {
        if k >= 0 { return titleBound(cursor.blockBound(k)) }
        guard inSomeTitle else { return 0 }
        let c = context
        let titleScale = c.titleBoost * titleIdf * (c.k1 + 1)
        let tt = c.titleMaxFrequency[Int(term)]
        if tt == 255 { return titleScale }
        let t = Double(tt)
        return titleScale * t / (t + c.k1 * (1 - c.b + c.b * c.decodedLengths[Int(c.titleMinLength[Int(term)])] / c.averageTitleLength))
    }

    private var titleBoundBlock = -2
    private var titleBoundValue = 0.0

    /// An upper bound of the current posting's score from its exact body part `body` (see
    /// ``currentBody()``) and its block's title bound: with it, a posting that cannot make the top
    /// hits is passed without the title look-up.
    @inline(__always)
    func upperBound(body: Double) -> Double { upperBound(body: body, block: cursor.currentBlock) }

    /// An upper bound of a score whose exact body part is `body`, in block `k` of the cursor (see
    /// ``PostingCursor/currentBlock``; -1 outside full blocks).
    @inline(__always)
    func upperBound(body: Double, block k: Int) -> Double {
        if k != titleBoundBlock {
            titleBoundBlock = k
            titleBoundValue = titleBound(block: k)
        }
        return weight * (body + titleBoundValue) * (1 + 1e-6)
    }

    /// An upper bound of the scores in block `k` of the cursor (see ``PostingCursor/currentBlock``), or of
    /// all the term's scores when `k` is -1.
    func upperBound(block k: Int) -> Double {
        guard k >= 0 else { return weight * (idf * (context.k1 + 1) + titleBound(block: k)) * (1 + 1e-6) }
        return upperBound(cursor.blockBound(k))
    }

    private var boundBlock = -2
    private var boundValue = 0.0

    /// ``upperBound(block:)`` of the cursor's current block (computed once per block).
    @inline(__always)
    func currentUpperBound() -> Double {
        let k = cursor.currentBlock
        if k != boundBlock {
            boundBlock = k
            boundValue = upperBound(block: k)
        }
        return boundValue
    }

    /// Positions of the term in the current paragraph (decoded once per paragraph).
    func currentPositions() -> [Int32] {
        if cachedDoc != doc {
            cached.removeAll(keepingCapacity: true)
            cursor.positions(into: &cached)
            cachedDoc = doc
        }
        return cached
    }

    override func positions(into out: inout [Int32]) { out.append(contentsOf: currentPositions()) }
}

/// Any of many matchers (prefix expansions, long ORs), evaluated a window of paragraphs at a time:
/// each child adds its scores for the window into a small accumulator and a bitset, and matches are
/// then read off in order. Cost is proportional to the postings, not postings × children. Children's
/// positions are not kept, so this clause gives no proximity bonus.
final class WindowedDisjunctionMatcher: Matcher {
    static let window = 2048
    let children: [Matcher]
    private var base: Int32 = 0
    private var scores = [Double](repeating: 0, count: window)
    private var bits = [UInt64](repeating: 0, count: window / 64)
    private var loaded = false

    init(_ children: [Matcher]) { self.children = children }

    override var cost: Int { children.reduce(0) { $0 + $1.cost } }

    /// Clears the accumulator and loads the window starting at the first child paragraph ≥ `start`.
    private func fill(from start: Int32) -> Bool {
        for w in 0..<bits.count where bits[w] != 0 {
            var word = bits[w]
            while word != 0 {
                scores[w * 64 + word.trailingZeroBitCount] = 0
                word &= word - 1
            }
            bits[w] = 0
        }
        var first = Self.exhausted
        for c in children {
            if c.doc < start { c.advance(to: start) }
            if c.doc < first { first = c.doc }
        }
        guard first != Self.exhausted else { return false }
        base = first
        let end = Int64(base) + Int64(Self.window)
        for c in children {
            while Int64(c.doc) < end {
                let i = Int(c.doc - base)
                scores[i] += c.score()
                bits[i >> 6] |= 1 << UInt64(i & 63)
                c.next()
            }
        }
        loaded = true
        return true
    }

    /// The first set bit at or after window offset `from`, if any.
    private func nextBit(from: Int) -> Int? {
        var w = from >> 6
        guard w < bits.count else { return nil }
        var word = bits[w] & (~0 << UInt64(from & 63))
        while true {
            if word != 0 { return w * 64 + word.trailingZeroBitCount }
            w += 1
            if w >= bits.count { return nil }
            word = bits[w]
        }
    }

    private func seek(from offset: Int) -> Int32 {
        var offset = offset
        while true {
            if loaded, let i = nextBit(from: offset) {
                doc = base + Int32(i)
                return doc
            }
            let next = loaded ? base + Int32(Self.window) : 0
            guard fill(from: next) else {
                doc = Self.exhausted
                return doc
            }
            offset = 0
        }
    }

    override func next() -> Int32 {
        if doc == Self.exhausted { return doc }
        return seek(from: loaded && doc >= base ? Int(doc - base) + 1 : 0)
    }

    override func advance(to target: Int32) -> Int32 {
        if doc >= target { return doc }
        if loaded && Int64(target) < Int64(base) + Int64(Self.window) { return seek(from: Int(max(0, target - base))) }
        guard fill(from: target) else {
            doc = Self.exhausted
            return doc
        }
        return seek(from: 0)
    }

    override func score() -> Double { scores[Int(doc - base)] }
}

/// All required matchers (rarest first) and none of the excluded ones.
final class ConjunctionMatcher: Matcher {
    let required: [Matcher]
    let excluded: [Matcher]

    /// When every required matcher is a term and none is excluded: the terms, whose cursors are then
    /// aligned directly (no virtual call per posting), and their cursors rarest first.
    let terms: [TermMatcher]
    /// Unmanaged: the term matchers in ``required`` keep them alive (no reference counting per posting).
    private let leadCursor: Unmanaged<PostingCursor>?
    private let secondCursor: Unmanaged<PostingCursor>?
    private let otherCursors: [Unmanaged<PostingCursor>]
    private let termCursors: [(term: Unmanaged<TermMatcher>, cursor: Unmanaged<PostingCursor>)]

    init(required: [Matcher], excluded: [Matcher]) {
        self.required = required.sorted { $0.cost < $1.cost }
        self.excluded = excluded
        let terms = self.required.compactMap { $0 as? TermMatcher }
        if excluded.isEmpty && terms.count >= 2 && terms.count == self.required.count {
            self.terms = terms
            leadCursor = .passUnretained(terms[0].cursor)
            secondCursor = .passUnretained(terms[1].cursor)
            otherCursors = terms.dropFirst(2).map { .passUnretained($0.cursor) }
            termCursors = terms.map { (.passUnretained($0), .passUnretained($0.cursor)) }
        } else {
            self.terms = []
            leadCursor = nil
            secondCursor = nil
            otherCursors = []
            termCursors = []
        }
    }

    override var cost: Int { required.first?.cost ?? 0 }

    /// Whether the two rarest terms' cursors align by ``PostingCursor/mergeDecoded(_:_:)``.
    private lazy var mergeDecoded: Bool = {
        guard let lead = leadCursor, let second = secondCursor else { return false }
        return PostingCursor.shouldMerge(lead.takeUnretainedValue(), second.takeUnretainedValue())
    }()

    override func next() -> Int32 {
        if let lead = leadCursor { return alignCursors(lead.withInstance { $0.next() }) }
        let lead = required[0]
        return align(lead.next())
    }

    override func advance(to target: Int32) -> Int32 {
        if let lead = leadCursor { return alignCursors(lead.withInstance { $0.advance(to: target) }) }
        let lead = required[0]
        return align(lead.advance(to: target))
    }

    /// ``align(_:)`` over the terms' cursors; the term matchers' ``Matcher/doc`` is brought up to date
    /// on return (their scores and positions read it).
    private func alignCursors(_ start: Int32) -> Int32 {
        leadCursor!.withInstance { lead in
            secondCursor!.withInstance { second in
                var target = start
                outer: while target != Self.exhausted {
                    if mergeDecoded {
                        target = PostingCursor.mergeDecoded(lead, second)
                        if target == Self.exhausted { break }
                    }
                    let d = second.doc >= target ? second.doc : second.advance(to: target)
                    if d != target {
                        if d == Self.exhausted {
                            target = d
                            break
                        }
                        target = lead.advance(to: d)
                        continue
                    }
                    for other in otherCursors {
                        let e = other.withInstance { c in c.doc >= target ? c.doc : c.advance(to: target) }
                        if e != target {
                            if e == Self.exhausted {
                                target = e
                                break outer
                            }
                            target = lead.advance(to: e)
                            continue outer
                        }
                    }
                    break
                }
                for (term, cursor) in termCursors {
                    term.withInstance { $0.doc = cursor.withInstance { $0.doc } }
                }
                doc = target
                return target
            }
        }
    }

    private func align(_ start: Int32) -> Int32 {
        var target = start
        outer: while target != Self.exhausted {
            var k = 1
            while k < required.count {
                let m = required[k]
                k += 1
                if m.doc >= target { if m.doc == target { continue } }
                let d = m.doc > target ? m.doc : m.advance(to: target)
                if d == Self.exhausted { break outer }
                if d > target {
                    target = required[0].advance(to: d)
                    continue outer
                }
            }
            for m in excluded {
                if m.doc < target { m.advance(to: target) }
                if m.doc == target {
                    target = required[0].advance(to: target + 1)
                    continue outer
                }
            }
            doc = target
            return target
        }
        doc = Self.exhausted
        return doc
    }

    override func score() -> Double {
        var s = 0.0
        for m in required { s += m.score() }
        return s
    }

    override func positions(into out: inout [Int32]) {
        let start = out.count
        for m in required { m.positions(into: &out) }
        out[start...].sort()
    }
}

/// A fixed sorted list of paragraph ids (filters).
final class ListMatcher: Matcher {
    let ids: [Int32]
    /// A score per id (an entity filter's mentions), or `nil`: the list only filters.
    let weights: [Double]?
    private var i = -1

    init(_ ids: [Int32], weights: [Double]? = nil) {
        self.ids = ids
        self.weights = weights
    }

    override var cost: Int { ids.count }

    override func score() -> Double {
        guard let weights, i >= 0, i < weights.count else { return 0 }
        return weights[i]
    }

    override func next() -> Int32 {
        i += 1
        doc = i < ids.count ? ids[i] : Self.exhausted
        return doc
    }

    override func advance(to target: Int32) -> Int32 {
        if doc >= target { return doc }
        var lo = max(0, i)
        var hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        i = lo
        doc = i < ids.count ? ids[i] : Self.exhausted
        return doc
    }
}

/// Every paragraph id in `0..<count`.
final class AllMatcher: Matcher {
    let count: Int32

    init(count: Int) { self.count = Int32(count) }

    override var cost: Int { Int(count) }

    override func next() -> Int32 {
        doc = doc + 1 < count ? doc + 1 : Self.exhausted
        return doc
    }

    override func advance(to target: Int32) -> Int32 {
        if doc >= target { return doc }
        doc = target < count ? target : Self.exhausted
        return doc
    }
}

/// Any of several matchers (OR, prefix and typo expansions). Scores add up.
///
/// Children are scanned linearly for the smallest paragraph: with up to ~50 children this measured
/// twice as fast as a binary heap of class references.
final class DisjunctionMatcher: Matcher {
    let children: [Matcher]

    init(_ children: [Matcher]) { self.children = children }

    override var cost: Int { children.reduce(0) { $0 + $1.cost } }

    private func settle() -> Int32 {
        var m = Self.exhausted
        for c in children where c.doc < m { m = c.doc }
        doc = m
        return m
    }

    override func next() -> Int32 {
        if doc < 0 {
            for c in children { c.next() }
        } else {
            for c in children where c.doc == doc { c.next() }
        }
        return settle()
    }

    override func advance(to target: Int32) -> Int32 {
        for c in children where c.doc < target { c.advance(to: target) }
        return settle()
    }

    override func score() -> Double {
        var s = 0.0
        for c in children where c.doc == doc { s += c.score() }
        return s
    }

    override func positions(into out: inout [Int32]) {
        let start = out.count
        for c in children where c.doc == doc { c.positions(into: &out) }
        out[start...].sort()
    }
}

