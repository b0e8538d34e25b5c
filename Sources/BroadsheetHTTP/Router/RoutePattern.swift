/// A route pattern such as `/v1/documents/{id}`, parsed once into components.
///
/// Syntax, segment by segment (segments are separated by `/`):
/// - a literal (`documents`), matched exactly (case-sensitive, after percent-decoding the request segment);
/// - a capture `{name}`, matching any **non-empty** segment, or a typed capture `{name:int}` matching
///   only ASCII digits (a non-digit segment does not match, so the path is unknown: `404`);
/// - a trailing wildcard `*`, matching the rest of the path (zero or more segments), captured as `*`.
///
/// The root pattern is `/`. Patterns never end in `/` (except the root): see ``Router`` for trailing-slash handling.
///
/// ```swift
/// let pattern = try RoutePattern("/v1/documents/{id}")
/// pattern.match(["v1", "documents", "doc-1"])  // ["id": "doc-1"]
/// ```
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Component: Sendable, Hashable {
        case literal(String)
        case capture(name: String, type: CaptureType)
        case wildcard
    }

    /// What a capture accepts.
    public enum CaptureType: String, Sendable, Hashable {
        /// Any non-empty segment.
        case string
        /// One or more ASCII digits.
        case int
    }

    /// Why a pattern string was rejected.
    public enum Error: Swift.Error, Sendable, Hashable {
        case mustStartWithSlash
        case trailingSlash
        case emptySegment
        case invalidCapture(String)
        case duplicateCapture(String)
        case wildcardNotLast
    }

    /// The pattern exactly as written (used as the metrics `route` label).
    public let string: String
    public let components: [Component]

    public var description: String { string }

    /// Parses a pattern.
    /// - Throws: ``RoutePattern/Error`` when the pattern is malformed.
    public init(_ string: String) throws(RoutePattern.Error) {
        guard string.hasPrefix("/") else { throw .mustStartWithSlash }
        self.string = string
        if string == "/" {
            components = []
            return
        }
        guard !string.hasSuffix("/") else { throw .trailingSlash }
        let parts = string.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var result: [Component] = []
        var names: Set<String> = []
        for (index, part) in parts.enumerated() {
            if part.isEmpty { throw .emptySegment }
            if part == "*" {
                guard index == parts.count - 1 else { throw .wildcardNotLast }
                result.append(.wildcard)
            } else if part.hasPrefix("{") {
                guard part.hasSuffix("}"), part.count > 2 else { throw .invalidCapture(String(part)) }
                let inner = part.dropFirst().dropLast()
                let pieces = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pieces[0])
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw .invalidCapture(String(part))
                }
                var type = CaptureType.string
                if pieces.count == 2 {
                    guard let t = CaptureType(rawValue: String(pieces[1])) else { throw .invalidCapture(String(part)) }
                    type = t
                }
                guard names.insert(name).inserted else { throw .duplicateCapture(name) }
                result.append(.capture(name: name, type: type))
            } else {
                guard !part.contains("{"), !part.contains("}") else { throw .invalidCapture(String(part)) }
                result.append(.literal(String(part)))
            }
        }
        components = result
    }

    /// Matches percent-decoded path segments, returning the captures, or `nil` when the pattern does not match.
    public func match(_ segments: [String]) -> [String: String]? {
        var captures: [String: String] = [:]
        for (index, component) in components.enumerated() {
            switch component {
            case .wildcard:
                captures["*"] = segments[min(index, segments.count)...].joined(separator: "/")
                return captures
            case .literal(let literal):
                guard index < segments.count, segments[index] == literal else { return nil }
            case .capture(let name, let type):
                guard index < segments.count, !segments[index].isEmpty else { return nil }
                let value = segments[index]
                if type == .int, !value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return nil }
                captures[name] = value
            }
        }
        return segments.count == components.count ? captures : nil
    }

    /// Orders patterns by specificity, segment by segment: literal beats typed capture beats capture beats wildcard.
    /// Used to pick one pattern when several match (`/v1/documents/search` wins over `/v1/documents/{id}`).
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (a, b) in zip(components, other.components) {
            let ra = Self.rank(a)
            let rb = Self.rank(b)
            if ra != rb { return ra > rb }
        }
        return components.count > other.components.count
    }

    private static func rank(_ component: Component) -> Int {
        switch component {
        case .literal: 3
        case .capture(_, .int): 2
        case .capture(_, .string): 1
        case .wildcard: 0
        }
    }
}
