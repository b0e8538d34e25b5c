import ArgumentParser
import BroadsheetAPI
import BroadsheetCore
import BroadsheetCorpus
import BroadsheetHTTP
import Dispatch
import Foundation
import Logging
import BroadsheetSync

/// `broadsheet serve`: open the data folder, import the corpus folder into it, and serve it over
/// HTTP until SIGTERM or SIGINT.
///
/// The server listens before the corpus is open: `/healthz` answers at once and `/readyz` turns 200
/// when the first snapshot has been published.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve news articles as an HTTP JSON API, kept in a data folder and fed over HTTP."
    )

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let settings = try options.resolved()
        // One line, one write(2) per record: cheap enough for an access log line on every request.
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: settings.logLevel) }
        let logger = Logger(label: "broadsheet")
        if let corpus = settings.corpus, !FileManager.default.fileExists(atPath: corpus) {
            throw DataError("corpus path not found: \(corpus) (use --corpus none to import nothing)")
        }
        let folder: DataFolder
        let store: SQLiteArticleStore
        do {
            folder = try DataFolder(path: settings.data)
            store = try folder.openStore()
        } catch {
            throw DataError("\(error)")
        }

        let service = CorpusService()
        let corpus = LiveCorpus(store: store, service: service, root: settings.corpus ?? folder.path, dataFolder: folder.path, logger: logger)
        let app = BroadsheetApplication(
            service: service,
            configuration: .init(
                corsOrigin: settings.corsOrigin, logger: logger,
                accessKeys: AccessKeys(write: settings.writeKeys, read: settings.readKeys),
                submissions: SubmissionParser(defaultDate: settings.defaultDate),
                explorer: settings.explorer ? settings.explorerFolder.map { ExplorerAssets(folder: URL(fileURLWithPath: $0)) } ?? .bundled : nil),
            writer: corpus)
        let openConnections = app.metrics.openConnections
        var limits = HTTPRequestParser.Limits.default
        // NDJSON batches: the per-article limit (10 MiB) is checked by the write handlers.
        limits.maxBodySize = 64 * 1024 * 1024
        let server = HTTPServer(
            configuration: .init(
                host: settings.host, port: settings.port, limits: limits,
                onConnectionCountChange: { openConnections.set(Double($0)) },
                runsOnWorker: BroadsheetApplication.runsOnWorker),
            responder: app.responder,
            logger: logger
        )
        let port = try server.start()
        logger.info("Broadsheet listening on http://\(settings.host):\(port)", metadata: ["port": "\(port)"])
        if settings.writeKeys.isEmpty { logger.info("Writes are disabled (no API key configured)") }

        let signals = UnixSignals.stream()
        let watcher = Locked<FolderWatcher?>(nil)
        let loading = Task {
            let importer = FolderImport(loader: CorpusLoader(defaultDate: settings.defaultDate))
            await CorpusOpener.open(corpus, importing: settings.corpus, with: importer, logger: logger)
            if settings.watch, let root = settings.corpus {
                watcher.withLock { $0 = CorpusOpener.watch(root, into: corpus, with: importer, logger: logger) }
            }
        }
        for await signal in signals {
            logger.info("Shutting down", metadata: ["signal": "\(signal)"])
            break
        }
        loading.cancel()
        watcher.withLock { $0 }?.stop()
        await server.shutdown()
        if corpus.service.isReady { corpus.saveSearchIndex() }
        withExtendedLifetime(folder) {}
        logger.info("Stopped")
    }
}

/// Opens the live corpus and imports the corpus folder, off the cooperative thread pool (it is
/// CPU-bound and may be long), then publishes the first snapshot.
enum CorpusOpener {
    static func open(_ corpus: LiveCorpus, importing root: String?, with importer: FolderImport, logger: Logger) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                openNow(corpus, importing: root, with: importer, logger: logger)
                continuation.resume()
            }
        }
    }

    static func openNow(_ corpus: LiveCorpus, importing root: String?, with importer: FolderImport, logger: Logger) {
        let start = Date()
        do {
            try corpus.open()
        } catch {
            // Serving an empty corpus over a data folder that holds articles would be serving it wrong.
            logger.critical("Cannot read the data folder; stopping", metadata: ["error": "\(error)"])
            exit(1)
        }
        logger.info(
            "Opened the data folder",
            metadata: ["articles": "\(corpus.counts.articles)", "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(start)))"])
        if let root {
            do {
                let report = try importer.run(root: root, into: corpus)
                for skipped in report.skipped {
                    logger.warning("Skipped a file", metadata: ["path": "\(skipped.path)", "reason": "\(skipped.reason)"])
                }
                logger.info(
                    "Imported the corpus folder",
                    metadata: [
                        "files": "\(report.filesRead)", "changed": "\(report.filesChanged)", "removed": "\(report.filesRemoved)",
                        "written": "\(report.articlesWritten)",
                    ])
            } catch {
                corpus.warn("Cannot import \(root): \(error)")
            }
        }
        let publishing = Date()
        corpus.publish()
        logger.info("Published the first snapshot", metadata: ["seconds": "\(String(format: "%.2f", Date().timeIntervalSince(publishing)))"])
        let snapshot = corpus.service.snapshot
        // Saved now (after ready) so that the next start opens the index instead of building it.
        DispatchQueue.global(qos: .utility).async { corpus.saveSearchIndex() }
        logger.info(
            "Corpus ready",
            metadata: [
                "documents": "\(snapshot?.documents.count ?? 0)", "skipped": "\(snapshot?.skipped.count ?? 0)",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(start)))",
            ])
    }
}

extension CorpusOpener {
    /// Follows `root`: every burst of changes is imported (by content hash) and published.
    static func watch(_ root: String, into corpus: LiveCorpus, with importer: FolderImport, logger: Logger) -> FolderWatcher? {
        do {
            let watcher = try FolderWatcher(root: root) {
                do {
                    let report = try importer.run(root: root, into: corpus)
                    corpus.publish()
                    logger.info(
                        "Imported changes of the corpus folder",
                        metadata: [
                            "changed": "\(report.filesChanged)", "removed": "\(report.filesRemoved)",
                            "written": "\(report.articlesWritten)",
                        ])
                } catch {
                    corpus.warn("Cannot import \(root): \(error)")
                }
            }
            logger.info("Watching the corpus folder", metadata: ["path": "\(root)"])
            return watcher
        } catch {
            corpus.warn("\(error)")
            return nil
        }
    }
}

