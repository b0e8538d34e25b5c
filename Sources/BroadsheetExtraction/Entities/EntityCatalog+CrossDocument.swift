extension EntityCatalog {
    /// What cross-document merging knows of one entity: its type and every form it goes by (name first).
    struct MergeCandidate {
        var type: EntityType
        var forms: [String]
    }

    /// Generational suffixes: a name ending in one is a different person from the bare surname's bearer.
    private static let generationalSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// For each candidate, the candidate it merges into (itself when none).
    ///
    /// Within a document the recogniser already ties "Trump" to "Donald Trump"; across documents a short
    /// form stands alone when its document never gives the full name. A candidate merges into another of
    /// the same type with more words when the target is the only one that (a) uses its name as a form
    /// (`NATO` → `North Atlantic Treaty Organization` with alias `NATO`), or (b) for a one-word person, has
    /// it as surname (`Trump` → `Donald Trump`). Two possible targets (`Trump` with `Donald Trump` and
    /// `Melania Trump`) mean no merge. Money and percentages never merge this way. A name the lexicons know as
    /// a place never merges this way, and a known place or organisation is never a surname (`Oslo` does not
    /// join `Erik Oslo`).
    static func crossDocumentTargets(_ candidates: [MergeCandidate], lexicons: EntityLexicons = .shared) -> [Int] {
        let mergeable: Set<EntityType> = [.person, .organization, .location, .other, .product]
        let folded = candidates.map { fold($0.forms.first ?? "") }
        let wordCounts = folded.map { words($0).count }
        var byForm: [String: [Int]] = [:]
        var bySurname: [String: [Int]] = [:]
        for (i, candidate) in candidates.enumerated() where mergeable.contains(candidate.type) {
            for form in Set(candidate.forms.map(fold)) { byForm["\(candidate.type.rawValue)|\(form)", default: []].append(i) }
            let nameWords = words(folded[i])
            if candidate.type == .person, nameWords.count >= 2, let last = nameWords.last,
                !generationalSuffixes.contains(last)
            {
                bySurname[last, default: []].append(i)
            }
        }
        var targets = Array(candidates.indices)
        for (i, candidate) in candidates.enumerated() where mergeable.contains(candidate.type) && wordCounts[i] > 0 {
            // A name the lexicons know as a place never joins a longer name by itself, and a known place or
            // organisation is never taken for a surname: only the document that writes both can tie them.
            let known = lexicons.known[candidate.forms.first ?? ""]
            if known?.kind == .location { continue }
            var options = Set(byForm["\(candidate.type.rawValue)|\(folded[i])"] ?? [])
            if candidate.type == .person && wordCounts[i] == 1 && known == nil { options.formUnion(bySurname[folded[i]] ?? []) }
            options = options.filter { $0 != i && wordCounts[$0] > wordCounts[i] }
            if options.count == 1, let only = options.first { targets[i] = only }
        }
        // Targets always have more words, so following them ends.
        for i in targets.indices {
            var t = targets[i]
            while targets[t] != t { t = targets[t] }
            targets[i] = t
        }
        return targets
    }
}
