import Testing

@testable import BroadsheetHTTP

/// A minimal parser of the Prometheus text format 0.0.4, enough to check what the registry renders.
struct ParsedExposition {
    struct Sample: Hashable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var help: [String: String] = [:]
    var types: [String: String] = [:]
    var samples: [Sample] = []

    init(_ text: String) throws {
        #expect(text.hasSuffix("\n"))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("# HELP ") {
                let rest = line.dropFirst(7)
                let space = try #require(rest.firstIndex(of: " "))
                help[String(rest[..<space])] = String(rest[rest.index(after: space)...])
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                try #require(parts.count == 2)
                types[String(parts[0])] = String(parts[1])
            } else {
                samples.append(try Self.sample(line))
            }
        }
    }

    static func sample(_ line: Substring) throws -> Sample {
        var labels: [String: String] = [:]
        var name = ""
        var rest = line[...]
        if let brace = line.firstIndex(of: "{") {
            name = String(line[..<brace])
            rest = line[line.index(after: brace)...]
            while rest.first != "}" {
                let eq = try #require(rest.firstIndex(of: "="))
                let key = String(rest[..<eq])
                rest = rest[rest.index(after: eq)...]
                try #require(rest.first == "\"")
                rest = rest.dropFirst()
                var value = ""
                while let c = rest.first, c != "\"" {
                    rest = rest.dropFirst()
                    if c == "\\" {
                        let escaped = try #require(rest.first)
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(c)
                    }
                }
                rest = rest.dropFirst()  // closing quote
                labels[key] = value
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()  // }
        } else {
            let space = try #require(line.firstIndex(of: " "))
            name = String(line[..<space])
            rest = line[space...]
        }
        let valueText = rest.drop { $0 == " " }
        let value: Double = valueText == "+Inf" ? .infinity : try #require(Double(String(valueText)))
        return Sample(name: name, labels: labels, value: value)
    }

    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }
}

struct MetricsTests {
    @Test func counterGaugeAndClosureGaugeRender() throws {
        let registry = MetricsRegistry()
        let counter = registry.counter("jobs_total", help: "Jobs\\done\nnow.", labelNames: ["kind"])
        counter.increment(["a\"b\\c\nd"])
        counter.increment(["plain"], by: 2)
        let gauge = registry.gauge("queue_depth", help: "Depth.")
        gauge.set(3)
        gauge.increment()
        gauge.decrement(by: 0.5)
        registry.gauge("broadsheet_corpus_documents", help: "Documents loaded.") { 42 }

        let text = registry.render()
        #expect(text.contains("# HELP jobs_total Jobs\\\\done\\nnow.\n"))
        #expect(text.contains(#"jobs_total{kind="a\"b\\c\nd"} 1"#))
        let parsed = try ParsedExposition(text)
        #expect(
            parsed.types == ["jobs_total": "counter", "queue_depth": "gauge", "broadsheet_corpus_documents": "gauge"])
        #expect(parsed.value("jobs_total", ["kind": "a\"b\\c\nd"]) == 1)
        #expect(parsed.value("jobs_total", ["kind": "plain"]) == 2)
        #expect(parsed.value("queue_depth") == 3.5)
        #expect(parsed.value("broadsheet_corpus_documents") == 42)
    }

    @Test func histogramBucketsAreCumulative() throws {
        let registry = MetricsRegistry()
        let histogram = registry.histogram("latency_seconds", help: "L.", labelNames: ["route"], buckets: [0.1, 1])
        for v in [0.05, 0.1, 0.5, 2, 3] { histogram.observe(v, ["/a"]) }
        let parsed = try ParsedExposition(registry.render())
        #expect(parsed.types["latency_seconds"] == "histogram")
        #expect(parsed.value("latency_seconds_bucket", ["route": "/a", "le": "0.1"]) == 2)
        #expect(parsed.value("latency_seconds_bucket", ["route": "/a", "le": "1"]) == 3)
        #expect(parsed.value("latency_seconds_bucket", ["route": "/a", "le": "+Inf"]) == 5)
        #expect(parsed.value("latency_seconds_count", ["route": "/a"]) == 5)
        #expect(parsed.value("latency_seconds_sum", ["route": "/a"]) == 5.65)
    }

    /// A response made before the router (no ``HTTPResponse/routePattern``) is labelled by matching its path
    /// against the router the middleware was given; a path the router does not know stays `unmatched`.
    @Test func responsesFromOutsideTheRouterAreLabelledByTheRouter() throws {
        let registry = MetricsRegistry()
        let metrics = HTTPMetrics(registry: registry)
        let app = ClosureResponder { _ in HTTPResponse(status: .noContent) }
            .wrapped(in: [MetricsMiddleware(metrics: metrics, router: Router<TestEndpoint>.sample)])
        _ = app.respond(to: FeatureFixtures.request(.options, "/v1/documents/a"))
        _ = app.respond(to: FeatureFixtures.request(.options, "/nowhere/a"))
        let parsed = try ParsedExposition(registry.render())
        #expect(
            parsed.value("http_requests_total", ["route": "/v1/documents/{id}", "method": "OPTIONS", "status": "204"])
                == 1)
        #expect(parsed.value("http_requests_total", ["route": "unmatched", "method": "OPTIONS", "status": "204"]) == 1)
    }

    @Test func middlewareUsesRoutePatternNotRawPath() async throws {
        let registry = MetricsRegistry()
        let metrics = HTTPMetrics(registry: registry)
        let router = Router<TestEndpoint>.sample
        let app = RoutingResponder(router: router) { _ in HTTPResponse() }
            .wrapped(in: [MetricsMiddleware(metrics: metrics, router: router)])
        for id in ["a", "b", "c"] { _ = app.respond(to: FeatureFixtures.request(.get, "/v1/documents/\(id)")) }
        _ = app.respond(to: FeatureFixtures.request(.post, "/v1/documents/a"))
        _ = app.respond(to: FeatureFixtures.request(.get, "/random/\(UInt64.random(in: 0 ... .max))"))
        _ = app.respond(to: FeatureFixtures.request(HTTPMethod(rawValue: "BREW"), "/"))
        metrics.openConnections.increment()

        let parsed = try ParsedExposition(registry.render())
        #expect(
            parsed.value("http_requests_total", ["route": "/v1/documents/{id}", "method": "GET", "status": "200"]) == 3)
        #expect(
            parsed.value("http_requests_total", ["route": "/v1/documents/{id}", "method": "POST", "status": "405"]) == 1
        )
        #expect(parsed.value("http_requests_total", ["route": "unmatched", "method": "GET", "status": "404"]) == 1)
        #expect(parsed.value("http_requests_total", ["route": "/", "method": "other", "status": "405"]) == 1)
        #expect(!parsed.samples.contains { $0.labels["route"]?.hasPrefix("/random") == true })
        #expect(parsed.value("http_request_duration_seconds_count", ["route": "/v1/documents/{id}"]) == 4)
        #expect(
            parsed.value("http_request_duration_seconds_bucket", ["route": "/v1/documents/{id}", "le": "+Inf"]) == 4)
        #expect(
            parsed.value("http_request_duration_seconds_bucket", ["route": "/v1/documents/{id}", "le": "0.0005"]) != nil
        )
        #expect(
            parsed.value("http_request_duration_seconds_bucket", ["route": "/v1/documents/{id}", "le": "10"]) != nil)
        #expect(parsed.value("http_open_connections") == 1)
        // Buckets never decrease.
        let buckets = parsed.samples.filter {
            $0.name == "http_request_duration_seconds_bucket" && $0.labels["route"] == "unmatched"
        }
        #expect(buckets.count == Histogram.defaultBuckets.count + 1)
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value })
    }

    @Test func expositionResponse() {
        let registry = MetricsRegistry()
        _ = registry.gauge("up", help: "Up.")
        let response = registry.exposition()
        #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == "# HELP up Up.\n# TYPE up gauge\nup 0\n")
    }

    @Test func concurrentIncrementsAreAllCounted() async {
        let registry = MetricsRegistry()
        let counter = registry.counter("hits_total", help: "Hits.")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<1000 { counter.increment() } }
            }
        }
        #expect(counter.value() == 8000)
    }

    @Test(arguments: [(1.0, "1"), (0.0005, "0.0005"), (2.5, "2.5"), (Double.infinity, "+Inf"), (-3.0, "-3")])
    func valueFormatting(value: Double, text: String) {
        #expect(PrometheusText.value(value) == text)
    }
}
