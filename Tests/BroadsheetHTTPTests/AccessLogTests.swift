import Logging
import Testing

@testable import BroadsheetHTTP

struct AccessLogTests {
    @Test func saneClientIDIsEchoedAndSeenInside() {
        let app = ClosureResponder { request in
            HTTPResponse(status: .ok, headers: ["X-Inner": request.headers["X-Request-Id"] ?? "none"])
        }.wrapped(in: [RequestIDMiddleware()])
        let id = "0f8b3a6e-1c2d-4e5f-9a8b-7c6d5e4f3a2b"
        let response = app.respond(to: FeatureFixtures.request(.get, "/", headers: ["X-Request-Id": id]))
        #expect(response.headers["X-Request-Id"] == id)
        #expect(response.headers["X-Inner"] == id)
    }

    @Test(
        arguments: [
            nil, "", "has space", "quote\"", "new\nline", "semi;colon", String(repeating: "a", count: 129), "ünïcode",
        ] as [String?])
    func missingOrUnsafeIDIsReplaced(sent: String?) {
        let app = FeatureFixtures.fixed("{}").wrapped(in: [RequestIDMiddleware()])
        var headers: HTTPHeaders = [:]
        if let sent { headers.set("X-Request-Id", sent) }
        let response = app.respond(to: FeatureFixtures.request(.get, "/", headers: headers))
        let id = response.headers["X-Request-Id"] ?? ""
        #expect(id != sent)
        #expect(id.utf8.count == 16)
        #expect(id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) })
        #expect(response.headers.values(for: "X-Request-Id").count == 1)
    }

    @Test func longestSaneIDIsKept() {
        #expect(RequestIDMiddleware.isSane(String(repeating: "a", count: 128)))
        #expect(RequestIDMiddleware.isSane("trace:abc/DEF+g=="))
    }

    @Test func generatedIDsDiffer() {
        let ids = Set((0..<1000).map { _ in RequestIDMiddleware.generate() })
        #expect(ids.count == 1000)
    }

    @Test func oneInfoLinePerRequestWithFields() throws {
        let (logger, store) = RecordingLogHandler.logger()
        let app = FeatureFixtures.fixed(#"{"ok":true}"#).wrapped(in: [
            RequestIDMiddleware(), AccessLogMiddleware(logger: logger),
        ])
        let response = app.respond(
            to: FeatureFixtures.request(.get, "/v1/documents/x?limit=5", headers: ["X-Request-Id": "abc-123"]))
        let records = store.all
        try #require(records.count == 1)
        let record = records[0]
        #expect(record.level == .info)
        #expect(record.message == "GET /v1/documents/x 200")
        #expect(record.metadata["method"] == "GET")
        #expect(record.metadata["path"] == "/v1/documents/x")
        #expect(record.metadata["status"] == "200")
        #expect(record.metadata["bytes"] == "\(response.body.count)")
        #expect(record.metadata["request_id"] == "abc-123")
        let duration = try #require(record.metadata["duration_ms"]?.description)
        let ms = try #require(Double(duration))
        #expect(ms >= 0)
        #expect(duration.split(separator: ".").last?.count == 3)
    }

    @Test func logsGeneratedIDAndErrorStatus() throws {
        let (logger, store) = RecordingLogHandler.logger()
        let app = RoutingResponder(router: Router<TestEndpoint>.sample) { _ in HTTPResponse() }
            .wrapped(in: [RequestIDMiddleware(), AccessLogMiddleware(logger: logger)])
        let response = app.respond(to: FeatureFixtures.request(.get, "/missing"))
        let record = try #require(store.all.first)
        #expect(record.metadata["status"] == "404")
        #expect(record.metadata["request_id"]?.description == response.headers["X-Request-Id"])
    }

    @Test(arguments: [(0.0, "0.000"), (1.5, "1.500"), (12.3456, "12.346"), (1000.0004, "1000.000")])
    func durationFormat(ms: Double, text: String) {
        #expect(AccessLogMiddleware.format(ms) == text)
    }
}
