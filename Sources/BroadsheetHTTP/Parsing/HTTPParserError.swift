/// Why a request could not be parsed. Each case maps to the status the server answers with
/// (``status``) and a problem document (``problem``); after any of them the connection is closed.
///
/// ```swift
/// #expect(throws: HTTPParserError.bareLineFeed) { try parse("GET / HTTP/1.1\nHost: a\r\n\r\n") }
/// ```
public enum HTTPParserError: Error, Sendable, Hashable, CaseIterable {
    /// The request line is not `method SP request-target SP HTTP-version` (RFC 9112 §3). `400`.
    case invalidRequestLine
    /// The method is not a token (RFC 9110 §9.1). `400`.
    case invalidMethod
    /// The method is a valid token the server does not implement (``HTTPMethod/implemented``). `501`.
    case methodNotImplemented
    /// The request-target holds spaces, control or non-ASCII bytes, or is not in a supported form (RFC 9112 §3.2). `400`.
    case invalidTarget
    /// The path or query holds a bad `%` escape, an encoded NUL, or invalid UTF-8 (RFC 3986 §2.1). `400`.
    case invalidPercentEncoding
    /// The version is not `HTTP/DIGIT.DIGIT` (RFC 9112 §2.3). `400`.
    case invalidVersion
    /// A well-formed version other than HTTP/1.0 or HTTP/1.1. `505`.
    case versionNotSupported
    /// The request line exceeds ``HTTPRequestParser/Limits/maxRequestLineLength``. `414`.
    case requestLineTooLong
    /// The header section exceeds ``HTTPRequestParser/Limits/maxHeaderSectionSize`` or
    /// ``HTTPRequestParser/Limits/maxHeaderCount``. `431`.
    case headerSectionTooLarge
    /// A line ends in LF without CR where CRLF is required (RFC 9112 §2.2: we reject rather than tolerate). `400`.
    case bareLineFeed
    /// A header line starts with whitespace: obsolete line folding (RFC 9112 §5.2). `400`.
    case obsoleteLineFolding
    /// A header name is empty, not a token, or followed by whitespace before the colon (RFC 9112 §5.1). `400`.
    case invalidHeaderName
    /// A header value holds a control character (RFC 9110 §5.5). `400`.
    case invalidHeaderValue
    /// An HTTP/1.1 request without exactly one `Host` header (RFC 9112 §3.2). `400`.
    case invalidHost
    /// Both `Content-Length` and `Transfer-Encoding` (RFC 9112 §6.1: a request smuggling signal). `400`.
    case contentLengthWithTransferEncoding
    /// A `Content-Length` that is not a decimal number (RFC 9110 §8.6). `400`.
    case invalidContentLength
    /// Several `Content-Length` values that differ (RFC 9112 §6.3). `400`.
    case conflictingContentLength
    /// A `Transfer-Encoding` other than exactly `chunked`. `400`.
    case unsupportedTransferEncoding
    /// A malformed chunk-size line or chunk terminator (RFC 9112 §7.1). `400`.
    case invalidChunk
    /// The body exceeds ``HTTPRequestParser/Limits/maxBodySize``. `413`.
    case contentTooLarge
    /// An `Expect` value other than `100-continue` (RFC 9110 §10.1.1). `417`.
    case unsupportedExpectation

    /// The status the server answers this error with.
    public var status: HTTPStatus {
        switch self {
        case .methodNotImplemented: .notImplemented
        case .versionNotSupported: .httpVersionNotSupported
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge: .requestHeaderFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        case .unsupportedExpectation: .expectationFailed
        default: .badRequest
        }
    }

    /// A human-readable explanation, used as the problem's `detail`.
    public var detail: String {
        switch self {
        case .invalidRequestLine: "The request line is malformed."
        case .invalidMethod: "The request method is not a valid token."
        case .methodNotImplemented: "The request method is not implemented by this server."
        case .invalidTarget: "The request target is malformed."
        case .invalidPercentEncoding: "The request target holds an invalid percent-encoding."
        case .invalidVersion: "The HTTP version is malformed."
        case .versionNotSupported: "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .requestLineTooLong: "The request line is too long."
        case .headerSectionTooLarge: "The request header section is too large."
        case .bareLineFeed: "A line ended in a bare LF where CRLF is required."
        case .obsoleteLineFolding: "Obsolete header line folding is not accepted."
        case .invalidHeaderName: "A header field name is invalid."
        case .invalidHeaderValue: "A header field value holds a control character."
        case .invalidHost: "An HTTP/1.1 request needs exactly one Host header."
        case .contentLengthWithTransferEncoding: "Content-Length and Transfer-Encoding must not both be sent."
        case .invalidContentLength: "The Content-Length is invalid."
        case .conflictingContentLength: "The Content-Length values conflict."
        case .unsupportedTransferEncoding: "Only the chunked transfer coding is supported."
        case .invalidChunk: "The chunked body is malformed."
        case .contentTooLarge: "The request body is too large."
        case .unsupportedExpectation: "Only the 100-continue expectation is supported."
        }
    }

    /// The RFC 9457 problem document the server sends for this error.
    public var problem: ProblemDetails {
        let kind: ProblemDetails.Kind =
            switch self {
            case .methodNotImplemented: .notImplemented
            case .versionNotSupported: .versionNotSupported
            case .requestLineTooLong: .uriTooLong
            case .headerSectionTooLarge: .headersTooLarge
            case .contentTooLarge: .contentTooLarge
            case .unsupportedExpectation: .expectationFailed
            default: .badRequest
            }
        return ProblemDetails(kind, status: status, detail: detail)
    }
}
