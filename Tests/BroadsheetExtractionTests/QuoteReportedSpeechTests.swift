import BroadsheetCore
import BroadsheetExtraction
import Testing

/// Quotations inside reported speech (issue 22): fragments attributed by a cue are partial quotes with
/// the reporting clause's speaker, speakers are noun phrases, and reported speech carries over to the
/// quotation that follows it.
struct QuoteReportedSpeechTests {
    static let cases: [AttributionCase] = [
        // Partial quotes inside reported speech take the reporting clause's speaker.
        .init(
            name: "accusation with a fragment after a noun",
            paragraphs: ["Councillor Ada Brandt accused the mayor of conduct “never seen in a town hall before.”"],
            people: ["Ada Brandt"], expected: [("Ada Brandt", "Councillor Ada Brandt", "accused")]),
        .init(
            name: "capitalised according to opens the sentence",
            paragraphs: ["According to Baltic Ferries, “the crossing will resume on Monday if the wind drops.”"],
            organizations: ["Baltic Ferries"], expected: [("Baltic Ferries", "Baltic Ferries", "according to")]),
        .init(
            name: "participle calling after the main clause",
            paragraphs: ["Omar Haddad went after the contractor on Friday, calling the delay “inexcusable.”"],
            people: ["Omar Haddad"], expected: [("Omar Haddad", "Omar Haddad", "calling")]),
        // Phrasal verbs of saying are two-word cues.
        .init(
            name: "pointed out after the quotation",
            paragraphs: ["“The bridge has not been painted since the eighties,” Omar Haddad pointed out."],
            people: ["Omar Haddad"], expected: [("Omar Haddad", "Omar Haddad", "pointed out")]),
        .init(
            name: "went on before a colon",
            paragraphs: ["Ruth Okafor went on: “Every family on the valley road pays for this delay.”"],
            people: ["Ruth Okafor"], expected: [("Ruth Okafor", "Ruth Okafor", "went on")]),
        .init(
            name: "progressive reporting verb is not passive",
            paragraphs: ["Senator Ruth Okafor is labeling the tariff plan “a tax on every family.”"],
            people: ["Ruth Okafor"], expected: [("Ruth Okafor", "Senator Ruth Okafor", "labeling")]),
        .init(
            name: "called with a long object before the fragment",
            paragraphs: ["Okafor called the decision to close three rural clinics “a betrayal of the valley.”"],
            people: ["Ruth Okafor"], expected: [("Ruth Okafor", "Okafor", "called")]),
        .init(
            name: "bare relative pronoun stands for the name before it",
            paragraphs: ["The plan has critics, among them Mayor Ida Lunde, who says it is “reckless.”"],
            people: ["Ida Lunde"], expected: [("Ida Lunde", "Mayor Ida Lunde", "says")]),
        // Round-up items each get their own speaker, even when the recogniser missed the name.
        .init(
            name: "round-up item whose person was not recognised",
            paragraphs: [
                "Columnists weighed in on the ferry fares on Monday.",
                "Tom Baker, Harbour Gazette: “The fares are a tax on islanders, plain and simple.”",
                "Mary Quinn, Valley Post: “Nobody likes higher fares, but the boats must be paid for.”",
            ],
            people: ["Tom Baker"], organizations: ["Harbour Gazette", "Valley Post"],
            expected: [("Tom Baker", "Tom Baker", nil), (nil, "Mary Quinn", nil)]),
        .init(
            name: "participle after a clause whose subject is a description",
            paragraphs: ["The veteran senator sounded off on the plan, saying it was “a gift to landlords.”"],
            expected: [(nil, "The veteran senator", "saying")]),
        // Speakers are noun phrases, never adverbials or predicates.
        .init(
            name: "inverted verb after a fragment and a prepositional phrase",
            paragraphs: ["“We are thrilled” about the ruling, said Tara Lund, the group’s director."],
            people: ["Tara Lund"], expected: [("Tara Lund", "Tara Lund", "said")]),
        .init(
            name: "capitalised adverbial is no speaker",
            paragraphs: ["In other words, the river “will keep rising until the weekend.”"],
            expected: [(nil, nil, nil)]),
        .init(
            name: "participle and time are a predicate",
            paragraphs: ["“Cheaper bread for everyone,” launched Wednesday, says nothing about the cost."],
            expected: [(nil, nil, nil)]),
        .init(
            name: "a long subject phrase over a clause boundary keeps the name after it",
            paragraphs: [
                "A volunteer waved at us and Rosa Lind said the turnout was “better than ever.”"
            ],
            people: ["Rosa Lind"], expected: [("Rosa Lind", "Rosa Lind", "said")]),
        .init(
            name: "party and state in parentheses before the verb",
            paragraphs: ["Gov. Ann Holt (D-Vt.), said, “We will rebuild the levee before winter.”"],
            people: ["Ann Holt"], expected: [("Ann Holt", "Gov. Ann Holt", "said")]),
        .init(
            name: "pronoun subject after a subordinate clause, participle",
            paragraphs: [
                "Fire chief Karl Moen spoke last.",
                "Although he praised the volunteers, he struck a sombre tone, saying, “We lost too much this year.”",
            ],
            people: ["Karl Moen"], expected: [("Karl Moen", "he", "saying")]),
        .init(
            name: "party and state in parentheses, no comma",
            paragraphs: ["Sen. Ann Holt (D-Vt.) said the forecast was “alarmist and wrong.”"],
            people: ["Ann Holt"], organizations: ["D-Vt."], expected: [("Ann Holt", "Sen. Ann Holt", "said")]),
        .init(
            name: "participle phrase between commas is not the subject",
            paragraphs: ["An airport official, speaking on condition of anonymity, said the runway was “unsafe for jets.”"],
            expected: [(nil, "An airport official", "said")]),
        .init(
            name: "participle phrase before an inverted verb",
            paragraphs: ["The vote brings “months of gridlock,” forcing Karl Moen to delay repairs, said Omar Haddad."],
            people: ["Karl Moen", "Omar Haddad"], expected: [("Omar Haddad", "Omar Haddad", "said")]),
        .init(
            name: "a cue after and belongs to the next clause",
            paragraphs: ["Rosa Lind accused the board of “wasting a decade” and Karl Moen says the plan is sound."],
            people: ["Rosa Lind", "Karl Moen"], expected: [("Rosa Lind", "Rosa Lind", "accused")]),
        // Attributions with verbs outside the lexicon, or verbs of saying in other constructions.
        .init(
            name: "any verb closing a short clause after the quotation",
            paragraphs: ["“That is simply false,” Mayor Rosa Lind bristled."],
            people: ["Rosa Lind"], expected: [("Rosa Lind", "Mayor Rosa Lind", "bristled")]),
        .init(
            name: "a short clause and a comma introduce the quotation",
            paragraphs: ["After the mayor criticised the budget, Rosa Lind shot back, “We balanced it twice.”"],
            people: ["Rosa Lind"], expected: [("Rosa Lind", "Rosa Lind", "shot back")]),
        .init(
            name: "continued right after the quotation",
            paragraphs: ["“And we will keep going until the last vote is counted,” Hale continued."],
            people: ["Marcus Hale"], expected: [("Marcus Hale", "Hale", "continued")]),
        .init(
            name: "as someone put it",
            paragraphs: ["As the columnist Mara Quist put it, “Nobody in this town reads the budget.”"],
            people: ["Mara Quist"], expected: [("Mara Quist", "the columnist Mara Quist", "put it")]),
        .init(
            name: "went on to say",
            paragraphs: ["Mayor Rosa Lind went on to say, “The harbour will be dredged by spring.”"],
            people: ["Rosa Lind"], expected: [("Rosa Lind", "Rosa Lind", "say")]),
        .init(
            name: "a dash and a name sign the quotation",
            paragraphs: [
                "Readers wrote in about the new bus timetable.",
                "“The early bus is gone and nobody asked us.” ― Lena Fox",
                "“Finally a service that runs on Sundays.” — Tom Becker, Eastfield",
            ],
            people: ["Lena Fox"],
            expected: [("Lena Fox", "Lena Fox", "―"), (nil, "Tom Becker", "—")]),
        // Reported speech carries over to the quotation that follows it.
        .init(
            name: "next paragraph quotes the person whose words were reported",
            paragraphs: [
                "Harbour master Elin Sand said the channel would stay closed until the wreck is lifted.",
                "“Nobody goes in or out before then.”",
            ],
            people: ["Elin Sand"], expected: [("Elin Sand", "Harbour master Elin Sand", "said")]),
        .init(
            name: "next sentence quotes the person whose words were reported",
            paragraphs: ["Elin Sand said the channel would stay closed. The wreck was “a danger to every vessel.”"],
            people: ["Elin Sand"], expected: [("Elin Sand", "Elin Sand", "said")]),
        .init(
            name: "a quotation after narrative with no reported speech stays unattributed",
            paragraphs: ["Elin Sand closed the channel on Monday.", "“Nobody goes in or out.”"],
            people: ["Elin Sand"], expected: [(nil, nil, nil)]),
    ]

    @Test(arguments: cases)
    func attributes(_ c: AttributionCase) {
        c.expectAttributions()
    }

    @Test(arguments: [
        // Attributed fragments are partial quotes.
        ("The repair was a “short-term fix,” she said.", QuoteKind.partial),
        ("The union dismissed the offer as “insulting.”", .partial),
        ("He called it a “mistake” that would not happen again.", .partial),
        ("The club presented the plan as “modest.”", .partial),
        ("The senator tweeted that the vote was “Shameful!”", .partial),
        ("The operator said it was a “setback,” adding that repairs would start soon.", .partial),
        // Real scare quotes stay terms.
        ("The band’s new album, “Quiet Harbour,” came out on Friday.", .term),
        ("The ferry, known as the “Night Owl,” sails at midnight.", .term),
        ("Our reporters tested the “smart” meters for a week.", .term),
        ("The “temporary” fence has stood for six years.", .term),
    ])
    func classifies(sentence: String, kind: QuoteKind) {
        let d = QuoteTestDocument.make([sentence])
        let q = QuoteExtractor().extract(d, entities: DocumentEntities(documentId: d.id, entities: []))
        #expect(q.map(\.kind) == [kind])
    }
}
