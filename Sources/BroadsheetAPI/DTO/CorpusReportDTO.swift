import BroadsheetCore
/// `GET /v1/corpus`: counts and the skipped files.
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

    init(_ s: CorpusSnapshot) {
        root = s.root
        documents = s.documents.count
        paragraphs = s.documents.reduce(0) { $0 + $1.paragraphs.count }
        sentences = s.documents.reduce(0) { $0 + $1.sentences.count }
        words = s.wordCounts.reduce(0, +)
        files = s.filesRead
        formats = Dictionary(s.documents.map { ($0.format.rawValue, 1) }, uniquingKeysWith: +)
        skipped = s.skipped.map { Skipped(path: $0.path, reason: $0.reason) }
    }
}
