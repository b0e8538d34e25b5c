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
    /// Where ``publishedAt`` came from (``DateSource/none`` when the article is undated).
    public var dateSource: DateSource
    /// The dek (standfirst) under the headline, if the article has one. It is also the first
    /// paragraph of ``text`` (with ``Paragraph/Role/dek``), so it is searched and analysed like the
    /// body; when the body itself starts with the dek, the dek is not repeated.
    public var dek: String?
    /// The article's category or desk (`category`, `section` or `desk` field), if given.
    public var category: String?
    /// The article's tags or keywords, in their given order (empty when none).
    public var tags: [String]
    /// The article's canonical URL (`url`, `link` or `canonical` field), if given.
    public var url: String?
    /// The article's language as given (e.g. `en`, `en-GB`), if given.
    public var language: String?
    /// The structured input's `source` field (for example the feed or outlet it came from), if
    /// given. Not to be confused with ``source``, the file the article was read from.
    public var sourceName: String?
    /// The normalised body: paragraphs joined by `"\n\n"`, the dek (if any) first. Section headings
    /// are not part of it.
    public var text: String
    public var sections: [Section]
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    /// Which input format the parser detected.
    public var format: ArticleFormat
    /// The file the article came from, relative to the corpus root (`/`-separated; empty when
    /// parsed from memory). See also ``path``.
    public var source: String

    public init(
        id: String, title: String, authors: [String] = [], publication: String? = nil,
        publishedAt: CivilDate? = nil, dek: String? = nil, text: String, sections: [Section] = [],
        paragraphs: [Paragraph], sentences: [Sentence], format: ArticleFormat, source: String = "",
        dateSource: DateSource? = nil, category: String? = nil, tags: [String] = [], url: String? = nil,
        language: String? = nil, sourceName: String? = nil
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.publication = publication
        self.publishedAt = publishedAt
        self.dateSource = dateSource ?? (publishedAt == nil ? .none : .field)
        self.dek = dek
        self.category = category
        self.tags = tags
        self.url = url
        self.language = language
        self.sourceName = sourceName
        self.text = text
        self.sections = sections
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.format = format
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, title, authors, publication, publishedAt, dateSource, dek, category, tags, url, language, sourceName
        case text, sections, paragraphs, sentences, format, source
    }

    /// Decodes a document; fields added after the first version (`dateSource`, `category`, `tags`,
    /// `url`, `language`, `sourceName`) may be missing, as in data written before they existed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let publishedAt = try c.decodeIfPresent(CivilDate.self, forKey: .publishedAt)
        self.init(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            authors: try c.decode([String].self, forKey: .authors),
            publication: try c.decodeIfPresent(String.self, forKey: .publication), publishedAt: publishedAt,
            dek: try c.decodeIfPresent(String.self, forKey: .dek), text: try c.decode(String.self, forKey: .text),
            sections: try c.decode([Section].self, forKey: .sections),
            paragraphs: try c.decode([Paragraph].self, forKey: .paragraphs),
            sentences: try c.decode([Sentence].self, forKey: .sentences),
            format: try c.decode(ArticleFormat.self, forKey: .format), source: try c.decode(String.self, forKey: .source),
            dateSource: try c.decodeIfPresent(DateSource.self, forKey: .dateSource),
            category: try c.decodeIfPresent(String.self, forKey: .category),
            tags: try c.decodeIfPresent([String].self, forKey: .tags) ?? [],
            url: try c.decodeIfPresent(String.self, forKey: .url),
            language: try c.decodeIfPresent(String.self, forKey: .language),
            sourceName: try c.decodeIfPresent(String.self, forKey: .sourceName))
    }

    /// The file the article came from, relative to the corpus root: the same as ``source``.
    public var path: String { source }

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
    /// What a paragraph is in the article's structure.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// The dek (standfirst): a summary under the headline, always the first paragraph.
        case dek
        /// The first paragraph of the body proper (after the dek, if any).
        case lead
        /// Any later paragraph.
        case body
    }

    /// Position in ``Document/paragraphs``.
    public var index: Int
    /// Index into ``Document/sections``, or `nil` before the first heading.
    public var section: Int?
    public var span: TextSpan
    /// Indices into ``Document/sentences`` of this paragraph's sentences.
    public var sentenceRange: Range<Int>
    /// The paragraph's role: ``Role/dek``, ``Role/lead`` or ``Role/body``.
    public var role: Role

    public init(index: Int, section: Int?, span: TextSpan, sentenceRange: Range<Int>, role: Role? = nil) {
        self.index = index
        self.section = section
        self.span = span
        self.sentenceRange = sentenceRange
        self.role = role ?? (index == 0 ? .lead : .body)
    }

    enum CodingKeys: String, CodingKey { case index, section, span, sentenceRange, role }

    /// Decodes a paragraph; a missing `role` (data written before roles existed) is derived from
    /// the index as in ``init(index:section:span:sentenceRange:role:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            index: try c.decode(Int.self, forKey: .index), section: try c.decodeIfPresent(Int.self, forKey: .section),
            span: try c.decode(TextSpan.self, forKey: .span), sentenceRange: try c.decode(Range<Int>.self, forKey: .sentenceRange),
            role: try c.decodeIfPresent(Role.self, forKey: .role))
    }
}

/// How a document's ``Document/publishedAt`` was found, in the order the parser and loader try.
public enum DateSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A date field of the structured input (JSON key, front-matter key).
    case field
    /// A date line in the header of a text article.
    case dateline
    /// A date in the file's path (`2025/11/29/…`, `2025-11-29-title.txt`).
    case path
    /// The loader's default date (`--default-date`).
    case `default`
    /// No date found: the article is undated.
    case none
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
