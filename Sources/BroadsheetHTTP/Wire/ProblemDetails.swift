#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An RFC 9457 problem document, sent as `application/problem+json`.
///
/// ```swift
/// ProblemDetails(.invalidParameter, status: .badRequest, detail: "limit must be 1...100", parameter: "limit").response()
/// ```
public struct ProblemDetails: Sendable, Hashable, Encodable {
    /// A problem type: a stable slug and a human title. `type` on the wire is `urn:broadsheet:problem:<slug>`,
    /// and every slug in use is listed in `openapi.yaml`.
    public struct Kind: Sendable, Hashable {
        public var slug: String
        public var title: String
        public init(slug: String, title: String) {
            self.slug = slug
            self.title = title
        }

        public static let badRequest = Kind(slug: "bad-request", title: "Malformed request")
        public static let invalidParameter = Kind(slug: "invalid-parameter", title: "Invalid parameter")
        public static let notFound = Kind(slug: "not-found", title: "Resource not found")
        public static let methodNotAllowed = Kind(slug: "method-not-allowed", title: "Method not allowed")
        public static let notImplemented = Kind(slug: "not-implemented", title: "Method not implemented")
        public static let versionNotSupported = Kind(slug: "version-not-supported", title: "HTTP version not supported")
        public static let uriTooLong = Kind(slug: "uri-too-long", title: "Request target too long")
        public static let headersTooLarge = Kind(slug: "headers-too-large", title: "Request header fields too large")
        public static let contentTooLarge = Kind(slug: "content-too-large", title: "Request body too large")
        public static let requestTimeout = Kind(slug: "request-timeout", title: "Request timed out")
        public static let expectationFailed = Kind(slug: "expectation-failed", title: "Expectation failed")
        public static let lengthRequired = Kind(slug: "length-required", title: "Length required")
        public static let notReady = Kind(slug: "not-ready", title: "Service not ready")
        public static let internalError = Kind(slug: "internal-error", title: "Internal server error")
    }

    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var instance: String?
    /// Extension member: the query or path parameter at fault, when there is one.
    public var parameter: String?
    /// Extension member: the field of a submitted body at fault, when there is one.
    public var field: String?

    public init(
        _ kind: Kind, status: HTTPStatus, detail: String, instance: String? = nil, parameter: String? = nil, field: String? = nil
    ) {
        self.type = "urn:broadsheet:problem:\(kind.slug)"
        self.title = kind.title
        self.status = status.code
        self.detail = detail
        self.instance = instance
        self.parameter = parameter
        self.field = field
    }

    /// The JSON body (keys in a stable order).
    public var jsonBytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? Array(#"{"status":500,"title":"Internal server error"}"#.utf8)
    }

    /// A response carrying this problem, with `Content-Type: application/problem+json; charset=utf-8`.
    public func response(headers: HTTPHeaders = [:]) -> HTTPResponse {
        var h = headers
        h.set("Content-Type", "application/problem+json; charset=utf-8")
        h.set("Cache-Control", "no-store")
        return HTTPResponse(status: HTTPStatus(code: status, reasonPhrase: Self.reason(for: status)), headers: h, body: jsonBytes)
    }

    static func reason(for code: Int) -> String {
        switch code {
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        case 507: "Insufficient Storage"
        default: "Error"
        }
    }
}
