/// One HTTP request for ``BroadsheetClient/send(_:)``, sent as literally as libcurl allows.
///
/// ```swift
/// var request = ClientRequest(method: "GET", target: "/v1/documents?limit=2")
/// request.headers.add("Accept", "application/json")
/// let response = try await client.send(request)
/// ```
public struct ClientRequest: Sendable {
    /// The HTTP version to speak.
    public enum HTTPVersion: Sendable, Hashable {
        /// HTTP/1.0 (no persistent connection unless the server offers one).
        case http1_0
        /// HTTP/1.1 (the default).
        case http1_1
    }

    /// How a request body is framed (RFC 9112 §6).
    public enum BodyFraming: Sendable, Hashable {
        /// A `Content-Length` header with the exact byte count (the default).
        case contentLength
        /// `Transfer-Encoding: chunked` (HTTP/1.1 only).
        case chunked
    }

    /// The method token, sent verbatim: `GET`, `HEAD`, `OPTIONS`, `DELETE`, or any other token.
    public var method: String
    /// The request target (path and query), sent exactly as given, without normalisation or re-encoding.
    public var target: String
    /// Header fields to send, in order. libcurl adds `Host` and `Accept: */*` unless these name them;
    /// an empty value sends an empty field.
    public var headers: ClientHeaders
    /// Names of headers libcurl would add by itself (such as `Host`, `Accept`, `User-Agent`) to leave out.
    public var suppressedHeaders: [String]
    /// The body bytes, or `nil` for none.
    public var body: [UInt8]?
    /// How ``body`` is framed.
    public var bodyFraming: BodyFraming
    /// When true, sends `Accept-Encoding: gzip` and returns the body exactly as received (still
    /// compressed if the server compressed it): decode it with ``BroadsheetClient/gunzip(_:)``.
    public var acceptGzip: Bool
    /// The HTTP version to use.
    public var httpVersion: HTTPVersion
    /// The whole-transfer timeout in seconds. Default: 10.
    public var timeout: Double
    /// The connect timeout in seconds. Default: 5.
    public var connectTimeout: Double

    /// Creates a request.
    public init(
        method: String = "GET",
        target: String,
        headers: ClientHeaders = [],
        suppressedHeaders: [String] = [],
        body: [UInt8]? = nil,
        bodyFraming: BodyFraming = .contentLength,
        acceptGzip: Bool = false,
        httpVersion: HTTPVersion = .http1_1,
        timeout: Double = 10,
        connectTimeout: Double = 5
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.suppressedHeaders = suppressedHeaders
        self.body = body
        self.bodyFraming = bodyFraming
        self.acceptGzip = acceptGzip
        self.httpVersion = httpVersion
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}
