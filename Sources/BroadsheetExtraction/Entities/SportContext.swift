/// Sports reports, where a club named after its town is an organisation: "Harbour Town 3 Kelso 1", "Kelso
/// beat Dunmore", "Dunmore v Kelso".
///
/// A document is a sports report when at least three of its words, of at least two kinds, are sports words
/// ("match", "goal", "innings", "standings"). There, a place that is not a country (countries field national
/// sides, which stay places) names a team where it is followed by a score or a result verb, stands in a table
/// row, or meets another name across "v", "vs" or "at" in a line without prose.
struct SportContext {
    static let cues: WordSet = [
        "match", "matches", "game", "games", "goal", "goals", "scored", "scorer", "league", "cup", "season", "coach",
        "team", "teams", "club", "clubs", "striker", "midfielder", "defender", "goalkeeper", "keeper", "innings",
        "wicket", "wickets", "inning", "innings", "pitcher", "homer", "standings", "division", "championship",
        "tournament", "final", "semifinal", "semi-final", "quarterfinal", "quarter-final", "halftime", "half-time",
        "penalty", "penalties", "soccer", "football", "cricket", "rugby", "tennis", "golf", "baseball", "basketball",
        "hockey", "athletics", "cycling", "rowing", "fixture", "fixtures", "draw", "drew", "beat", "playoff",
        "playoffs", "stadium", "squad", "captain", "batsman", "bowler", "runs", "tries", "seed", "seeded",
    ]
    static let resultVerbs: WordSet = [
        "beat", "beats", "drew", "draw", "lost", "lose", "loses", "defeated", "routed", "thrashed", "edged", "held",
        "trailed", "led", "won", "win", "wins", "hammered", "crushed", "overcame", "stunned", "upset", "host", "hosts",
        "visit", "visits", "play", "plays", "played", "face", "faces", "faced",
    ]

    /// Result verbs whose object is the other side ("beat X").
    static let objectVerbs: WordSet = [
        "beat", "beats", "defeated", "routed", "thrashed", "edged", "held", "hammered", "crushed", "overcame", "stunned",
        "upset", "host", "hosts", "hosted", "face", "faces", "faced", "play", "plays", "played", "visit", "visits",
    ]

    /// Nouns after a town that make it a club ("Kelso coach", "Kelso fans").
    static let clubNouns: WordSet = [
        "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "keeper", "captain", "chairman", "fans",
        "supporters", "player", "players", "side", "squad", "winger", "forward", "skipper",
    ]

    /// Whether the candidate names a side in a results row ("Harbour Town 2 Dunmore 1": two names, each followed
    /// by its score, and no prose), a standings row ("Dunmore 5 2 2 1 7 5 8", "Kelso 70 62 .530 4": a name, then
    /// only numbers) or a fixture ("Kelso at Dunmore").
    /// Rows of individuals ("Lena Brandt (Austria) 71 68 70") carry a bracket and are neither.
    static func isTeamRow(_ c: NameCandidate, tokens: [EntityToken]) -> Bool {
        var lo = c.first
        while lo > 0, tokens[lo - 1].sentence == c.sentence { lo -= 1 }
        var hi = c.last
        while hi + 1 < tokens.count, tokens[hi + 1].sentence == c.sentence { hi += 1 }
        // Bracketed parts (a halftime score, scorers, a country) are left out of the row's shape.
        let end = hi
        var depth = 0
        var hadBracket = false
        var numbers = 0
        var decimals = 0
        var names = 0
        var joiners = 0
        var previousWasName = false
        for k in lo...end {
            let t = tokens[k]
            if t.isPunct("(") { depth += 1; hadBracket = true; previousWasName = false; continue }
            if t.isPunct(")") { depth = max(0, depth - 1); continue }
            if depth > 0 {
                if k >= c.first && k <= c.last { return false }
                continue
            }
            switch t.kind {
            case .number:
                if t.text.contains(",") || t.text.contains(":") { return false }
                // A date ("1998-05-04") or bowling figures ("9-1-49-0"): no row of sides.
                if k + 1 <= end, tokens[k + 1].kind == .number, tokens[k + 1].hyphenBefore { return false }
                if t.text.contains(".") { decimals += 1 }
                numbers += 1
                previousWasName = false
            case .word:
                if !t.isCapitalized {
                    // "Kelso at Dunmore", "Kelso v Dunmore": a fixture.
                    guard ["at", "v", "vs"].contains(t.lower) else { return false }
                    joiners += 1
                    previousWasName = false
                    continue
                }
                if !previousWasName { names += 1 }
                previousWasName = true
            default:
                previousWasName = false
            }
        }
        // Fixtures: two sides joined by "at", "v" or "vs", nothing else.
        if joiners == 1, names == 2, numbers == 0 { return true }
        let next = c.last + 1
        guard joiners == 0, next <= end, tokens[next].kind == .number else { return false }
        // Results: two sides, two whole scores. Standings: one side first, then at least three numbers
        // (won, lost, a winning percentage such as ".530", games behind).
        if names == 2 && numbers == 2 && decimals == 0 { return true }
        // (A standings row has no brackets: "Lena Brandt (Austria) 71 68 70" is a player's line.)
        guard !hadBracket else { return false }
        // (A row that starts with a given name is a player's line in a batting or scoring table.)
        return names == 1 && numbers >= 3 && c.first == lo && !(c.words.count > 1 && tokens[c.first].classes.contains(.givenNames))
    }

    /// Whether the candidate is a player by what follows it in a scorecard: a scoring minute ("Okoro 53rd"),
    /// bowling figures ("Okoro 9-1-49-0") or "not out".
    static func isPlayerMention(_ c: NameCandidate, tokens: [EntityToken]) -> Bool {
        let k = c.last + 1
        guard k + 1 < tokens.count, tokens[k].sentence == c.sentence else { return false }
        let a = tokens[k], b = tokens[k + 1]
        if a.kind == .number, a.spaceBefore, b.kind == .word, b.separator == .none, ["st", "nd", "rd", "th"].contains(b.lower) { return true }
        if a.kind == .number, a.spaceBefore, b.kind == .number, b.hyphenBefore, k + 2 < tokens.count, tokens[k + 2].kind == .number,
            tokens[k + 2].hyphenBefore
        { return true }
        if a.kind == .number, b.kind == .word, b.lower == "not", k + 2 < tokens.count, tokens[k + 2].lower == "out" { return true }
        return false
    }

    /// Whether the tokens read as a sports report.
    static func isSport(_ tokens: [EntityToken]) -> Bool {
        var hits = 0
        var kinds = WordSet()
        for t in tokens where t.kind == .word && !t.isCapitalized && cues.contains(t.lower) {
            hits += 1
            kinds.insert(t.lower)
            if hits >= 3 && kinds.count >= 2 { return true }
        }
        return false
    }

    /// Whether the candidate, a place by its words, is used as a team's name here.
    static func isTeamMention(_ c: NameCandidate, tokens: [EntityToken], tableRow: Bool) -> Bool {
        let n = tokens.count
        if tableRow {
            // A dateline ("KELSO 1998-05-04") is a row of numbers too, but names a place.
            var k = c.last + 1
            var dated = false
            while k + 1 < n, tokens[k].sentence == c.sentence {
                if tokens[k].kind == .number, tokens[k].length == 4, tokens[k + 1].hyphenBefore, tokens[k + 1].kind == .number { dated = true; break }
                k += 1
            }
            if !dated { return true }
            return false
        }
        var k = c.last + 1
        if k < n, tokens[k].isPunct("."), tokens[k].separator == .none { k += 1 }
        if k < n, tokens[k].sentence == c.sentence {
            let nx = tokens[k]
            if nx.kind == .number, nx.spaceBefore, !nx.text.contains(".") || nx.text.count <= 2 { return true }
            if nx.kind == .word, !nx.isCapitalized, resultVerbs.contains(nx.lower) { return true }
            if nx.kind == .word, nx.lower == "v" || nx.lower == "vs" { return true }
            if nx.kind == .word, !nx.isCapitalized, clubNouns.contains(nx.lower) { return true }
        }
        if c.first > 0, tokens[c.first - 1].sentence == c.sentence {
            var p = c.first - 1
            if tokens[p].isPunct("."), p > 0 { p -= 1 }
            if tokens[p].kind == .word, tokens[p].lower == "v" || tokens[p].lower == "vs" { return true }
            // "beat X", "hosts X": the object of a result verb.
            if tokens[p].kind == .word, !tokens[p].isCapitalized, objectVerbs.contains(tokens[p].lower) { return true }
        }
        return false
    }
}
