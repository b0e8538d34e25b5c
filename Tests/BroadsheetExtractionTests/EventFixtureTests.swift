import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetExtraction

/// Hand-built entities for event tests: every occurrence of a name or alias (longest first, whole
/// words, not overlapping) becomes a mention. Stands in for the entity recogniser.
enum EventFixture {
    struct Spec {
        var name: String
        var type: EntityType
        var aliases: [String] = []
    }

    static func entities(_ doc: Document, _ specs: [Spec]) -> DocumentEntities {
        var taken: [TextSpan] = []
        var mentions: [[EntityMention]] = Array(repeating: [], count: specs.count)
        let forms = specs.enumerated().flatMap { k, s in ([s.name] + s.aliases).map { (k, $0) } }.sorted { $0.1.count > $1.1.count }
        let text = doc.text
        for (k, form) in forms {
            var search = text.startIndex..<text.endIndex
            while let r = text.range(of: form, range: search) {
                search = r.upperBound..<text.endIndex
                let before = r.lowerBound == text.startIndex ? " " : text[text.index(before: r.lowerBound)]
                let after = r.upperBound == text.endIndex ? " " : text[r.upperBound]
                guard !before.isLetter, !after.isLetter else { continue }
                let span = TextSpan(start: text.utf16Offset(of: r.lowerBound), end: text.utf16Offset(of: r.upperBound))
                guard !taken.contains(where: { $0.overlaps(span) }) else { continue }
                taken.append(span)
                mentions[k].append(EntityMention(span: span, text: form, sentence: doc.sentenceIndex(containing: span.start) ?? 0))
            }
        }
        let list = specs.enumerated().map { k, s in
            DocumentEntity(key: k, name: s.name, type: s.type, aliases: s.aliases, mentions: mentions[k].sorted { $0.span < $1.span })
        }
        return DocumentEntities(documentId: doc.id, entities: list)
    }

    /// Entity key by canonical name.
    static func key(_ e: DocumentEntities, _ name: String) -> Int? { e.entities.first { $0.name == name }?.key }
}

struct EventFixtureTests {
    @Test func mentionsAreWholeWordsLongestFirst() {
        let doc = TimeFixture.document("Trump Jr. met Trump at Trump Tower. Trumpet players came.", published: "2025-01-01")
        let e = EventFixture.entities(doc, [
            .init(name: "Donald Trump", type: .person, aliases: ["Trump"]),
            .init(name: "Donald Trump Jr.", type: .person, aliases: ["Trump Jr."]),
            .init(name: "Trump Tower", type: .location),
        ])
        #expect(e.entities.map(\.mentions.count) == [1, 1, 1])
    }
}
