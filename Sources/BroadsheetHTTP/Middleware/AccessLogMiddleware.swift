public import Logging

/// One structured log line per request, at `info`, after the response is built.
///
/// Message: `GET /v1/documents 200`. Metadata: `method`, `path` (raw, still percent-encoded, so a decoded control
/// character cannot break a line), `status`, `bytes` (body bytes as sent, after compression), `duration_ms`
/// (milliseconds with three decimals, measured with `ContinuousClock` around the inner chain) and `request_id`
/// (from ``RequestIDMiddleware``, `-` when absent). Place it just inside ``RequestIDMiddleware``.
public struct AccessLogMiddleware: HTTPMiddleware {
    public var logger: Logger
    public var level: Logger.Level

    /// - Parameters:
    ///   - logger: Where lines go (tests pass one with an in-memory handler).
    ///   - level: Default: `.info`.
    public init(logger: Logger, level: Logger.Level = .info) {
        self.logger = logger
        self.level = level
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let response = next.respond(to: request)
        let elapsed = start.duration(to: clock.now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let requestID =
            response.headers[RequestIDMiddleware.headerName] ?? request.headers[RequestIDMiddleware.headerName]
        guard logger.logLevel <= level else { return response }
        let path = request.rawPath
        let status = String(response.status.code)
        logger.log(
            level: level,
            "\(request.method.rawValue) \(path) \(status)",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(path),
                "status": .string(status),
                "bytes": .string(String(response.body.count)),
                "duration_ms": .string(Self.format(milliseconds)),
                "request_id": .string(requestID ?? "-"),
            ])
        return response
    }

    /// `12.345`: three decimals without Foundation.
    static func format(_ ms: Double) -> String {
        let thousandths = Int((ms * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
