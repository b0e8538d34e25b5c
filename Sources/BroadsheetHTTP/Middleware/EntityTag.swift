/// An entity-tag (RFC 9110 §8.8.3): an opaque quoted string, optionally weak (`W/"..."`).
public struct EntityTag: Sendable, Hashable, CustomStringConvertible {
    /// The characters between the quotes.
    public var opaque: String
    public var isWeak: Bool

    public init(opaque: String, isWeak: Bool = false) {
        self.opaque = opaque
        self.isWeak = isWeak
    }

    /// The strong tag of `bytes`: 64-bit FNV-1a of the body as 16 lowercase hex digits.
    public init(hashing bytes: [UInt8]) {
        self.init(opaque: Self.hex(FNV1a64.hash(bytes)))
    }

    /// Parses one tag (`"abc"` or `W/"abc"`), or returns `nil`.
    public init?(parsing text: some StringProtocol) {
        let text = text.trimmingOWS()
        var body = Substring(text)
        var weak = false
        if body.hasPrefix("W/") {
            weak = true
            body = body.dropFirst(2)
        }
        guard body.count >= 2, body.first == "\"", body.last == "\"" else { return nil }
        let inner = body.dropFirst().dropLast()
        guard !inner.contains("\"") else { return nil }
        self.init(opaque: String(inner), isWeak: weak)
    }

    /// The field value form: `"opaque"` or `W/"opaque"`.
    public var description: String { (isWeak ? "W/" : "") + "\"" + opaque + "\"" }

    /// Weak comparison (RFC 9110 §8.8.3.2): equal opaque tags, weakness ignored. This is what `If-None-Match` uses.
    public func weaklyMatches(_ other: EntityTag) -> Bool { opaque == other.opaque }

    /// An `If-None-Match` field value: `*` or a list of tags.
    public enum Condition: Sendable, Hashable {
        case any
        case tags([EntityTag])

        /// Whether `tag` (the current representation's) satisfies the condition, i.e. the client's copy is current.
        public func matches(_ tag: EntityTag) -> Bool {
            switch self {
            case .any: true
            case .tags(let tags): tags.contains { $0.weaklyMatches(tag) }
            }
        }
    }

    /// Parses every `If-None-Match` value: `*`, or a comma-separated list of entity-tags. Tags may contain commas
    /// inside their quotes; malformed members are skipped. Returns `nil` when nothing valid is left.
    public static func parseCondition(_ values: [String]) -> Condition? {
        var tags: [EntityTag] = []
        for value in values {
            if value.trimmingOWS() == "*" { return .any }
            var rest = Substring(value)
            while !rest.isEmpty {
                rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
                guard !rest.isEmpty else { break }
                var weak = false
                if rest.hasPrefix("W/") {
                    weak = true
                    rest = rest.dropFirst(2)
                }
                if rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") {
                    let opaque = rest[rest.index(after: rest.startIndex)..<close]
                    tags.append(EntityTag(opaque: String(opaque), isWeak: weak))
                    rest = rest[rest.index(after: close)...]
                } else {
                    // Malformed member: skip to the next comma.
                    rest = rest.drop { $0 != "," }
                }
            }
        }
        return tags.isEmpty ? nil : .tags(tags)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 48, count: 16)
        var v = value
        for i in stride(from: 15, through: 0, by: -1) {
            out[i] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// 64-bit FNV-1a (Fowler–Noll–Vo): a fast non-cryptographic hash, enough to tell representations apart.
public enum FNV1a64 {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var h = offsetBasis
            for byte in buffer {
                h ^= UInt64(byte)
                h = h &* prime
            }
            return h
        }
    }
}
