public import BroadsheetWire
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A client for the Broadsheet HTTP API over libcurl, used by the end-to-end tests.
///
/// One client keeps one libcurl easy handle, so consecutive requests reuse the same keep-alive
/// connection. Requests from one client run one at a time, in call order.
///
/// ```swift
/// let client = try BroadsheetClient(baseURL: "http://127.0.0.1:8080")
/// let page = try await client.documents(limit: 10)
/// let detail = try await client.document(id: page.data[0].id)
/// ```
///
/// A cancelled task's request still runs to completion or to its ``ClientRequest/timeout``.
///
/// `Sendable`: the only mutable state is the libcurl handle, confined to the private serial
/// `queue`; `curl_easy_perform` blocks on that queue (never on Swift's cooperative pool) and
/// resumes the caller's continuation when done.
public final class BroadsheetClient: Sendable {
    /// The base URL, without a trailing slash, e.g. `http://127.0.0.1:8080`.
    public let baseURL: String
    /// `scheme://host:port` of ``baseURL``.
    private let origin: String
    /// The path part of ``baseURL`` (empty or `/prefix`), put before every origin-form target.
    private let pathPrefix: String
    private let queue: DispatchQueue
    private let curl: CurlEasyHandle

    /// Creates a client for `baseURL` (`http://host:port`, optionally with a path prefix).
    ///
    /// - Throws: ``BroadsheetClientError/invalidBaseURL(_:)`` or a libcurl start-up failure.
    public init(baseURL: String) throws(BroadsheetClientError) {
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw .invalidBaseURL(baseURL)
        }
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.baseURL = trimmed
        let afterScheme = trimmed.index(trimmed.startIndex, offsetBy: trimmed.hasPrefix("https://") ? 8 : 7)
        if let slash = trimmed[afterScheme...].firstIndex(of: "/") {
            self.origin = String(trimmed[..<slash])
            self.pathPrefix = String(trimmed[slash...])
        } else {
            self.origin = trimmed
            self.pathPrefix = ""
        }
        self.queue = DispatchQueue(label: "broadsheet.client.curl")
        self.curl = try CurlEasyHandle()
    }

    /// Convenience: a client for `http://127.0.0.1:port`.
    public convenience init(port: Int) throws(BroadsheetClientError) {
        try self.init(baseURL: "http://127.0.0.1:\(port)")
    }

    // MARK: Raw access

    /// Sends one request and returns the response whatever its status.
    ///
    /// - Throws: ``BroadsheetClientError/transport(code:message:)`` when no response arrives,
    ///   ``BroadsheetClientError/malformedResponse(_:)`` when its head cannot be parsed.
    public func send(_ request: ClientRequest) async throws(BroadsheetClientError) -> ClientResponse {
        let url = origin + "/"
        var request = request
        if request.target.hasPrefix("/") { request.target = pathPrefix + request.target }
        let curl = self.curl
        let result: Result<ClientResponse, BroadsheetClientError> = await withCheckedContinuation { continuation in
            queue.async { [request] in
                do throws(BroadsheetClientError) {
                    continuation.resume(returning: .success(try curl.perform(request, url: url)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Sends `GET target` (the target exactly as given).
    public func get(target: String, headers: ClientHeaders = []) async throws(BroadsheetClientError) -> ClientResponse {
        try await send(ClientRequest(method: "GET", target: target, headers: headers))
    }

    // MARK: Typed access

    /// GETs `path` with `query` (percent-encoded here), checks for a 2xx status and decodes the JSON body.
    ///
    /// New endpoints are one line each: `try await get("/v1/things", query: [("q", text)])`.
    /// - Throws: ``BroadsheetClientError/problem(status:_:)`` for a non-2xx problem answer,
    ///   ``BroadsheetClientError/unexpectedStatus(status:body:)`` for any other non-2xx answer,
    ///   ``BroadsheetClientError/decoding(type:message:body:)``, or a transport error.
    public func get<T: Decodable>(
        _ path: String, query: [(String, String)] = [], as type: T.Type = T.self
    ) async throws(BroadsheetClientError) -> T {
        let response = try await send(
            ClientRequest(
                method: "GET", target: Self.target(path: path, query: query), headers: [("Accept", "application/json")])
        )
        return try Self.checked(response).decode(T.self)
    }

    /// `GET /v1/documents`: one page of document summaries.
    public func documents(
        limit: Int? = nil, offset: Int? = nil, filters: DocumentFilters = DocumentFilters()
    ) async throws(BroadsheetClientError) -> Page<DocumentSummary> {
        var query: [(String, String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let offset { query.append(("offset", String(offset))) }
        let named: [(String, String?)] = [
            ("from", filters.from), ("to", filters.to), ("publication", filters.publication), ("author", filters.author),
            ("category", filters.category), ("tag", filters.tag), ("entity", filters.entity),
            ("undated", filters.undated.map { $0 ? "true" : "false" }), ("sort", filters.sort),
        ]
        for case let (name, value?) in named { query.append((name, value)) }
        return try await get("/v1/documents", query: query)
    }

    /// `GET /v1/documents/{id}`: one document in full.
    public func document(id: String) async throws(BroadsheetClientError) -> DocumentDetail {
        try await get("/v1/documents/" + Self.percentEncode(id))
    }

    /// `GET /v1/corpus`: what was loaded and what was skipped.
    public func corpus() async throws(BroadsheetClientError) -> CorpusReport {
        try await get("/v1/corpus")
    }

    /// `GET /healthz`: the status code (200 when the process is alive).
    public func health() async throws(BroadsheetClientError) -> Int {
        try await get(target: "/healthz").status
    }

    /// `GET /readyz`: the status code (200 once the corpus is loaded and indexed, 503 before).
    public func ready() async throws(BroadsheetClientError) -> Int {
        try await get(target: "/readyz").status
    }

    /// Polls `GET /readyz` until it answers 200 or `timeout` passes.
    ///
    /// - Returns: true when the server became ready in time.
    public func waitUntilReady(timeout: Duration = .seconds(30), interval: Duration = .milliseconds(50)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = try? await send(ClientRequest(target: "/readyz", timeout: 2, connectTimeout: 1)).status,
                status == 200
            {
                return true
            }
            do { try await Task.sleep(for: interval) } catch { return false }
        }
        return false
    }

    /// `GET /metrics`: the Prometheus text exposition.
    public func metrics() async throws(BroadsheetClientError) -> String {
        try Self.checked(await get(target: "/metrics")).bodyText
    }

    // MARK: Helpers

    /// Returns `response` when its status is 2xx; otherwise throws the problem it carries.
    ///
    /// - Throws: ``BroadsheetClientError/problem(status:_:)`` when the body decodes as a problem,
    ///   else ``BroadsheetClientError/unexpectedStatus(status:body:)``.
    public static func checked(_ response: ClientResponse) throws(BroadsheetClientError) -> ClientResponse {
        guard !(200..<300).contains(response.status) else { return response }
        if let problem = try? JSONDecoder().decode(ProblemBody.self, from: Data(response.body)) {
            throw .problem(status: response.status, problem)
        }
        throw .unexpectedStatus(status: response.status, body: response.bodyText)
    }

    /// Builds `path?name=value&...`, percent-encoding names and values (RFC 3986 unreserved kept).
    public static func target(path: String, query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        let pairs = query.map { percentEncode($0.0) + "=" + percentEncode($0.1) }
        return path + "?" + pairs.joined(separator: "&")
    }

    /// Percent-encodes every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`).
    public static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return out
    }
}
