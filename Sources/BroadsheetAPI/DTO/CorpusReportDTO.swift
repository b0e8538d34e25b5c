import BroadsheetCore
import BroadsheetCorpus
import Foundation

/// `GET /v1/corpus`: counts, the skipped files, and the state of the data behind them.
struct CorpusReportDTO: Encodable, Sendable {
    struct Skipped: Encodable, Sendable {
        var path: String
        var reason: String
    }
    var root: String
    var documents: Int
    var paragraphs: Int
    var sentences: Int
    var words: Int
    var files: Int
    var formats: [String: Int]
    var skipped: [Skipped]
    /// The generation served: it grows with every published change.
    var generation: UInt64
    /// The data folder (absent for a corpus that is not kept).
    var dataFolder: String?
    /// Whether the server takes writes.
    var writable: Bool
    /// Articles stored, and writes committed but not yet served.
    var stored: Int
    var pendingWrites: Int
    /// When the last write was committed (RFC 3339), if any.
    var lastWrite: String?
    /// How long the last publish took, in milliseconds.
    var lastPublishMilliseconds: Double?
    /// Bytes of the database files.
    var storeBytes: Int?
    /// What was found missing, stale or corrupt at start-up and rebuilt.
    var warnings: [String]

    init(_ s: CorpusSnapshot, writer: LiveCorpus? = nil, writable: Bool = false) {
        root = s.root
        documents = s.totals.documents
        paragraphs = s.totals.paragraphs
        sentences = s.totals.sentences
        words = s.totals.words
        files = s.filesRead
        formats = s.totals.formats
        skipped = s.skipped.map { Skipped(path: $0.path, reason: $0.reason) }
        generation = s.generation
        dataFolder = s.status.dataFolder
        warnings = s.status.warnings
        self.writable = writable
        if let writer {
            let counts = writer.counts
            stored = counts.articles
            pendingWrites = counts.pendingWrites
            lastWrite = counts.lastWrite.map { Self.rfc3339($0) }
            lastPublishMilliseconds = writer.lastPublishMilliseconds
            storeBytes = writer.store.byteSize
        } else {
            stored = s.documents.count
            pendingWrites = 0
        }
    }

    private static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
