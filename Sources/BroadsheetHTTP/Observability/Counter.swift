import BroadsheetSync


/// A monotonically increasing counter family with labels.
public final class Counter: MetricFamily, Sendable {
    public let name: String
    public let help: String
    public let labelNames: [String]
    let type = "counter"
    private let values = Locked<[[String]: Double]>([:])

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
    }

    /// Adds `amount` (≥ 0) to the series with these label values (in ``labelNames`` order).
    public func increment(_ labelValues: [String] = [], by amount: Double = 1) {
        precondition(labelValues.count == labelNames.count, "\(name) takes labels \(labelNames)")
        precondition(amount >= 0, "counters only go up")
        values.withLock { $0[labelValues, default: 0] += amount }
    }

    /// The current value of one series (0 if never incremented).
    public func value(_ labelValues: [String] = []) -> Double { values.withLock { $0[labelValues] ?? 0 } }

    func render(into out: inout String) {
        let snapshot = values.withLock { $0 }
        for key in snapshot.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            out += "\(name)\(PrometheusText.labels(labelNames, key)) \(PrometheusText.value(snapshot[key]!))\n"
        }
    }
}

/// A gauge the application sets.
public final class Gauge: MetricFamily, Sendable {
    public let name: String
    public let help: String
    let type = "gauge"
    private let current = Locked<Double>(0)

    init(name: String, help: String) {
        self.name = name
        self.help = help
    }

    public func set(_ value: Double) { current.withLock { $0 = value } }
    public func increment(by amount: Double = 1) { current.withLock { $0 += amount } }
    public func decrement(by amount: Double = 1) { current.withLock { $0 -= amount } }
    public var value: Double { current.withLock { $0 } }

    func render(into out: inout String) {
        out += "\(name) \(PrometheusText.value(value))\n"
    }
}

/// A gauge read from a closure at render time.
struct ClosureGauge: MetricFamily {
    let name: String
    let help: String
    let type = "gauge"
    let read: @Sendable () -> Double

    func render(into out: inout String) {
        out += "\(name) \(PrometheusText.value(read()))\n"
    }
}
