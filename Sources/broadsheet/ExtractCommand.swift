import ArgumentParser

/// `broadsheet extract FILE`: prints what the extractors find in one article, as JSON.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities, quotes and events from one article file and print them as JSON."
    )

    @Argument(help: "The article file.")
    var file: String

    func run() throws {
        let documents = try ArticleFile.parse(file)
        throw ValidationError("extraction is not available yet (\(documents.count) document(s) parsed)")
    }
}
