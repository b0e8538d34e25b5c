/// Coordinated family names: "the X brothers, Boris and Arkady" names two people, "Boris X" and "Arkady X";
/// "Bill and Melinda X" names "Bill X" too. The family reference ("X brothers") and a later plural ("the Xs")
/// become mentions of every member (see ``EntityCoreference``).
enum FamilyNames {
    static let familyNouns: WordSet = ["brothers", "sisters", "twins", "siblings", "brother", "sister", "family", "couple", "cousins"]

    static func apply(_ cands: inout [NameCandidate], tokens: [EntityToken], lex: EntityLexicons) {
        for i in cands.indices {
            let c = cands[i]
            // "the X brothers, A and B"
            if c.words.count == 1, c.last + 1 < tokens.count, tokens[c.last + 1].classes.contains(.familyNouns) {
                let family = c.words[0]
                cands[i].familyName = family
                cands[i].scores.person += 3
                // Members listed after it.
                var j = i + 1
                var members: [Int] = []
                while j < cands.count, cands[j].sentence == c.sentence, cands[j].first - c.last < 12, members.count < 4 {
                    let m = cands[j]
                    if m.words.count == 1, lex.givenNames.contains(m.words[0]) || m.scores.person > 0 {
                        members.append(j)
                        // Next member must follow "and" or ",".
                        j += 1
                        continue
                    }
                    break
                }
                if members.count >= 2 {
                    for m in members {
                        cands[m].nameOverride = [cands[m].words[0], family]
                        cands[m].scores.person += 4
                    }
                }
            }
            // "A and B X": A gets B's family name.
            if c.words.count == 1, lex.givenNames.contains(c.words[0]), i + 1 < cands.count {
                let nx = cands[i + 1]
                if nx.sentence == c.sentence, nx.first == c.last + 2, tokens[c.last + 1].lower == "and", nx.words.count == 2,
                    lex.givenNames.contains(nx.words[0]), nx.scores.best == .person
                {
                    cands[i].nameOverride = [c.words[0], nx.words[1]]
                    cands[i].scores.person += 4
                }
            }
        }
    }
}
