/// The grammatical time reference of a clause, as far as year inference needs it.
public enum Tense: String, Sendable, Hashable, Codable {
    case past, present, future, unknown
}

/// Guesses the tense governing a position in a sentence from the nearest verb cues.
///
/// Cues: `will`, `'ll`, `shall`, `would`, `is set to`, `plans to`, `is expected to`, `is scheduled`,
/// `going to`, `next` (future); `was`, `were`, `had`, `did`, `ago`, irregular past forms and `-ed`
/// verbs not after an article or a form of *be*/*have* (past); `has`/`have` + participle (past);
/// `is`, `are`, `am`, `says` (present). The cue nearest to the position wins; ties go to the cue after.
enum TenseDetector {
    static let irregularPast: Set<String> = [
        "flew", "met", "went", "came", "said", "told", "spoke", "gave", "took", "made", "left", "began", "fell",
        "saw", "held", "won", "lost", "ran", "sent", "brought", "bought", "sold", "paid", "wrote", "became",
        "found", "got", "knew", "thought", "led", "struck", "rose", "grew", "chose", "drove", "ate", "fought",
        "sat", "stood", "spent", "built", "kept", "felt", "heard", "meant", "sought", "taught", "caught", "wore",
        "broke", "stole", "threw", "shook", "forgot", "hid", "swore", "withdrew", "overtook", "undertook",
        "understood", "arose", "awoke", "bore", "beat", "bled", "blew", "dealt", "dug", "drew", "drank",
        "fled", "forbade", "forgave", "froze", "hung", "lay", "lent", "lit", "rode", "rang", "sang", "sank",
        "shot", "shut", "slid", "slept", "spun", "sprang", "stuck", "stung", "swam", "swept", "swung", "tore",
        "woke", "wove", "wept", "wound", "overlooked", "oversaw", "upheld", "withheld", "was", "were", "had",
        "did", "died", "quit", "fed", "bet", "dove", "slew", "mistook", "foresaw", "outran", "reran",
    ]
    /// Irregular past participles, for present perfects ("has fallen") that point to the past.
    static let participles: Set<String> = [
        "fallen", "risen", "been", "gone", "done", "seen", "taken", "given", "grown", "shown", "known", "written",
        "begun", "flown", "driven", "spoken", "broken", "chosen", "eaten", "forgotten", "hidden", "ridden", "stolen",
        "sworn", "thrown", "worn", "won", "lost", "made", "paid", "said", "sold", "told", "held", "kept", "left", "met",
        "sent", "spent", "stood", "understood", "become", "come", "run", "put", "set", "cut", "hit", "let", "quit",
        "shut", "built", "brought", "bought", "caught", "fought", "found", "got", "gotten", "had", "heard", "led",
        "meant", "sought", "taught", "thought", "struck", "withdrawn", "drawn", "fled", "dealt", "sunk", "shrunk",
    ]
    static let auxiliaryBlockers: Set<String> = [
        "a", "an", "the", "is", "are", "be", "been", "being", "am", "get", "gets", "got", "will", "would", "to",
        "has", "have", "had", "was", "were", "'s", "his", "her", "their", "its", "our", "my", "your", "this",
        "that", "these", "those", "newly", "recently", "fully", "partly", "partially", "so-called",
    ]
    static let notVerbsEd: Set<String> = [
        "need", "seed", "speed", "feed", "bed", "red", "shed", "bred", "sled", "led", "wed", "hundred", "indeed",
        "proceed", "succeed", "exceed", "breed", "greed", "creed", "deed", "weed", "shred", "sacred", "naked",
        "wicked", "rugged", "ragged", "jagged", "beloved", "learned", "aged", "blessed", "crooked", "embed",
        "infrared", "kindred", "limited", "united", "related", "based", "interested", "supposed", "used",
        "advanced", "detailed", "skilled", "talented", "varied", "tired", "worried", "concerned", "armed",
        "biased", "classified", "complicated", "sophisticated", "dedicated", "unprecedented", "sanctioned",
        "unpublished", "published", "frozen", "alleged", "so-called", "unexpected", "expected", "ed",
    ]
    static let futureCues: Set<String> = ["will", "'ll", "shall", "would", "upcoming", "next", "tomorrow", "might", "should", "must"]
    /// Present-tense verbs of scheduled events, which point to the future ("the offer expires Friday").
    static let scheduledPresent: Set<String> = [
        "ends", "expires", "begins", "starts", "opens", "closes", "runs", "resumes", "arrives", "departs", "kicks",
        "launches", "premieres", "airs", "reopens", "concludes", "convenes", "reconvenes", "matures", "lapses",
        "end", "expire", "begin", "start", "open", "close", "resume", "take",
    ]
    /// Participles of planning that, before "to" (or as "scheduled for"), point to the future.
    static let scheduleVerbs: Set<String> = ["planned", "planning", "scheduled", "slated", "expected", "due", "poised", "intended", "set"]
    static let presentCues: Set<String> = ["is", "are", "am", "says", "say", "remains", "remain", "does", "do", "plans", "expects", "hopes", "aims", "intends"]

    /// A cue for token `i`, if it is one.
    static func cue(_ tokens: [TimexToken], _ i: Int) -> Tense? {
        let w = tokens[i].lower
        let prev = i > 0 ? tokens[i - 1].lower : ""
        let next = i + 1 < tokens.count ? tokens[i + 1].lower : ""
        let next2 = i + 2 < tokens.count ? tokens[i + 2].lower : ""
        if w == "next", next == "to" { return nil }  // "next to the embassy": a place
        if futureCues.contains(w) || (w.hasSuffix("'ll") && w.count > 3) { return .future }  // "they'll"
        if w == "may", !tokens[i].isCapitalized { return .future }  // the modal, not the month
        if w == "ll", prev == "'" { return .future }
        // "'s" is "is" only after a pronoun ("it's", "he's"); after a noun it is a possessive ("the week's").
        if w == "'s", !["it", "he", "she", "that", "there", "what", "who", "here", "where", "this"].contains(prev) { return nil }
        if (w == "is" || w == "are" || w == "am" || w == "'s") {
            if ["set", "expected", "scheduled", "due", "slated", "poised", "going", "about"].contains(next) && (next2 == "to" || next == "scheduled") {
                return .future
            }
            if next == "to" { return .future }  // "is to visit"
            return .present
        }
        if w == "plans" || w == "plan" || w == "intends" || w == "hopes", next == "to" { return .future }
        // A schedule points ahead ("planned to leave on Thursday", "has scheduled a hearing Friday", "a vote
        // scheduled for May 3"), unless it is a past perfect ("had been scheduled to expire Friday").
        if scheduleVerbs.contains(w), next == "to" || w == "scheduled" || w == "slated", prev != "had", prev != "been" { return .future }
        if (w == "has" || w == "have"), scheduleVerbs.contains(next) { return .future }
        if w == "has" || w == "have" {
            // Present perfect: an event in the past relative to now.
            let next3 = i + 3 < tokens.count ? tokens[i + 3].lower : ""
            let adverb = ["already", "also", "not", "n't", "never", "since", "recently", "just", "long"].contains(next)
            let participle = { (w: String) in w.hasSuffix("ed") || irregularPast.contains(w) || participles.contains(w) }
            if participle(next) || adverb && (participle(next2) || participle(next3)) || adverb {
                return .past
            }
            return .present
        }
        if w == "ago" || w == "earlier" && prev != "than" || w == "last" && !next.isEmpty && TimexUnit.words[next] != nil || w == "yesterday" {
            return .past
        }
        let participleLike = irregularPast.contains(w) || participles.contains(w)
            || (w.count > 4 && w.hasSuffix("ed") && tokens[i].isWord && !notVerbsEd.contains(w))
        if participleLike {
            if w == "had" || w == "was" || w == "were" || w == "did" { return .past }
            // Passives and perfects take the tense of their auxiliary: "was made", "is expected".
            if prev == "was" || prev == "were" || prev == "had" { return .past }
            if prev == "is" || prev == "are" || prev == "am" { return .present }
            if auxiliaryBlockers.contains(prev) { return nil }
            if irregularPast.contains(w) || w.hasSuffix("ed") { return .past }
        }
        // "fell on Friday to close at $20": an infinitive right after a date or a number is the outcome of the
        // clause's own verb, not a schedule.
        let afterDate = prev == "to" && i >= 2 && (tokens[i - 2].isCapitalized || tokens[i - 2].lower.first?.isNumber == true)
        if scheduledPresent.contains(w), !afterDate,
            w.hasSuffix("s") || ["will", "to"].contains(prev) || ["it", "they", "which", "that"].contains(prev)
        {
            return .future
        }
        if presentCues.contains(w) { return .present }
        return nil
    }

    /// The tense nearest to tokens `range` in the sentence. Each clause boundary (`,` `;` `—` or a
    /// quotation mark) between a cue and the range counts as eight tokens of distance, so that the
    /// clause's own verb wins over a reporting verb ("…on March 3, officials said").
    static func tense(_ tokens: [TimexToken], around range: Range<Int>) -> Tense {
        let boundaries: Set<String> = [",", ";", "—", "\"", ":"]
        var prefix = [0]
        prefix.reserveCapacity(tokens.count + 1)
        for t in tokens { prefix.append(prefix.last! + (boundaries.contains(t.lower) ? 1 : 0)) }
        var best: (distance: Int, tense: Tense)?
        for i in tokens.indices where !range.contains(i) {
            guard let t = cue(tokens, i) else { continue }
            var d = i < range.lowerBound ? (range.lowerBound - i) * 2 + 1 : (i - range.upperBound + 1) * 2
            let crossed = i < range.lowerBound ? prefix[range.lowerBound] - prefix[i] : prefix[i] - prefix[range.upperBound]
            d += crossed * 16
            if best == nil || d < best!.distance { best = (d, t) }
        }
        return best?.tense ?? .unknown
    }
}
