/// Groups name candidates of one document into entities.
///
/// Rules (type-aware): identical names and lexicon aliases ("U.S." / "America" / "United States") are one entity;
/// a person's surname, surname with suffix, or first-and-last name (without middle initials) refers back to the
/// person, but a plain surname never refers to a name with a generational suffix ("Trump" is not "Donald Trump
/// Jr."); an organisation's leading words ("Exxon" for "Exxon Mobil") or acronym ("CIA") refer to it; places
/// are never shortened ("Beach" is not "Miami Beach"). A family reference ("the X brothers", "the Xs") is a
/// mention of every person with that family name. The canonical name is the fullest form used (the lexicon's
/// canonical name for known names).
struct EntityCoreference {
    let lex: EntityLexicons

    static let acronymSkips: WordSet = ["of", "the", "and", "for", "on", "&"]
    /// Words that a known organisation's fuller legal or corporate name adds ("Huawei Technologies Co."): only
    /// these let a known organisation join a longer name. Any other word makes a sub-brand, division or product
    /// ("X Labs", "X News"), which stays apart from its parent.
    static let corporateWords: WordSet = [
        "Group", "Holdings", "Holding", "Technologies", "Technology", "Company", "Companies", "Corporation", "Industries",
        "Enterprises", "International", "Incorporated", "Limited", "&", "Co", "Co.", "Inc", "Inc.", "Corp", "Corp.",
    ]

    struct Group {
        var name: String
        var words: [String]
        var members: [Int]
        var scores: TypeScores
        var lexicon: EntityLexicons.Entry?
        var hasSuffix: Bool
        var lastStart: Int
        var type: EntityType?
        /// The first member's start offset.
        var firstStart: Int
    }

    /// `word.allSatisfy { $0.isUppercase || $0 == "." }`, from bytes when the word is plain ASCII.
    static func isAcronymShaped(_ word: String) -> Bool {
        guard word.isPlainASCII else { return word.allSatisfy { $0.isUppercase || $0 == "." } }
        return word.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || $0 == 46 }
    }

    func resolve(_ cands: [NameCandidate]) -> [Group] {
        var groups: [Group] = []
        // Sized up front (a few keys per candidate), so that the tables rarely grow while resolving.
        var byKey = WordMap<Int>(minimumCapacity: cands.count * 2 + 8)

        // (Candidates are read by index throughout: iterating the array would copy every candidate.)
        func key(of ci: Int) -> String {
            if let e = cands[ci].lexicon, !e.needsCanonicalInDocument { return "lex:" + e.canonical }
            if let o = cands[ci].nameOverride { return o.joined(separator: " ") }
            return cands[ci].key
        }
        let keys = cands.indices.map { key(of: $0) }
        // "bare:" and the name words other than facility heads, when at least two remain.
        let bareKeys: [String?] = cands.indices.map { ci in
            let words = cands[ci].nameWords
            guard words.count >= 2 else { return nil }
            var bare = "bare:"
            var kept = 0
            for w in words where lex.facilityHeads[w] != true {
                if kept > 0 { bare += " " }
                bare += w
                kept += 1
            }
            return kept >= 2 ? bare : nil
        }
        func prelim(_ g: borrowing Group) -> EntityType {
            if let e = g.lexicon {
                // A town whose mentions speak of a club (``SportContext``) is the club.
                // (Only the sports rules give a known place that much organisation evidence; capitals alone do not.)
                if e.kind == .location, !e.isCountry, g.scores.organization >= 20, g.scores.organization > g.scores.location {
                    return .organization
                }
                switch e.kind { case .organization: return .organization; case .other: return .other; case .product: return .product; default: return .location }
            }
            return g.scores.best
        }
        func core(_ words: [String]) -> [String] {
            words.count > 1 && NameCandidateFinder.generationalSuffixes.contains(words.last!) ? Array(words.dropLast()) : words
        }
        // Word → groups whose name contains it (may hold stale entries; every use re-checks): a linked list per
        // word, its nodes in one array (no array allocated per word).
        var wordLists = WordMap<(first: Int32, last: Int32)>(minimumCapacity: cands.count + 8)
        var listNodes: [(group: Int32, next: Int32)] = []
        listNodes.reserveCapacity(cands.count * 2)
        func indexWords(_ gi: Int) {
            for w in groups[gi].words {
                wordLists.update(w, default: (-1, -1)) { list in
                    if list.last >= 0 && listNodes[Int(list.last)].group == gi { return }
                    let node = Int32(listNodes.count)
                    listNodes.append((Int32(gi), -1))
                    if list.last >= 0 { listNodes[Int(list.last)].next = node } else { list.first = node }
                    list.last = node
                }
            }
        }
        func groupsWith(_ w: String) -> [Int] {
            guard let list = wordLists[w] else { return [] }
            var out: [Int] = []
            var node = list.first
            while node >= 0 {
                out.append(Int(listNodes[Int(node)].group))
                node = listNodes[Int(node)].next
            }
            return out
        }
        func join(_ gi: Int, _ ci: Int) {
            groups[gi].members.append(ci)
            groups[gi].scores = groups[gi].scores + cands[ci].scores
            if let a = cands[ci].parentheticalAcronym { byKey.insertIfAbsent(a, gi) }
            groups[gi].lastStart = max(groups[gi].lastStart, cands[ci].start)
            groups[gi].firstStart = min(groups[gi].firstStart, cands[ci].start)
            if groups[gi].lexicon == nil, cands[ci].nameWords.count > groups[gi].words.count
                || (cands[ci].nameWords.count == groups[gi].words.count && cands[ci].key.characterCount > groups[gi].name.characterCount && cands[ci].nameOverride == nil)
            {
                groups[gi].words = cands[ci].nameWords
                groups[gi].name = cands[ci].nameOverride?.joined(separator: " ") ?? cands[ci].key
                indexWords(gi)
            }
            byKey.insertIfAbsent(keys[ci], gi)
            byKey.insertIfAbsent(cands[ci].key, gi)
            if let b = bareKeys[ci] { byKey.insertIfAbsent(b, gi) }
        }
        func create(_ ci: Int) {
            let lexEntry = (cands[ci].lexicon?.needsCanonicalInDocument ?? false) ? nil : cands[ci].lexicon
            let name = lexEntry?.canonical ?? cands[ci].nameOverride?.joined(separator: " ") ?? cands[ci].key
            groups.append(Group(
                name: name, words: cands[ci].nameWords, members: [], scores: TypeScores(), lexicon: lexEntry,
                hasSuffix: cands[ci].hasGenerationalSuffix, lastStart: cands[ci].start, firstStart: cands[ci].start))
            indexWords(groups.count - 1)
            join(groups.count - 1, ci)
        }
        func pickRecent(_ options: [Int], before start: Int) -> Int? {
            guard !options.isEmpty else { return nil }
            // Ambiguous short forms go to the entity introduced first (the story's subject, usually).
            return options.min { groups[$0].firstStart < groups[$1].firstStart }
        }
        func personLink(_ c: NameCandidate) -> Int? {
            let cw = c.nameWords
            let cHasSuffix = c.hasGenerationalSuffix
            var options: [Int] = []
            var firstNameOptions: [Int] = []
            var innerOptions: [Int] = []
            var pool = groupsWith(cw[0])
            if cw.count > 1 || cHasSuffix { pool += groupsWith(cw[cw.count - 1]) }
            if !cw[0].isEmpty, !cw[0].startsLowercase, let lowerFirst = cw.first?.lowercased(), lowerFirst != cw[0] { pool += groupsWith(lowerFirst) }
            // Each group once, in order.
            pool.sort()
            var unique = 0
            for k in pool.indices where unique == 0 || pool[unique - 1] != pool[k] {
                pool[unique] = pool[k]
                unique += 1
            }
            pool.removeLast(pool.count - unique)
            for gi in pool where groups[gi].lexicon == nil && groups[gi].words.count > cw.count && prelim(groups[gi]) == .person {
                let gw = groups[gi].words
                if cHasSuffix {
                    if Array(gw.suffix(cw.count)) == cw { options.append(gi) }
                    continue
                }
                if groups[gi].hasSuffix { continue }
                if cw.count == 1 {
                    let gLast = gw.count > 1 && NameCandidateFinder.generationalSuffixes.contains(gw[gw.count - 1]) ? gw[gw.count - 2] : gw[gw.count - 1]
                    if gLast == cw[0] { options.append(gi) } else if gw[0] == cw[0], c.lexicon == nil { firstNameOptions.append(gi) }
                    else if gw.count > 2, cw[0].count > 2, c.lexicon == nil, gw[1..<(gw.count - 1)].contains(cw[0]) { innerOptions.append(gi) }
                    continue
                }
                let gc = core(gw)
                if cw.count == 1 {
                    if gc.last == cw[0] { options.append(gi) } else if gc.first == cw[0], lex.givenNames.contains(cw[0]), c.lexicon == nil { firstNameOptions.append(gi) }
                } else if gc.count >= cw.count && zip(gc.suffix(cw.count), cw).allSatisfy({ $0.lowercased() == $1.lowercased() })
                    || (cw.first == gc.first && cw.last == gc.last)
                {
                    // (The suffix compared word by word in lower case, without building lowercased arrays.)
                    options.append(gi)
                }
            }
            if let gi = pickRecent(options, before: c.start) { return gi }
            if firstNameOptions.count == 1 { return firstNameOptions[0] }
            if firstNameOptions.isEmpty, innerOptions.count == 1 { return innerOptions[0] }
            return nil
        }
        func orgLink(_ c: NameCandidate) -> Int? {
            let cw = c.nameWords
            guard let f = cw.first, case let lowered = f.lowercased(), !lex.functionWords.contains(lowered), !lex.commonWords.contains(lowered),
                !lex.orgHeads.contains(f), lex.known[f]?.kind != .demonym
            else { return nil }
            if c.scores.person >= 4 || c.scores.location >= 5 || (c.scores.location >= 2 && c.scores.location > c.scores.organization) { return nil }
            var options: [Int] = []
            for gi in groupsWith(f) where groups[gi].words.count > cw.count && prelim(groups[gi]) == .organization {
                if groups[gi].words.starts(with: cw) { options.append(gi) }
            }
            // Acronyms.
            if cw.count == 1, case let length = f.characterCount, length >= 2, length <= 7, Self.isAcronymShaped(f) {
                let letters = f.filter { $0 != "." }
                for gi in groups.indices where groups[gi].words.count >= 2 && prelim(groups[gi]) == .organization {
                    let g = groups[gi]
                    let initials = String(g.words.filter { !Self.acronymSkips.contains($0) }.compactMap(\.first))
                    if initials == letters { options.append(gi) }
                    if let e = g.lexicon, lex.known[f]?.canonical == e.canonical { options.append(gi) }
                }
            }
            return pickRecent(options, before: c.start)
        }

        // Passes: multi-word names, then single words with strong own evidence, then the rest; families last.
        let wordCounts = cands.indices.map { cands[$0].nameOverride?.count ?? cands[$0].words.count }
        let multi = cands.indices.filter { wordCounts[$0] > 1 && cands[$0].familyName == nil }
            .sorted { (wordCounts[$0], cands[$1].start) > (wordCounts[$1], cands[$0].start) }
        let singles = cands.indices.filter { wordCounts[$0] == 1 && cands[$0].familyName == nil }
        let strongSingles = singles.filter { cands[$0].scores.max >= 4 || cands[$0].lexicon != nil }
        let weakSingles = singles.filter { !(cands[$0].scores.max >= 4 || cands[$0].lexicon != nil) }
        var deferred: [Int] = []

        for ci in multi + strongSingles + weakSingles {
            var k = keys[ci]
            if let e = cands[ci].lexicon, e.needsCanonicalInDocument {
                if let gi = byKey["lex:" + e.canonical] { join(gi, ci); continue }
                k = cands[ci].key
            }
            // Plurals of a family name or of a known single name ("the Xs", "Tomahawks").
            if cands[ci].nameWords.count == 1, cands[ci].lexicon == nil, cands[ci].key.fastHasSuffix("s"), cands[ci].key.characterCount > 3, byKey[k] == nil {
                let stem = String(cands[ci].key.dropLast())
                if groups.contains(where: { prelim($0) == .person && core($0.words).last == stem }) || byKey[stem] != nil {
                    deferred.append(ci)
                    continue
                }
            }
            let lexKind = cands[ci].lexicon?.kind
            // A known place joins a person who bears its name only where its own context speaks of a person
            // ("Wales said"), never by the name alone: a country is not absorbed into a surname.
            let placeActsAsPerson = lexKind == .location && cands[ci].scores.person >= 2
                && cands[ci].scores.person > cands[ci].scores.location - 10
            if cands[ci].nameWords.count <= 3, lexKind != .organization, lexKind != .product, cands[ci].scores.organization < 5,
                cands[ci].scores.location < 5 || placeActsAsPerson, cands[ci].scores.other < 5 || lexKind == .other,
                let gi = personLink(cands[ci]), byKey[k] == nil || lexKind != nil
            {
                join(gi, ci)
                continue
            }
            if cands[ci].isBareTitle { continue }
            if let gi = byKey[k] { join(gi, ci); continue }
            // "X Pipeline 2" and "X 2": the same name with and without a facility head.
            if let b = bareKeys[ci], let gi = byKey[b] {
                join(gi, ci)
                continue
            }
            if cands[ci].lexicon == nil || (lexKind == .organization && cands[ci].nameWords.count == 1), let gi = orgLink(cands[ci]), groups[gi].lexicon == nil,
                lexKind != .organization || groups[gi].words.dropFirst(cands[ci].nameWords.count).allSatisfy({ Self.corporateWords.contains($0) || lex.orgSuffixes.contains($0) })
            {
                // "Huawei" after "Huawei Technologies Co.": the document's fuller name wins.
                join(gi, ci)
                continue
            }
            create(ci)
        }
        // Family references and plurals: a mention of every matching person.
        for ci in cands.indices where cands[ci].familyName != nil { deferred.append(ci) }
        for ci in deferred {
            let fam = cands[ci].familyName ?? String(cands[ci].key.dropLast())
            let members = groups.indices.filter { prelim(groups[$0]) == .person && groups[$0].words.count > 1 && core(groups[$0].words).last == fam }
            if !members.isEmpty {
                for gi in members {
                    groups[gi].members.append(ci)
                }
            } else if let gi = byKey[fam] ?? byKey[cands[ci].key] {
                join(gi, ci)
            } else {
                create(ci)
            }
        }
        for gi in groups.indices {
            groups[gi].type = prelim(groups[gi])
            if groups[gi].lexicon?.kind == .demonym { groups[gi].type = nil }
        }
        return groups
    }
}
