extension HTTPHeaders {
    /// Adds `token` to the comma-separated `Vary` field unless already listed (case-insensitively) or `*`.
    public mutating func addVary(_ token: String) {
        let existing = values(for: "Vary").flatMap { $0.split(separator: ",") }.map { $0.trimmingOWS() }.filter {
            !$0.isEmpty
        }
        if existing.contains(where: { $0 == "*" || $0.caseInsensitiveEquals(token) }) { return }
        set("Vary", (existing + [token]).joined(separator: ", "))
    }

    /// The comma-separated elements of every `name` field, trimmed, empty ones dropped (RFC 9110 §5.6.1).
    /// Not for fields whose elements may contain quoted commas.
    func listElements(_ name: String) -> [String] {
        values(for: name).flatMap { $0.split(separator: ",") }.map { $0.trimmingOWS() }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace, RFC 9110 §5.6.3).
    func trimmingOWS() -> String {
        let utf8 = Array(self.utf8)
        var start = 0
        var end = utf8.count
        while start < end, utf8[start] == 32 || utf8[start] == 9 { start += 1 }
        while end > start, utf8[end - 1] == 32 || utf8[end - 1] == 9 { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
