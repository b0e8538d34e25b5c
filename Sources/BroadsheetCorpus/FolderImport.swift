public import BroadsheetCore
import Foundation
import HashTreeCollections

/// Imports a corpus folder into a ``LiveCorpus``: new and changed files (by path and content hash)
/// are parsed and extracted on every core; a removed file's articles are removed; unchanged files
/// cost one read and a hash.
///
/// Each batch of files is one transaction, so an import stopped midway (a crash, `kill -9`) keeps
/// whole files only, and the next import picks up where it stopped.
public struct FolderImport: Sendable {
    /// What an import did.
    public struct Report: Sendable, Hashable {
        public var filesRead = 0
        public var filesChanged = 0
        public var filesRemoved = 0
        public var articlesWritten = 0
        public var articlesRemoved = 0
        /// Every file or line that gave no article, with the reason (unchanged files included).
        public var skipped: [SkippedFile] = []
        /// How files read this time were read when not as given (text that is not UTF-8, decoded as Windows-1252).
        public var warnings: [CorpusWarning] = []
    }

    public var loader: CorpusLoader
    /// Files parsed and committed together.
    public var batchSize: Int
    /// Whether the articles of files imported before but missing now are removed (the folder is the
    /// corpus, as for `serve --corpus`), or kept (an import that adds, as `broadsheet import`).
    public var removeMissing: Bool

    public init(loader: CorpusLoader = CorpusLoader(), batchSize: Int = 64, removeMissing: Bool = true) {
        self.loader = loader
        self.batchSize = max(1, batchSize)
        self.removeMissing = removeMissing
    }

    /// Imports `root` (a folder, or one file) into `corpus`.
    public func run(root: String, into corpus: LiveCorpus) throws -> Report {
        let (files, listingSkips) = try loader.listFiles(at: root)
        var report = Report()
        report.filesRead = files.count
        report.skipped = listingSkips
        let imported = try corpus.store.importedFiles()
        var headersByPath: [String: [String]] = [:]
        for header in corpus.headers.values {
            if let path = header.origin.path { headersByPath[path, default: []].append(header.id) }
        }

        // Removed files: their articles go.
        let present = Set(files.map(\.relative))
        let removed = removeMissing ? Set(imported.keys).union(headersByPath.keys).subtracting(present) : []
        if !removed.isEmpty {
            let ids = removed.flatMap { headersByPath[$0] ?? [] }
            try corpus.commitImport(puts: [], deletes: ids, files: removed.map { .forgetFile(path: $0) })
            report.filesRemoved = removed.count
            report.articlesRemoved = ids.count
        }

        // Changed or new files, a batch at a time; NDJSON files on their own, a chunk of lines at a time.
        let streamed = files.filter { Self.isLineDelimited($0.relative) }
        let batched = files.filter { !Self.isLineDelimited($0.relative) }
        var start = 0
        while start < batched.count {
            let batch = Array(batched[start..<min(batched.count, start + batchSize)])
            start += batchSize
            let loaded = ParallelMap.map(batch, chunk: 1) { file in load(file, previous: imported[file.relative]) }
            var changedFiles: [LoadedFile] = []
            for file in loaded {
                if file.unchanged {
                    report.skipped += (imported[file.path]?.skipped ?? []).map { SkippedFile(path: file.path, reason: $0) }
                } else {
                    changedFiles.append(file)
                    report.skipped += file.skipped
                    report.warnings += file.warnings
                }
            }
            guard !changedFiles.isEmpty else { continue }
            let articles = changedFiles.flatMap { file in file.articles.map { (file.path, file.mediaType, $0) } }
            let replacing = Set(changedFiles.flatMap { headersByPath[$0.path] ?? [] })
            var claimed: Set<String> = []
            let records = changedFiles.map { file in
                StoreChange.recordFile(ImportedFile(path: file.path, contentHash: file.hash, skipped: file.skipped.map(\.reason)))
            }
            report.articlesWritten += try commit(articles, replacing: replacing, claimed: &claimed, files: records, into: corpus)
            report.filesChanged += changedFiles.count
        }
        for file in streamed {
            try importLines(of: file, previous: imported[file.relative], replacing: Set(headersByPath[file.relative] ?? []), into: corpus, report: &report)
        }
        report.skipped.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        corpus.setImportReport(
            skipped: report.skipped.map { ($0.path, $0.reason) }, filesRead: report.filesRead,
            warnings: report.warnings.map { "\($0.path): \($0.message)" })
        return report
    }

    /// Lines of an NDJSON file read, parsed, extracted and committed together.
    public static let linesPerCommit = 1024

    /// Whether a file is NDJSON by its name (`.ndjson`, `.jsonl`): read a chunk of lines at a time,
    /// whatever its size (the size limit applies to each line).
    static func isLineDelimited(_ path: String) -> Bool {
        ["ndjson", "jsonl"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Imports an NDJSON file a chunk of lines at a time: memory stays bounded by the chunk, not the file.
    /// The file is recorded as imported only after its last chunk, so an import stopped midway is
    /// done again (replacing what it had written) at the next start.
    private func importLines(
        of file: (relative: String, absolute: String), previous: ImportedFile?, replacing: Set<String>, into corpus: LiveCorpus,
        report: inout Report
    ) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file.absolute), options: .alwaysMapped)
        } catch {
            report.skipped.append(SkippedFile(path: file.relative, reason: "unreadable (\(error.localizedDescription))"))
            return
        }
        let hash = data.withUnsafeBytes { ContentHash.of($0) }
        if let previous, previous.contentHash == hash {
            report.skipped += previous.skipped.map { SkippedFile(path: file.relative, reason: $0) }
            return
        }
        var skipped: [SkippedFile] = []
        var claimed: Set<String> = []
        var pendingDeletes = replacing
        var chunk: [(line: Int, bytes: [UInt8])] = []
        func flush(last: Bool) throws {
            let parsed = ParallelMap.map(chunk) { line -> Result<([Record], String?), LineFailure> in
                do {
                    var (document, warning) = try loader.parser.parseRecord(line.bytes, line: line.line, source: file.relative)
                    document.format = .ndjson
                    return .success(([Record(document: document, source: line.bytes, line: line.line)], warning))
                } catch {
                    return .failure(LineFailure(skip: SkippedFile(path: file.relative, reason: "line \(line.line): \(error)", line: line.line)))
                }
            }
            var articles: [(String, String, Record)] = []
            for result in parsed {
                switch result {
                case .success(let (records, warning)):
                    articles += records.map { (file.relative, "application/json", $0) }
                    if let warning { report.warnings.append(CorpusWarning(path: file.relative, message: warning)) }
                case .failure(let failure): skipped.append(failure.skip)
                }
            }
            let records = last ? [StoreChange.recordFile(ImportedFile(path: file.relative, contentHash: hash, skipped: skipped.map(\.reason)))] : []
            report.articlesWritten += try commit(articles, replacing: pendingDeletes, claimed: &claimed, files: records, into: corpus)
            pendingDeletes = []
            chunk.removeAll(keepingCapacity: true)
        }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var number = 0
            while lineStart < bytes.count {
                number += 1
                let end = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                var line = bytes[lineStart..<end]
                while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
                if !line.isEmpty { chunk.append((number, Array(line))) }
                if chunk.count >= Self.linesPerCommit { try flush(last: false) }
                lineStart = end + 1
            }
        }
        try flush(last: true)
        report.skipped += skipped
        report.filesChanged += 1
    }

    /// Extracts articles (on every core), gives each an id, and commits them in one transaction
    /// with the deletes of the articles they replace and the file records.
    ///
    /// An article keeps its id unless an article of another file (or an earlier one of this import) has it.
    private func commit(
        _ articles: [(path: String, mediaType: String, record: Record)], replacing: Set<String>, claimed: inout Set<String>,
        files: [StoreChange], into corpus: LiveCorpus
    ) throws -> Int {
        let entries = ParallelMap.map(articles.map(\.record.document)) { CorpusEntry(document: $0, extraction: DocumentExtraction(document: $0)) }
        let existing = corpus.headers
        var puts: [StoredArticle] = []
        for ((path, mediaType, record), entry) in zip(articles, entries) {
            let document = record.document
            let id = Slug.firstFree(document.id) { id in
                claimed.contains(id) || (existing[id] != nil && !replacing.contains(id) && existing[id]?.origin.path != path)
            }
            claimed.insert(id)
            let header = StoredArticleHeader(
                id: id, origin: .file(path: path, line: record.line), contentHash: ContentHash.of(record.source), sequence: 0)
            puts.append(StoredArticle(
                header: header, mediaType: mediaType, source: record.source,
                entry: id == document.id ? entry : LiveCorpus.renamed(entry, to: id)))
        }
        try corpus.commitImport(puts: puts, deletes: Array(replacing.subtracting(claimed)), files: files)
        return puts.count
    }

    /// One file read, hashed and (when changed) parsed.
    struct LoadedFile: Sendable {
        var path: String
        var hash: String
        var bytes: [UInt8]
        var unchanged: Bool
        var documents: [Document] = []
        var skipped: [SkippedFile] = []
        var warnings: [CorpusWarning] = []
        var mediaType: String
        /// Every article of the file, with the whole file as its source.
        var articles: [Record] { documents.map { Record(document: $0, source: bytes, line: nil) } }
    }

    /// A line that is not an article.
    struct LineFailure: Error {
        var skip: SkippedFile
    }

    /// One article of a file, with its own source (the whole file, or an NDJSON line).
    struct Record: Sendable {
        var document: Document
        var source: [UInt8]
        var line: Int?
    }

    private func load(_ file: (relative: String, absolute: String), previous: ImportedFile?) -> LoadedFile {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file.absolute))).map { Array($0) } ?? []
        let hash = ContentHash.of(bytes)
        let mediaType = Self.mediaType(of: file.relative)
        var loaded = LoadedFile(path: file.relative, hash: hash, bytes: [], unchanged: previous?.contentHash == hash, mediaType: mediaType)
        guard !loaded.unchanged else { return loaded }
        let result = loader.loadFileResult(relative: file.relative, absolute: file.absolute)
        loaded.skipped = result.skipped
        loaded.warnings = result.warnings
        loaded.documents = result.documents
        loaded.bytes = bytes
        return loaded
    }

    static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "ndjson", "jsonl": "application/x-ndjson"
        case "md", "markdown": "text/markdown"
        default: "text/plain"
        }
    }
}
