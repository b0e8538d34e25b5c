/// Assembles a ``Document`` from an ``ArticleDraft``: normalises paragraphs, drops trailing
/// boilerplate, infers a dek where allowed, computes UTF-16 spans for paragraphs, sections and
/// sentences, and derives the id.
///
/// Nothing of the article is dropped: the dek becomes the first paragraph of the text with the
/// role ``Paragraph/Role/dek``; the next paragraph is the ``Paragraph/Role/lead``. When the body
/// already starts with the dek (equal to the first paragraph, or its beginning), it is not added
/// again: an equal first paragraph takes the `dek` role, a longer one stays the lead.
enum DocumentBuilder {
    static func build(_ draft: ArticleDraft, source: String) throws(ArticleParseError) -> Document {
        let title = TextNormalizer.inline(draft.title)
        // Normalise blocks and drop empty ones.
        var blocks: [ArticleDraft.Block] = []
        for block in draft.blocks {
            switch block {
            case .heading(let h):
                let t = TextNormalizer.inline(h)
                if !t.isEmpty { blocks.append(.heading(t)) }
            case .paragraph(let p):
                let t = TextNormalizer.inline(p)
                if !t.isEmpty, !Boilerplate.isNoise(t) { blocks.append(.paragraph(t)) }
            }
        }
        blocks = Boilerplate.strippingTrailing(blocks)

        var dek = draft.dek.map(TextNormalizer.inline).flatMap { $0.isEmpty ? nil : $0 }
        // How many leading paragraphs (0 or 1) of `blocks` have the dek role.
        var dekParagraphs = 0
        if dek == nil, draft.inferDek, let inferred = DekDetector.leadingDek(in: blocks) {
            // The first block is the inferred dek paragraph: it stays in place, with the dek role.
            dek = inferred
            dekParagraphs = 1
        } else if let d = dek {
            let firstParagraph = blocks.first { if case .paragraph = $0 { return true } else { return false } }
            if case .paragraph(let p) = firstParagraph, p == d || p.hasPrefix(d + " ") {
                // The body repeats the dek: keep one copy.
                if p == d, case .paragraph = blocks.first { dekParagraphs = 1 }
            } else {
                blocks.insert(.paragraph(d), at: 0)
                dekParagraphs = 1
            }
        }

        var text = ""
        var utf16Count = 0
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        var sections: [Section] = []
        var pendingHeading: String?
        var currentSection: Int?
        for block in blocks {
            switch block {
            case .heading(let h):
                // Consecutive headings: keep the later one (an empty section carries no text).
                pendingHeading = h
            case .paragraph(let p):
                if !paragraphs.isEmpty {
                    text += "\n\n"
                    utf16Count += 2
                }
                let start = utf16Count
                text += p
                utf16Count += p.utf16.count
                let span = TextSpan(start: start, end: utf16Count)
                if let h = pendingHeading {
                    sections.append(Section(title: h, span: span))
                    currentSection = sections.count - 1
                    pendingHeading = nil
                } else if let s = currentSection {
                    sections[s].span = TextSpan(start: sections[s].span.start, end: span.end)
                }
                let first = sentences.count
                for r in SentenceSplitter.split(p) {
                    sentences.append(
                        Sentence(
                            index: sentences.count, paragraph: paragraphs.count,
                            span: TextSpan(start: start + r.start, end: start + r.end)))
                }
                let role: Paragraph.Role =
                    paragraphs.count < dekParagraphs ? .dek : paragraphs.count == dekParagraphs ? .lead : .body
                paragraphs.append(
                    Paragraph(
                        index: paragraphs.count, section: currentSection, span: span,
                        sentenceRange: first..<sentences.count, role: role))
            }
        }
        if paragraphs.isEmpty {
            if title.isEmpty { throw .missingField("title") }
            throw .noBody
        }
        let finalTitle = title.isEmpty ? Slug.fallbackTitle(source: source) : title
        let id = draft.id.map { Slug.make($0) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? Slug.make(finalTitle).nonEmpty ?? Slug.make(Slug.fallbackTitle(source: source)).nonEmpty ?? "article"
        return Document(
            id: id, title: finalTitle,
            authors: draft.authors.map(TextNormalizer.inline).filter { !$0.isEmpty },
            publication: draft.publication.map(TextNormalizer.inline).flatMap { $0.isEmpty ? nil : $0 },
            publishedAt: draft.publishedAt, dek: dek, text: text, sections: sections,
            paragraphs: paragraphs, sentences: sentences, format: draft.format, source: source,
            dateSource: draft.publishedAt == nil ? DateSource.none : draft.dateSource,
            category: cleaned(draft.category), tags: draft.tags.compactMap(cleaned), url: cleaned(draft.url),
            language: cleaned(draft.language), sourceName: cleaned(draft.sourceName))
    }
}

extension DocumentBuilder {
    /// Inline-normalised, or `nil` when empty.
    static func cleaned(_ value: String?) -> String? {
        value.map(TextNormalizer.inline).flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
