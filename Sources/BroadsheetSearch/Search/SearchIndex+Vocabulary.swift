/// Vocabulary look-ups over the sorted surface forms: prefix ranges and typo candidates.
extension SearchIndex {
    /// Surface ids whose bytes start with `prefix` (sorted part by binary search, plus the unsorted tail).
    func surfaces(withPrefix prefix: [UInt8]) -> [Int32] {
        var out: [Int32] = []
        var lo = 0
        var hi = sortedSurfaces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if surfaces.bytes(sortedSurfaces[mid]).lexicographicallyPrecedes(prefix) { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < sortedSurfaces.count, surfaces.bytes(sortedSurfaces[i]).starts(with: prefix) {
            out.append(sortedSurfaces[i])
            i += 1
        }
        for id in sortedSurfaces.count..<surfaces.count where surfaces.bytes(Int32(id)).starts(with: prefix) {
            out.append(Int32(id))
        }
        return out
    }

    /// Surface forms within Damerau–Levenshtein (optimal string alignment) distance `maxDistance` of
    /// `word` (folded bytes), with their distances. A candidate whose first byte differs from the
    /// word's pays one extra (a first-character typo counts as two, as in Meilisearch).
    ///
    /// Walks the sorted vocabulary as an implicit trie: dynamic-programming rows are shared by
    /// consecutive words with a common prefix, and when a row's minimum exceeds `maxDistance`, every
    /// word with that prefix is skipped by binary search. Only the diagonal band of each row that can
    /// stay within `maxDistance` is computed (2 × maxDistance + 1 cells; the cells just outside it hold
    /// maxDistance + 1). Cost grows with the number of live prefixes, not the vocabulary size.
    func typoCandidates(of word: [UInt8], maxDistance: Int) -> [(surface: Int32, distance: Int)] {
        var out: [(surface: Int32, distance: Int)] = []
        surfaces.arena.withUnsafeBufferPointer { arena in
            surfaces.starts.withUnsafeBufferPointer { starts in
                sortedSurfaces.withUnsafeBufferPointer { sorted in
                    sortedSharedPrefix.withUnsafeBufferPointer { shared in
                        Self.walk(
                            word: word, maxDistance: maxDistance, arena: arena, starts: starts, sorted: sorted, shared: shared,
                            out: &out)
                    }
                }
            }
        }
        // The unsorted tail (words added since the last compaction): plain bounded comparisons.
        for id in sortedSurfaces.count..<surfaces.count {
            let t = Array(surfaces.bytes(Int32(id)))
            guard abs(t.count - word.count) <= maxDistance, !t.isEmpty else { continue }
            let d = Self.osaDistance(word, t) + (t[0] != word[0] ? 1 : 0)
            if d <= maxDistance { out.append((Int32(id), d)) }
        }
        return out
    }

    /// The trie walk of ``typoCandidates(of:maxDistance:)``. `shared[k]` is the length of the prefix
    /// sorted word k shares with word k − 1 (a lower bound past 255): moving to the next word keeps the
    /// rows of that prefix, and skipping a failing prefix of length L passes every following word that
    /// shares at least L bytes, without reading their bytes.
    private static func walk(
        word wordArray: [UInt8], maxDistance: Int, arena: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<UInt32>,
        sorted: UnsafeBufferPointer<Int32>, shared: UnsafeBufferPointer<UInt8>, out: inout [(surface: Int32, distance: Int)]
    ) {
        let m = wordArray.count
        guard m > 0 else { return }
        let width = m + 1
        let maxDepth = m + maxDistance + 1
        // Raw buffers: this loop runs once per visited trie node and letter of the word.
        let rows = UnsafeMutablePointer<Int32>.allocate(capacity: (maxDepth + 2) * width)
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: m)
        defer {
            rows.deallocate()
            word.deallocate()
        }
        for j in 0..<m { word[j] = wordArray[j] }
        for j in 0...m { rows[j] = Int32(j) }
        let beyond = Int32(maxDistance + 1)
        /// Depth up to which `rows` hold the current word's prefix.
        var depthValid = 0
        let base = arena.baseAddress!
        let n = sorted.count
        let first = word[0]
        var i = 0
        while i < n {
            let id = Int(sorted[i])
            let a = Int(starts[id])
            let len = Int(starts[id + 1]) - a
            depthValid = min(depthValid, Int(shared[i]), len)
            var depth = depthValid
            var pruned = false
            // A typo on the first character counts as two (as Meilisearch counts it).
            var budget = Int32(maxDistance)
            if len > 0 && base[a] != first { budget -= 1 }
            while depth < len {
                if depth + 1 > maxDepth {
                    pruned = true
                    break
                }
                let c = base[a + depth]
                depth += 1
                let r = rows + depth * width
                let p = r - width
                r[0] = Int32(depth)
                var rowMin = Int32(depth)
                let previousChar: UInt8 = depth > 1 ? base[a + depth - 2] : 0
                // Cells with |depth − j| > maxDistance exceed it; the band's neighbours read `beyond`.
                let jLow = max(1, depth - maxDistance)
                let jHigh = min(m, depth + maxDistance)
                if jLow > 1 { r[jLow - 1] = beyond }
                if jHigh < m { r[jHigh + 1] = beyond }
                var j = jLow
                while j <= jHigh {
                    let w = word[j - 1]
                    var v = min(p[j] + 1, r[j - 1] + 1, p[j - 1] + (w == c ? 0 : 1))
                    if depth > 1 && j > 1 && w == previousChar && word[j - 2] == c {
                        v = min(v, p[j - 2 - width] + 1)
                    }
                    r[j] = v
                    if v < rowMin { rowMin = v }
                    j += 1
                }
                depthValid = depth
                if rowMin > budget {
                    pruned = true
                    break
                }
            }
            if pruned {
                // Skip every following word that starts with the failing prefix (its first `depth` bytes).
                let failing = depth
                i += 1
                while i < n && Int(shared[i]) >= failing { i += 1 }
                depthValid = min(depthValid, failing - 1)
                continue
            }
            if abs(len - m) <= maxDistance {
                let distance = Int(rows[len * width + m])
                if distance <= Int(budget) { out.append((sorted[i], distance + maxDistance - Int(budget))) }
            }
            i += 1
        }
    }

    /// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions).
    static func osaDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = a.count
        let m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        var d = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { d[i][0] = i }
        for j in 0...m { d[0][j] = j }
        for i in 1...n {
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[n][m]
    }
}
