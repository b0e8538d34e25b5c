/// Word lists for quote attribution, written from general knowledge of news style.
///
/// All entries are lowercase; matching is on lowercased tokens. Verbs of saying must be written in
/// lowercase in the text to count (so "United States" never reads as the cue "states").
enum AttributionLexicon {
    /// Verbs of saying, in the forms news copy uses.
    static let speechVerbs = Set<String>([
        "said", "says", "say", "told", "tells", "added", "adds", "insisted", "insists", "wrote", "writes",
        "asked", "asks", "replied", "replies", "explained", "explains", "argued", "argues", "warned", "warns",
        "noted", "claimed", "stated", "declared", "declares", "recalled", "recalls", "continued", "continues",
        "acknowledged", "admitted", "admits", "conceded", "concedes", "countered", "counters", "responded",
        "remarked", "observed", "suggested", "suggests", "stressed", "stresses", "emphasized", "emphasised",
        "announced", "tweeted", "posted", "joked", "jokes", "quipped", "shouted", "yelled", "whispered",
        "urged", "predicted", "predicts", "cautioned", "complained", "boasted", "vowed", "promised",
        "testified", "recounted", "mused", "agreed", "concluded", "reflected", "texted", "emailed", "exclaimed",
        "lamented", "sighed", "confirmed", "cried", "answered", "interjected", "maintained", "maintains",
        "contended", "contends", "asserted", "asserts", "pleaded", "begged", "demanded", "wondered", "told",
        "explained", "insist", "added", "recalled", "laughed", "smiled", "shrugged", "ruled", "wrote",
        "commented", "reported", "revealed", "disclosed", "tells", "admitted", "offered", "said", "chimed",
        "assured", "assures", "chanted", "proclaimed", "proclaims", "retorted", "snapped", "barked", "fumed",
        "elaborated", "reiterated", "reiterates", "scoffed", "groused", "grumbled", "marveled", "marvelled",
        "read", "reads", "concludes", "observes", "replies", "quips", "muses",
    ])

    /// Verbs that report what someone said by quoting a fragment of it after them (`X accused the board of
    /// “…”`, `X described the plan as “…”`): a cue only for a quotation that follows them, and never passive.
    static let reportingVerbs = Set<String>([
        "accused", "accuses", "described", "describes", "criticized", "criticised", "criticizes", "criticises",
        "denounced", "denounces", "praised", "praises", "blasted", "blasts", "slammed", "slams", "condemned",
        "condemns", "dismissed", "dismisses", "characterized", "characterised", "charged", "alleged", "decried",
        "hailed", "mocked", "ridiculed", "lambasted", "derided", "touted", "pledged", "pledges", "accusing",
        "describing", "calling", "likened", "compared", "blamed", "blames", "blaming", "credited",
        "bemoaned", "bemoans", "thanked", "labeled", "labelled", "labeling", "labelling", "branded",
        "branding", "dubbed", "dubbing", "praising", "criticizing", "criticising", "slamming", "blasting",
        "dismissing", "mocking", "questioned", "questioning", "assailed", "called", "calls",
    ])
    /// Words that start an adverbial, never a speaker's noun phrase ("in a low voice", "on Wednesday").
    static let adverbialStarts = Set<String>([
        "in", "on", "at", "during", "after", "before", "with", "without", "under", "over", "through", "into", "via",
        "from", "for", "to", "upon", "amid", "later", "earlier", "then", "again", "also", "quietly", "softly", "loudly",
    ])
    /// Auxiliaries, copulas and subordinators: a phrase starting with one is a predicate or a clause,
    /// never a speaker (`is otherwise listed as`, `when asked`).
    static let predicateStarts = Set<String>([
        "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "not",
        "when", "if", "because", "although", "though", "unless", "whether", "while", "whereas", "once",
        "instead", "rather", "however", "meanwhile", "perhaps", "maybe",
        "there", "here", "now", "today", "yesterday", "tonight", "recently", "afterward", "afterwards",
    ])
    /// Days, months and relative times: after a participle they make it a predicate (`launched Wednesday`).
    static let timeWords = Set<String>([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "last", "this", "next", "earlier", "later", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "in", "on",
    ])
    /// Common irregular past forms: where a description subject ends (`the justice went on to …`).
    static let irregularPasts = Set<String>([
        "began", "took", "made", "went", "came", "gave", "got", "sent", "spoke", "stood", "held", "told", "said",
        "wrote", "ran", "met", "left", "put", "kept", "brought", "thought", "felt", "found", "saw", "struck",
        "sought", "drew", "threw", "led", "won", "lost", "rose", "fell", "broke", "chose", "hit", "set", "shot",
    ])
    /// Words before a verb that make it passive (`was accused of “…”`): no cue then.
    static let passiveMarkers = Set<String>(["was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"])

    /// Participles of saying that attach to the clause before them (`X criticised the plan, saying …`):
    /// their speaker is that clause's subject.
    static let speechParticiples = Set<String>([
        "saying", "adding", "noting", "arguing", "warning", "insisting", "writing", "telling", "explaining",
        "declaring", "stressing", "acknowledging", "admitting", "claiming", "asking", "urging", "describing",
        "stating", "tweeting", "suggesting", "asserting", "predicting", "recalling", "complaining", "joking",
        "boasting", "promising", "vowing", "proclaiming", "replying", "responding", "conceding", "countering",
        "remarking", "announcing", "confirming", "lamenting", "quipping", "chanting", "shouting", "yelling",
    ])

    /// Verbs that present someone's characterisation with `as` (`hailed the deal as “…”`, `saw them
    /// as “…”`): the quoted predicate is a fragment of speech, not a name.
    static let asPredicateVerbs = Set<String>([
        "hailed", "hails", "heralded", "heralds", "identified", "identifies", "portrayed", "portrays", "painted",
        "paints", "cast", "casts", "framed", "frames", "saw", "sees", "regarded", "regards", "viewed", "views",
        "rejected", "rejects", "dismissed", "dismisses", "denounced", "denounces", "characterized",
        "characterised", "described", "describes", "depicted", "depicts", "touted", "touts", "referred",
        "presented", "presents", "presenting", "portraying", "casting", "framing", "offered", "pitched",
        "pitches", "defended", "defends", "mocked", "mocks", "criticized", "criticised",
    ])

    /// Verbs that take their object after them (`told the Journal`), never an inverted subject
    /// (`asked Senator X` after a quotation is inverted, so `asked` is not here).
    static let objectVerbs = Set<String>(["told", "tells", "reminded"])

    /// Verbs that quote a fragment with an agent: `which it called a “slush fund”` (partial, the agent
    /// speaks) versus `an island called “X”` (a term, no agent).
    static let namingVerbs = Set<String>([
        "called", "calls", "call", "dubbed", "dubs", "branded", "brands", "labeled", "labelled", "labels",
        "described", "describes", "termed", "terms", "nicknamed", "calling", "dubbing", "branding", "labeling",
        "labelling", "describing",
    ])

    /// Words before a quotation that make it a name rather than speech.
    static let termCues: [[String]] = [
        ["known", "as"], ["so-called"], ["so", "called"], ["dubbed"], ["nicknamed"], ["titled"], ["entitled"],
        ["named"], ["called"], ["aka"], ["a.k.a"], ["the", "word"], ["the", "term"], ["the", "phrase"],
        ["the", "slogan"], ["the", "hashtag"], ["the", "motto"], ["the", "nickname"], ["the", "title"],
        ["the", "headline"], ["branded"], ["labeled"], ["labelled"], ["marketed", "as"], ["billed", "as"],
        ["referred", "to", "as"], ["known", "locally", "as"], ["also", "known", "as"], ["album"], ["song"],
        ["film"], ["movie"], ["book"], ["novel"], ["show"], ["series"], ["episode"], ["memoir"], ["play"],
    ]

    /// Words that may sit between a subject and its verb of saying (`he also said`, `she has long argued`).
    static let verbModifiers = Set<String>([
        "also", "later", "then", "has", "had", "have", "once", "again", "previously", "repeatedly", "recently",
        "publicly", "privately", "would", "will", "had", "long", "often", "first", "separately", "simply",
        "flatly", "just", "still", "even", "further", "last", "week", "earlier", "this", "year", "month",
        "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
        "today", "tonight", "previously", "once", "never", "did", "does", "do", "is", "was", "were", "are",
    ])

    static let prepositions = Set<String>([
        "of", "for", "at", "in", "on", "from", "with", "by", "to", "about", "including", "near", "like", "than",
        "against", "between", "into", "onto", "over", "under", "toward", "towards", "without", "through",
        "via", "among", "after", "before", "during", "behind", "across", "around", "beside", "besides",
    ])

    static let determiners = Set<String>([
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "one", "two", "three", "four", "five", "several", "some", "many", "most", "other", "another", "few",
        "former", "senior", "top",
    ])

    /// Heads of noun phrases that name an unnamed source: never resolved to a named person.
    static let anonymousHeads = Set<String>([
        "official", "officials", "person", "people", "source", "sources", "spokesperson", "spokespeople",
        "spokesman", "spokeswoman", "spokesmen", "spokeswomen", "aide", "aides", "diplomat", "diplomats",
        "analyst", "analysts", "executive", "executives", "insider", "insiders", "observer", "observers",
        "adviser", "advisers", "advisor", "advisors", "critic", "critics", "expert", "experts", "resident",
        "residents", "witness", "witnesses", "member", "members", "employee", "employees", "staffer",
        "staffers", "worker", "workers", "investor", "investors", "lawyer", "lawyers", "attorney", "attorneys",
        "representative", "representatives", "supporter", "supporters", "neighbor", "neighbors", "neighbour",
        "neighbours", "friend", "friends", "colleague", "colleagues", "someone", "fans", "fan", "voters",
        "voter", "protester", "protesters", "officer", "officers", "leader", "leaders", "economists",
        "economist", "investigators", "investigator", "police", "authorities", "statement", "report",
    ])

    /// Heads of definite descriptions that refer back to an organisation (`the company said`).
    static let organizationHeads = Set<String>([
        "company", "firm", "department", "agency", "ministry", "government", "administration", "club", "team",
        "council", "court", "group", "bank", "fund", "board", "committee", "union", "party", "campaign",
        "university", "school", "hospital", "league", "commission", "startup", "retailer", "automaker",
        "carrier", "airline", "network", "newspaper", "organization", "organisation", "charity", "foundation",
        "office", "authority", "regulator", "band", "lab", "laboratory", "museum", "city", "county",
        "state", "country", "kremlin", "pentagon", "embassy", "police", "prosecutors", "federation",
    ])

    /// Plural nouns a `they` can refer back to when no organisation is nearer.
    static let pluralGroupHeads = Set<String>([
        "officials", "people", "sources", "executives", "analysts", "residents", "players", "investigators",
        "police", "lawyers", "critics", "researchers", "experts", "leaders", "diplomats", "members",
        "prosecutors", "parents", "students", "workers", "voters", "fans", "neighbors", "neighbours",
        "scientists", "doctors", "authorities", "owners", "families", "relatives", "organizers", "organisers",
        "councillors", "councilors", "regulators", "investors", "others", "both", "survivors", "children",
    ])

    /// Role words that sit between an affiliation and a name (`Harbor City coach Marco Bellini`).
    static let roleWords = Set<String>([
        "coach", "captain", "defender", "striker", "forward", "midfielder", "goalkeeper", "keeper", "manager",
        "chief", "executive", "ceo", "cfo", "president", "minister", "prime", "spokesperson", "spokesman",
        "spokeswoman", "secretary", "senator", "sen.", "governor", "gov.", "mayor", "chairman", "chairwoman",
        "chair", "director", "founder", "co-founder", "analyst", "reporter", "lawyer", "attorney", "judge",
        "prosecutor", "envoy", "adviser", "advisor", "ambassador", "leader", "head", "officer", "official",
        "player", "star", "teammate", "owner", "general", "gen.", "economist", "professor", "researcher",
        "editor", "correspondent", "partner", "member", "councillor", "councilor", "councilman",
        "councilwoman", "deputy", "commissioner", "chancellor", "vice", "senior", "former", "acting",
        "foreign", "finance", "interior", "defense", "defence", "press", "state", "top", "veteran", "rookie",
        "quarterback", "pitcher", "guard", "center", "winger", "boss", "chef", "designer", "engineer",
        "scientist", "doctor", "dr.", "nurse", "teacher", "principal", "pastor", "bishop", "rabbi", "imam",
        "representative", "rep.", "congressman", "congresswoman", "lawmaker", "legislator", "sheriff",
        "chief-executive", "strategist", "pollster", "investor", "billionaire", "businessman",
        "businesswoman", "entrepreneur", "historian", "author", "writer", "actor", "actress", "singer",
        "musician", "artist", "producer", "reviewer", "tech", "spokesperson", "negotiator", "general",
    ])

    /// Heads of definite descriptions that refer back to a person already named (`the veteran said`).
    static let epithets = Set<String>([
        "veteran", "rookie", "striker", "forward", "midfielder", "goalkeeper", "winger", "defender", "quarterback",
        "pitcher", "champion", "singer", "actor", "actress", "author", "novelist", "chef", "designer", "founder",
        "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman", "irishwoman", "scotsman",
        "dutchman", "spaniard", "italian", "german", "brazilian", "argentine", "american", "canadian",
        "australian", "briton", "swede", "norwegian", "dane", "finn", "pole", "russian", "ukrainian", "japanese",
        "star", "youngster", "teenager", "widow", "mother", "father", "grandmother", "grandfather", "daughter",
        "son", "captain", "newcomer", "incumbent", "challenger", "billionaire", "entrepreneur", "musician",
        "playwright", "director", "filmmaker", "artist", "poet", "scientist", "researcher", "professor",
    ])

    /// Written documents whose author speaks through them (`according to a statement from X`).
    static let documentNouns = Set<String>([
        "statement", "statements", "report", "release", "filing", "filings", "letter", "memo", "email", "post",
        "complaint", "indictment", "ruling", "lawsuit", "affidavit", "transcript", "announcement", "notice",
        "bulletin", "press", "tweet", "message", "document", "documents", "order",
    ])

    /// Tokens before a period that do not end a sentence.
    static let abbreviations = Set<String>([
        "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov",
        "sen", "rep", "reps", "sens", "prof", "rev", "fr", "hon", "pres", "inc", "corp", "co", "ltd", "llc",
        "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
        "etc", "mt", "ft", "ave", "blvd", "rd", "dept", "univ", "approx", "est", "maj", "brig", "supt", "det",
        "insp", "cpl", "pvt", "messrs", "mme", "mlle", "gens", "op", "ed", "vol", "pp", "p",
    ])

    /// Honorifics that give a person's gender.
    static let maleHonorifics = Set<String>(["mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"])
    static let femaleHonorifics = Set<String>([
        "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "mother", "sister", "madam",
    ])

    /// Labels that look like a transcript speaker prefix but are not one.
    static let nonSpeakerLabels = Set<String>([
        "note", "update", "correction", "editor's note", "editor’s note", "photo", "source", "sources",
        "read more", "related", "watch", "listen", "see also", "disclosure", "clarification", "warning",
        "caption", "credit", "updated", "published", "tags", "topics", "share", "advertisement", "video",
        "graphic", "map", "chart", "contact", "email", "tel", "phone", "website", "when", "where", "cost",
        "tickets", "price", "location", "date", "time", "venue", "address", "more", "also", "breaking",
        "who", "what", "why", "how", "which", "hours", "admission", "details", "info", "information", "prices",
        "ingredients", "method", "serves", "directions", "score", "result", "results", "final", "summary",
    ])
}
