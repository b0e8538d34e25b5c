import ArgumentParser
import BroadsheetCore
import BroadsheetCorpus

/// `broadsheet extract FILE`: prints what the extractors find in one article, as JSON.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities (and quotes and events) from one article file and print them as JSON."
    )

    @Argument(help: "The article file.")
    var file: String

    @OptionGroup var dating: DatingOptions

    func run() throws {
        let extractions = try ArticleFile.parse(file, defaultDate: dating.date()).map { DocumentExtraction(document: $0) }
        print(try PrettyJSON.string(extractions.count == 1 ? extractions[0] : extractions as any Encodable))
    }
}
