/// The server's standard metrics, registered in one ``MetricsRegistry``:
/// - `http_requests_total{route,method,status}` (counter),
/// - `http_request_duration_seconds{route}` (histogram, ``Histogram/defaultBuckets``),
/// - `http_open_connections` (gauge; the server increments it on accept and decrements it on close).
public struct HTTPMetrics: Sendable {
    public let registry: MetricsRegistry
    public let requests: Counter
    public let duration: Histogram
    public let openConnections: Gauge

    public init(registry: MetricsRegistry) {
        self.registry = registry
        requests = registry.counter(
            "http_requests_total", help: "HTTP requests answered, by route pattern, method and status.",
            labelNames: ["route", "method", "status"])
        duration = registry.histogram(
            "http_request_duration_seconds", help: "Time to answer an HTTP request, by route pattern.",
            labelNames: ["route"])
        openConnections = registry.gauge("http_open_connections", help: "Client connections currently open.")
    }

    /// Records one answered request.
    public func record(route: String, method: HTTPMethod, status: Int, seconds: Double) {
        let methodLabel = HTTPMethod.implemented.contains(method) ? method.rawValue : "other"
        requests.increment([route, methodLabel, String(status)])
        duration.observe(seconds, [route])
    }
}
