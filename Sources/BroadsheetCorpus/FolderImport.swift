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

    public init(loader: CorpusLoader = CorpusLoader(), batchSize: Int = 64) {
        self.loader = loader
        self.batchSize = max(1, batchSize)
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
        let removed = Set(imported.keys).union(headersByPath.keys).subtracting(present)
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
            let documents = changedFiles.flatMap { file in file.documents.map { (file, $0) } }
            let entries = ParallelMap.map(documents.map(\.1)) { CorpusEntry(document: $0, extraction: DocumentExtraction(document: $0)) }
            // Ids: an article keeps its id unless an article of another file (or an earlier one of this batch) has it.
            let replacedIds = Set(changedFiles.flatMap { headersByPath[$0.path] ?? [] })
            let existing = corpus.headers
            var claimed: Set<String> = []
            var puts: [StoredArticle] = []
            for ((file, document), entry) in zip(documents, entries) {
                let id = LiveCorpus.freeId(document.id) { id in
                    claimed.contains(id) || (existing[id] != nil && !replacedIds.contains(id))
                }
                claimed.insert(id)
                let source = file.sources[document.id] ?? file.bytes
                let header = StoredArticleHeader(
                    id: id, origin: .file(path: file.path, line: file.lines[document.id]), contentHash: ContentHash.of(source), sequence: 0)
                puts.append(StoredArticle(
                    header: header, mediaType: file.mediaType, source: source,
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
        /// Per document id: its own source (an NDJSON line) and line number, for multi-article files.
        var sources: [String: [UInt8]] = [:]
        var lines: [String: Int] = [:]
    }

    private func load(_ file: (relative: String, absolute: String), previous: ImportedFile?) -> LoadedFile {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file.absolute))).map { Array($0) } ?? []
        let hash = ContentHash.of(bytes)
        let mediaType = Self.mediaType(of: file.relative)
        var loaded = LoadedFile(path: file.relative, hash: hash, bytes: [], unchanged: previous?.contentHash == hash, mediaType: mediaType)
        guard !loaded.unchanged else { return loaded }
        let (documents, skipped) = loader.loadFile(relative: file.relative, absolute: file.absolute)
        loaded.documents = documents
        loaded.skipped = skipped
        if documents.count > 1 {
            // NDJSON: each article keeps its own line as its source.
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            var used: Set<Int> = []
            for document in documents {
                for (number, line) in lines.enumerated() where !used.contains(number) {
                    guard line.contains(UInt8(ascii: "{")), Self.line(line, mayHold: document) else { continue }
                    used.insert(number)
                    loaded.sources[document.id] = Array(line)
                    loaded.lines[document.id] = number + 1
                    break
                }
            }
        } else {
            loaded.bytes = bytes
        }
        if documents.count <= 1 { loaded.bytes = bytes }
        return loaded
    }

    /// Whether an NDJSON line may be the one a document came from (its title's first word is in it).
    private static func line(_ line: ArraySlice<UInt8>, mayHold document: Document) -> Bool {
        guard let word = document.title.split(separator: " ").first else { return true }
        let needle = Array(word.utf8)
        guard !needle.isEmpty, line.count >= needle.count else { return false }
        return line.indices.dropLast(needle.count - 1).contains { i in line[i..<(i + needle.count)].elementsEqual(needle) }
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
