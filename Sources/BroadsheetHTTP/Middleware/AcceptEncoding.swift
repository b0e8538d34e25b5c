/// A parsed `Accept-Encoding` field (RFC 9110 §12.5.3): codings with quality values.
public struct AcceptEncoding: Sendable, Hashable {
    /// Lowercased coding → q (0...1). `*` is kept as its own entry.
    public private(set) var qualities: [String: Double] = [:]

    /// Parses every value of the field. Members with a malformed `q` get `q=0` (treated as refused).
    public init(_ values: [String]) {
        for value in values {
            for member in value.split(separator: ",") {
                let parts = member.split(separator: ";")
                guard let first = parts.first else { continue }
                let coding = first.trimmingOWS().lowercased()
                guard !coding.isEmpty else { continue }
                var q = 1.0
                for param in parts.dropFirst() {
                    let pair = param.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2, pair[0].trimmingOWS().lowercased() == "q" else { continue }
                    if let parsed = Double(pair[1].trimmingOWS()), (0...1).contains(parsed) {
                        q = parsed
                    } else {
                        q = 0
                    }
                }
                qualities[coding] = max(qualities[coding] ?? 0, q)
            }
        }
    }

    /// The quality of `coding`: its own entry, else `*`'s, else 0 (`identity` defaults to acceptable, at the lowest
    /// positive preference, unless `identity;q=0` or `*;q=0` excludes it).
    public func quality(of coding: String) -> Double {
        if let q = qualities[coding] { return q }
        if coding == "x-gzip" || coding == "gzip", let q = qualities[coding == "gzip" ? "x-gzip" : "gzip"] { return q }
        if let q = qualities["*"] { return q }
        return coding == "identity" ? 0.001 : 0
    }

    /// Whether gzip should be sent: acceptable (q > 0) and not less preferred than identity.
    public var prefersGzip: Bool {
        let gzip = quality(of: "gzip")
        return gzip > 0 && gzip >= quality(of: "identity")
    }
}
