/// `GET /v1/search`: a page of hits (articles, or paragraphs with `unit=paragraph`) with their best
/// passages, plus the corrections used and the time taken.
public struct SearchResults: Codable, Sendable, Hashable {
    public struct Span: Codable, Sendable, Hashable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public struct Passage: Codable, Sendable, Hashable {
        public var paragraph: Int
        public var snippet: String
        public var highlights: [Span]

        public init(paragraph: Int, snippet: String, highlights: [Span]) {
            self.paragraph = paragraph
            self.snippet = snippet
            self.highlights = highlights
        }
    }

    public struct Hit: Codable, Sendable, Hashable {
        public var documentId: String
        public var title: String
        @ExplicitNull public var publishedAt: String?
        @ExplicitNull public var publication: String?
        public var authors: [String]
        public var score: Double
        /// The matching paragraph; for an article, its best passage's paragraph (0 without passages).
        public var paragraph: Int
        /// The best window of that paragraph, HTML-escaped, matched words in `<mark>…</mark>` ("" without passages).
        public var snippet: String
        /// UTF-16 offsets of the matched words of that paragraph in the document's `text`.
        public var highlights: [Span]
        /// The best passages, best first.
        public var passages: [Passage]

        public init(
            documentId: String, title: String, publishedAt: String?, publication: String?, authors: [String], score: Double,
            paragraph: Int, snippet: String, highlights: [Span], passages: [Passage]
        ) {
            self.documentId = documentId
            self.title = title
            self.publishedAt = publishedAt
            self.publication = publication
            self.authors = authors
            self.score = score
            self.paragraph = paragraph
            self.snippet = snippet
            self.highlights = highlights
            self.passages = passages
        }
    }

    public struct Correction: Codable, Sendable, Hashable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// `article` or `paragraph`: what each hit is.
    public var unit: String
    public var data: [Hit]
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var tookMs: Double
    public var corrections: [Correction]
    /// With `facets=`: counts over the matching articles (absent otherwise).
    public var facets: SearchFacets?

    public init(
        unit: String, data: [Hit], total: Int, limit: Int, offset: Int, tookMs: Double, corrections: [Correction],
        facets: SearchFacets? = nil
    ) {
        self.unit = unit
        self.data = data
        self.total = total
        self.limit = limit
        self.offset = offset
        self.tookMs = tookMs
        self.corrections = corrections
        self.facets = facets
    }
}

/// The counts `facets=` adds to a search: the top values of each facet asked for, and a date
/// histogram, over the matching articles (their best 1,000: `sampled` says when there were more).
public struct SearchFacets: Codable, Sendable, Hashable {
    public var matched: Int
    public var sampled: Bool
    /// Facet name (`person`, `publication`, ...) → its top values, as `GET /v1/trends` counts them.
    public var values: [String: [Trends.Value]]
    /// Articles per interval (`month`, or `year` over more than five years), empty ones included.
    public var histogram: Timeseries

    public init(matched: Int, sampled: Bool, values: [String: [Trends.Value]], histogram: Timeseries) {
        self.matched = matched
        self.sampled = sampled
        self.values = values
        self.histogram = histogram
    }
}

/// One completion of `GET /v1/suggest`.
public struct Suggestion: Codable, Sendable, Hashable {
    public var text: String
    /// `term` (an indexed word) or `entity`.
    public var kind: String
    /// The entity's id for `entity` suggestions, else null.
    @ExplicitNull public var entityId: String?

    public init(text: String, kind: String, entityId: String?) {
        self.text = text
        self.kind = kind
        self.entityId = entityId
    }
}
