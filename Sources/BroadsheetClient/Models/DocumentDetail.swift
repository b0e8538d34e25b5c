/// `GET /v1/documents/{id}`: one document with its structure. Offsets are UTF-16 code-unit offsets
/// into ``text``.
public struct DocumentDetail: Decodable, Sendable, Hashable {
    /// A section heading and the span of text it covers.
    public struct Section: Decodable, Sendable, Hashable {
        /// The heading.
        public var title: String
        /// The start offset into the document text.
        public var start: Int
        /// The end offset (exclusive).
        public var end: Int
    }

    /// One paragraph and where it sits.
    public struct Paragraph: Decodable, Sendable, Hashable {
        /// The paragraph's position, from 0.
        public var index: Int
        /// The index of the enclosing section, if any.
        public var section: Int?
        /// The paragraph text.
        public var text: String
        /// The start offset into the document text.
        public var start: Int
        /// The end offset (exclusive).
        public var end: Int
    }

    /// The stable document identifier.
    public var id: String
    /// The headline.
    public var title: String
    /// The by-line names.
    public var authors: [String]
    /// The outlet, when known.
    public var publication: String?
    /// The publication date as sent.
    public var publishedAt: String?
    /// The standfirst under the headline, when there is one.
    public var dek: String?
    /// The detected article format.
    public var format: String?
    /// The source file name.
    public var source: String?
    /// The number of words.
    public var wordCount: Int
    /// The number of paragraphs.
    public var paragraphCount: Int
    /// The sections in order.
    public var sections: [Section]
    /// The paragraphs in order.
    public var paragraphs: [Paragraph]
    /// The full body text the offsets refer to.
    public var text: String
    /// The number of sentences.
    public var sentences: Int
}
