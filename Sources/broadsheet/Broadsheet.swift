import ArgumentParser

/// The `broadsheet` command: serve a corpus, or parse and extract single files for debugging.
@main
struct Broadsheet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Turns a folder of news articles into a fast HTTP JSON API.",
        subcommands: [
            ServeCommand.self, ImportCommand.self, ExportCommand.self, ParseCommand.self, ExtractCommand.self,
            HealthcheckCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )
}
