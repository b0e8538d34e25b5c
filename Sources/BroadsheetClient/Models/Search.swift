/// `GET /v1/search`.
public struct SearchResults: Decodable, Sendable {
    public struct Hit: Decodable, Sendable, Hashable {
        public struct Span: Decodable, Sendable, Hashable {
            public var start: Int
            public var end: Int
        }
        /// One of a hit's best passages.
        public struct Passage: Decodable, Sendable, Hashable {
            public var paragraph: Int
            public var snippet: String
            public var highlights: [Span]
        }
        public var documentId: String
        public var title: String
        public var publishedAt: String?
        public var publication: String?
        public var authors: [String]
        public var score: Double
        /// The matching paragraph, or an article's best passage's.
        public var paragraph: Int
        public var snippet: String
        public var highlights: [Span]
        public var passages: [Passage]
    }
    public struct Correction: Decodable, Sendable, Hashable {
        public var from: String
        public var to: String
    }
    /// `article` or `paragraph`.
    public var unit: String
    public var data: [Hit]
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var tookMs: Double
    public var corrections: [Correction]
}

/// One completion of `GET /v1/suggest`.
public struct Suggestion: Decodable, Sendable, Hashable {
    public var text: String
    public var kind: String
    public var entityId: String?
}
