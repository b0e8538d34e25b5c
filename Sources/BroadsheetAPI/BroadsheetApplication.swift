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

        public init(corsOrigin: String = "*", logger: Logger = Logger(label: "broadsheet")) {
            self.corsOrigin = corsOrigin
            self.logger = logger
        }
    }

    public let service: CorpusService
    public let metrics: HTTPMetrics
    public let router: Router<Endpoint>
    /// The responder to serve: every request goes through it.
    public let responder: any HTTPResponder

    public init(service: CorpusService, configuration: Configuration = .init(), registry: MetricsRegistry = MetricsRegistry()) {
        let router = Endpoint.router
        let metrics = HTTPMetrics(registry: registry)
        CorpusMetrics.register(in: registry, service: service)
        let handlers = APIHandlers(service: service, registry: registry)
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
                ConditionalGETMiddleware(),
                ResponseCacheMiddleware { request in
                    // The corpus never changes once loaded; everything under /v1 is a pure function of it.
                    request.path.hasPrefix("/v1/") || request.path == "/openapi.yaml"
                },
                CompressionMiddleware(),
            ],
            responder: routing
        )
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
