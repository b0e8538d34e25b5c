import ArgumentParser
import BroadsheetCore
import BroadsheetCorpus
import Foundation

/// `broadsheet import PATH`: adds articles to a data folder, offline (no server may hold the folder).
///
/// A file written by `broadsheet export` is read as an export (every article keeps its id); any other
/// file or folder is imported as `serve --corpus` would, but the articles of files not found are kept.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import article files, a folder, or an export into a data folder."
    )

    @Argument(help: "An article file, a folder of them, or an NDJSON file written by `broadsheet export`.")
    var path: String

    @Option(help: "The data folder (env BROADSHEET_DATA; default ./broadsheet-data).")
    var data: String?

    @OptionGroup var dating: DatingOptions

    func run() throws {
        let date = try dating.date()
        guard FileManager.default.fileExists(atPath: path) else { throw DataError("not found: \(path)") }
        let (folder, corpus) = try DataCommand.open(data: data)
        defer { withExtendedLifetime(folder) {} }
        if DataCommand.isExport(path) {
            let (written, failures) = try DataCommand.run { try CorpusExport.importFile(at: path, into: corpus, parser: SubmissionParser(defaultDate: date)) }
            for failure in failures { FileHandle.standardError.write(Data("skipped \(failure.reason)\n".utf8)) }
            print("imported \(written) articles from an export (\(failures.count) lines skipped)")
        } else {
            let report = try DataCommand.run { try FolderImport(loader: CorpusLoader(defaultDate: date), removeMissing: false).run(root: path, into: corpus) }
            for skipped in report.skipped {
                FileHandle.standardError.write(Data("skipped \(skipped.path): \(skipped.reason)\n".utf8))
            }
            print("read \(report.filesRead) files: \(report.filesChanged) new or changed, \(report.articlesWritten) articles written, \(report.skipped.count) skipped")
        }
    }
}

/// `broadsheet export`: every stored article as NDJSON, with its source as given.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every article of a data folder as NDJSON (importable with `broadsheet import`)."
    )

    @Option(help: "The data folder (env BROADSHEET_DATA; default ./broadsheet-data).")
    var data: String?

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
    var output: String?

    func run() throws {
        let path = data ?? Environment.value("BROADSHEET_DATA") ?? "./broadsheet-data"
        guard FileManager.default.fileExists(atPath: path) else { throw DataError("no data folder at \(path)") }
        let (folder, corpus) = try DataCommand.open(data: data, load: false)
        defer { withExtendedLifetime(folder) {} }
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) else { throw DataError("cannot write \(output)") }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            handle = .standardOutput
        }
        let count = try DataCommand.run { try CorpusExport.export(from: corpus.store, to: handle) }
        try? handle.synchronize()
        FileHandle.standardError.write(Data("exported \(count) articles\n".utf8))
    }
}

/// What the data commands share: opening a data folder, and plain one-line errors.
enum DataCommand {
    static func open(data: String?, load: Bool = true) throws -> (DataFolder, LiveCorpus) {
        let path = data ?? Environment.value("BROADSHEET_DATA") ?? "./broadsheet-data"
        return try run {
            let folder = try DataFolder(path: path)
            let corpus = LiveCorpus(store: try folder.openStore(), service: CorpusService(), root: path, dataFolder: path)
            if load { try corpus.open() }
            return (folder, corpus)
        }
    }

    /// Whether the file at `path` was written by `broadsheet export`.
    static func isExport(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        guard let firstLine = head.split(separator: 0x0A).first else { return false }
        return CorpusExport.isExport(firstLine: firstLine)
    }

    /// Runs `body`, turning its errors into one-line CLI errors.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError("\(error)")
        }
    }
}
