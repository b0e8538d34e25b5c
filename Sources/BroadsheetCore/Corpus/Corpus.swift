/// Every article loaded from a corpus folder, plus what was skipped and why.
public struct Corpus: Sendable, Hashable {
    /// Parsed documents, ordered by source path (NDJSON records in line order), ids unique.
    public var documents: [Document]
    /// Files (or NDJSON lines) that were not loaded, with a human-readable reason, in path order.
    public var skipped: [SkippedFile]
    /// How many files were read (loaded, or skipped after a look at them); files skipped by name
    /// (not an article extension, a README…) are not counted.
    public var filesScanned: Int
    /// Files (or NDJSON lines) that were loaded but not read as plain UTF-8, in path order: each
    /// says how it was read (e.g. as Windows-1252).
    public var warnings: [CorpusWarning]

    public init(documents: [Document] = [], skipped: [SkippedFile] = [], filesScanned: Int = 0, warnings: [CorpusWarning] = []) {
        self.documents = documents
        self.skipped = skipped
        self.filesScanned = filesScanned
        self.warnings = warnings
    }

    /// How many documents have no ``Document/publishedAt`` (``DateSource/none``).
    public var undatedCount: Int { documents.count { $0.publishedAt == nil } }

    /// `documents.count`.
    public var documentCount: Int { documents.count }
    /// `skipped.count`.
    public var skippedCount: Int { skipped.count }

    /// The document with id `id` (linear search; build a dictionary for repeated look-ups).
    public func document(id: String) -> Document? { documents.first { $0.id == id } }
}

/// A file, or one line of an NDJSON file, that the corpus loader skipped.
public struct SkippedFile: Sendable, Hashable, Codable {
    /// Path relative to the corpus root (`/`-separated).
    public var path: String
    /// Why it was skipped, e.g. `not valid UTF-8 (first bad byte at offset 12)`; for an NDJSON
    /// record it starts with the line: `line 3: invalid JSON: …`.
    public var reason: String
    /// For one bad NDJSON record: its 1-based line number.
    public var line: Int?

    public init(path: String, reason: String, line: Int? = nil) {
        self.path = path
        self.reason = reason
        self.line = line
    }
}

/// A file (or NDJSON line) that was loaded, but not as plain UTF-8 text.
public struct CorpusWarning: Sendable, Hashable, Codable {
    /// Path relative to the corpus root (`/`-separated).
    public var path: String
    /// What happened, e.g. `not valid UTF-8 (first bad byte at offset 6); read as Windows-1252`;
    /// for an NDJSON record it starts with the line: `line 3: …`.
    public var message: String
    /// For one NDJSON record: its 1-based line number.
    public var line: Int?

    public init(path: String, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }
}

/// Why a corpus could not be loaded at all.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The root folder cannot be listed.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): return "corpus path not found: \(path)"
        case .unreadable(let path, let reason): return "corpus path unreadable: \(path) (\(reason))"
        }
    }
}
