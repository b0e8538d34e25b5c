/// A path or query parameter that is missing, malformed, out of range, repeated or not allowed.
///
/// Converts to a `400` problem of kind ``ProblemDetails/Kind/invalidParameter`` whose `parameter` member names
/// the parameter at fault.
public struct ParameterError: Error, Sendable, Hashable, ProblemConvertible, CustomStringConvertible {
    /// Where the parameter was read from.
    public enum Location: String, Sendable, Hashable {
        case path
        case query
    }

    /// What is wrong with it.
    public enum Reason: Sendable, Hashable {
        /// Required but absent.
        case missing
        /// Present with an empty value where a value is required.
        case empty
        /// Not an integer, or an integer outside `range`.
        case notAnInteger(range: ClosedRange<Int>)
        case outOfRange(ClosedRange<Int>)
        /// Not one of the listed values.
        case notOneOf([String])
        /// Longer than the maximum (in characters).
        case tooLong(max: Int)
        /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or not a real date.
        case invalidDate
        /// Given more than once where one value is expected.
        case duplicated
        /// Not a parameter this route accepts.
        case unknown
        /// Any other malformation, with an explanation.
        case invalid(String)
    }

    public var parameter: String
    public var location: Location
    public var reason: Reason

    public init(_ parameter: String, in location: Location = .query, _ reason: Reason) {
        self.parameter = parameter
        self.location = location
        self.reason = reason
    }

    /// A human sentence naming the parameter.
    public var detail: String {
        let subject = "\(location.rawValue) parameter '\(parameter)'"
        switch reason {
        case .missing: return "\(subject) is required"
        case .empty: return "\(subject) must not be empty"
        case .notAnInteger(let r): return "\(subject) must be an integer in \(r.lowerBound)...\(r.upperBound)"
        case .outOfRange(let r): return "\(subject) must be in \(r.lowerBound)...\(r.upperBound)"
        case .notOneOf(let values): return "\(subject) must be one of: \(values.joined(separator: ", "))"
        case .tooLong(let max): return "\(subject) must be at most \(max) characters"
        case .invalidDate: return "\(subject) must be a date YYYY, YYYY-MM or YYYY-MM-DD"
        case .duplicated: return "\(subject) must be given at most once"
        case .unknown: return "\(subject) is not supported by this route"
        case .invalid(let why): return "\(subject) is invalid: \(why)"
        }
    }

    public var problem: ProblemDetails {
        ProblemDetails(.invalidParameter, status: .badRequest, detail: detail, parameter: parameter)
    }

    public var description: String { "ParameterError(\(detail))" }
}
