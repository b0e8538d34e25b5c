#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension HTTPResponse {
    /// A JSON response: `value` encoded with sorted keys and unescaped slashes,
    /// `Content-Type: application/json; charset=utf-8`.
    /// - Throws: the encoder's error (which ``ErrorMapper`` turns into a `500`).
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) throws
        -> HTTPResponse
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var h = headers
        h.set("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: h, body: Array(try encoder.encode(value)))
    }
}
