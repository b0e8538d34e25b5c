import BroadsheetCore

extension Document {
    /// A test document whose body is `paragraphs` joined by blank lines (spans in UTF-16).
    static func make(id: String, title: String, date: String? = nil, paragraphs: [String]) -> Document {
        var text = ""
        var spans: [Paragraph] = []
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { text += "\n\n" }
            let start = text.utf16.count
            text += p
            spans.append(Paragraph(index: i, section: nil, span: TextSpan(start: start, end: text.utf16.count), sentenceRange: i..<(i + 1)))
        }
        let sentences = spans.map { Sentence(index: $0.index, paragraph: $0.index, span: $0.span) }
        return Document(
            id: id, title: title, publishedAt: date.flatMap { CivilDate(iso: $0) }, text: text, paragraphs: spans,
            sentences: sentences, format: .blankLineText)
    }
}

/// A small corpus of our own: technology, sport, business and an obituary.
enum TestCorpus {
    static let documents: [Document] = [
        .make(
            id: "tech-1", title: "Chipmaker unveils new processor", date: "2024-03-05",
            paragraphs: [
                "The company’s new processor, built on a 3-nanometer process, costs $300 and is 9.9% faster than last year's model.",
                "Analysts in the U.S. and Europe said the state-of-the-art design would pressure rivals.",
                "Shares of the chipmaker rose after the announcement in Zürich.",
            ]),
        .make(
            id: "sport-1", title: "Rovers win the cup final", date: "2023-05-20",
            paragraphs: [
                "Rovers beat United 2-1 in the cup final on Saturday, with a late goal from the captain.",
                "The manager's decision to rest the goalkeeper was criticised by fans.",
                "United's coach said the team would appeal the sanctions imposed by the league.",
            ]),
        .make(
            id: "biz-1", title: "Regulators sanction bank over reporting", date: "2025-01-10",
            paragraphs: [
                "Regulators sanctioned the bank for failing to report suspicious transfers.",
                "The bank said it would cooperate with the investigation and review its screening.",
                "Its chief executive, Dmitry Orlov, declined to comment.",
            ]),
        .make(
            id: "obit-1", title: "Composer dies at 88", date: "2022-11-02",
            paragraphs: [
                "The composer Anneliese Brückner died on Tuesday in Zurich. She was 88.",
                "Her son-in-law said she had been working on a new symphony <with> strings & brass.",
                "Brückner studied with Konstantin Dmitriev in Vienna.",
            ]),
    ]

    static let index = SearchIndexFactory.make(documents)
}

import BroadsheetSearch

enum SearchIndexFactory {
    static func make(_ documents: [Document], configuration: SearchIndex.Configuration = .init()) -> SearchIndex {
        SearchIndex(documents: documents, configuration: configuration, unit: .paragraph)
    }
}
