#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// word with that prefix is skipped by binary search. Cost grows with the number of live prefixes,
    /// not the vocabulary size.
    func typoCandidates(of word: [UInt8], maxDistance: Int) -> [(surface: Int32, distance: Int)] {
        var out: [(surface: Int32, distance: Int)] = []
        surfaces.arena.withUnsafeBufferPointer { arena in
            surfaces.starts.withUnsafeBufferPointer { starts in
                sortedSurfaces.withUnsafeBufferPointer { sorted in
                    Self.walk(word: word, maxDistance: maxDistance, arena: arena, starts: starts, sorted: sorted, out: &out)
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

    private static func walk(
        word wordArray: [UInt8], maxDistance: Int, arena: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<UInt32>,
        sorted: UnsafeBufferPointer<Int32>, out: inout [(surface: Int32, distance: Int)]
    ) {
        let m = wordArray.count
        guard m > 0 else { return }
        let width = m + 1
        let maxDepth = m + maxDistance + 1
        // Raw buffers: this loop runs once per visited trie node and letter of the word.
        let rows = UnsafeMutablePointer<Int32>.allocate(capacity: (maxDepth + 2) * width)
        let current = UnsafeMutablePointer<UInt8>.allocate(capacity: maxDepth + 1)  // bytes whose rows are valid
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: m)
        defer {
            rows.deallocate()
            current.deallocate()
            word.deallocate()
        }
        for j in 0..<m { word[j] = wordArray[j] }
        for j in 0...m { rows[j] = Int32(j) }
        var depthValid = 0
        let base = arena.baseAddress!
        let n = sorted.count
        @inline(__always) func range(_ k: Int) -> (Int, Int) {
            let id = Int(sorted[k])
            return (Int(starts[id]), Int(starts[id + 1]))
        }
        @inline(__always) func hasPrefix(_ k: Int, _ length: Int) -> Bool {
            let (a, b) = range(k)
            guard b - a >= length else { return false }
            return memcmp(base + a, current, length) == 0
        }
        let first = word[0]
        var i = 0
        while i < n {
            let (a, b) = range(i)
            let len = b - a
            var lcp = 0
            let limit = min(depthValid, len)
            while lcp < limit && current[lcp] == base[a + lcp] { lcp += 1 }
            depthValid = lcp
            var depth = lcp
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
                current[depth] = c
                depth += 1
                depthValid = depth
                let r = rows + depth * width
                let p = r - width
                r[0] = Int32(depth)
                var rowMin = Int32(depth)
                let previousChar: UInt8 = depth > 1 ? current[depth - 2] : 0
                for j in 1...m {
                    let w = word[j - 1]
                    var v = min(p[j] + 1, r[j - 1] + 1, p[j - 1] + (w == c ? 0 : 1))
                    if depth > 1 && j > 1 && w == previousChar && word[j - 2] == c {
                        v = min(v, p[j - 2 - width] + 1)
                    }
                    r[j] = v
                    if v < rowMin { rowMin = v }
                }
                if rowMin > budget {
                    pruned = true
                    break
                }
            }
            if pruned {
                // Skip every word that starts with `current` (the failing prefix): gallop, then bisect.
                let prefixLength = depthValid
                var step = 1
                var lo = i + 1
                while lo < n && hasPrefix(lo, prefixLength) {
                    lo = i + 1 + step
                    step *= 2
                }
                var left = i + 1 + step / 4
                var right = min(lo, n)
                if step == 1 {
                    left = i + 1
                    right = i + 1
                }
                while left < right {
                    let mid = (left + right) / 2
                    if hasPrefix(mid, prefixLength) { left = mid + 1 } else { right = mid }
                }
                depthValid -= 1
                i = left
                continue
            }
            let distance = Int(rows[len * width + m])
            if distance <= Int(budget) { out.append((sorted[i], distance + maxDistance - Int(budget))) }
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
