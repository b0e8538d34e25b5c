/// An error that knows its RFC 9457 problem. Thrown from a route handler, it becomes that problem's response
/// (see ``ErrorMapper``); any other error becomes a generic `500`.
///
/// ```swift
/// enum APIError: Error, ProblemConvertible {
///     case documentNotFound(id: String)
///     var problem: ProblemDetails {
///         switch self {
///         case .documentNotFound(let id): ProblemDetails(.notFound, status: .notFound, detail: "no document \(id)")
///         }
///     }
/// }
/// ```
public protocol ProblemConvertible {
    /// The problem document sent to the client.
    var problem: ProblemDetails { get }
    /// Extra response headers (e.g. `Allow` on a `405`). Default: none.
    var problemHeaders: HTTPHeaders { get }
}

extension ProblemConvertible {
    public var problemHeaders: HTTPHeaders { [:] }

    /// The complete response: the problem as `application/problem+json` plus ``problemHeaders``.
    public var problemResponse: HTTPResponse { problem.response(headers: problemHeaders) }
}
