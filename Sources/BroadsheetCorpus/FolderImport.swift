public import BroadsheetCore
import Foundation

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

        // Changed or new files, a batch at a time.
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + batchSize)])
            start += batchSize
            let loaded = ParallelMap.map(batch, chunk: 1) { file in load(file, previous: imported[file.relative]) }
            var changedFiles: [LoadedFile] = []
            for file in loaded {
                if file.unchanged {
                    report.skipped += (imported[file.path]?.skipped ?? []).map { SkippedFile(path: file.path, reason: $0) }
                } else {
                    changedFiles.append(file)
                    report.skipped += file.skipped
                }
            }
            guard !changedFiles.isEmpty else { continue }
            let documents = changedFiles.flatMap { file in file.articles.map { (file, $0) } }
            let entries = ParallelMap.map(documents.map(\.1.document)) { CorpusEntry(document: $0, extraction: DocumentExtraction(document: $0)) }
            // Ids: an article keeps its id unless an article of another file (or an earlier one of this batch) has it.
            let replacedIds = Set(changedFiles.flatMap { headersByPath[$0.path] ?? [] })
            let existing = corpus.headers
            var claimed: Set<String> = []
            var puts: [StoredArticle] = []
            for ((file, record), entry) in zip(documents, entries) {
                let document = record.document
                let id = LiveCorpus.freeId(document.id) { id in
                    claimed.contains(id) || (existing[id] != nil && !replacedIds.contains(id))
                }
                claimed.insert(id)
                let header = StoredArticleHeader(
                    id: id, origin: .file(path: file.path, line: record.line), contentHash: ContentHash.of(record.source), sequence: 0)
                puts.append(StoredArticle(
                    header: header, mediaType: record.line == nil ? file.mediaType : "application/json", source: record.source,
                    entry: id == document.id ? entry : LiveCorpus.renamed(entry, to: id)))
            }
            let records = changedFiles.map { file in
                StoreChange.recordFile(ImportedFile(path: file.path, contentHash: file.hash, skipped: file.skipped.map(\.reason)))
            }
            try corpus.commitImport(puts: puts, deletes: Array(replacedIds), files: records)
            report.filesChanged += changedFiles.count
            report.articlesWritten += puts.count
        }
        report.skipped.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        corpus.setImportReport(skipped: report.skipped.map { ($0.path, $0.reason) }, filesRead: report.filesRead)
        return report
    }

    /// One file read, hashed and (when changed) parsed.
    struct LoadedFile: Sendable {
        var path: String
        var hash: String
        var bytes: [UInt8]
        var unchanged: Bool
        var documents: [Document] = []
        var skipped: [SkippedFile] = []
        var mediaType: String
        /// For NDJSON files, instead of ``documents``: each line's article, with the line as its source.
        var records: [Record] = []

        /// Every article of the file, with its own source and line.
        var articles: [Record] {
            records.isEmpty ? documents.map { Record(document: $0, source: bytes, line: nil) } : records
        }
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
        let (documents, skipped) = loader.loadFile(relative: file.relative, absolute: file.absolute)
        loaded.skipped = skipped
        guard documents.contains(where: { $0.format == .ndjson }) else {
            loaded.documents = documents
            loaded.bytes = bytes
            return loaded
        }
        // NDJSON: each line is an article of its own, with its own source and line number.
        var lineSkips: [SkippedFile] = []
        for (offset, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                for var document in try loader.parser.parse(Array(line), source: file.relative) {
                    document.format = .ndjson
                    loaded.records.append(Record(document: document, source: Array(line), line: offset + 1))
                }
            } catch {
                lineSkips.append(SkippedFile(path: file.relative, reason: "line \(offset + 1): \(error.description)", line: offset + 1))
            }
        }
        loaded.skipped = lineSkips
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
