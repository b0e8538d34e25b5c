/// The query parameters of a request, with typed accessors that throw a ``ParameterError`` naming the parameter.
///
/// Every accessor that expects one value throws `.duplicated` when the parameter is repeated (`?limit=1&limit=2`).
/// Values are already percent- and `+`-decoded by the request parser.
///
/// ```swift
/// let query = try QueryParameters(request.query, allowed: ["limit", "offset", "sort", "from"])
/// let page = try query.pagination()                               // limit 1...100 default 20, offset ≥ 0
/// let sort = try query.value("sort", as: Sort.self, default: .mentions)
/// let from = try query.date("from")                               // YYYY, YYYY-MM or YYYY-MM-DD
/// let q = try query.requiredString("q", maxLength: 500)
/// ```
public struct QueryParameters: Sendable {
    /// The pairs in request order.
    public let items: [(name: String, value: String)]

    /// Wraps `items`.
    /// - Parameter allowed: The names the route accepts; `nil` accepts any.
    /// - Throws: ``ParameterError`` (`.unknown`) naming the first parameter not in `allowed`.
    public init(_ items: [(name: String, value: String)], allowed: Set<String>? = nil) throws(ParameterError) {
        if let allowed, let stranger = items.first(where: { !allowed.contains($0.name) }) {
            throw ParameterError(stranger.name, .unknown)
        }
        self.items = items
    }

    /// Every value of `name`, in order (for parameters that may repeat).
    public func values(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    /// Whether `name` is present at all.
    public func contains(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// The single raw value of `name`, or `nil` when absent.
    /// - Throws: `.duplicated` when given more than once.
    public func string(_ name: String) throws(ParameterError) -> String? {
        var found: String?
        for item in items where item.name == name {
            guard found == nil else { throw ParameterError(name, .duplicated) }
            found = item.value
        }
        return found
    }

    /// A non-empty string of at most `maxLength` characters, or `nil` when absent.
    /// - Throws: `.empty`, `.tooLong`, `.duplicated`.
    public func string(_ name: String, maxLength: Int) throws(ParameterError) -> String? {
        guard let value = try string(name) else { return nil }
        guard !value.isEmpty else { throw ParameterError(name, .empty) }
        guard value.count <= maxLength else { throw ParameterError(name, .tooLong(max: maxLength)) }
        return value
    }

    /// Like ``string(_:maxLength:)`` but required.
    /// - Throws: `.missing` when absent, or as ``string(_:maxLength:)``.
    public func requiredString(_ name: String, maxLength: Int) throws(ParameterError) -> String {
        guard let value = try string(name, maxLength: maxLength) else { throw ParameterError(name, .missing) }
        return value
    }

    /// An integer in `range`, or `nil` when absent.
    /// - Throws: `.notAnInteger` (including an empty value), `.outOfRange`, `.duplicated`.
    public func int(_ name: String, in range: ClosedRange<Int>) throws(ParameterError) -> Int? {
        guard let raw = try string(name) else { return nil }
        guard let value = Self.parseInt(raw) else { throw ParameterError(name, .notAnInteger(range: range)) }
        guard range.contains(value) else { throw ParameterError(name, .outOfRange(range)) }
        return value
    }

    /// An integer in `range`, `defaultValue` when absent.
    public func int(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(ParameterError) -> Int
    {
        try int(name, in: range) ?? defaultValue
    }

    /// One of an enum's raw values, `defaultValue` when absent.
    /// - Throws: `.notOneOf` listing the accepted values, `.duplicated`.
    public func value<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type, default defaultValue: T)
        throws(ParameterError) -> T
    where T.RawValue == String {
        try value(name, as: type) ?? defaultValue
    }

    /// One of an enum's raw values, or `nil` when absent.
    public func value<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(ParameterError) -> T?
    where T.RawValue == String {
        guard let raw = try string(name) else { return nil }
        guard let value = T(rawValue: raw) else { throw ParameterError(name, .notOneOf(T.allCases.map(\.rawValue))) }
        return value
    }

    /// A boolean (`true`/`false`/`1`/`0`), `defaultValue` when absent.
    public func bool(_ name: String, default defaultValue: Bool) throws(ParameterError) -> Bool {
        switch try string(name) {
        case nil: return defaultValue
        case "true", "1": return true
        case "false", "0": return false
        default: throw ParameterError(name, .notOneOf(["true", "false"]))
        }
    }

    /// A calendar date at year, month or day precision, or `nil` when absent.
    /// - Throws: `.invalidDate`, `.duplicated`.
    public func date(_ name: String) throws(ParameterError) -> QueryDate? {
        guard let raw = try string(name) else { return nil }
        guard let date = QueryDate(raw) else { throw ParameterError(name, .invalidDate) }
        return date
    }

    /// `limit` and `offset` with the API's defaults.
    ///
    /// - Parameters:
    ///   - defaultLimit: Default: 20.
    ///   - maxLimit: Default: 100 (`limit` must be in `1...maxLimit`).
    ///   - maxOffset: Default: 1,000,000 (`offset` must be in `0...maxOffset`; larger is surely a client bug).
    public func pagination(defaultLimit: Int = 20, maxLimit: Int = 100, maxOffset: Int = 1_000_000)
        throws(ParameterError) -> Pagination
    {
        Pagination(
            limit: try int("limit", default: defaultLimit, in: 1...maxLimit),
            offset: try int("offset", default: 0, in: 0...maxOffset))
    }

    /// Strict decimal: optional `-`, then 1...18 ASCII digits (no `+`, spaces, or exponent).
    static func parseInt(_ raw: String) -> Int? {
        var digits = Substring(raw)
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        var value = 0
        for byte in digits.utf8 { value = value * 10 + Int(byte - 48) }
        return negative ? -value : value
    }
}

/// A page request.
public struct Pagination: Sendable, Hashable {
    public var limit: Int
    public var offset: Int
    public init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }
}
