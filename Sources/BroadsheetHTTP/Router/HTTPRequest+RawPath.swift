extension HTTPRequest {
    /// The path as sent, still percent-encoded, without query or fragment: what ``Router`` matches.
    /// Falls back to ``path`` for `*` and other non-origin-form targets.
    public var rawPath: String {
        var target = Substring(target)
        if !target.hasPrefix("/") {
            // absolute-form (RFC 9112 §3.2.2): skip scheme and authority.
            guard let scheme = target.firstRange(of: "://") else { return path }
            target = target[scheme.upperBound...]
            guard let slash = target.firstIndex(of: "/") else { return "/" }
            target = target[slash...]
        }
        if let end = target.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            target = target[..<end]
        }
        return String(target)
    }
}
