/// Coordinated family names: "the X brothers, Boris and Arkady" names two people, "Boris X" and "Arkady X";
/// "Bill and Melinda X" names "Bill X" too. The family reference ("X brothers") and a later plural ("the Xs")
/// become mentions of every member (see ``EntityCoreference``).
enum FamilyNames {
    static let familyNouns: WordSet = ["brothers", "sisters", "twins", "siblings", "brother", "sister", "family", "couple", "cousins"]

    static func apply(_ cands: inout [NameCandidate], tokens: [EntityToken], lex: EntityLexicons) {
        for i in cands.indices {
            // Both rules start from a one-word candidate. (Fields are read in place: copying a candidate would
            // retain all of its strings.)
            guard cands[i].words.count == 1 else { continue }
            let word = cands[i].words[0], last = cands[i].last, sentence = cands[i].sentence
            // "the X brothers, A and B"
            if last + 1 < tokens.count, tokens[last + 1].classes.contains(.familyNouns) {
                let family = word
                cands[i].familyName = family
                cands[i].scores.person += 3
                // Members listed after it.
                var j = i + 1
                var members: [Int] = []
                while j < cands.count, cands[j].sentence == sentence, cands[j].first - last < 12, members.count < 4 {
                    if cands[j].words.count == 1, lex.givenNames.contains(cands[j].words[0]) || cands[j].scores.person > 0 {
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
            if lex.givenNames.contains(word), i + 1 < cands.count {
                let n = i + 1
                if cands[n].sentence == sentence, cands[n].first == last + 2, tokens[last + 1].lower == "and", cands[n].words.count == 2,
                    lex.givenNames.contains(cands[n].words[0]), cands[n].scores.best == .person
                {
                    cands[i].nameOverride = [word, cands[n].words[1]]
                    cands[i].scores.person += 4
                }
            }
        }
    }
}
