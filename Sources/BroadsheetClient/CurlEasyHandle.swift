internal import CCurl

/// `curl_global_init` must run once before any other libcurl call, and it is not thread-safe:
/// a global `let` is initialised lazily and exactly once (Swift uses `swift_once`).
private let curlGlobalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// One libcurl easy handle, reused for consecutive transfers so that its connection cache keeps
/// the TCP connection alive between requests.
///
/// Invariant behind `@unchecked Sendable`: a `CurlEasyHandle` is touched only from the serial
/// `DispatchQueue` of the ``BroadsheetClient`` that owns it (``perform(_:url:)`` runs there), and
/// `deinit` runs only after the last closure holding it has finished.
final class CurlEasyHandle: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    /// Creates the handle.
    /// - Throws: ``BroadsheetClientError/transport(code:message:)`` when libcurl cannot start.
    init() throws(BroadsheetClientError) {
        guard curlGlobalInitResult == CURLE_OK else {
            throw .transport(code: Int(curlGlobalInitResult.rawValue), message: "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else {
            throw .transport(code: -1, message: "curl_easy_init returned NULL")
        }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Runs one blocking transfer. Call only on the owning client's queue.
    ///
    /// `curl_easy_reset` clears the previous request's options but keeps live connections, so a
    /// second transfer to the same host reuses the connection when the server kept it open.
    func perform(_ request: ClientRequest, url: String) throws(BroadsheetClientError) -> ClientResponse {
        curl_easy_reset(handle)
        let state = TransferState(body: request.body ?? [])
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        _ = broadsheet_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = broadsheet_curl_setopt_string(handle, CURLOPT_URL, url)
        // Send the target byte for byte: no dot-segment removal, no re-encoding.
        _ = broadsheet_curl_setopt_string(handle, CURLOPT_REQUEST_TARGET, request.target)
        _ = broadsheet_curl_setopt_long(handle, CURLOPT_PATH_AS_IS, 1)
        _ = broadsheet_curl_setopt_long(
            handle, CURLOPT_HTTP_VERSION,
            request.httpVersion == .http1_0 ? CURL_HTTP_VERSION_1_0 : CURL_HTTP_VERSION_1_1)
        _ = broadsheet_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(request.timeout * 1000))
        _ = broadsheet_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeout * 1000))
        _ = broadsheet_curl_setopt_long(handle, CURLOPT_HTTP_CONTENT_DECODING, 0)
        _ = broadsheet_curl_setopt_long(handle, CURLOPT_HTTP_TRANSFER_DECODING, 1)
        _ = broadsheet_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)

        let method = request.method
        if method == "HEAD" {
            _ = broadsheet_curl_setopt_long(handle, CURLOPT_NOBODY, 1)
        } else if method != "GET" || request.body != nil {
            _ = broadsheet_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        }

        var headerLines = request.headers.map { field in
            field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
        }
        headerLines += request.suppressedHeaders.map { "\($0):" }
        if request.acceptGzip && !request.headers.contains("Accept-Encoding") {
            headerLines.append("Accept-Encoding: gzip")
        }

        if request.body != nil {
            // A body goes out through the read callback whatever the method is (POST machinery with
            // CUSTOMREQUEST overriding the method name).
            _ = broadsheet_curl_setopt_long(handle, CURLOPT_POST, 1)
            _ = broadsheet_curl_setopt_readfunction(handle, curlReadCallback)
            _ = broadsheet_curl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(state).toOpaque())
            switch request.bodyFraming {
            case .contentLength:
                _ = broadsheet_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(state.upload.count))
            case .chunked:
                if !request.headers.contains("Transfer-Encoding") {
                    headerLines.append("Transfer-Encoding: chunked")
                }
            }
            if !request.headers.contains("Expect") {
                headerLines.append("Expect:")  // no 100-continue round trip
            }
            if !request.headers.contains("Content-Type") {
                headerLines.append("Content-Type:")  // libcurl's form default would be a lie
            }
        }
        for line in headerLines {
            headerList = curl_slist_append(headerList, line)
        }
        if let headerList {
            _ = broadsheet_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
        }

        _ = broadsheet_curl_setopt_writefunction(handle, curlWriteCallback)
        _ = broadsheet_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(state).toOpaque())
        _ = broadsheet_curl_setopt_headerfunction(handle, curlHeaderCallback)
        _ = broadsheet_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(state).toOpaque())

        let code = withExtendedLifetime(state) { curl_easy_perform(handle) }
        guard code == CURLE_OK else {
            throw .transport(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)))
        }

        let head: ResponseHead
        do {
            head = try ResponseHead.parse(lines: state.headLines)
        } catch {
            throw .malformedResponse(String(describing: error))
        }
        var connects = 0
        var localPort = 0
        _ = broadsheet_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        _ = broadsheet_curl_getinfo_long(handle, CURLINFO_LOCAL_PORT, &localPort)
        return ClientResponse(
            status: head.status, reason: head.reason, httpVersion: head.httpVersion, headers: head.headers,
            body: state.received, connection: ConnectionInfo(newConnections: connects, localPort: localPort))
    }
}

/// Mutable buffers of one transfer, reached from libcurl's C callbacks through their `userdata`
/// pointer. Used only on the owning queue during one `curl_easy_perform`.
private final class TransferState {
    let upload: [UInt8]
    var uploadOffset = 0
    var received: [UInt8] = []
    /// Lines of the latest response head; an interim (1xx) head is replaced by the final one.
    var headLines: [String] = []

    init(body: [UInt8]) {
        self.upload = body
    }
}

private func curlWriteCallback(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        state.received.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }
    return length
}

private func curlHeaderCallback(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    let line = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        state.headLines = []  // a new head starts (after a 1xx interim response)
    }
    state.headLines.append(line)
    return length
}

private func curlReadCallback(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let room = size * count
    let remaining = state.upload.count - state.uploadOffset
    let length = min(room, remaining)
    if length > 0 {
        state.upload.withUnsafeBufferPointer { source in
            buffer.withMemoryRebound(to: UInt8.self, capacity: room) { target in
                target.update(from: source.baseAddress! + state.uploadOffset, count: length)
            }
        }
        state.uploadOffset += length
    }
    return length
}
