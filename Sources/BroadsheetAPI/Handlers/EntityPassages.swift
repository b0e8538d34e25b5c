import BroadsheetCore
import BroadsheetCorpus
import BroadsheetExtraction
import BroadsheetSearch
import BroadsheetWire

extension SearchResponseDTO {
    /// For a query that is only an entity filter (`entity:<id>`, no words): each hit's passages are
    /// the paragraphs that mention the entity most, with its mentions marked and highlighted, as a
    /// word search marks its words.
    mutating func markMentions(of entityId: String, in snapshot: CorpusSnapshot, unit: SearchUnit, passages: Int) {
        guard let entity = snapshot.entities.entity(id: entityId) else { return }
        let hitDocuments = Set(data.map(\.documentId))
        var spansByDocument: [String: [TextSpan]] = [:]
        for mention in entity.mentions where hitDocuments.contains(mention.documentId) {
            spansByDocument[mention.documentId, default: []].append(mention.span)
        }
        for index in data.indices {
            let hit = data[index]
            guard let document = snapshot.document(id: hit.documentId)?.document, let spans = spansByDocument[hit.documentId] else { continue }
            var byParagraph: [Int: [TextSpan]] = [:]
            for span in spans {
                if let paragraph = document.paragraphIndex(containing: span.start) { byParagraph[paragraph, default: []].append(span) }
            }
            let chosen: [Int] =
                unit == .paragraph
                ? [hit.paragraph]
                : Array(byParagraph.keys.sorted { (byParagraph[$1]!.count, $0) < (byParagraph[$0]!.count, $1) }.prefix(passages))
            let rendered = chosen.compactMap { paragraph -> Passage? in
                guard document.paragraphs.indices.contains(paragraph) else { return nil }
                let marked = byParagraph[paragraph] ?? []
                return Passage(
                    paragraph: paragraph,
                    snippet: SearchIndex.snippet(of: document.text, paragraph: document.paragraphs[paragraph].span, marking: marked),
                    highlights: marked.sorted { $0.start < $1.start }.map { Span(start: $0.start, end: $0.end) })
            }
            guard let best = rendered.first else { continue }
            data[index].passages = rendered
            data[index].paragraph = best.paragraph
            data[index].snippet = best.snippet
            data[index].highlights = best.highlights
        }
    }
}
