/// Records every request in ``HTTPMetrics``, labelled with the matched route **pattern** (e.g.
/// `/v1/documents/{id}`), never the raw path, so label cardinality stays bounded. Requests matching no pattern are
/// labelled `unmatched`; methods outside ``HTTPMethod/implemented`` are labelled `other`.
public struct MetricsMiddleware: HTTPMiddleware {
    /// The label for unmatched requests.
    public static let unmatched = "unmatched"

    public let metrics: HTTPMetrics
    /// The route pattern of a request, or `nil` when unmatched.
    public let routeLabel: @Sendable (HTTPRequest) -> String?

    public init(metrics: HTTPMetrics, routeLabel: @escaping @Sendable (HTTPRequest) -> String?) {
        self.metrics = metrics
        self.routeLabel = routeLabel
    }

    /// Labels requests with the pattern the ``RoutingResponder`` of `router` reports on its response
    /// (``HTTPResponse/routePattern``), so the path is matched once per request. A response that never
    /// went through the router (a step before it answered, such as a CORS preflight) is labelled by
    /// matching its path against `router`.
    public init<Route>(metrics: HTTPMetrics, router: Router<Route>) {
        self.init(metrics: metrics) { request in router.pattern(path: request.path) }
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let response = next.respond(to: request)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The router names the pattern on its response; a responder that does not gets the closure's answer.
        metrics.record(
            route: response.routePattern ?? routeLabel(request) ?? Self.unmatched, method: request.method,
            status: response.status.code, seconds: seconds)
        return response
    }
}
