import ArgumentParser
import BroadsheetCore
import Foundation

/// `broadsheet parse FILE`: prints the parsed document(s) of one article file as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one article file and print the document(s) as JSON (a debugging aid)."
    )

    @Argument(help: "The article file (.txt, .text, .md, .markdown, .json, .ndjson or .jsonl).")
    var file: String

    @OptionGroup var dating: DatingOptions

    func run() throws {
        let documents = try ArticleFile.parse(file, defaultDate: dating.date())
        let output: any Encodable = documents.count == 1 ? documents[0] : documents
        print(try PrettyJSON.string(output))
    }
}

/// `--default-date`, shared by the debugging commands.
struct DatingOptions: ParsableArguments {
    @Option(help: "Date (YYYY-MM-DD) for articles with no date of their own or in their path.")
    var defaultDate: String?

    /// The parsed date; a malformed one is a usage error.
    func date() throws -> CivilDate? {
        guard let text = defaultDate else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw ValidationError("--default-date must be a date such as 2025-11-29, got '\(text)'")
        }
        return date
    }
}

/// A problem with the data a command was given (not with how it was called): printed as one
/// line, without the usage text, and the command exits with status 1.
struct DataError: Error, CustomStringConvertible {
    var description: String

    init(description: String) { self.description = description }
    init(_ description: String) { self.description = description }
}

/// Reads and parses one file for the debugging commands, turning failures into clear messages.
enum ArticleFile {
    /// Loads one article file (NDJSON streamed) with the corpus loader's rules.
    ///
    /// Records of the file that fail, and warnings about how it was read, go to standard error
    /// as `warning:` lines; the documents are returned.
    /// - Throws: ``DataError`` when the file is missing, a folder, or holds no readable article.
    static func parse(_ path: String, defaultDate: CivilDate? = nil) throws -> [Document] {
        let corpus = try load(path, defaultDate: defaultDate)
        for line in messages(corpus) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        return corpus.documents
    }

    /// The corpus of the one file at `path`.
    /// - Throws: ``DataError`` as ``parse(_:defaultDate:)`` does.
    static func load(_ path: String, defaultDate: CivilDate?) throws(DataError) -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(description: "cannot read \(path): no such file")
        }
        if isDirectory.boolValue { throw DataError(description: "cannot read \(path): it is a folder, not an article file") }
        let corpus: Corpus
        do {
            corpus = try CorpusLoader(defaultDate: defaultDate).load(from: path)
        } catch {
            throw DataError(description: "cannot read \(path): \(error)")
        }
        if corpus.documents.isEmpty {
            let reason = corpus.skipped.first.map(\.reason) ?? "no article found"
            throw DataError(description: "cannot parse \(path): \(reason)")
        }
        return corpus
    }

    /// `warning:` lines for a loaded file's skipped records and decoding warnings.
    static func messages(_ corpus: Corpus) -> [String] {
        corpus.skipped.map { "warning: \($0.path): skipped \($0.reason)" }
            + corpus.warnings.map { "warning: \($0.path): \($0.message)" }
    }
}

/// Human-readable JSON for the command line.
enum PrettyJSON {
    static func string(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
