import ArgumentParser
import BroadsheetCore
import Foundation

/// `broadsheet parse FILE`: prints the parsed document(s) of one article file as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one article file and print the document(s) as JSON (a debugging aid)."
    )

    @Argument(help: "The article file (.txt, .md, .json or .ndjson).")
    var file: String

    func run() throws {
        let documents = try ArticleFile.parse(file)
        let output: any Encodable = documents.count == 1 ? documents[0] : documents
        print(try PrettyJSON.string(output))
    }
}

/// Reads and parses one file for the debugging commands, turning failures into clear messages.
enum ArticleFile {
    static func parse(_ path: String) throws -> [Document] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        do {
            return try ArticleParser().parse(Array(data), source: (path as NSString).lastPathComponent)
        } catch {
            throw ValidationError("\(path): \(error)")
        }
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
