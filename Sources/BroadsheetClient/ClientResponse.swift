#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A complete HTTP response as received by ``BroadsheetClient`` or ``RawHTTPConnection``.
public struct ClientResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The reason phrase from the status line.
    public var reason: String
    /// The HTTP version from the status line, e.g. `"1.1"`.
    public var httpVersion: String
    /// Every header field, in order, duplicates kept.
    public var headers: ClientHeaders
    /// The body exactly as received (not decompressed; chunked framing removed).
    public var body: [UInt8]
    /// How the transfer used the connection (`nil` for ``RawHTTPConnection`` responses).
    public var connection: ConnectionInfo?

    /// Creates a response.
    public init(
        status: Int, reason: String = "", httpVersion: String = "1.1", headers: ClientHeaders = [],
        body: [UInt8] = [], connection: ConnectionInfo? = nil
    ) {
        self.status = status
        self.reason = reason
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        self.connection = connection
    }

    /// The body decoded as UTF-8 (invalid sequences repaired).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The `Content-Type` header, if any.
    public var contentType: String? { headers["Content-Type"] }

    /// The body decoded as an RFC 9457 problem, or `nil` when it is not one.
    public var problem: ProblemBody? {
        try? JSONDecoder().decode(ProblemBody.self, from: Data(body))
    }

    /// Decodes the body as JSON.
    ///
    /// - Throws: ``BroadsheetClientError/decoding(type:message:body:)``.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(BroadsheetClientError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw .decoding(type: String(describing: T.self), message: String(describing: error), body: bodyText)
        }
    }
}

/// What libcurl reports about the connection a transfer used.
public struct ConnectionInfo: Sendable, Hashable {
    /// How many new connections the transfer opened (`CURLINFO_NUM_CONNECTS`); 0 means one was reused.
    public var newConnections: Int
    /// The local port of the connection (`CURLINFO_LOCAL_PORT`): equal ports on consecutive
    /// transfers mean the same TCP connection.
    public var localPort: Int

    /// Whether the transfer reused an open connection.
    public var reused: Bool { newConnections == 0 }

    /// Creates connection info.
    public init(newConnections: Int, localPort: Int) {
        self.newConnections = newConnections
        self.localPort = localPort
    }
}
