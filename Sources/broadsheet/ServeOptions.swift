import ArgumentParser
import Logging

/// The `serve` options. Each can also come from a `BROADSHEET_*` environment variable
/// (for containers); a flag on the command line wins over the environment.
struct ServeOptions: ParsableArguments {
    @Option(help: "Address to listen on: 0.0.0.0, ::, 127.0.0.1, localhost… (env BROADSHEET_HOST; default 0.0.0.0).")
    var host: String?

    @Option(help: "TCP port; 0 binds an ephemeral port and logs which (env BROADSHEET_PORT; default 8080).")
    var port: Int?

    @Option(help: "Folder (or single file) of articles to serve (env BROADSHEET_CORPUS; default ./seeds).")
    var corpus: String?

    @Option(help: "Allowed CORS origin, '*' for any (env BROADSHEET_CORS_ORIGIN; default '*').")
    var corsOrigin: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env BROADSHEET_LOG_LEVEL; default info).")
    var logLevel: String?

    /// The options after applying the environment and the defaults.
    struct Resolved {
        var host: String
        var port: Int
        var corpus: String
        var corsOrigin: String
        var logLevel: Logger.Level
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
        return Resolved(
            host: host,
            port: port,
            corpus: corpus ?? Environment.value("BROADSHEET_CORPUS") ?? "./seeds",
            corsOrigin: corsOrigin ?? Environment.value("BROADSHEET_CORS_ORIGIN") ?? "*",
            logLevel: level
        )
    }
}
