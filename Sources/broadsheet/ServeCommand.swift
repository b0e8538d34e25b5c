import ArgumentParser
import BroadsheetAPI
import BroadsheetCore
import BroadsheetHTTP
import Dispatch
import Foundation
import Logging

/// `broadsheet serve`: load a corpus folder and serve it over HTTP until SIGTERM or SIGINT.
///
/// The server listens before the corpus is loaded: `/healthz` answers at once and `/readyz`
/// turns 200 when the corpus has been published.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a folder of news articles as an HTTP JSON API."
    )

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let settings = try options.resolved()
        // One line, one write(2) per record: cheap enough for an access log line on every request.
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: settings.logLevel) }
        let logger = Logger(label: "broadsheet")
        let loader = CorpusLoader()
        try loader.checkRoot(settings.corpus)

        let service = CorpusService()
        let app = BroadsheetApplication(
            service: service, configuration: .init(corsOrigin: settings.corsOrigin, logger: logger))
        let openConnections = app.metrics.openConnections
        let server = HTTPServer(
            configuration: .init(
                host: settings.host, port: settings.port,
                onConnectionCountChange: { openConnections.set(Double($0)) }),
            responder: app.responder,
            logger: logger
        )
        let port = try server.start()
        logger.info("Broadsheet listening on http://\(settings.host):\(port)", metadata: ["port": "\(port)"])

        let signals = UnixSignals.stream()
        let loading = Task {
            let snapshot = await CorpusSnapshotLoader.load(root: settings.corpus, loader: loader, logger: logger)
            service.publish(snapshot)
            logger.info(
                "Corpus ready",
                metadata: ["documents": "\(snapshot.documents.count)", "skipped": "\(snapshot.skipped.count)"])
        }
        for await signal in signals {
            logger.info("Shutting down", metadata: ["signal": "\(signal)"])
            break
        }
        loading.cancel()
        await server.shutdown()
        logger.info("Stopped")
    }
}

/// Loads and indexes the corpus off the cooperative thread pool (it is CPU-bound and may be long).
enum CorpusSnapshotLoader {
    static func load(root: String, loader: CorpusLoader, logger: Logger) async -> CorpusSnapshot {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: build(root: root, loader: loader, logger: logger))
            }
        }
    }

    static func build(root: String, loader: CorpusLoader, logger: Logger) -> CorpusSnapshot {
        let corpus: Corpus
        do {
            corpus = try loader.load(from: root)
        } catch {
            logger.error("Cannot load the corpus", metadata: ["error": "\(error)"])
            corpus = Corpus()
        }
        for skipped in corpus.skipped {
            logger.warning("Skipped a file", metadata: ["path": "\(skipped.path)", "reason": "\(skipped.reason)"])
        }
        return CorpusSnapshot(corpus: corpus, root: root)
    }
}

extension CorpusLoader {
    /// Fails fast, before the server starts, when the corpus path does not exist.
    func checkRoot(_ root: String) throws {
        guard FileManager.default.fileExists(atPath: root) else {
            throw ValidationError("corpus path not found: \(root)")
        }
    }
}
