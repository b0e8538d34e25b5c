/// A protocol-level error a handler or the router throws: a status, a problem kind, a detail and optional headers.
///
/// ```swift
/// throw HTTPError.notFound("no route for /v2")
/// throw HTTPError.methodNotAllowed(allowed: [.get, .head, .options])
/// ```
public struct HTTPError: Error, Sendable, Hashable, ProblemConvertible, CustomStringConvertible {
    public var status: HTTPStatus
    public var kind: ProblemDetails.Kind
    public var detail: String
    /// Headers added to the problem response (e.g. `Allow`).
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, kind: ProblemDetails.Kind, detail: String, headers: HTTPHeaders = [:]) {
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = headers
    }

    /// `404` with kind ``ProblemDetails/Kind/notFound``.
    public static func notFound(_ detail: String) -> HTTPError {
        HTTPError(.notFound, kind: .notFound, detail: detail)
    }

    /// `400` with kind ``ProblemDetails/Kind/badRequest``.
    public static func badRequest(_ detail: String) -> HTTPError {
        HTTPError(.badRequest, kind: .badRequest, detail: detail)
    }

    /// `405` with an `Allow` header listing `allowed` (RFC 9110 §15.5.6).
    public static func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> HTTPError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return HTTPError(
            .methodNotAllowed, kind: .methodNotAllowed,
            detail: "\(method.rawValue) is not allowed here; allowed: \(list)",
            headers: ["Allow": list])
    }

    public var problem: ProblemDetails { ProblemDetails(kind, status: status, detail: detail) }
    public var problemHeaders: HTTPHeaders { headers }
    public var description: String { "HTTPError(\(status.code), \(detail))" }
}
