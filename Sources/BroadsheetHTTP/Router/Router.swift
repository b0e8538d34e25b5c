/// Maps `(method, path)` to a caller-defined route value, typically an exhaustive `enum Endpoint`.
///
/// ```swift
/// var router = Router<Endpoint>()
/// router.add(.get, "/v1/documents", .listDocuments, query: ["limit", "offset", "sort"])
/// router.add(.get, "/v1/documents/{id}", .getDocument)
/// let match = try router.match(method: .get, path: "/v1/documents/abc")  // match.route == .getDocument
/// ```
///
/// Rules:
/// - Paths are split on `/` and each segment is percent-decoded **after** splitting, so `%2F` in an id stays inside
///   the capture. A malformed escape (`%zz`, invalid UTF-8) is a `400` (``HTTPError/badRequest(_:)``).
/// - When several patterns match, the most specific wins, segment by segment (literal > `{x:int}` > `{x}` > `*`).
/// - No pattern matches → `404` (``HTTPError/notFound(_:)``). A pattern matches but not for this method → `405` with
///   `Allow` (``HTTPError/methodNotAllowed(_:allowed:)``).
/// - `GET` implies `HEAD`; `OPTIONS` is always allowed (``RoutingResponder`` answers it with `204` and `Allow`).
/// - **Trailing slash**: strict. `/v1/documents/` is a different path from `/v1/documents` and, unless registered
///   (it cannot be: patterns never end in `/`), is a `404` whose detail names the path without the slash. No redirect:
///   API clients should not silently follow one, and a redirect would double the round-trips of a typo.
/// - Empty segments never match a capture (`/v1/documents//x`, `/v1/documents/` are `404`).
/// - Each route declares the query parameters it accepts (`query:`); ``RoutingResponder`` rejects others with `400`.
public struct Router<Route: Sendable>: Sendable {
    /// One registered pattern with the routes per method.
    struct Entry: Sendable {
        var pattern: RoutePattern
        var routes: [HTTPMethod: Registration]
    }

    struct Registration: Sendable {
        var route: Route
        var query: Set<String>?
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// Registers `route` for `method` on `pattern`.
    ///
    /// - Parameters:
    ///   - method: The method; registering `GET` also answers `HEAD`.
    ///   - pattern: A ``RoutePattern`` string; a malformed pattern or a duplicate `(method, pattern)` is a programmer
    ///     error and traps.
    ///   - route: The value ``match(method:path:)`` returns.
    ///   - query: The query parameter names this route accepts; any other is a `400`. `nil` accepts anything.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ route: Route, query: Set<String>? = []) {
        let parsed: RoutePattern
        do {
            parsed = try RoutePattern(pattern)
        } catch {
            preconditionFailure("invalid route pattern \(pattern): \(error)")
        }
        let registration = Registration(route: route, query: query)
        if let index = entries.firstIndex(where: { $0.pattern.components == parsed.components }) {
            precondition(entries[index].routes[method] == nil, "duplicate route \(method) \(pattern)")
            entries[index].routes[method] = registration
        } else {
            entries.append(Entry(pattern: parsed, routes: [method: registration]))
        }
    }

    /// The route for `method` on `path`.
    ///
    /// - Parameters:
    ///   - method: The request method (`HEAD` falls back to the `GET` route).
    ///   - path: The **raw** (still percent-encoded) path, without query. ``HTTPRequest/rawPath`` gives it.
    /// - Throws: ``HTTPError``: `404` for an unknown path, `405` (with `Allow`) for a known path and another
    ///   method, `400` for a malformed percent-escape.
    public func match(method: HTTPMethod, path: String) throws(HTTPError) -> RouteMatch<Route> {
        let segments = try Self.segments(of: path)
        guard let (entry, captures) = bestEntry(for: segments) else {
            throw notFound(path: path)
        }
        let registered: HTTPMethod
        if entry.routes[method] != nil {
            registered = method
        } else if method == .head, entry.routes[.get] != nil {
            registered = .get
        } else {
            throw HTTPError.methodNotAllowed(method, allowed: Self.allowed(entry))
        }
        let registration = entry.routes[registered]!
        return RouteMatch(
            route: registration.route, pattern: entry.pattern.string, method: registered,
            parameters: PathParameters(captures), allowedQuery: registration.query)
    }

    /// The methods allowed on `path` (for `Allow` and CORS preflights), or `nil` when no pattern matches it.
    /// Always includes `OPTIONS`, and `HEAD` whenever `GET` is there; listed in a canonical order.
    public func allowedMethods(path: String) -> [HTTPMethod]? {
        guard let segments = try? Self.segments(of: path), let (entry, _) = bestEntry(for: segments) else { return nil }
        return Self.allowed(entry)
    }

    /// The pattern string that `path` matches (whatever the method), or `nil`: the bounded-cardinality label for metrics.
    public func pattern(path: String) -> String? {
        guard let segments = try? Self.segments(of: path), let (entry, _) = bestEntry(for: segments) else { return nil }
        return entry.pattern.string
    }

    /// Every method used by any route, for `OPTIONS *`.
    public var allMethods: [HTTPMethod] {
        var methods: Set<HTTPMethod> = [.options]
        for entry in entries {
            methods.formUnion(entry.routes.keys)
            if entry.routes[.get] != nil { methods.insert(.head) }
        }
        return Self.canonicalOrder(methods)
    }

    // MARK: - Internals

    private func bestEntry(for segments: [String]) -> (Entry, [String: String])? {
        var best: (Entry, [String: String])?
        for entry in entries {
            guard let captures = entry.pattern.match(segments) else { continue }
            if let current = best, !entry.pattern.isMoreSpecific(than: current.0.pattern) { continue }
            best = (entry, captures)
        }
        return best
    }

    private func notFound(path: String) -> HTTPError {
        if path.count > 1, path.hasSuffix("/") {
            let trimmed = String(path.dropLast())
            if let segments = try? Self.segments(of: trimmed), bestEntry(for: segments) != nil {
                return .notFound("No resource at \(path); paths take no trailing slash: use \(trimmed)")
            }
        }
        return .notFound("No resource at \(path)")
    }

    private static func allowed(_ entry: Entry) -> [HTTPMethod] {
        var methods = Set(entry.routes.keys)
        if methods.contains(.get) { methods.insert(.head) }
        methods.insert(.options)
        return canonicalOrder(methods)
    }

    static func canonicalOrder(_ methods: Set<HTTPMethod>) -> [HTTPMethod] {
        let order: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]
        return order.filter { methods.contains($0) } + methods.subtracting(order).sorted { $0.rawValue < $1.rawValue }
    }

    /// Splits a raw path into percent-decoded segments (`/` → `[]`, `/a/b` → `["a", "b"]`, `/a/` → `["a", ""]`).
    static func segments(of path: String) throws(HTTPError) -> [String] {
        guard path != "/", !path.isEmpty else { return [] }
        let body = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
        var result: [String] = []
        for raw in body.split(separator: "/", omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(raw) else {
                throw .badRequest("Malformed percent-encoding in path segment '\(raw)'")
            }
            result.append(decoded)
        }
        return result
    }
}

/// The outcome of a successful ``Router/match(method:path:)``.
public struct RouteMatch<Route: Sendable>: Sendable {
    /// The caller's route value.
    public let route: Route
    /// The pattern as registered (e.g. `/v1/documents/{id}`): use it as a metrics or log label, never the raw path.
    public let pattern: String
    /// The registered method that matched (`GET` for a `HEAD` request).
    public let method: HTTPMethod
    /// The percent-decoded captures.
    public let parameters: PathParameters
    /// The query parameter names the route accepts (`nil`: any).
    public let allowedQuery: Set<String>?
}

/// Percent-decoding of one path segment (RFC 3986 §2.1). `+` is left alone (it only means space in queries).
enum PercentDecoding {
    static func decode(_ segment: Substring) -> String? {
        guard segment.utf8.contains(UInt8(ascii: "%")) else { return String(segment) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.utf8.count)
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let h = iterator.next().flatMap(hexValue), let l = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(h << 4 | l)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}

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
