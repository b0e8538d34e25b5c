import ArgumentParser
import BroadsheetAPI
import BroadsheetCore
import Foundation
import Logging

/// The `serve` options. Each can also come from a `BROADSHEET_*` environment variable
/// (for containers); a flag on the command line wins over the environment.
struct ServeOptions: ParsableArguments {
    @Option(help: "Address to listen on: 0.0.0.0, ::, 127.0.0.1, localhost… (env BROADSHEET_HOST; default 0.0.0.0).")
    var host: String?

    @Option(help: "TCP port; 0 binds an ephemeral port and logs which (env BROADSHEET_PORT; default 8080).")
    var port: Int?

    @Option(help: "Folder (or single file) of articles to import at start, 'none' for no import (env BROADSHEET_CORPUS; default ./seeds).")
    var corpus: String?

    @Option(help: "Date (YYYY-MM-DD) for articles with no date of their own or in their path, imported or written over HTTP (env BROADSHEET_DEFAULT_DATE).")
    var defaultDate: String?

    @Flag(help: "Follow the corpus folder while serving (inotify): changed, new and removed files are imported within a second (env BROADSHEET_WATCH=1).")
    var watch = false

    @Option(help: "Data folder: the database and saved state, created on first run (env BROADSHEET_DATA; default ./broadsheet-data).")
    var data: String?

    @Option(help: "File of API keys that may write, one per line (env BROADSHEET_API_KEYS: comma-separated keys). None: no writes.")
    var apiKeyFile: String?

    @Option(help: "File of API keys that may read, one per line (env BROADSHEET_READ_KEYS). None: reads are public.")
    var readKeyFile: String?

    @Option(help: "Allowed CORS origin, '*' for any (env BROADSHEET_CORS_ORIGIN; default '*').")
    var corsOrigin: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env BROADSHEET_LOG_LEVEL; default info).")
    var logLevel: String?

    @Flag(help: "Serve no explorer at / and /ui/ (env BROADSHEET_EXPLORER=0).")
    var noExplorer = false

    /// The options after applying the environment and the defaults.
    struct Resolved {
        var host: String
        var port: Int
        /// `nil`: import nothing.
        var corpus: String?
        var data: String
        var defaultDate: CivilDate?
        var watch: Bool
        var writeKeys: [String]
        var readKeys: [String]
        var corsOrigin: String
        var logLevel: Logger.Level
        var explorer: Bool
        /// A folder to serve the explorer's files from instead of the bundled ones (for work on them;
        /// read once at start): env `BROADSHEET_EXPLORER_DIR`.
        var explorerFolder: String?
    }

    func resolved() throws -> Resolved {
        let host = host ?? Environment.value("BROADSHEET_HOST") ?? "0.0.0.0"
        let portText = port.map(String.init) ?? Environment.value("BROADSHEET_PORT") ?? "8080"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ValidationError("port must be 0...65535, got '\(portText)'")
        }
        let levelText = logLevel ?? Environment.value("BROADSHEET_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ValidationError("unknown log level '\(levelText)'")
        }
        let corpus = corpus ?? Environment.value("BROADSHEET_CORPUS") ?? "./seeds"
        let dateText = defaultDate ?? Environment.value("BROADSHEET_DEFAULT_DATE")
        let date = try dateText.map { text in
            guard let date = CivilDate(iso: text) else {
                throw ValidationError("--default-date must be a date such as 2025-11-29, got '\(text)'")
            }
            return date
        }
        return Resolved(
            host: host,
            port: port,
            corpus: corpus == "none" ? nil : corpus,
            data: data ?? Environment.value("BROADSHEET_DATA") ?? "./broadsheet-data",
            defaultDate: date,
            watch: watch || ["1", "true", "yes"].contains(Environment.value("BROADSHEET_WATCH")?.lowercased() ?? ""),
            writeKeys: AccessKeys.parse(fileContents: try Self.read(keyFile: apiKeyFile), list: Environment.value("BROADSHEET_API_KEYS")),
            readKeys: AccessKeys.parse(fileContents: try Self.read(keyFile: readKeyFile), list: Environment.value("BROADSHEET_READ_KEYS")),
            corsOrigin: corsOrigin ?? Environment.value("BROADSHEET_CORS_ORIGIN") ?? "*",
            logLevel: level,
            explorer: !noExplorer && !["0", "false", "no"].contains(Environment.value("BROADSHEET_EXPLORER")?.lowercased() ?? ""),
            explorerFolder: Environment.value("BROADSHEET_EXPLORER_DIR")
        )
    }

    /// A key file's contents (`nil` when no file is named).
    private static func read(keyFile: String?) throws -> String? {
        guard let keyFile else { return nil }
        do {
            return try String(contentsOfFile: keyFile, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read the key file \(keyFile): \(error.localizedDescription)")
        }
    }
}
