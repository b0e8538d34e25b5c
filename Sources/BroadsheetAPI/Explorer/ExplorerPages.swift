import BroadsheetHTTP

/// Answers for the explorer's routes: its page at `/` and its files at `/ui/{file}`.
///
/// The page is `no-cache` (revalidated with its `ETag`, so a new server version is picked up at
/// once); a file asked for with the current `?v=` version is cacheable for a year (`immutable`), any
/// other request of it is `no-cache`. Every answer carries a strict `Content-Security-Policy` (scripts
/// and styles from this origin only, no inline code, no plugins, no framing) and `nosniff`.
struct ExplorerPages: Sendable {
    /// `nil`: the explorer is turned off, and its routes answer `404`.
    let assets: ExplorerAssets?

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// `GET /`: the page (whatever its query: the page reads it).
    func page() throws -> HTTPResponse {
        try file("index.html", version: nil)
    }

    /// `GET /ui/{file}`.
    func asset(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let name = try request.parameters.require("file")
        guard name != "index.html" else { throw APIError.notFound(resource: "explorer file", id: name) }
        return try file(name, version: request.query.values("v").first)
    }

    private func file(_ name: String, version: String?) throws -> HTTPResponse {
        guard let assets, let asset = assets.files[name] else { throw APIError.notFound(resource: "explorer file", id: name) }
        let cacheable = version == assets.version
        return HTTPResponse(
            headers: [
                "Content-Type": asset.contentType,
                "Cache-Control": cacheable ? "public, max-age=31536000, immutable" : "no-cache",
                "Content-Security-Policy": Self.contentSecurityPolicy,
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
            ],
            body: asset.body)
    }
}
