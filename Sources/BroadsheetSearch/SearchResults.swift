public import BroadsheetCore

/// One page of search results.
public struct SearchResults: Sendable, Hashable {
    /// The hits of the requested page, best first.
    public var hits: [SearchHit]
    /// How many hits matched in all (after grouping), across all pages.
    public var total: Int
    /// Typo corrections that were used to match (`Witkof` → `witkoff`).
    public var corrections: [SearchCorrection]
    /// Wall-clock time spent in ``SearchIndex/search(_:options:context:)``, in milliseconds.
    public var tookMs: Double

    public init(hits: [SearchHit], total: Int, corrections: [SearchCorrection], tookMs: Double) {
        self.hits = hits
        self.total = total
        self.corrections = corrections
        self.tookMs = tookMs
    }
}

/// A matching article (``SearchUnit/article``) or paragraph (``SearchUnit/paragraph``).
public struct SearchHit: Sendable, Hashable {
    public var documentId: String
    /// The document's title.
    public var title: String
    /// The document's publication date, if it has one.
    public var publishedAt: CivilDate?
    /// Index into the document's ``Document/paragraphs``: the matching paragraph, or for an article
    /// the paragraph of its best passage (0 when there is none).
    public var paragraph: Int
    /// Relevance: BM25 (text + boosted title) plus the proximity bonus. Higher is better.
    public var score: Double
    /// The best window of the paragraph (about 240 characters, cut on word boundaries, `…` where cut),
    /// HTML-escaped, with matched words wrapped in `<mark>…</mark>`; for an article, its best passage's.
    public var snippet: String
    /// Every matched word in the paragraph, as UTF-16 offsets into the document's ``Document/text``.
    public var highlights: [TextSpan]
    /// The best passages, best first (``SearchOptions/passages`` of them at most): for an article, its
    /// paragraphs holding the most distinct query words, closest together; for a paragraph, itself.
    public var passages: [SearchPassage]

    public init(
        documentId: String, title: String, publishedAt: CivilDate? = nil, paragraph: Int, score: Double, snippet: String,
        highlights: [TextSpan], passages: [SearchPassage] = []
    ) {
        self.documentId = documentId
        self.title = title
        self.publishedAt = publishedAt
        self.paragraph = paragraph
        self.score = score
        self.snippet = snippet
        self.highlights = highlights
        self.passages = passages
    }
}

/// One passage of a hit: a paragraph's best window with the query's words marked.
public struct SearchPassage: Sendable, Hashable {
    /// Index into the document's ``Document/paragraphs``.
    public var paragraph: Int
    /// About 240 characters of the paragraph, cut on word boundaries (`…` where cut), HTML-escaped,
    /// matched words in `<mark>…</mark>`.
    public var snippet: String
    /// Every matched word in the paragraph, as UTF-16 offsets into the document's ``Document/text``.
    public var highlights: [TextSpan]

    public init(paragraph: Int, snippet: String, highlights: [TextSpan]) {
        self.paragraph = paragraph
        self.snippet = snippet
        self.highlights = highlights
    }
}

/// A typo correction applied to a query word.
public struct SearchCorrection: Sendable, Hashable, Codable {
    /// The word as typed.
    public var from: String
    /// The indexed word it was matched to (folded to lowercase).
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// A paragraph of a document, named by document id and paragraph index.
public struct ParagraphRef: Sendable, Hashable {
    public var documentId: String
    public var paragraph: Int

    public init(documentId: String, paragraph: Int) {
        self.documentId = documentId
        self.paragraph = paragraph
    }
}

/// Outside knowledge the index needs for some filters.
///
/// ```swift
/// let context = SearchFilterContext(
///     entityParagraphs: { id in entityIndex[id]?.map { ParagraphRef(documentId: $0.doc, paragraph: $0.para) } },
///     paragraphDates: { ref in eventDates[ref] ?? [] })
/// ```
public struct SearchFilterContext: Sendable {
    /// The paragraphs that mention an entity, once per mention (a paragraph that names it twice comes
    /// twice: the count scores the hit), or `nil` when the entity id is unknown (the search then
    /// throws ``SearchQueryError/Kind/unknownEntity``). When this closure is absent, `entity:` filters
    /// throw ``SearchQueryError/Kind/unknownEntity`` too.
    public var entityParagraphs: (@Sendable (String) -> [ParagraphRef]?)?
    /// Extra dates for a paragraph (e.g. the dates of events it tells), checked by `from:`/`to:` in
    /// addition to the document's publication date. Called only for paragraphs that otherwise match.
    public var paragraphDates: (@Sendable (ParagraphRef) -> [CivilDate])?

    public init(
        entityParagraphs: (@Sendable (String) -> [ParagraphRef]?)? = nil,
        paragraphDates: (@Sendable (ParagraphRef) -> [CivilDate])? = nil
    ) {
        self.entityParagraphs = entityParagraphs
        self.paragraphDates = paragraphDates
    }
}

/// Paging, grouping and typo options of one search.
public struct SearchOptions: Sendable, Hashable {
    /// How many hits to return (default 10, clamped to 0...1000).
    public var limit: Int
    /// How many ranked hits to skip (default 0).
    public var offset: Int
    /// At most this many hits per document (`group=document` → 1); `nil` for no grouping.
    public var maxHitsPerDocument: Int?
    /// Accept words within one or two typos when a word has no exact match (default true).
    public var typoTolerance: Bool
    /// Filters from request parameters, merged with those written in the query.
    public var filters: SearchFilters
    /// Build snippets and highlights (default true; the benchmark also times ranking alone).
    public var includeSnippets: Bool
    /// What a hit is: an article (default) or a paragraph.
    public var unit: SearchUnit
    /// Passages per article hit, 0...``maxPassages`` (default 1); a paragraph hit has its own.
    public var passages: Int
    /// Most passages per hit: 5.
    public static let maxPassages = 5

    public init(
        limit: Int = 10, offset: Int = 0, maxHitsPerDocument: Int? = nil, typoTolerance: Bool = true,
        filters: SearchFilters = SearchFilters(), includeSnippets: Bool = true, unit: SearchUnit = .article, passages: Int = 1
    ) {
        self.unit = unit
        self.passages = passages
        self.includeSnippets = includeSnippets
        self.limit = limit
        self.offset = offset
        self.maxHitsPerDocument = maxHitsPerDocument
        self.typoTolerance = typoTolerance
        self.filters = filters
    }
}

/// A search-box completion.
public struct Suggestion: Sendable, Hashable {
    /// What it completes to, e.g. `"nord stream"` or an entity's name.
    public var text: String
    /// What kind of thing it is: `"term"` for indexed words, or whatever the caller supplied (`"entity"`).
    public var kind: String
    /// Ranking weight: word frequency for terms; caller-defined for supplied names.
    public var weight: Double
    /// For caller-supplied suggestions: an id to carry through (e.g. the entity id).
    public var id: String?

    public init(text: String, kind: String, weight: Double, id: String? = nil) {
        self.text = text
        self.kind = kind
        self.weight = weight
        self.id = id
    }
}
