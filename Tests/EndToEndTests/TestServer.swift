import BroadsheetWire
import BroadsheetCorpus
import BroadsheetAPI
import BroadsheetClient
import BroadsheetCore
import BroadsheetHTTP
import Foundation
import Logging
import TestSupport

/// Runs the real server (HTTP engine + API) on `127.0.0.1:0` around `body`, and shuts it down on
/// both the success and the error path.
///
/// - Parameters:
///   - corpus: a corpus folder; default the repository's `seeds/`.
///   - publish: `false` leaves the corpus unpublished, to test the not-ready state.
func withRunningServer<T>(
    corpus: String = TestPaths.seeds,
    publish: Bool = true,
    configure: (inout HTTPServer.Configuration) -> Void = { _ in },
    _ body: (_ client: BroadsheetClient, _ port: Int, _ app: BroadsheetApplication) async throws -> T
) async throws -> T {
    let service = CorpusService()
    if publish {
        service.publish(CorpusSnapshot(corpus: try CorpusLoader().load(from: corpus), root: corpus))
    }
    var logger = Logger(label: "e2e")
    logger.logLevel = .critical
    let app = BroadsheetApplication(service: service, configuration: .init(logger: logger))
    var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: app.responder, logger: logger)
    let port = try server.start()
    do {
        let client = try BroadsheetClient(port: port)
        let result = try await body(client, port, app)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Paths of the repository, found from this source file.
enum TestPaths {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let seeds = root + "/seeds"
    static let openAPI = root + "/openapi.yaml"

    /// The `broadsheet` executable built next to the test bundle.
    static var executable: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // swift-testing may run from inside the .xctest bundle directory.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("broadsheet").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root + "/.build/debug/broadsheet"
    }
}

extension ClientResponse {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}

/// Runs blocking socket work (``RawHTTPConnection``) on a thread of its own, never on Swift's
/// cooperative pool nor the width-limited global queue the server's connections use: on a 2-core
/// machine a blocked thread there would starve the server. A serial queue of its own targets an
/// overcommitting root queue, so a blocked call gets its own thread.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "e2e.blocking").async {
            continuation.resume(with: Result { try body() })
        }
    }
}

/// Opens a raw connection, sends `raw`, and hands the connection to `read` — all off the pool.
func rawExchange<T: Sendable>(
    port: Int, _ raw: String, read: @escaping @Sendable (RawHTTPConnection) throws -> T
) async throws -> T {
    try await blocking {
        let connection = try RawHTTPConnection(port: port)
        defer { connection.close() }
        try connection.send(raw)
        return try read(connection)
    }
}

/// Runs the real server over a live corpus in a new data folder (writes enabled with `keys`) around `body`.
///
/// - Parameters:
///   - corpus: a folder to import first, or `nil` for an empty corpus.
///   - keys: the write keys (none: writes disabled); `readKeys`: keys reads need (none: public reads).
func withLiveServer<T>(
    corpus: String? = nil, keys: [String] = ["test-key"], readKeys: [String] = [], data: String? = nil,
    configure: (inout HTTPServer.Configuration) -> Void = { _ in },
    _ body: (_ client: BroadsheetClient, _ live: LiveCorpus) async throws -> T
) async throws -> T {
    let folder = try DataFolder(path: data ?? TemporaryFolder.make(prefix: "e2e-live-data"))
    let service = CorpusService()
    let live = LiveCorpus(store: try folder.openStore(), service: service, root: corpus ?? folder.path, dataFolder: folder.path)
    try live.open()
    if let corpus { _ = try FolderImport().run(root: corpus, into: live) }
    live.publish()
    var logger = Logger(label: "e2e")
    logger.logLevel = .critical
    let app = BroadsheetApplication(
        service: service, configuration: .init(logger: logger, accessKeys: AccessKeys(write: keys, read: readKeys)),
        writer: live)
    var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: app.responder, logger: logger)
    let port = try server.start()
    do {
        let result = try await body(try BroadsheetClient(port: port), live)
        await server.shutdown()
        withExtendedLifetime(folder) {}
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}
