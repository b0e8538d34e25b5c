/// One parsed news article: its metadata and its normalised body with every paragraph,
/// section and sentence located by UTF-16 offsets into ``text``.
///
/// A document is an immutable value; extractors and the search index are pure functions of it.
///
/// ```swift
/// let doc = try ArticleParser().parse(bytes, source: "story.txt").first!
/// for sentence in doc.sentences { print(doc.text.slice(sentence.span)) }
/// ```
public struct Document: Sendable, Hashable, Codable, Identifiable {
    /// Stable, URL-safe slug (lowercase ASCII letters, digits and `-`).
    public var id: String
    public var title: String
    public var authors: [String]
    public var publication: String?
    public var publishedAt: CivilDate?
    /// The dek (standfirst) under the headline, if the article has one. Not part of ``text``.
    public var dek: String?
    /// The normalised body: paragraphs joined by `"\n\n"`. Section headings are not part of it.
    public var text: String
    public var sections: [Section]
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    /// Which input format the parser detected.
    public var format: ArticleFormat
    /// The file the article came from, relative to the corpus root (empty when parsed from memory).
    public var source: String

    public init(
        id: String, title: String, authors: [String] = [], publication: String? = nil,
        publishedAt: CivilDate? = nil, dek: String? = nil, text: String, sections: [Section] = [],
        paragraphs: [Paragraph], sentences: [Sentence], format: ArticleFormat, source: String = ""
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.publication = publication
        self.publishedAt = publishedAt
        self.dek = dek
        self.text = text
        self.sections = sections
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.format = format
        self.source = source
    }

    /// The number of words in ``text`` (maximal runs of letters, digits, and inner apostrophes or hyphens).
    public var wordCount: Int { WordCounter.count(text) }

    /// The text of a span of this document.
    public func text(of span: TextSpan) -> Substring { text.slice(span) }

    /// The index of the sentence containing UTF-16 offset `offset`, if any (binary search).
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < s.start { hi = mid - 1 } else if offset >= s.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The index of the paragraph containing UTF-16 offset `offset`, if any (binary search).
    public func paragraphIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = paragraphs.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let p = paragraphs[mid].span
            if offset < p.start { hi = mid - 1 } else if offset >= p.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }
}

/// A section of the body under a heading. Its span covers its paragraphs in ``Document/text``.
public struct Section: Sendable, Hashable, Codable {
    public var title: String
    public var span: TextSpan
    public init(title: String, span: TextSpan) {
        self.title = title
        self.span = span
    }
}

/// One paragraph of the body.
public struct Paragraph: Sendable, Hashable, Codable {
    /// Position in ``Document/paragraphs``.
    public var index: Int
    /// Index into ``Document/sections``, or `nil` before the first heading.
    public var section: Int?
    public var span: TextSpan
    /// Indices into ``Document/sentences`` of this paragraph's sentences.
    public var sentenceRange: Range<Int>

    public init(index: Int, section: Int?, span: TextSpan, sentenceRange: Range<Int>) {
        self.index = index
        self.section = section
        self.span = span
        self.sentenceRange = sentenceRange
    }
}

/// One sentence of a paragraph.
public struct Sentence: Sendable, Hashable, Codable {
    /// Position in ``Document/sentences``.
    public var index: Int
    /// The paragraph it belongs to.
    public var paragraph: Int
    public var span: TextSpan

    public init(index: Int, paragraph: Int, span: TextSpan) {
        self.index = index
        self.paragraph = paragraph
        self.span = span
    }
}

/// The input formats the parser understands.
public enum ArticleFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Hard-wrapped plain text: title lines, byline, publication, date line, body.
    case wrappedText = "wrapped-text"
    /// Headline on the first line, paragraphs separated by blank lines.
    case blankLineText = "blank-line-text"
    /// A `---` front-matter block, then a (Markdown) body.
    case frontMatter = "front-matter"
    /// One JSON object per file.
    case json = "json"
    /// One JSON object per line.
    case ndjson = "ndjson"
}
