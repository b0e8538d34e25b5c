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
    /// `word` (folded bytes), with their distances.
    ///
    /// Walks the sorted vocabulary as an implicit trie: dynamic-programming rows are shared by
    /// consecutive words with a common prefix, and when a row's minimum exceeds `maxDistance`, every
    /// word with that prefix is skipped by binary search. Cost grows with the number of live prefixes,
    /// not the vocabulary size.
    func typoCandidates(of word: [UInt8], maxDistance: Int) -> [(surface: Int32, distance: Int)] {
        let m = word.count
        let width = m + 1
        let maxDepth = m + maxDistance + 1
        var rows = [Int](repeating: 0, count: (maxDepth + 1) * width)
        for j in 0...m { rows[j] = j }
        var out: [(Int32, Int)] = []
        var current: [UInt8] = []  // bytes whose rows are valid (rows 1...current.count)
        let n = sortedSurfaces.count
        var i = 0
        while i < n {
            let id = sortedSurfaces[i]
            let t = surfaces.bytes(id)
            // Common prefix with the bytes whose rows are computed.
            var lcp = 0
            let limit = min(current.count, t.count)
            var ti = t.startIndex
            while lcp < limit && current[lcp] == t[ti] {
                lcp += 1
                ti += 1
            }
            current.removeLast(current.count - lcp)
            var depth = lcp
            var pruned = false
            while depth < t.count {
                if depth + 1 > maxDepth {
                    pruned = true
                    break
                }
                let c = t[t.startIndex + depth]
                current.append(c)
                depth += 1
                let r = depth * width
                let p = (depth - 1) * width
                rows[r] = depth
                var rowMin = depth
                for j in 1...max(1, m) where m > 0 {
                    let cost = word[j - 1] == c ? 0 : 1
                    var v = min(rows[p + j] + 1, rows[r + j - 1] + 1, rows[p + j - 1] + cost)
                    if depth > 1 && j > 1 && word[j - 1] == current[depth - 2] && word[j - 2] == c {
                        v = min(v, rows[(depth - 2) * width + j - 2] + 1)
                    }
                    rows[r + j] = v
                    if v < rowMin { rowMin = v }
                }
                if rowMin > maxDistance {
                    pruned = true
                    break
                }
            }
            if pruned {
                // Skip every word that starts with `current` (the failing prefix).
                let prefix = current
                var lo = i + 1
                var hi = n
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if surfaces.bytes(sortedSurfaces[mid]).starts(with: prefix) { lo = mid + 1 } else { hi = mid }
                }
                current.removeLast()
                i = lo
                continue
            }
            let distance = rows[t.count * width + m]
            if distance <= maxDistance { out.append((id, distance)) }
            i += 1
        }
        // The unsorted tail (words added since the last compaction): plain bounded comparisons.
        for id in sortedSurfaces.count..<surfaces.count {
            let t = Array(surfaces.bytes(Int32(id)))
            guard abs(t.count - m) <= maxDistance else { continue }
            let d = Self.osaDistance(word, t)
            if d <= maxDistance { out.append((Int32(id), d)) }
        }
        return out.map { (surface: $0.0, distance: $0.1) }
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
