import BroadsheetSync


/// A small thread-safe metrics registry rendered in the Prometheus text exposition format 0.0.4.
///
/// Families are rendered in registration order, series within a family sorted by label values.
/// Registering two families with the same name is a programmer error and traps.
///
/// ```swift
/// let registry = MetricsRegistry()
/// let http = HTTPMetrics(registry: registry)
/// registry.gauge("broadsheet_corpus_documents", help: "Documents loaded.") { Double(corpus.count) }
/// let text = registry.render()
/// ```
public final class MetricsRegistry: Sendable {
    /// `Content-Type` of ``render()``'s output.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let families = Locked<[any MetricFamily]>([])

    public init() {}

    /// Registers a counter family.
    public func counter(_ name: String, help: String, labelNames: [String] = []) -> Counter {
        register(Counter(name: name, help: help, labelNames: labelNames))
    }

    /// Registers a histogram family.
    /// - Parameter buckets: Upper bounds, ascending; `+Inf` is implicit. Default: ``Histogram/defaultBuckets``.
    public func histogram(
        _ name: String, help: String, labelNames: [String] = [], buckets: [Double] = Histogram.defaultBuckets
    ) -> Histogram {
        register(Histogram(name: name, help: help, labelNames: labelNames, buckets: buckets))
    }

    /// Registers a gauge whose value the application sets.
    public func gauge(_ name: String, help: String) -> Gauge {
        register(Gauge(name: name, help: help))
    }

    /// Registers a gauge read from `read` at every render (e.g. the corpus size). `read` must be cheap and thread-safe.
    public func gauge(_ name: String, help: String, _ read: @escaping @Sendable () -> Double) {
        _ = register(ClosureGauge(name: name, help: help, read: read))
    }

    private func register<F: MetricFamily>(_ family: F) -> F {
        precondition(Self.isValidName(family.name), "invalid metric name \(family.name)")
        families.withLock { list in
            precondition(!list.contains { $0.name == family.name }, "metric \(family.name) registered twice")
            list.append(family)
        }
        return family
    }

    /// The exposition text (ends with a newline).
    public func render() -> String {
        let snapshot = families.withLock { $0 }
        var out = ""
        for family in snapshot {
            out += "# HELP \(family.name) \(PrometheusText.escapeHelp(family.help))\n"
            out += "# TYPE \(family.name) \(family.type)\n"
            family.render(into: &out)
        }
        return out
    }

    /// A `200` response with the exposition and `Cache-Control: no-store`.
    public func exposition() -> HTTPResponse {
        HTTPResponse(
            status: .ok, headers: ["Content-Type": Self.contentType, "Cache-Control": "no-store"],
            body: Array(render().utf8))
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(48...57).contains(first) else { return false }
        return name.utf8.allSatisfy {
            ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 58
        }
    }
}

/// One named metric family.
protocol MetricFamily: Sendable {
    var name: String { get }
    var help: String { get }
    var type: String { get }
    func render(into out: inout String)
}

/// Formatting rules of the text format.
enum PrometheusText {
    /// HELP text: `\` → `\\`, newline → `\n`.
    static func escapeHelp(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Label values: `\` → `\\`, `"` → `\"`, newline → `\n`.
    static func escapeLabel(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// `{a="x",b="y"}`, or nothing without labels.
    static func labels(_ names: [String], _ values: [String]) -> String {
        guard !names.isEmpty else { return "" }
        let pairs = zip(names, values).map { "\($0)=\"\(escapeLabel($1))\"" }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// Integral values without a fraction (`42`), others in Swift's shortest round-trip form, `+Inf`/`-Inf`/`NaN`.
    static func value(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == .infinity { return "+Inf" }
        if v == -.infinity { return "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return v.description
    }
}
