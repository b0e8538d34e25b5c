import BroadsheetSync
import Logging
import Testing

@testable import BroadsheetHTTP

/// An API-style error adopting ``ProblemConvertible``.
enum SampleAPIError: Error, ProblemConvertible {
    case documentNotFound(String)
    var problem: ProblemDetails {
        switch self {
        case .documentNotFound(let id): ProblemDetails(.notFound, status: .notFound, detail: "no document \(id)")
        }
    }
}

struct SampleUnexpectedError: Error {}

/// A LogHandler that keeps records in memory (shared through a locked box).
struct RecordingLogHandler: LogHandler {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    final class Store: Sendable {
        let records = Locked<[Record]>([])
        var all: [Record] { records.withLock { $0 } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let record = Record(level: event.level, message: event.message.description, metadata: merged)
        store.records.withLock { $0.append(record) }
    }

    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "test") { _ in RecordingLogHandler(store: store) }, store)
    }
}

struct RouterResponderTests {
    func app(logger: Logger = Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }) -> RoutingResponder<TestEndpoint> {
        RoutingResponder(router: .sample, errorMapper: ErrorMapper(logger: logger)) { request in
            switch request.route {
            case .getDocument:
                let id = try request.parameters.require("id")
                if id == "missing" { throw SampleAPIError.documentNotFound(id) }
                if id == "boom" { throw SampleUnexpectedError() }
                return try .json(["id": id])
            case .listDocuments:
                let page = try request.query.pagination()
                return try .json(["limit": page.limit, "offset": page.offset])
            default:
                return HTTPResponse(status: .ok)
            }
        }
    }

    @Test func handlerRuns() throws {
        let response = app().respond(to: FeatureFixtures.request(.get, "/v1/documents/abc"))
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"abc"}"#)
    }

    @Test func unknownPathIs404Problem() throws {
        let response = app().respond(to: FeatureFixtures.request(.get, "/v2/anything"))
        #expect(response.status.code == 404)
        #expect(response.headers["Content-Type"] == "application/problem+json; charset=utf-8")
        #expect(try FeatureFixtures.problem(response).type == "urn:broadsheet:problem:not-found")
    }

    @Test func wrongMethodIs405ProblemWithAllow() throws {
        let response = app().respond(to: FeatureFixtures.request(.put, "/v1/documents"))
        #expect(response.status.code == 405)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(try FeatureFixtures.problem(response).type == "urn:broadsheet:problem:method-not-allowed")
    }

    @Test func optionsIs204WithAllow() {
        let response = app().respond(to: FeatureFixtures.request(.options, "/v1/documents/x"))
        #expect(response.status.code == 204)
        #expect(response.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
        let star = app().respond(to: HTTPRequest(method: .options, target: "*", path: "*"))
        #expect(star.status.code == 204)
        #expect(star.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
        let unknown = app().respond(to: FeatureFixtures.request(.options, "/nowhere"))
        #expect(unknown.status.code == 404)
    }

    @Test func headRunsGetHandlerAndKeepsBody() {
        let response = app().respond(to: FeatureFixtures.request(.head, "/v1/documents/abc"))
        #expect(response.status.code == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"abc"}"#)
    }

    @Test func problemConvertibleErrorBecomesItsProblem() throws {
        let response = app().respond(to: FeatureFixtures.request(.get, "/v1/documents/missing"))
        #expect(response.status.code == 404)
        #expect(try FeatureFixtures.problem(response).detail == "no document missing")
    }

    @Test func otherErrorsAreGeneric500AndLogged() throws {
        let (logger, store) = RecordingLogHandler.logger()
        let response = app(logger: logger).respond(
            to: FeatureFixtures.request(.get, "/v1/documents/boom", headers: ["X-Request-Id": "req-1"]))
        #expect(response.status.code == 500)
        let problem = try FeatureFixtures.problem(response)
        #expect(problem.type == "urn:broadsheet:problem:internal-error")
        #expect(!problem.detail.contains("SampleUnexpectedError"))
        let records = store.all
        #expect(records.count == 1)
        #expect(records.first?.level == .error)
        #expect(records.first?.message.contains("SampleUnexpectedError") == true)
        #expect(records.first?.metadata["request_id"] == "req-1")
    }

    @Test(arguments: [
        ("limit=0", "limit"), ("limit=101", "limit"), ("limit=abc", "limit"), ("limit=", "limit"),
        ("offset=-1", "offset"), ("limit=5&limit=6", "limit"), ("page=2", "page"), ("limit=5&colour=red", "colour"),
        ("offset=99999999999999999999", "offset"),
    ])
    func badQueryIs400NamingParameter(query: String, parameter: String) throws {
        let response = app().respond(to: FeatureFixtures.request(.get, "/v1/documents?\(query)"))
        #expect(response.status.code == 400)
        let problem = try FeatureFixtures.problem(response)
        #expect(problem.type == "urn:broadsheet:problem:invalid-parameter")
        #expect(problem.parameter == parameter)
        #expect(problem.detail.contains("'\(parameter)'"))
    }

    @Test func routeWithoutDeclaredQueryRejectsAnyQuery() throws {
        let response = app().respond(to: FeatureFixtures.request(.get, "/v1/documents/abc?x=1"))
        #expect(response.status.code == 400)
        #expect(try FeatureFixtures.problem(response).parameter == "x")
    }

    @Test func goodQueryPasses() {
        let response = app().respond(to: FeatureFixtures.request(.get, "/v1/documents?limit=100&offset=40"))
        #expect(response.status.code == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"limit":100,"offset":40}"#)
        let defaults = app().respond(to: FeatureFixtures.request(.get, "/v1/documents"))
        #expect(String(decoding: defaults.body, as: UTF8.self) == #"{"limit":20,"offset":0}"#)
    }
}
