/// One row of `GET /v1/documents`.
public struct DocumentSummary: Codable, Sendable, Hashable {
    public var id: String
    /// The headline.
    public var title: String
    /// The by-line names.
    public var authors: [String]
    /// The outlet, when known.
    @ExplicitNull public var publication: String?
    /// The publication date (`2024-03-01`), when known.
    @ExplicitNull public var publishedAt: String?
    /// Where `publishedAt` came from: `field`, `dateline`, `path`, `default` or `none`.
    public var dateSource: String
    public var wordCount: Int
    public var paragraphCount: Int
    /// The detected article format.
    public var format: String
    /// The file the article came from, relative to the corpus folder (`api` for a write).
    public var source: String
    public var metadata: DocumentMetadata

    public init(
        id: String, title: String, authors: [String], publication: String?, publishedAt: String?, dateSource: String,
        wordCount: Int, paragraphCount: Int, format: String, source: String, metadata: DocumentMetadata
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.publication = publication
        self.publishedAt = publishedAt
        self.dateSource = dateSource
        self.wordCount = wordCount
        self.paragraphCount = paragraphCount
        self.format = format
        self.source = source
        self.metadata = metadata
    }
}

/// What an article says of itself beyond its title, authors and date, as given.
public struct DocumentMetadata: Codable, Sendable, Hashable {
    @ExplicitNull public var category: String?
    public var tags: [String]
    @ExplicitNull public var url: String?
    @ExplicitNull public var language: String?
    /// The `source` field of a structured article (an agency or feed name).
    @ExplicitNull public var sourceName: String?

    public init(category: String? = nil, tags: [String] = [], url: String? = nil, language: String? = nil, sourceName: String? = nil) {
        self.category = category
        self.tags = tags
        self.url = url
        self.language = language
        self.sourceName = sourceName
    }
}

/// `GET /v1/documents/{id}`: the metadata plus sections, paragraphs and the normalised text.
/// Offsets are UTF-16 code-unit offsets into `text`, as JavaScript's `String.slice` takes them.
public struct DocumentDetail: Codable, Sendable, Hashable {
    public struct Section: Codable, Sendable, Hashable {
        public var title: String
        public var start: Int
        public var end: Int

        public init(title: String, start: Int, end: Int) {
            self.title = title
            self.start = start
            self.end = end
        }
    }

    public struct Paragraph: Codable, Sendable, Hashable {
        public var index: Int
        @ExplicitNull public var section: Int?
        public var text: String
        public var start: Int
        public var end: Int

        public init(index: Int, section: Int?, text: String, start: Int, end: Int) {
            self.index = index
            self.section = section
            self.text = text
            self.start = start
            self.end = end
        }
    }

    public var id: String
    public var title: String
    public var authors: [String]
    @ExplicitNull public var publication: String?
    @ExplicitNull public var publishedAt: String?
    public var dateSource: String
    /// The standfirst under the headline.
    @ExplicitNull public var dek: String?
    public var wordCount: Int
    public var paragraphCount: Int
    /// The number of sentences.
    public var sentences: Int
    public var format: String
    public var source: String
    public var metadata: DocumentMetadata
    public var sections: [Section]
    public var paragraphs: [Paragraph]
    public var text: String

    public init(
        summary: DocumentSummary, dek: String?, sentences: Int, sections: [Section], paragraphs: [Paragraph], text: String
    ) {
        id = summary.id
        title = summary.title
        authors = summary.authors
        publication = summary.publication
        publishedAt = summary.publishedAt
        dateSource = summary.dateSource
        self.dek = dek
        wordCount = summary.wordCount
        paragraphCount = summary.paragraphCount
        self.sentences = sentences
        format = summary.format
        source = summary.source
        metadata = summary.metadata
        self.sections = sections
        self.paragraphs = paragraphs
        self.text = text
    }
}

/// `GET /v1/corpus`: what is served, what was skipped and the state of the data folder.
public struct CorpusReport: Codable, Sendable, Hashable {
    public struct Skipped: Codable, Sendable, Hashable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public var root: String
    public var documents: Int
    /// Documents without a publication date.
    public var undated: Int
    public var paragraphs: Int
    public var sentences: Int
    public var words: Int
    public var files: Int
    /// Documents per source format.
    public var formats: [String: Int]
    public var skipped: [Skipped]
    public var generation: UInt64
    public var dataFolder: String?
    /// Whether the server takes writes.
    public var writable: Bool
    public var stored: Int
    public var pendingWrites: Int
    public var lastWrite: String?
    public var lastPublishMilliseconds: Double?
    public var storeBytes: Int?
    public var warnings: [String]

    public init(
        root: String, documents: Int, undated: Int, paragraphs: Int, sentences: Int, words: Int, files: Int, formats: [String: Int],
        skipped: [Skipped], generation: UInt64, dataFolder: String?, writable: Bool, stored: Int, pendingWrites: Int,
        lastWrite: String?, lastPublishMilliseconds: Double?, storeBytes: Int?, warnings: [String]
    ) {
        self.root = root
        self.documents = documents
        self.undated = undated
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.words = words
        self.files = files
        self.formats = formats
        self.skipped = skipped
        self.generation = generation
        self.dataFolder = dataFolder
        self.writable = writable
        self.stored = stored
        self.pendingWrites = pendingWrites
        self.lastWrite = lastWrite
        self.lastPublishMilliseconds = lastPublishMilliseconds
        self.storeBytes = storeBytes
        self.warnings = warnings
    }
}
