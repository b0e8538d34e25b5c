import BroadsheetSync


/// A histogram family with labels: cumulative `_bucket{le=…}` series, `_sum` and `_count`.
public final class Histogram: MetricFamily, Sendable {

    /// 0.5 ms … 10 s, suited to request latencies: 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
    /// 1, 2.5, 5, 10.
    public static let defaultBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    public let name: String
    public let help: String
    public let labelNames: [String]
    public let buckets: [Double]
    let type = "histogram"

    struct Series {
        /// Non-cumulative counts per bucket; the last slot is `+Inf`.
        var counts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    private let series = Locked<[[String]: Series]>([:])

    init(name: String, help: String, labelNames: [String], buckets: [Double]) {
        precondition(!labelNames.contains("le"), "le is reserved for histogram buckets")
        precondition(zip(buckets, buckets.dropFirst()).allSatisfy { $0 < $1 }, "buckets must ascend")
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.buckets = buckets
    }

    /// Records one observation in the series with these label values.
    public func observe(_ value: Double, _ labelValues: [String] = []) {
        precondition(labelValues.count == labelNames.count, "\(name) takes labels \(labelNames)")
        let slot = buckets.firstIndex { value <= $0 } ?? buckets.count
        series.withLock { all in
            var s = all[labelValues] ?? Series(counts: Array(repeating: 0, count: buckets.count + 1))
            s.counts[slot] += 1
            s.sum += value
            s.count += 1
            all[labelValues] = s
        }
    }

    /// Number of observations in one series.
    public func count(_ labelValues: [String] = []) -> UInt64 { series.withLock { $0[labelValues]?.count ?? 0 } }

    func render(into out: inout String) {
        let snapshot = series.withLock { $0 }
        let bucketLabels = labelNames + ["le"]
        for key in snapshot.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let s = snapshot[key]!
            var cumulative: UInt64 = 0
            for (index, bound) in (buckets + [.infinity]).enumerated() {
                cumulative += s.counts[index]
                let le = PrometheusText.labels(bucketLabels, key + [PrometheusText.value(bound)])
                out += "\(name)_bucket\(le) \(cumulative)\n"
            }
            let labels = PrometheusText.labels(labelNames, key)
            out += "\(name)_sum\(labels) \(PrometheusText.value(s.sum))\n"
            out += "\(name)_count\(labels) \(s.count)\n"
        }
    }
}
