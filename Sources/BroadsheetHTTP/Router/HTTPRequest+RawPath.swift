extension HTTPRequest {
    /// The path as sent, still percent-encoded, without query or fragment: what ``Router`` matches.
    /// Falls back to ``path`` for `*` and other non-origin-form targets.
    public var rawPath: String {
        let bytes = target.utf8
        var start = bytes.startIndex
        if bytes.first != UInt8(ascii: "/") {
            // absolute-form (RFC 9112 §3.2.2): skip scheme and authority.
            guard let scheme = target.firstRange(of: "://") else { return path }
            guard let slash = bytes[scheme.upperBound...].firstIndex(of: UInt8(ascii: "/")) else { return "/" }
            start = slash
        }
        let rest = bytes[start...]
        let end = rest.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
        if start == bytes.startIndex && end == bytes.endIndex { return target }
        return String(Substring(target.utf8[start..<end]))
    }
}
