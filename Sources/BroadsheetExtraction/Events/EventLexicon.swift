/// Event trigger words: verbs (all inflections) and event nouns, each with its ``EventType``.
enum EventLexicon {
    /// `lemma type [irregular forms…]`, one per line. Regular -s/-ed/-ing forms are generated.
    private static let verbTable = """
        meet meeting met
        host meeting
        convene meeting
        gather meeting
        summon meeting
        welcome meeting
        confer meeting
        huddle meeting
        receive meeting
        invite meeting
        fly travel flew flown flies flying
        travel travel traveled travelled traveling travelling
        visit travel
        arrive travel
        return travel
        depart travel
        go travel went gone goes
        come travel came
        head travel
        leave travel left leaving
        retreat travel
        land travel
        tour travel
        flee travel fled
        escort travel
        walk travel
        move travel
        drive travel drove driven
        say statement said says
        tell statement told
        state statement
        declare statement
        warn statement
        claim statement
        deny statement denied denies
        argue statement
        insist statement
        testify statement testified testifies
        speak statement spoke spoken
        write statement wrote written
        tweet statement
        post statement
        comment statement
        mention statement
        describe statement
        explain statement
        brief statement
        complain statement
        assure statement
        call statement
        urge statement
        vow statement
        pledge statement
        promise statement
        acknowledge statement
        admit statement admitted
        confirm statement
        respond statement
        reply statement replied replies
        offer statement
        ask statement
        suggest statement
        criticize statement
        praise statement
        encourage statement
        announce announcement
        unveil announcement
        launch announcement
        release announcement
        publish announcement
        report announcement
        leak announcement
        introduce announcement
        disclose announcement
        reveal announcement
        present announcement
        issue announcement
        debut announcement
        open announcement
        negotiate negotiation
        discuss negotiation
        talk negotiation
        propose negotiation
        mediate negotiation
        pitch negotiation
        lobby negotiation lobbied lobbies
        bargain negotiation
        push negotiation
        press negotiation
        seek negotiation sought
        agree agreement agreed
        sign agreement
        approve agreement
        ratify agreement ratified ratifies
        settle agreement
        accept agreement
        endorse agreement
        seal agreement
        reach agreement
        broker agreement
        buy transaction bought
        sell transaction sold
        acquire transaction
        pay transaction paid
        invest transaction
        purchase transaction
        merge transaction
        raise transaction
        fund transaction
        finance transaction
        bid transaction
        spend transaction spent
        lend transaction lent
        borrow transaction
        sanction sanction
        block sanction
        freeze sanction froze frozen
        embargo sanction
        ban sanction banned
        blacklist sanction
        impose sanction
        restrict sanction
        lift sanction
        sue legal
        file legal
        charge legal
        indict legal
        rule legal
        convict legal
        sentence legal
        arrest legal
        plead legal pleaded pled
        appeal legal
        prosecute legal
        investigate legal
        subpoena legal
        acquit legal acquitted
        jail legal
        detain legal
        license legal
        attack conflict
        strike conflict struck
        bomb conflict
        invade conflict
        shoot conflict shot
        clash conflict
        shell conflict
        raid conflict
        wound conflict
        capture conflict
        occupy conflict occupied occupies
        sabotage conflict
        bombard conflict
        elect election
        vote election
        campaign election
        die death died dies dying
        kill death
        resign personnel
        appoint personnel
        hire personnel
        fire personnel
        name personnel
        nominate personnel
        retire personnel
        join personnel
        quit personnel quit
        replace personnel
        dismiss personnel
        promote personnel
        give other gave given
        take other took taken
        make other made
        cancel other canceled cancelled
        begin other began begun
        start other
        end other
        fall other fell fallen
        win other won
        lose other lost
        hold other held
        send other sent
        build other built
        grow other grew grown
        rise other rose risen
        hit other hit
        cut other cut
        find other found
        bring other brought
        lead other led
        put other put
        set other set
        get other got gotten
        keep other kept
        close other
        complete other
        break other broke broken
        """

    /// Phrasal verbs whose particle changes the event type: (lemma, particle) → type.
    static let phrasal: [String: EventType] = [
        "reach out": .statement, "step down": .personnel, "sign off": .agreement, "dial into": .meeting,
        "dial in": .meeting, "launch into": .statement, "take over": .transaction, "set up": .other,
        "fall apart": .other, "call for": .statement, "pull out": .other, "back out": .other, "walk out": .other,
        "break off": .other, "sit down": .meeting, "fly in": .travel, "speak with": .meeting, "talk with": .meeting,
    ]

    /// Verbs that report states or attitudes rather than events; never triggers.
    static let stateVerbs: Set<String> = [
        "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having", "do", "does", "did",
        "want", "wanted", "wants", "feel", "felt", "believe", "believed", "seem", "seemed", "appear", "appeared",
        "think", "thought", "know", "knew", "hope", "hoped", "remain", "remained", "like", "liked", "need", "needed",
        "understand", "understood", "mean", "meant", "see", "saw", "seen", "worry", "worried", "wish", "wished",
        "expect", "expected", "consider", "considered", "include", "included", "includes", "exist", "existed",
        "belong", "belonged", "own", "owned", "stand", "stood", "lie", "lay", "contain", "contained",
    ]

    /// Auxiliaries and modals.
    static let auxiliaries: Set<String> = [
        "will", "would", "could", "should", "may", "might", "must", "can", "shall", "'ll", "'d", "is", "are", "was",
        "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    ]

    /// Verbs that hand their event to an infinitive: "is set to visit", "planned to meet".
    static let controlVerbs: Set<String> = [
        "set", "plan", "plans", "planned", "planning", "expect", "expects", "expected", "schedule", "scheduled",
        "agree", "agreed", "hope", "hopes", "hoped", "want", "wants", "wanted", "try", "tried", "tries", "seek",
        "sought", "seeks", "intend", "intends", "intended", "decide", "decided", "decides", "vow", "vowed",
        "pledge", "pledged", "threaten", "threatened", "refuse", "refused", "fail", "failed", "aim", "aimed",
        "going", "due", "slated", "poised", "prepare", "prepared", "offered", "continue", "continued",
    ]

    /// Event nouns.
    static let nouns: [String: EventType] = [
        "summit": .meeting, "meeting": .meeting, "meetings": .meeting, "talks": .negotiation, "visit": .travel,
        "trip": .travel, "tour": .travel, "conference": .meeting, "videoconference": .meeting, "call": .meeting,
        "session": .meeting, "election": .election, "elections": .election, "vote": .election,
        "referendum": .election, "primary": .election, "attack": .conflict, "attacks": .conflict,
        "invasion": .conflict, "war": .conflict, "strike": .conflict, "strikes": .conflict, "offensive": .conflict,
        "bombing": .conflict, "shooting": .conflict, "raid": .conflict, "deal": .agreement, "agreement": .agreement,
        "treaty": .agreement, "accord": .agreement, "cease-fire": .agreement, "ceasefire": .agreement,
        "truce": .agreement, "sanctions": .sanction, "embargo": .sanction, "ban": .sanction, "lawsuit": .legal,
        "ruling": .legal, "trial": .legal, "hearing": .legal, "verdict": .legal, "indictment": .legal,
        "arrest": .legal, "acquisition": .transaction, "merger": .transaction, "purchase": .transaction,
        "sale": .transaction, "ipo": .transaction, "takeover": .transaction, "launch": .announcement,
        "announcement": .announcement, "release": .announcement, "speech": .statement, "interview": .statement,
        "statement": .statement, "address": .statement, "funeral": .death, "death": .death,
        "inauguration": .personnel, "resignation": .personnel, "ceremony": .other, "rally": .other,
        "protest": .other, "protests": .other, "crash": .other, "explosion": .other, "earthquake": .other,
        "storm": .other, "hurricane": .other, "fire": .other, "exchange": .negotiation, "swap": .negotiation,
        "swap's": .negotiation, "debate": .election, "match": .other, "game": .other, "final": .other,
        "concert": .other, "festival": .other, "march": .other, "parade": .other, "demonstration": .other,
        "by-election": .election, "runoff": .election, "opening": .announcement, "debut": .announcement,
    ]

    /// Inflected verb form (lowercase) → (lemma, type).
    static let verbs: [String: (lemma: String, type: EventType)] = {
        var out: [String: (String, EventType)] = [:]
        for line in verbTable.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2, let type = EventType(rawValue: parts[1]) else { continue }
            let lemma = parts[0]
            for f in regularForms(lemma) + [lemma] where out[f] == nil { out[f] = (lemma, type) }
            var k = 2
            while k < parts.count {
                // Irregular forms, optionally followed by a type word that is skipped.
                if EventType(rawValue: parts[k]) == nil { out[parts[k]] = (lemma, type) }
                k += 1
            }
        }
        return out
    }()

    /// The -s, -ed and -ing forms of a regular verb.
    static func regularForms(_ v: String) -> [String] {
        let doubling: Set<String> = ["ban", "plan", "stop", "ship", "drop", "shop", "grab", "admit", "commit", "occur", "prefer", "refer", "bid", "jail", "rob", "cut", "hit", "put", "set", "quit", "shut", "sit", "win", "begin", "get", "run"]
        var s = v + "s"
        var ed = v + "ed"
        var ing = v + "ing"
        if v.hasSuffix("e") {
            ed = v + "d"
            ing = String(v.dropLast()) + "ing"
        } else if v.hasSuffix("y"), let c = v.dropLast().last, !"aeiou".contains(c) {
            s = String(v.dropLast()) + "ies"
            ed = String(v.dropLast()) + "ied"
        } else if v.hasSuffix("s") || v.hasSuffix("sh") || v.hasSuffix("ch") || v.hasSuffix("x") || v.hasSuffix("o") {
            s = v + "es"
        }
        if doubling.contains(v), let last = v.last {
            ed = v + String(last) + "ed"
            ing = v + String(last) + "ing"
        }
        return [s, ed, ing]
    }
}
