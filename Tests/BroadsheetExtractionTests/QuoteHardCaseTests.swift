import BroadsheetCore
import BroadsheetExtraction
import Testing

/// More attribution patterns seen in news copy, beyond the basic orders.
struct QuoteHardCaseTests {
    static let cases: [AttributionCase] = [
        .init(
            name: "columnist round-up: the person before the outlet speaks",
            paragraphs: [
                "Columnists weighed in on the council vote on Friday.",
                "Tom Baker, Harbour Gazette: “The council got this one wrong, and the town will pay for it.”",
                "Mary Quinn, Valley Post: “It was the only sensible choice the council had.”",
            ],
            people: ["Tom Baker", "Mary Quinn"], organizations: ["Harbour Gazette", "Valley Post"],
            expected: [("Tom Baker", "Tom Baker", nil), ("Mary Quinn", "Mary Quinn", nil)]),
        .init(
            name: "partial quote after a reporting verb",
            paragraphs: ["Maria Santos accused the housing board of “a betrayal of every tenant in the city.”"],
            people: ["Maria Santos"], expected: [("Maria Santos", "Maria Santos", "accused")]),
        .init(
            name: "partial quote after a passive reporting verb has no speaker",
            paragraphs: ["The housing board was accused of “a betrayal of every tenant in the city.”"],
            expected: [(nil, nil, nil)]),
        .init(
            name: "speaker text is never an adverbial",
            paragraphs: ["“We will not close the mill while I live,” said in a quiet voice the owner of the works."],
            expected: [(nil, nil, nil)]),
        .init(
            name: "quote broken mid-sentence by the attribution",
            paragraphs: ["“The problem,” Maria Santos said, “is that nobody wants to pay for it.”"],
            people: ["Maria Santos"],
            expected: [("Maria Santos", "Maria Santos", "said"), ("Maria Santos", "Maria Santos", "said")]),
        .init(
            name: "present tense says",
            paragraphs: [
                "“Every season feels like the last one,” says Ingrid Holm, who has fished these waters for 40 years."
            ],
            people: ["Ingrid Holm"], expected: [("Ingrid Holm", "Ingrid Holm", "says")]),
        .init(
            name: "question with inverted asked",
            paragraphs: ["“Why now, after ten years?” asked Senator Joan Pike."],
            people: ["Joan Pike"], expected: [("Joan Pike", "Senator Joan Pike", "asked")]),
        .init(
            name: "three speakers, pronoun by gender",
            paragraphs: ["“Yes,” said Tom Baker. “No,” said Mary Quinn. “Maybe,” he added."],
            people: ["Tom Baker", "Mary Quinn"],
            expected: [
                ("Tom Baker", "Tom Baker", "said"), ("Mary Quinn", "Mary Quinn", "said"), ("Tom Baker", "he", "added"),
            ]),
        .init(
            name: "British single marks",
            paragraphs: ["‘We are delighted with the result,’ said Graham Poole, the club chairman."],
            people: ["Graham Poole"], expected: [("Graham Poole", "Graham Poole", "said")]),
        .init(
            name: "anonymous: on condition of anonymity",
            paragraphs: [
                "Senator Joan Pike met the envoy on Friday. “It went badly,” said one of the people, who spoke on condition of anonymity."
            ],
            people: ["Joan Pike"], expected: [(nil, "one of the people", "said")]),
        .init(
            name: "anonymous: people familiar said",
            paragraphs: [
                "Omar Haddad has not commented. “The board is split,” people familiar with the discussions said."
            ],
            people: ["Omar Haddad"], expected: [(nil, "people familiar with the discussions", "said")]),
        .init(
            name: "anonymous: senior official told reporters",
            paragraphs: [
                "President Ana Lima flew to Geneva. “We expect a deal by Friday,” a senior official told reporters traveling with her."
            ],
            people: ["Ana Lima"], expected: [(nil, "a senior official", "told")]),
        .init(
            name: "anonymous: the official added",
            paragraphs: [
                "“Nothing is agreed,” an official said. “Everything is on the table,” the official added, as Ana Lima looked on."
            ],
            people: ["Ana Lima"], expected: [(nil, "an official", "said"), (nil, "the official", "added")]),
        .init(
            name: "name not recognised keeps the text",
            paragraphs: ["“The water came up so fast,” said Beatriz Okonjo-Ward, a nurse."],
            expected: [(nil, "Beatriz Okonjo-Ward", "said")]),
        .init(
            name: "speaker introduced with said that and two partials",
            paragraphs: ["Ahmed Farouk said the company was “in good shape” and would be “profitable by spring.”"],
            people: ["Ahmed Farouk"],
            expected: [("Ahmed Farouk", "Ahmed Farouk", "said"), ("Ahmed Farouk", "Ahmed Farouk", "said")]),
        .init(
            name: "she between two men and a woman",
            paragraphs: [
                "Peter Novak and Karen Ito met with David Cho on Monday. Novak left first.",
                "Ito stayed. “We made real progress,” she said.",
            ],
            people: ["Peter Novak", "Karen Ito", "David Cho"], expected: [("Karen Ito", "she", "said")]),
        .init(
            name: "organisation in a statement",
            paragraphs: ["Greenfield Energy said in a statement: “We regret the disruption to our customers.”"],
            organizations: ["Greenfield Energy"], expected: [("Greenfield Energy", "Greenfield Energy", "said")]),
        .init(
            name: "verb of saying inside the quote is not a cue",
            paragraphs: [
                "Coach Liam Ward was furious. “He said he was fine and then he told me he could not run,” Ward said of his striker."
            ],
            people: ["Liam Ward"], expected: [("Liam Ward", "Ward", "said")]),
        .init(
            name: "adverb between subject and verb",
            paragraphs: ["“It is over,” Clara Voss later said."],
            people: ["Clara Voss"], expected: [("Clara Voss", "Clara Voss", "said")]),
        .init(
            name: "age appositive",
            paragraphs: ["“I just ran,” Nia Brooks, 19, said."],
            people: ["Nia Brooks"], expected: [("Nia Brooks", "Nia Brooks", "said")]),
        .init(
            name: "wrote in a post",
            paragraphs: [
                "Felix Baum announced his retirement on Thursday. “Thank you for everything,” he wrote in a post on Instagram."
            ],
            people: ["Felix Baum"], expected: [("Felix Baum", "he", "wrote")]),
        .init(
            name: "an affiliation mistyped as a person does not head the phrase",
            paragraphs: ["Riverside captain Sofia Navarro saw it differently. “It was a clear foul,” she said."],
            people: ["Riverside", "Sofia Navarro"], expected: [("Sofia Navarro", "she", "said")]),
        .init(
            name: "agent of a naming verb with a relative clause",
            paragraphs: [
                "Activists who have pushed for the bill called the failure “a betrayal,” while Senator Joan Pike stayed silent."
            ],
            people: ["Joan Pike"], expected: [(nil, "Activists", "called")]),
        .init(
            name: "agent of a naming verb with an appositive",
            paragraphs: ["Joan Pike, the committee chair, called the report “a whitewash.”"],
            people: ["Joan Pike"], expected: [("Joan Pike", "Joan Pike", "called")]),
        .init(
            name: "the agency is the organisation just named, even after a preposition",
            paragraphs: [
                "Valley Power restored some lines.",
                "According to the National Weather Service, more snow could arrive on Thursday. “People should prepare for more outages,” the agency said.",
            ],
            organizations: ["Valley Power", "National Weather Service"],
            expected: [("National Weather Service", "the agency", "said")]),
        .init(
            name: "the department matches its head noun",
            paragraphs: [
                "The State Department and Acme Corp signed the contract. Acme Corp shares rose.",
                "“We expect full compliance,” the department said.",
            ],
            organizations: ["State Department", "Acme Corp"], expected: [("State Department", "the department", "said")]
        ),
        .init(
            name: "speaker named in the sentence before, no cue",
            paragraphs: ["“The budget is balanced,” said Ana Ruiz. Omar Haddad disagreed. “That is simply not true.”"],
            people: ["Ana Ruiz", "Omar Haddad"],
            expected: [("Ana Ruiz", "Ana Ruiz", "said"), ("Omar Haddad", "Omar Haddad", nil)]),
        .init(
            name: "no speaker for a quote after narrative without a person",
            paragraphs: ["The hall fell silent. “Order, order.”"], expected: [(nil, nil, nil)]),
        .init(
            name: "age epithet refers back",
            paragraphs: [
                "Lena Fox scored twice in the final minutes.", "“I just kept running,” the 24-year-old said.",
            ],
            people: ["Lena Fox"], expected: [("Lena Fox", "the 24-year-old", "said")]),
        .init(
            name: "according to a statement from an organisation",
            paragraphs: [
                "The road will stay closed, “at least until the inspection is complete,” according to a statement from the Harbor Council."
            ],
            organizations: ["Harbor Council"],
            expected: [("Harbor Council", "a statement from the Harbor Council", "according to")]),
        .init(
            name: "according to documents without an author",
            paragraphs: ["The money was moved “in small amounts to avoid detection,” according to court documents."],
            expected: [(nil, "court documents", "according to")]),
        .init(
            name: "previous paragraph ends with the attribution and a colon",
            paragraphs: [
                "In a statement on Friday, Governor Ruth Adler said:", "“We will rebuild every home that was lost.”",
            ],
            people: ["Ruth Adler"], expected: [("Ruth Adler", "Governor Ruth Adler", "said")]),
        .init(
            name: "coordinated verbs share the subject",
            paragraphs: [
                "Northport's captain, Sam Price, was gracious in defeat. He praised the defense and said his team had “run out of ideas” late on."
            ],
            people: ["Sam Price"], organizations: ["Northport"], expected: [("Sam Price", "He", "said")]),
        .init(
            name: "question mark then name and verb",
            paragraphs: ["“Retire and do what?” Carmen Alvarez asks. “Sit at home all day?”"],
            people: ["Carmen Alvarez"],
            expected: [("Carmen Alvarez", "Carmen Alvarez", "asks"), ("Carmen Alvarez", "Carmen Alvarez", "asks")]),
        .init(
            name: "participle of saying",
            paragraphs: ["Gloria Banks criticised the plan on Monday, saying it was “a disaster for renters.”"],
            people: ["Gloria Banks"], expected: [("Gloria Banks", "Gloria Banks", "saying")]),
        .init(
            name: "participle of saying after a pronoun subject",
            paragraphs: ["Gloria Banks spoke first.", "She rejected the offer, adding: “We will not be bought.”"],
            people: ["Gloria Banks"], expected: [("Gloria Banks", "She", "adding")]),
        .init(
            name: "unnamed official of a named organisation",
            paragraphs: ["“The review is ongoing,” a Pentagon official said."],
            organizations: ["Pentagon"], expected: [(nil, "a Pentagon official", "said")]),
        .init(
            name: "location as government with pronoun it",
            paragraphs: ["Norway rejected the proposal on Monday. “The terms are unacceptable,” it said."],
            places: ["Norway"], expected: [("Norway", "it", "said")]),
    ]

    @Test func roleDescribedOnTwoPeopleMeansTheOneNamedLast() {
        let d = QuoteTestDocument.make([
            "Judge Ann Cole and Judge Mark Reed heard the appeal. Reed asked most of the questions.",
            "“This is not a close case,” the judge said.",
        ])
        let g = QuoteTestGazetteer().person("Ann Cole", "Cole", described: ["judge"]).person(
            "Mark Reed", "Reed", described: ["judge"])
        let entities = g.entities(for: d)
        let q = QuoteExtractor().extract(d, entities: entities)
        #expect(q.map { $0.speaker.map { entities.entities[$0].name } } == ["Mark Reed"])
    }

    @Test(arguments: cases)
    func attributes(_ c: AttributionCase) {
        c.expectAttributions()
    }

    @Test(arguments: [
        ("The so-called “peace dividend” never arrived.", QuoteKind.term),
        ("She runs a café known as “The Shack” near the pier.", .term),
        ("His new album, “Blue Hours,” came out in May.", .term),
        ("Critics said the plan was “reckless and unworkable.”", .partial),
        ("The minister described the report as “deeply flawed.”", .partial),
        ("“We will rebuild,” the mayor said.", .direct),
        ("The mayor said: “We will rebuild.”", .direct),
        ("Residents complained about the “temporary” fence, which has stood for six years.", .term),
    ])
    func classifies(sentence: String, kind: QuoteKind) {
        let d = QuoteTestDocument.make([sentence])
        let q = QuoteExtractor().extract(d, entities: DocumentEntities(documentId: d.id, entities: []))
        #expect(q.map(\.kind) == [kind])
        if kind == .term { #expect(q.first?.speakerText == nil) }
    }
}
