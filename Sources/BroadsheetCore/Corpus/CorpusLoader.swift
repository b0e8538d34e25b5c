import Foundation

/// Loads every article file under a folder (or a single file) into a ``Corpus``.
///
/// This is the only type in BroadsheetCore that does I/O. It never crashes on bad input: a file
/// that cannot be used is recorded in ``Corpus/skipped`` with a reason.
///
/// - Walks folders recursively in a deterministic order (sorted by relative path).
/// - Skips hidden files and folders (names starting with `.`).
/// - Follows symbolic links to files and folders, but never enters a folder twice (no loops).
/// - Skips non-regular files (FIFOs, sockets, devices) without opening them.
/// - In folders, reads only article files (``articleExtensions``, or no extension) and skips
///   project files named like `README`, `LICENSE`, `CHANGELOG`, `COPYING`, `NOTICE` (any case,
///   any extension), each with its reason. A single file given as the path is always read.
/// - Skips files larger than ``maxFileSize`` without reading them, except NDJSON files
///   (`.ndjson`, `.jsonl`), which are streamed line by line with the limit applied to each line.
/// - Dates undated articles from their path, else with ``defaultDate`` (see ``ArticleParser``).
/// - Makes ids unique: when two documents share an id, the later one (by source path, then line)
///   gets `-2`, the next `-3`, and so on.
///
/// ```swift
/// let corpus = try CorpusLoader().load(from: "/data/articles")
/// for skip in corpus.skipped { print(skip.path, skip.reason) }
/// ```
public struct CorpusLoader: Sendable {
    /// Files larger than this many bytes are skipped; in an NDJSON file, lines longer than this.
    /// Default: 10 MiB.
    public var maxFileSize: Int
    public var parser: ArticleParser

    /// The date given to articles with no date of their own and none in their path.
    public var defaultDate: CivilDate? { parser.defaultDate }

    /// The extensions (lowercased, without the dot) of the files read in a folder. Files without
    /// an extension are read too; a "extension" without letters (`2025.11.29`) counts as none.
    public static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "json", "ndjson", "jsonl"]

    /// Base names (lowercased, before the first dot) of project files that are not articles.
    public static let projectFileNames: Set<String> = ["readme", "license", "licence", "changelog", "copying", "notice"]

    public init(maxFileSize: Int = 10 * 1024 * 1024, defaultDate: CivilDate? = nil) {
        self.maxFileSize = maxFileSize
        self.parser = ArticleParser(maxBytes: maxFileSize, defaultDate: defaultDate)
    }

    /// Why a file found in a folder is not read, or `nil` when it is an article file.
    public static func skipReason(forFileNamed name: String) -> String? {
        let lower = name.lowercased()
        let base = String(lower.prefix(while: { $0 != "." }))
        if projectFileNames.contains(base) {
            return "not an article (a \(base.uppercased()) file)"
        }
        guard let dot = lower.lastIndex(of: "."), dot != lower.startIndex else { return nil }
        let ext = String(lower[lower.index(after: dot)...])
        if !ext.contains(where: \.isLetter) || articleExtensions.contains(ext) { return nil }
        return "not an article file (extension .\(ext); read: "
            + articleExtensions.sorted().map { "." + $0 }.joined(separator: ", ") + " or none)"
    }

    /// Whether a file is NDJSON by its extension, and so streamed line by line.
    static func isNDJSON(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl")
    }

    /// Loads the folder (recursively) or single file at `path`.
    ///
    /// - Throws: ``CorpusError`` when `path` does not exist or the root folder cannot be listed.
    public func load(from path: String) throws(CorpusError) -> Corpus {
        let (files, listingSkips) = try listFiles(at: path)
        var skipped = listingSkips
        var documents: [Document] = []
        var warnings: [CorpusWarning] = []
        for file in files {
            let result = loadFileResult(relative: file.relative, absolute: file.absolute)
            documents += result.documents
            skipped += result.skipped
            warnings += result.warnings
        }
        skipped.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        return Corpus(documents: Self.uniquingIDs(documents), skipped: skipped, filesScanned: files.count, warnings: warnings)
    }

    /// The article files under `path` (recursively, in path order), or `path` itself when it is a
    /// file, with the entries that cannot be read and the files that are not articles by their
    /// name (``skipReason(forFileNamed:)``).
    ///
    /// - Throws: ``CorpusError`` when `path` does not exist or the root folder cannot be listed.
    public func listFiles(at path: String) throws(CorpusError) -> (files: [(relative: String, absolute: String)], skipped: [SkippedFile]) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        var files: [(relative: String, absolute: String)] = []
        var skipped: [SkippedFile] = []
        if isDirectory.boolValue {
            do {
                _ = try fm.contentsOfDirectory(atPath: path)
            } catch {
                throw .unreadable(path: path, reason: Self.reason(error))
            }
            var visited: Set<String> = [Self.realPath(path)]
            walk(directory: path, relative: "", visited: &visited, files: &files, skipped: &skipped)
        } else {
            files.append(((path as NSString).lastPathComponent, path))
        }
        files.sort { $0.relative < $1.relative }
        return (files, skipped)
    }

    /// What loading one file gave: its documents (ids not yet made unique), what was skipped (the
    /// file, or some of its NDJSON lines), and warnings about how it was read.
    public struct FileResult: Sendable, Hashable {
        public var documents: [Document] = []
        public var skipped: [SkippedFile] = []
        public var warnings: [CorpusWarning] = []

        public init(documents: [Document] = [], skipped: [SkippedFile] = [], warnings: [CorpusWarning] = []) {
            self.documents = documents
            self.skipped = skipped
            self.warnings = warnings
        }

        init(skip path: String, _ reason: String) { self.init(skipped: [SkippedFile(path: path, reason: reason)]) }
    }

    /// Loads and parses one file: its documents (ids not yet made unique) and what was skipped.
    /// Its warnings are dropped; ``loadFileResult(relative:absolute:)`` keeps them.
    public func loadFile(relative: String, absolute: String) -> ([Document], [SkippedFile]) {
        let result = loadFileResult(relative: relative, absolute: absolute)
        return (result.documents, result.skipped)
    }

    /// Loads and parses one file (an NDJSON file is streamed line by line).
    public func loadFileResult(relative: String, absolute: String) -> FileResult {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: absolute) else {
            return FileResult(skip: relative, "unreadable (cannot stat file)")
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return FileResult(skip: relative, "not a regular file")
        }
        guard fm.isReadableFile(atPath: absolute) else {
            return FileResult(skip: relative, "unreadable (permission denied)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if Self.isNDJSON(relative), !Self.startsWithUTF16BOM(absolute) {
            return streamNDJSON(relative: relative, absolute: absolute)
        }
        if size > maxFileSize {
            return FileResult(skip: relative, ArticleParseError.tooLarge(bytes: size, limit: maxFileSize).description)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: absolute))
        } catch {
            return FileResult(skip: relative, "unreadable (\(Self.reason(error)))")
        }
        do {
            let result = try parser.parseRecords(Array(data), source: relative)
            let skips = result.failures.map {
                SkippedFile(path: relative, reason: "line \($0.line): \($0.error.description)", line: $0.line)
            }
            let warnings = result.warnings.map { CorpusWarning(path: relative, message: $0) }
            return FileResult(documents: result.documents, skipped: skips, warnings: warnings)
        } catch {
            return FileResult(skip: relative, error.description)
        }
    }

    /// Whether a file starts with a UTF-16 byte-order mark (such NDJSON is read whole, not streamed).
    static func startsWithUTF16BOM(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 2)).map(Array.init) ?? []
        return head == [0xFF, 0xFE] || head == [0xFE, 0xFF]
    }

    /// Streams an NDJSON file line by line: memory holds one line (at most ``maxFileSize`` bytes)
    /// and a read buffer, whatever the file's size. Blank lines and `//` comment lines are skipped.
    func streamNDJSON(relative: String, absolute: String) -> FileResult {
        var loaded = FileResult()
        var sawRecord = false
        let outcome = NDJSONLineReader.forEachLine(path: absolute, maxLineBytes: maxFileSize) { number, line in
            switch line {
            case .tooLong(let bytes):
                sawRecord = true
                let error = ArticleParseError.recordTooLarge(bytes: bytes, limit: maxFileSize)
                loaded.skipped.append(SkippedFile(path: relative, reason: "line \(number): \(error)", line: number))
            case .bytes(let bytes):
                let content = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
                if content.isEmpty || content.starts(with: [0x2F, 0x2F]) { return }
                sawRecord = true
                do {
                    let (document, warning) = try parser.parseRecord(bytes, line: number, source: relative)
                    loaded.documents.append(document)
                    if let warning { loaded.warnings.append(CorpusWarning(path: relative, message: warning, line: number)) }
                } catch {
                    loaded.skipped.append(SkippedFile(path: relative, reason: "line \(number): \(error)", line: number))
                }
            }
        }
        if case .failure(let reason) = outcome {
            loaded.skipped.append(SkippedFile(path: relative, reason: "unreadable (\(reason))"))
        } else if !sawRecord {
            loaded.skipped.append(SkippedFile(path: relative, reason: ArticleParseError.empty.description))
        }
        return loaded
    }

    /// Collects regular files (and symlinks to them) under `directory`.
    func walk(
        directory: String, relative: String, visited: inout Set<String>,
        files: inout [(relative: String, absolute: String)], skipped: inout [SkippedFile]
    ) {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            skipped.append(SkippedFile(path: relative.isEmpty ? "." : relative, reason: "unreadable folder (\(Self.reason(error)))"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let absolute = (directory as NSString).appendingPathComponent(name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: absolute, isDirectory: &isDir) else {
                skipped.append(SkippedFile(path: rel, reason: "broken symbolic link"))
                continue
            }
            if isDir.boolValue {
                let real = Self.realPath(absolute)
                if visited.contains(real) {
                    skipped.append(SkippedFile(path: rel, reason: "folder already visited (symbolic link loop)"))
                    continue
                }
                visited.insert(real)
                walk(directory: absolute, relative: rel, visited: &visited, files: &files, skipped: &skipped)
            } else if let reason = Self.skipReason(forFileNamed: name) {
                skipped.append(SkippedFile(path: rel, reason: reason))
            } else {
                files.append((rel, absolute))
            }
        }
    }

    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return ns.localizedDescription
    }

    /// Makes ids unique in order: the second `x` becomes `x-2`, the third `x-3`.
    static func uniquingIDs(_ documents: [Document]) -> [Document] {
        var used: Set<String> = []
        var result = documents
        for i in result.indices {
            let candidate = Slug.firstFree(result[i].id) { used.contains($0) }
            used.insert(candidate)
            result[i].id = candidate
        }
        return result
    }
}
