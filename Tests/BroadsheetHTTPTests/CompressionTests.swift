import Testing

@testable import BroadsheetHTTP

struct CompressionTests {
    let big = FeatureFixtures.bigJSON(5000)

    func respond(
        acceptEncoding: String?, body: String? = nil, contentType: String = "application/json; charset=utf-8",
        headers: HTTPHeaders = [:], method: HTTPMethod = .get
    ) -> HTTPResponse {
        let app = FeatureFixtures.fixed(body ?? big, contentType: contentType, headers: headers)
            .wrapped(in: [CompressionMiddleware()])
        var requestHeaders: HTTPHeaders = [:]
        if let acceptEncoding { requestHeaders.set("Accept-Encoding", acceptEncoding) }
        return app.respond(to: FeatureFixtures.request(method, "/x", headers: requestHeaders))
    }

    @Test(arguments: [
        ("gzip", true), ("gzip, deflate, br", true), ("GZIP", true), ("x-gzip", true), ("*", true),
        ("deflate, *;q=0.5", true),
        ("gzip;q=0", false), ("gzip; q=0.0", false), ("gzip;q=0, *", false), ("deflate, br", false),
        ("identity", false),
        ("", false), ("gzip;q=0.5, identity;q=1", false), ("gzip;q=1, identity;q=0.5", true), ("*;q=0", false),
        ("gzip;q=abc", false),
    ])
    func negotiation(acceptEncoding: String, compressed: Bool) {
        let response = respond(acceptEncoding: acceptEncoding)
        #expect((response.headers["Content-Encoding"] == "gzip") == compressed)
        #expect(response.headers["Vary"] == "Accept-Encoding")
        if compressed {
            #expect(response.body.count < big.utf8.count)
            #expect(Array(response.body.prefix(2)) == [0x1f, 0x8b])
            #expect(Gzip.decompress(response.body) == Array(big.utf8))
        } else {
            #expect(response.body == Array(big.utf8))
        }
    }

    @Test func noAcceptEncodingMeansIdentityButStillVary() {
        let response = respond(acceptEncoding: nil)
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == "Accept-Encoding")
    }

    @Test func smallBodiesAreNotCompressed() {
        let response = respond(acceptEncoding: "gzip", body: #"{"a":1}"#)
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == nil)
        #expect(response.body == Array(#"{"a":1}"#.utf8))
    }

    @Test(arguments: ["image/png", "application/octet-stream", "application/gzip"])
    func binaryTypesAreNotCompressed(type: String) {
        let response = respond(acceptEncoding: "gzip", contentType: type)
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == nil)
    }

    @Test(arguments: [
        "text/plain; version=0.0.4; charset=utf-8", "application/problem+json", "text/html", "image/svg+xml",
    ])
    func textualTypesAreCompressed(type: String) {
        let response = respond(acceptEncoding: "gzip", contentType: type)
        #expect(response.headers["Content-Encoding"] == "gzip")
    }

    @Test func alreadyEncodedIsLeftAlone() {
        let response = respond(acceptEncoding: "gzip", headers: ["Content-Encoding": "br"])
        #expect(response.headers["Content-Encoding"] == "br")
        #expect(response.body == Array(big.utf8))
    }

    @Test func handlerETagGetsGzSuffix() {
        let strong = respond(acceptEncoding: "gzip", headers: ["ETag": "\"v7\""])
        #expect(strong.headers["ETag"] == "\"v7-gz\"")
        let identity = respond(acceptEncoding: "identity", headers: ["ETag": "\"v7\""])
        #expect(identity.headers["ETag"] == "\"v7\"")
    }

    @Test func noContentAndNotModifiedAreNotTouched() {
        for status in [HTTPStatus.noContent, .notModified] {
            let app = ClosureResponder { _ in
                HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: [])
            }.wrapped(in: [CompressionMiddleware(minimumSize: 0)])
            let response = app.respond(
                to: FeatureFixtures.request(.get, "/x", headers: ["Accept-Encoding": "gzip"]))
            #expect(response.headers["Content-Encoding"] == nil)
            #expect(response.headers["Vary"] == nil)
        }
    }

    /// Random bytes over the whole range 0–255 do not shrink under gzip, so the body must stay identity,
    /// byte for byte, while `Vary` still says that the representation depends on `Accept-Encoding`.
    @Test func incompressibleBodyStaysIdentity() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // The premise: gzip makes these bytes no smaller.
        #expect(try #require(Gzip.compress(noise)).count >= noise.count)
        let app = ClosureResponder { _ in HTTPResponse(headers: ["Content-Type": "text/plain"], body: noise) }
            .wrapped(in: [CompressionMiddleware()])
        let response = app.respond(to: FeatureFixtures.request(.get, "/x", headers: ["Accept-Encoding": "gzip"]))
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == "Accept-Encoding")
        #expect(response.body == noise)
    }

    @Test func gzipRoundTripAndDeterminism() throws {
        let input = Array(big.utf8)
        let a = try #require(Gzip.compress(input))
        let b = try #require(Gzip.compress(input))
        #expect(a == b)
        #expect(Gzip.decompress(a) == input)
        #expect(Gzip.decompress(Array(a.dropLast(10))) == nil)
        #expect(Gzip.decompress([1, 2, 3, 4]) == nil)
        #expect(Gzip.decompress(Gzip.compress([])!) == [])
        #expect(Gzip.decompress(a, limit: 100) == nil)
    }
}
