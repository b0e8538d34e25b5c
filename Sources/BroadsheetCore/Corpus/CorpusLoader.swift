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
/// - Skips files larger than ``maxFileSize`` without reading them.
/// - Makes ids unique: when two documents share an id, the later one (by source path, then line)
///   gets `-2`, the next `-3`, and so on.
///
/// ```swift
/// let corpus = try CorpusLoader().load(from: "/data/articles")
/// for skip in corpus.skipped { print(skip.path, skip.reason) }
/// ```
public struct CorpusLoader: Sendable {
    /// Files larger than this many bytes are skipped. Default: 10 MiB.
    public var maxFileSize: Int
    public var parser: ArticleParser

    public init(maxFileSize: Int = 10 * 1024 * 1024) {
        self.maxFileSize = maxFileSize
        self.parser = ArticleParser(maxBytes: maxFileSize)
    }

    /// Loads the folder (recursively) or single file at `path`.
    ///
    /// - Throws: ``CorpusError`` when `path` does not exist or the root folder cannot be listed.
    public func load(from path: String) throws(CorpusError) -> Corpus {
        let (files, listingSkips) = try listFiles(at: path)
        var skipped = listingSkips
        var documents: [Document] = []
        for file in files {
            let (docs, skips) = loadFile(relative: file.relative, absolute: file.absolute)
            documents += docs
            skipped += skips
        }
        skipped.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        return Corpus(documents: Self.uniquingIDs(documents), skipped: skipped, filesScanned: files.count)
    }

    /// The article files under `path` (recursively, in path order), or `path` itself when it is a
    /// file, with the entries that cannot be read.
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

    /// Loads and parses one file: its documents (ids not yet made unique) and what was skipped.
    public func loadFile(relative: String, absolute: String) -> ([Document], [SkippedFile]) {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: absolute) else {
            return ([], [SkippedFile(path: relative, reason: "unreadable (cannot stat file)")])
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return ([], [SkippedFile(path: relative, reason: "not a regular file")])
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxFileSize {
            return ([], [SkippedFile(path: relative, reason: ArticleParseError.tooLarge(bytes: size, limit: maxFileSize).description)])
        }
        guard fm.isReadableFile(atPath: absolute) else {
            return ([], [SkippedFile(path: relative, reason: "unreadable (permission denied)")])
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: absolute))
        } catch {
            return ([], [SkippedFile(path: relative, reason: "unreadable (\(Self.reason(error)))")])
        }
        do {
            let result = try parser.parseRecords(Array(data), source: relative)
            let skips = result.failures.map {
                SkippedFile(path: relative, reason: "line \($0.line): \($0.error.description)", line: $0.line)
            }
            return (result.documents, skips)
        } catch {
            return ([], [SkippedFile(path: relative, reason: error.description)])
        }
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
            let base = result[i].id
            var candidate = base
            var n = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            used.insert(candidate)
            result[i].id = candidate
        }
        return result
    }
}
