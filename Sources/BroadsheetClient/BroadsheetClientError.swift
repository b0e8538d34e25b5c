/// Everything that can go wrong in a ``BroadsheetClient`` call.
public enum BroadsheetClientError: Error, Sendable, CustomStringConvertible {
    /// The base URL is not `http://host:port` (optionally with a path prefix).
    case invalidBaseURL(String)
    /// libcurl failed before a response arrived (connect refused, timeout, ...).
    case transport(code: Int, message: String)
    /// The response head could not be parsed.
    case malformedResponse(String)
    /// The server answered non-2xx with an RFC 9457 problem body.
    case problem(status: Int, ProblemBody)
    /// The server answered non-2xx without a decodable problem body.
    case unexpectedStatus(status: Int, body: String)
    /// A 2xx body did not decode as the expected type.
    case decoding(type: String, message: String, body: String)
    /// zlib could not compress or decompress.
    case gzip(String)
    /// A POSIX socket call of ``RawHTTPConnection`` failed.
    case socket(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .invalidBaseURL(let url): "invalid base URL \(url)"
        case .transport(let code, let message): "transport error \(code): \(message)"
        case .malformedResponse(let text): "malformed response: \(text)"
        case .problem(let status, let body): "HTTP \(status): \(body.title ?? "") \(body.detail ?? "")"
        case .unexpectedStatus(let status, let body): "HTTP \(status): \(body.prefix(200))"
        case .decoding(let type, let message, let body): "cannot decode \(type): \(message) in \(body.prefix(200))"
        case .gzip(let message): "gzip: \(message)"
        case .socket(let call, let errno): "\(call) failed (errno \(errno))"
        }
    }
}

/// An RFC 9457 problem details body (`application/problem+json`). Every member is optional so that
/// a test can check what is missing.
public struct ProblemBody: Decodable, Sendable, Hashable {
    /// A URI reference naming the problem type.
    public var type: String?
    /// A short summary of the problem type.
    public var title: String?
    /// The HTTP status code the server meant.
    public var status: Int?
    /// An explanation specific to this occurrence.
    public var detail: String?
    /// A URI reference naming this occurrence.
    public var instance: String?
    /// Extension member: the query or path parameter at fault, when there is one.
    public var parameter: String?

    /// Creates a problem body.
    public init(
        type: String? = nil, title: String? = nil, status: Int? = nil, detail: String? = nil,
        instance: String? = nil, parameter: String? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.parameter = parameter
    }
}
