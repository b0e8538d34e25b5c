import BroadsheetCore
import BroadsheetExtraction
import Testing

/// One attribution pattern: paragraphs, the people and organisations a recogniser would find, and
/// the expected speaker (canonical name, or `nil`) and speaker text of each quotation, in order.
struct AttributionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var paragraphs: [String]
    var people: [String] = []
    var organizations: [String] = []
    var places: [String] = []
    var expected: [(speaker: String?, speakerText: String?, cue: String?)]
    var testDescription: String { name }

    func run() -> [Quote] {
        var g = QuoteTestGazetteer()
        for p in people {
            let parts = p.split(separator: " ")
            g = parts.count > 1 ? g.person(p, String(parts.last!)) : g.person(p)
        }
        for o in organizations { g = g.org(o) }
        for l in places { g = g.place(l) }
        let d = QuoteTestDocument.make(paragraphs)
        return QuoteExtractor().extract(d, entities: g.entities(for: d))
    }

    func names(_ quotes: [Quote]) -> [String?] {
        quotes.map { q in q.speaker.map { k in (people + organizations + places)[k] } }
    }

    /// Runs the case and checks its quotes' speakers, speaker texts and cues against `expected`.
    func expectAttributions() {
        let quotes = run()
        #expect(quotes.count == expected.count, "\(quotes.map(\.text))")
        guard quotes.count == expected.count else { return }
        #expect(names(quotes) == expected.map(\.speaker), "\(quotes.map { $0.speakerText ?? "-" })")
        #expect(quotes.map(\.speakerText) == expected.map(\.speakerText))
        #expect(quotes.map(\.cue) == expected.map(\.cue))
    }
}

struct QuoteAttributionTests {
    static let cases: [AttributionCase] = [
        .init(
            name: "quote, name, verb", paragraphs: ["“We will appeal,” Jordan Blake said."], people: ["Jordan Blake"],
            expected: [("Jordan Blake", "Jordan Blake", "said")]),
        .init(
            name: "quote, verb, name, appositive",
            paragraphs: ["“The jury got it wrong,” said Priya Raman, the defense attorney."],
            people: ["Priya Raman"], expected: [("Priya Raman", "Priya Raman", "said")]),
        .init(
            name: "name said colon quote",
            paragraphs: ["After the game, coach Dana Whitfield said: “We were sloppy and we paid for it.”"],
            people: ["Dana Whitfield"], expected: [("Dana Whitfield", "coach Dana Whitfield", "said")]),
        .init(
            name: "name said that partial",
            paragraphs: ["Whitfield said that her defense was “completely asleep” in the second half."],
            people: ["Dana Whitfield"], expected: [("Dana Whitfield", "Whitfield", "said")]),
        .init(
            name: "title before name, inverted",
            paragraphs: ["“Rates will stay high for a while,” said central bank governor Marta Olsen."],
            people: ["Marta Olsen"], organizations: [],
            expected: [("Marta Olsen", "central bank governor Marta Olsen", "said")]),
        .init(
            name: "name, appositive, said",
            paragraphs: ["“We have no comment at this time,” Tom Reyes, the company’s spokesperson, said."],
            people: ["Tom Reyes"], expected: [("Tom Reyes", "Tom Reyes", "said")]),
        .init(
            name: "according to",
            paragraphs: ["The bridge “is not safe for heavy trucks,” according to Hannah Ortiz, the city engineer."],
            people: ["Hannah Ortiz"], expected: [("Hannah Ortiz", "Hannah Ortiz", "according to")]),
        .init(
            name: "pronoun is not the name inside the quote",
            paragraphs: ["Marcus Hale defended his deputy on Tuesday. “I trust Elena Park completely,” he said."],
            people: ["Marcus Hale", "Elena Park"], expected: [("Marcus Hale", "he", "said")]),
        .init(
            name: "she agrees in gender",
            paragraphs: ["Robert Chen met Sarah Mills on Monday. Chen left early.", "“It was productive,” she said."],
            people: ["Robert Chen", "Sarah Mills"], expected: [("Sarah Mills", "she", "said")]),
        .init(
            name: "it is an organisation",
            paragraphs: [
                "Northwind Airlines cancelled 40 flights on Friday. “Safety comes first,” it said in a statement."
            ],
            organizations: ["Northwind Airlines"], expected: [("Northwind Airlines", "it", "said")]),
        .init(
            name: "they is an organisation",
            paragraphs: ["The Harbor Council rejected the proposal. “The costs are simply too high,” they said."],
            organizations: ["Harbor Council"], expected: [("Harbor Council", "they", "said")]),
        .init(
            name: "they are unnamed officials",
            paragraphs: [
                "Officials at Harbor Council were cautious. Officials said the vote could slip. “We need more time,” they said."
            ],
            organizations: ["Harbor Council"], expected: [(nil, "they", "said")]),
        .init(
            name: "they are two organisations",
            paragraphs: ["Northwind Airlines and Harbor Council objected. “This rule hurts travellers,” they said."],
            organizations: ["Northwind Airlines", "Harbor Council"], expected: [(nil, "they", "said")]),
        .init(
            name: "they are two people, one of them unrecognised",
            paragraphs: ["Smith and Harbor Council disagreed. “It is a mistake,” they said in a joint statement."],
            organizations: ["Harbor Council"], expected: [(nil, "they", "said")]),
        .init(
            name: "they are a person and others",
            paragraphs: ["Marcus Hale joined the protest with his neighbours. “We are tired,” they said."],
            people: ["Marcus Hale"], expected: [(nil, "they", "said")]),
        .init(
            name: "anonymous official, named person nearby",
            paragraphs: ["“The deal is dead,” an administration official said, but Senator Paul Grant disagreed."],
            people: ["Paul Grant"], expected: [(nil, "an administration official", "said")]),
        .init(
            name: "person familiar",
            paragraphs: [
                "Rosa Diaz left the room. “Talks collapsed overnight,” said a person familiar with the matter."
            ],
            people: ["Rosa Diaz"], expected: [(nil, "a person familiar with the matter", "said")]),
        .init(
            name: "officials said", paragraphs: ["“We are monitoring the situation,” officials said."],
            expected: [(nil, "officials", "said")]),
        .init(
            name: "unnamed spokesperson",
            paragraphs: ["Acme Corp declined to name the manager. “We do not discuss personnel,” a spokesperson said."],
            organizations: ["Acme Corp"], expected: [(nil, "a spokesperson", "said")]),
        .init(
            name: "spokesperson for an organisation is anonymous",
            paragraphs: ["“Visas will be processed as normal,” said a spokesperson for the State Department."],
            organizations: ["State Department"], expected: [(nil, "a spokesperson for the State Department", "said")]),
        .init(
            name: "organisation speaks",
            paragraphs: ["“Visas will be processed as normal,” the State Department said."],
            organizations: ["State Department"], expected: [("State Department", "the State Department", "said")]),
        .init(
            name: "country as government", paragraphs: ["“The strikes were legitimate,” Russia said in a statement."],
            places: ["Russia"], expected: [("Russia", "Russia", "said")]),
        .init(
            name: "the company said",
            paragraphs: ["Orbital Labs unveiled its satellite on Tuesday. “It is our lightest yet,” the company said."],
            organizations: ["Orbital Labs"], expected: [("Orbital Labs", "the company", "said")]),
        .init(
            name: "continuation keeps speaker", paragraphs: ["“We lost,” Blake said. “But we will be back next year.”"],
            people: ["Jordan Blake"], expected: [("Jordan Blake", "Blake", "said"), ("Jordan Blake", "Blake", "said")]),
        .init(
            name: "two speakers in one paragraph",
            paragraphs: [
                "“It was a penalty,” said Ana Ruiz. “It was never a penalty,” countered Tom Hardy, the visiting coach."
            ],
            people: ["Ana Ruiz", "Tom Hardy"],
            expected: [("Ana Ruiz", "Ana Ruiz", "said"), ("Tom Hardy", "Tom Hardy", "countered")]),
        .init(
            name: "wrote on social media", paragraphs: ["“See you in court,” Ms. Alvarez wrote on X."],
            people: ["Rosa Alvarez"], expected: [("Rosa Alvarez", "Ms. Alvarez", "wrote")]),
        .init(
            name: "told reporters", paragraphs: ["“I’m retiring at the end of the season,” Hale told reporters."],
            people: ["Marcus Hale"], expected: [("Marcus Hale", "Hale", "told")]),
        .init(
            name: "pronoun chain across paragraphs",
            paragraphs: [
                "Coach Ben Ortiz watched from the sideline as Lena Fox scored twice.",
                "He said he had never seen anything like it.",
                "“She is the best player I have coached,” he said.",
            ],
            people: ["Ben Ortiz", "Lena Fox"], expected: [("Ben Ortiz", "he", "said")]),
        .init(
            name: "next paragraph continues the speaker",
            paragraphs: [
                "“We knew the river would rise,” said Tom Becker, the fire chief.", "“We just did not know how fast.”",
            ],
            people: ["Tom Becker"],
            expected: [("Tom Becker", "Tom Becker", "said"), ("Tom Becker", "Tom Becker", "said")]),
        .init(
            name: "added after a description",
            paragraphs: ["“Prices will fall by summer,” Dr. Amara Osei, an economist at the university, added."],
            people: ["Amara Osei"], expected: [("Amara Osei", "Dr. Amara Osei", "added")]),
        .init(
            name: "in a statement, name said that partial",
            paragraphs: [
                "In a statement, Nadia Khan said the ruling would “set back the cause of justice by decades.”"
            ],
            people: ["Nadia Khan"], expected: [("Nadia Khan", "Nadia Khan", "said")]),
        .init(
            name: "colon introduction without a verb",
            paragraphs: ["Mayor Lucy Grant offered a blunt assessment: “This budget is a disaster.”"],
            people: ["Lucy Grant"], expected: [("Lucy Grant", "Mayor Lucy Grant", "offered a blunt assessment")]),
    ]

    @Test(arguments: cases)
    func attributes(_ c: AttributionCase) {
        c.expectAttributions()
    }
}
