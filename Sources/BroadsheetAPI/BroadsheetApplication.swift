public import BroadsheetCorpus
public import BroadsheetHTTP
public import Logging

/// The whole HTTP application: the router, the handlers and the middleware chain around them.
///
/// ```swift
/// let service = CorpusService()
/// let app = BroadsheetApplication(service: service, configuration: .init(logger: logger))
/// // hand app.responder to an HTTPServer, then load the corpus and service.publish(snapshot)
/// ```
public struct BroadsheetApplication: Sendable {
    /// Settings of the application layer (the server has its own).
    public struct Configuration: Sendable {
        /// `*` for any origin, or a comma-separated list of exact origins. Default: `*`.
        public var corsOrigin: String
        public var logger: Logger
        /// The keys writes (and, optionally, reads) need. Default: none (no writes; public reads).
        public var accessKeys: AccessKeys
        /// Reads the articles of writes (with the date of articles that give none).
        public var submissions: SubmissionParser
        /// The explorer's files, served at `/` and `/ui/`; `nil` serves no explorer. Default: the bundled ones.
        public var explorer: ExplorerAssets?

        public init(
            corsOrigin: String = "*", logger: Logger = Logger(label: "broadsheet"), accessKeys: AccessKeys = AccessKeys(),
            submissions: SubmissionParser = SubmissionParser(), explorer: ExplorerAssets? = .bundled
        ) {
            self.corsOrigin = corsOrigin
            self.logger = logger
            self.accessKeys = accessKeys
            self.submissions = submissions
            self.explorer = explorer
        }
    }

    public let service: CorpusService
    public let metrics: HTTPMetrics
    public let router: Router<Endpoint>
    /// The responder to serve: every request goes through it.
    public let responder: any HTTPResponder

    /// - Parameters:
    ///   - writer: the live corpus that takes writes; `nil` serves `service`'s snapshots read-only.
    public init(
        service: CorpusService, configuration: Configuration = .init(), registry: MetricsRegistry = MetricsRegistry(),
        writer: LiveCorpus? = nil
    ) {
        let router = Endpoint.router
        let metrics = HTTPMetrics(registry: registry)
        CorpusMetrics.register(in: registry, service: service, writer: writer)
        let handlers = APIHandlers(
            service: service, registry: registry, writer: writer, access: configuration.accessKeys,
            submissions: configuration.submissions, explorer: ExplorerPages(assets: configuration.explorer))
        let routing = RoutingResponder(router: router, errorMapper: ErrorMapper(logger: configuration.logger)) { request in
            try handlers.handle(request)
        }
        let cors: CORSMiddleware.AllowedOrigin =
            configuration.corsOrigin == "*"
            ? .any
            : .origins(Set(configuration.corsOrigin.split(separator: ",").map { String($0.trimmingCharacters(in: " ")) }))
        self.service = service
        self.metrics = metrics
        self.router = router
        self.responder = MiddlewareChain(
            [
                RequestIDMiddleware(),
                AccessLogMiddleware(logger: configuration.logger),
                MetricsMiddleware(metrics: metrics, router: router),
                CORSMiddleware(allowedOrigin: cors, router: router),
                ReadAccessMiddleware(keys: configuration.accessKeys),
                ConditionalGETMiddleware(),
                // Kept answers go with every commit (real-time gets by id) and every publish (the lists).
                ResponseCacheMiddleware(generation: { (writer?.committedGeneration ?? 0) &* 1_000_003 &+ service.generation }) { request in
                    // Everything under /v1 is a pure function of the served snapshot, so answers are kept
                    // until the next one is published. Search answers are not kept (each reports the time
                    // it took), nor the corpus report (it counts pending writes).
                    (request.path.hasPrefix("/v1/") && request.path != "/v1/search" && request.path != "/v1/corpus")
                        || request.path == "/openapi.yaml"
                },
                CompressionMiddleware(),
            ],
            responder: routing
        )
    }
}

extension BroadsheetApplication {
    /// The requests a worker thread answers instead of the connection's loop: writes (parsing,
    /// extraction, a synced commit, and with `wait=true` a publish) and searches, so that the loop's
    /// other connections (`/healthz` among them) are answered meanwhile.
    public static let runsOnWorker: @Sendable (HTTPRequest) -> Bool = { request in
        switch request.method {
        case .get, .head: request.path == "/v1/search"
        case .options: false
        default: true
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
