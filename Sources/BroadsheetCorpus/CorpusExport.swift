public import BroadsheetCore
public import Foundation

/// Broadsheet's export format: NDJSON, one stored article per line, with its source exactly as given,
/// so that importing an export into an empty data folder gives the same corpus (same ids, same
/// parsed documents).
///
/// ```json
/// {"id":"mill-town-votes","mediaType":"text/plain","source":"Mill town votes\n\nResidents...","path":"a/mill.txt"}
/// ```
/// `source` is the text (`sourceBase64` instead when the bytes are not UTF-8); `path` and `line` say
/// which file (and NDJSON line) an imported article came from.
public enum CorpusExport {
    struct Record: Codable {
        var id: String
        var mediaType: String
        var source: String?
        var sourceBase64: String?
        var path: String?
        var line: Int?
    }

    /// Writes every stored article, in id order, to `output`. Returns how many.
    public static func export(from store: any ArticleStore, to output: FileHandle) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        var after: String?
        while true {
            let page = try store.articles(after: after, limit: 500)
            guard !page.isEmpty else { break }
            var chunk = Data()
            for article in page {
                var record = Record(id: article.header.id, mediaType: article.mediaType)
                if let text = String(validating: article.source, as: UTF8.self) {
                    record.source = text
                } else {
                    record.sourceBase64 = Data(article.source).base64EncodedString()
                }
                if case .file(let path, let line) = article.header.origin {
                    record.path = path
                    record.line = line
                }
                chunk.append(try encoder.encode(record))
                chunk.append(0x0A)
            }
            try output.write(contentsOf: chunk)
            count += page.count
            after = page.last?.header.id
        }
        return count
    }

    /// Whether a file's first line is an export record (and not an article).
    public static func isExport(firstLine: some Collection<UInt8>) -> Bool {
        guard let record = try? JSONDecoder().decode(Record.self, from: Data(firstLine)) else { return false }
        return record.source != nil || record.sourceBase64 != nil
    }

    /// Imports an export file into `corpus`, a batch of lines per transaction. Each article keeps its id.
    ///
    /// - Returns: articles written, and the lines that could not be read (with why).
    public static func importFile(
        at path: String, into corpus: LiveCorpus, parser: SubmissionParser = SubmissionParser(), batchSize: Int = 500
    ) throws -> (written: Int, failures: [SkippedFile]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        var failures: [SkippedFile] = []
        var batch: [(Int, String, ArticleSubmission)] = []
        var written = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let submissions = batch.map { _, id, submission in
                var submission = submission
                submission.document.id = id
                return submission
            }
            written += try corpus.write(submissions, mode: .replaceEach).count { $0.status != .unchanged }
            batch.removeAll()
        }
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                let record = try JSONDecoder().decode(Record.self, from: Data(line))
                let bytes: [UInt8]
                if let source = record.source {
                    bytes = Array(source.utf8)
                } else if let encoded = record.sourceBase64, let decoded = Data(base64Encoded: encoded) {
                    bytes = Array(decoded)
                } else {
                    throw SubmissionParser.Failure("no source")
                }
                let name = record.path.map { ($0 as NSString).lastPathComponent }
                var submission = try parser.parse(bytes, mediaType: record.mediaType, sourceName: name)
                if let path = record.path {
                    submission.origin = .file(path: path, line: record.line)
                    submission.document.source = path
                    // A line of an NDJSON file, parsed on its own as it was at its import.
                    if record.line != nil { submission.document.format = .ndjson }
                }
                batch.append((number + 1, record.id, submission))
            } catch {
                failures.append(SkippedFile(path: path, reason: "line \(number + 1): \(error)", line: number + 1))
            }
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        return (written, failures)
    }
}
