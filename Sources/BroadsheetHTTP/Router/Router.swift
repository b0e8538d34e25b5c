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
    /// Entries whose pattern is all literals, by their path: such a path is matched with one lookup
    /// (a literal pattern is always the most specific match of its own path).
    private var literalPaths: [String: Int] = [:]

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
            let allLiteral = parsed.components.allSatisfy { if case .literal = $0 { true } else { false } }
            if allLiteral { literalPaths[parsed.string] = entries.count - 1 }
        }
    }

    /// The entry for `path` and its segments, or `nil`.
    private func lookUp(_ path: String) throws(HTTPError) -> (index: Int, segments: [String])? {
        if let index = literalPaths[path] { return (index, []) }
        let segments = try Self.segments(of: path)
        return bestIndex(for: segments).map { ($0, segments) }
    }

    /// The route for `method` on `path`.
    ///
    /// - Parameters:
    ///   - method: The request method (`HEAD` falls back to the `GET` route).
    ///   - path: The **raw** (still percent-encoded) path, without query. ``HTTPRequest/rawPath`` gives it.
    /// - Throws: ``HTTPError``: `404` for an unknown path, `405` (with `Allow`) for a known path and another
    ///   method, `400` for a malformed percent-escape.
    public func match(method: HTTPMethod, path: String) throws(HTTPError) -> RouteMatch<Route> {
        guard let (index, segments) = try lookUp(path) else {
            throw notFound(path: path)
        }
        let entry = entries[index]
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
            parameters: PathParameters(entry.pattern.captures(segments)), allowedQuery: registration.query)
    }

    /// The methods allowed on `path` (for `Allow` and CORS preflights), or `nil` when no pattern matches it.
    /// Always includes `OPTIONS`, and `HEAD` whenever `GET` is there; listed in a canonical order.
    public func allowedMethods(path: String) -> [HTTPMethod]? {
        guard let (index, _) = (try? lookUp(path)) ?? nil else { return nil }
        return Self.allowed(entries[index])
    }

    /// The pattern string that `path` matches (whatever the method), or `nil`: the bounded-cardinality label for metrics.
    public func pattern(path: String) -> String? {
        guard let (index, _) = (try? lookUp(path)) ?? nil else { return nil }
        return entries[index].pattern.string
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

    /// The index of the most specific entry matching `segments` (ties: the first registered).
    private func bestIndex(for segments: [String]) -> Int? {
        var best: Int?
        for index in entries.indices where entries[index].pattern.matches(segments) {
            if let current = best, !entries[index].pattern.isMoreSpecific(than: entries[current].pattern) { continue }
            best = index
        }
        return best
    }

    private func notFound(path: String) -> HTTPError {
        if path.count > 1, path.hasSuffix("/") {
            let trimmed = String(path.dropLast())
            if let segments = try? Self.segments(of: trimmed), bestIndex(for: segments) != nil {
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
