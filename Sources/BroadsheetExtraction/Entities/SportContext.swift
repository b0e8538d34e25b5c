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
        }
        var k = c.last + 1
        if k < n, tokens[k].isPunct("."), tokens[k].separator == .none { k += 1 }
        if k < n, tokens[k].sentence == c.sentence {
            let nx = tokens[k]
            if nx.kind == .number, nx.spaceBefore, !nx.text.contains(".") || nx.text.count <= 2 { return true }
            if nx.kind == .word, !nx.isCapitalized, resultVerbs.contains(nx.lower) { return true }
            if nx.kind == .word, nx.lower == "v" || nx.lower == "vs" { return true }
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
