/// The percent-decoded captures of a matched route, with typed access that throws a `400` naming the parameter.
///
/// ```swift
/// let id = try match.parameters.require("id")
/// let year = try match.parameters.require("year", as: Int.self)
/// ```
public struct PathParameters: Sendable, Hashable {
    private let values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// The raw (decoded) value of `name`, if captured.
    public subscript(name: String) -> String? { values[name] }

    /// The value of `name`.
    /// - Throws: ``ParameterError`` (`.missing`) when the route has no such capture.
    public func require(_ name: String) throws(ParameterError) -> String {
        guard let value = values[name], !value.isEmpty else { throw ParameterError(name, in: .path, .missing) }
        return value
    }

    /// The value of `name` converted with `T(String)` (e.g. `Int`, `UUID`-like types).
    /// - Throws: ``ParameterError`` (`.invalid`) naming `name` when the conversion fails.
    public func require<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws(ParameterError) -> T {
        let raw = try require(name)
        guard let value = T(raw) else { throw ParameterError(name, in: .path, .invalid("expected \(T.self)")) }
        return value
    }

    /// The value of `name` as one of an enum's raw values.
    /// - Throws: ``ParameterError`` (`.notOneOf`) listing the accepted values.
    public func require<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(ParameterError) -> T
    where T.RawValue == String {
        let raw = try require(name)
        guard let value = T(rawValue: raw) else {
            throw ParameterError(name, in: .path, .notOneOf(T.allCases.map(\.rawValue)))
        }
        return value
    }
}
