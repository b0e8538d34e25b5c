public import Logging

/// Turns any error thrown by a handler into a response, in one place.
///
/// - A ``ProblemConvertible`` error becomes its problem (with its ``ProblemConvertible/problemHeaders``).
/// - Anything else becomes a generic `500` problem ("internal error"); the real error is logged at `error`
///   level with the request's method, path and `X-Request-Id`, and never shown to the client.
public struct ErrorMapper: Sendable {
    public var logger: Logger

    public init(logger: Logger = Logger(label: "broadsheet.http.errors")) {
        self.logger = logger
    }

    /// The response for `error`, thrown while answering `request`.
    public func response(for error: any Error, request: HTTPRequest) -> HTTPResponse {
        if let convertible = error as? any ProblemConvertible {
            return convertible.problemResponse
        }
        logger.error(
            "unhandled error: \(String(describing: error))",
            metadata: [
                "method": "\(request.method.rawValue)",
                "path": "\(request.path)",
                "request_id": "\(request.headers["X-Request-Id"] ?? "-")",
            ])
        return ProblemDetails(
            .internalError, status: .internalServerError, detail: "The server failed to answer this request."
        )
        .response()
    }
}
