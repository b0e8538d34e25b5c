import Foundation

/// The API keys a server accepts: write keys (needed by `POST`, `PUT`, `DELETE`) and, optionally, read
/// keys (then reads under `/v1/` need a read or a write key).
///
/// Keys are compared in constant time (the time depends on neither the key's content nor on which key
/// matched) and never logged.
public struct AccessKeys: Sendable {
    private let writeKeys: [[UInt8]]
    private let readKeys: [[UInt8]]

    /// - Parameters:
    ///   - write: keys that may write (and read). None: the server takes no writes.
    ///   - read: keys that may read. None: reads are public.
    public init(write: [String] = [], read: [String] = []) {
        writeKeys = write.filter { !$0.isEmpty }.map { Array($0.utf8) }
        readKeys = read.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// Whether any write key is configured.
    public var writesEnabled: Bool { !writeKeys.isEmpty }
    /// Whether reads need a key.
    public var readsProtected: Bool { !readKeys.isEmpty }

    /// Keys from a file's lines (blank lines and `#` comments ignored) and a comma-separated list.
    public static func parse(fileContents: String?, list: String?) -> [String] {
        let fromFile = (fileContents ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let fromList = (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return fromFile + fromList
    }

    /// Whether the `Authorization` field carries a key that may write.
    func allowsWrite(authorization: String?) -> Bool {
        Self.matches(Self.bearer(authorization), writeKeys)
    }

    /// Whether the `Authorization` field carries a key that may read.
    func allowsRead(authorization: String?) -> Bool {
        let token = Self.bearer(authorization)
        // Both comparisons run, so the time does not tell which kind of key matched.
        let read = Self.matches(token, readKeys)
        let write = Self.matches(token, writeKeys)
        return read || write
    }

    /// The token of `Bearer <token>` (scheme case-insensitive), or nothing.
    static func bearer(_ authorization: String?) -> [UInt8] {
        guard let authorization else { return [] }
        let bytes = Array(authorization.utf8)
        let scheme = Array("bearer ".utf8)
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) else { return [] }
        var token = bytes[scheme.count...]
        while token.first == 0x20 { token = token.dropFirst() }
        while token.last == 0x20 { token = token.dropLast() }
        return Array(token)
    }

    /// Whether `token` equals one of `keys`, comparing every key in full.
    static func matches(_ token: [UInt8], _ keys: [[UInt8]]) -> Bool {
        var found: UInt8 = 0
        for key in keys { found |= constantTimeEqual(token, key) ? 1 : 0 }
        return !token.isEmpty && found == 1
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        let length = max(a.count, b.count)
        for i in 0..<length {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }
}
