/// Collects the roles and descriptions the text gives a name: a title before it ("Treasury Secretary"), role
/// words before it ("billionaire investor"), a role before a comma ("Another Trump donor, X"), and an appositive
/// after it ("X, head of the country's wealth fund, ...").
struct EntityDescriber {
    let tokens: [EntityToken]
    let lex: EntityLexicons
    let evidence: NameEvidence
    let text: (Int, Int) -> String

    /// Per token: the index of the (last) candidate ending there, or -1; for role phrases that include a name
    /// before the role ("Rosneft boss").
    let candidateEndingAt: [Int]

    init(tokens: [EntityToken], lex: EntityLexicons, evidence: NameEvidence, text: @escaping (Int, Int) -> String, candidates: [NameCandidate]) {
        self.tokens = tokens
        self.lex = lex
        self.evidence = evidence
        self.text = text
        var m = [Int](repeating: -1, count: tokens.count)
        // By index: iterating the candidates would copy each one.
        for i in candidates.indices { m[candidates[i].last] = i }
        self.candidateEndingAt = m
    }

    /// The candidate ending at token `j`, if any.
    func candidate(endingAt j: Int) -> Int? {
        guard j >= 0, j < candidateEndingAt.count, candidateEndingAt[j] >= 0 else { return nil }
        return candidateEndingAt[j]
    }

    /// The descriptions of `c`, given the title before it and its ``NameEvidence/appositive(after:)``.
    func describe(
        _ c: NameCandidate, title: NameCandidateFinder.TitleMatch?, appositive: (first: Int, last: Int)?, candidates: [NameCandidate]
    ) -> [String] {
        var out: [String] = []
        // Role words (and a title) directly before the name.
        let endBefore = title.map { $0.first } ?? c.first
        var start = title?.first
        var j = endBefore - 1
        // An honorific alone ("Mr") is no role, so a name before it is no description ("Tanzania Mr X").
        let honorificOnly = title.map { $0.first == $0.last && tokens[$0.first].classes.contains(.honorifics) } ?? false
        var sawRole = title != nil && !honorificOnly
        var guardSteps = 0
        while j >= 0, guardSteps < 10 {
            guardSteps += 1
            let t = tokens[j]
            if t.sentence != c.sentence { break }
            if t.kind == .word && !t.isCapitalized && (t.classes.contains(.roleNouns) || t.classes.contains(.roleModifiers) || t.classes.contains(.titles)) {
                if t.classes.contains(.roleNouns) || t.classes.contains(.titles) { sawRole = true }
                start = j
                j -= 1
                continue
            }
            if t.kind == .word && !t.isCapitalized && j + 1 < tokens.count && tokens[j + 1].hyphenBefore {
                start = j
                j -= 1
                continue
            }
            if t.kind == .word && t.isCapitalized, let oi = candidate(endingAt: j) ?? candidate(endingAt: j - 1), candidates.indices.contains(oi),
                case let other = candidates[oi],
                start != nil, other.scores.best != .person || other.lexicon != nil
            {
                start = other.first
                break
            }
            if t.kind == .word && t.isCapitalized && lex.known[t.text]?.kind == .demonym, start != nil {
                start = j
                break
            }
            break
        }
        if let tm = title, start == tm.first, tokens[tm.first].classes.contains(.honorifics) { sawRole = false }
        if sawRole, let s = start, s < c.first {
            var endTok = (title?.last ?? (c.first - 1))
            if endTok + 1 < tokens.count, tokens[endTok + 1].isPunct("."), tokens[endTok + 1].separator == .none, endTok + 1 < c.first { endTok += 1 }
            let d = text(tokens[s].start, tokens[endTok].end)
            if !d.isEmpty { out.append(d) }
        }
        // "Another Trump donor, X": a role before a comma.
        if c.first >= 2, tokens[c.first - 1].isPunct(","), tokens[c.first - 2].kind == .word, tokens[c.first - 2].classes.contains(.roleNouns),
            !tokens[c.first - 2].isCapitalized
        {
            var s = c.first - 2
            var k = s - 1
            var steps = 0
            while k >= 0, steps < 8, tokens[k].sentence == c.sentence {
                steps += 1
                let t = tokens[k]
                if t.kind == .word && !t.isCapitalized && (t.classes.contains(.roleNouns) || t.classes.contains(.roleModifiers)) { s = k; k -= 1; continue }
                if t.kind == .word && !t.isCapitalized && k + 1 < tokens.count && tokens[k + 1].hyphenBefore { s = k; k -= 1; continue }
                if t.kind == .word && t.isCapitalized { s = k; k -= 1; continue }
                if t.kind == .possessive {
                    // "The utility's chief executive": the possessor (and its determiner) belong to the role.
                    s = k
                    if k >= 1, tokens[k - 1].kind == .word, tokens[k - 1].sentence == c.sentence {
                        s = k - 1
                        if k >= 2, tokens[k - 2].kind == .word, tokens[k - 2].classes.contains(.determiners) { s = k - 2 }
                    }
                    break
                }
                break
            }
            let d = text(tokens[s].start, tokens[c.first - 2].end)
            if !out.contains(d) { out.append(d) }
        }
        // Appositive after the name.
        if let app = appositive, let head = evidence.appositiveHead(app.first, app.last),
            lex.roleNouns.contains(head) || NameEvidence.orgNouns.contains(head) || NameEvidence.placeNouns.contains(head)
        {
            out.append(text(tokens[app.first].start, tokens[app.last].end))
        }
        return out
    }
}
