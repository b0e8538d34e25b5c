import Testing

@testable import BroadsheetHTTP

/// A route enum like the API layer's `Endpoint`.
enum TestEndpoint: Sendable, Hashable {
    case listDocuments, getDocument, deleteDocument, searchDocuments, getEntity, root, files, year
}

extension Router where Route == TestEndpoint {
    static var sample: Router<TestEndpoint> {
        var router = Router<TestEndpoint>()
        router.add(.get, "/", .root)
        router.add(.get, "/v1/documents", .listDocuments, query: ["limit", "offset", "sort"])
        router.add(.get, "/v1/documents/{id}", .getDocument)
        router.add(.delete, "/v1/documents/{id}", .deleteDocument)
        router.add(.get, "/v1/documents/search", .searchDocuments, query: ["q"])
        router.add(.get, "/v1/entities/{type}/{key}", .getEntity)
        router.add(.get, "/v1/years/{year:int}", .year)
        router.add(.get, "/files/*", .files)
        return router
    }
}

struct RouterTests {
    let router = Router<TestEndpoint>.sample

    @Test(arguments: [
        ("/", TestEndpoint.root, "/"),
        ("/v1/documents", .listDocuments, "/v1/documents"),
        ("/v1/documents/abc", .getDocument, "/v1/documents/{id}"),
        ("/v1/documents/search", .searchDocuments, "/v1/documents/search"),
        ("/v1/entities/person/jane-doe", .getEntity, "/v1/entities/{type}/{key}"),
        ("/v1/years/2024", .year, "/v1/years/{year:int}"),
        ("/files/a/b/c.txt", .files, "/files/*"),
        ("/files/", .files, "/files/*"),
    ])
    func matchesRouteAndPattern(path: String, route: TestEndpoint, pattern: String) throws {
        let match = try router.match(method: .get, path: path)
        #expect(match.route == route)
        #expect(match.pattern == pattern)
    }

    @Test func capturesArePercentDecodedAfterSplitting() throws {
        let match = try router.match(method: .get, path: "/v1/documents/a%2Fb%20c%C3%A9")
        #expect(match.parameters["id"] == "a/b cé")
        let plus = try router.match(method: .get, path: "/v1/documents/a+b")
        #expect(plus.parameters["id"] == "a+b")
        let files = try router.match(method: .get, path: "/files/x/y%2Fz")
        #expect(files.parameters["*"] == "x/y/z")
    }

    @Test(arguments: ["/v1/documents/%zz", "/v1/documents/%4", "/v1/documents/%FF"])
    func malformedEscapesAreBadRequests(path: String) {
        #expect(throws: HTTPError.self) { try router.match(method: .get, path: path) }
        do {
            _ = try router.match(method: .get, path: path)
        } catch {
            #expect(error.status == .badRequest)
        }
    }

    @Test(arguments: [
        "/nope", "/v1", "/v1/documents/", "/v1/documents//", "/v1/documents//x", "/v1/documents/a/b",
        "/v1/years/20x4", "/v1/entities/person", "/v1/entities/person/", "//",
    ])
    func unknownPathsAre404(path: String) throws {
        do {
            _ = try router.match(method: .get, path: path)
            Issue.record("\(path) matched")
        } catch {
            #expect(error.status == .notFound)
            #expect(error.problem.type == "urn:broadsheet:problem:not-found")
        }
    }

    @Test func trailingSlashIs404NamingTheCanonicalPath() {
        do {
            _ = try router.match(method: .get, path: "/v1/documents/")
            Issue.record("matched")
        } catch {
            #expect(error.status == .notFound)
            #expect(error.detail.contains("use /v1/documents"))
        }
    }

    @Test func wrongMethodIs405WithAllow() {
        do {
            _ = try router.match(method: .post, path: "/v1/documents/abc")
            Issue.record("matched")
        } catch {
            #expect(error.status == .methodNotAllowed)
            #expect(error.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
            #expect(error.problemResponse.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
            #expect(error.problemResponse.status.code == 405)
        }
    }

    @Test func literalBeatsCaptureSoSearchRouteDoesNotAllowDelete() {
        #expect(router.allowedMethods(path: "/v1/documents/search") == [.get, .head, .options])
        #expect(throws: HTTPError.self) { try router.match(method: .delete, path: "/v1/documents/search") }
    }

    @Test func headFallsBackToGet() throws {
        let match = try router.match(method: .head, path: "/v1/documents/x")
        #expect(match.route == .getDocument)
        #expect(match.method == .get)
    }

    @Test func allowedMethodsAndPatternForMetrics() {
        #expect(router.allowedMethods(path: "/v1/documents/x") == [.get, .head, .delete, .options])
        #expect(router.allowedMethods(path: "/nowhere") == nil)
        #expect(router.pattern(path: "/v1/documents/x") == "/v1/documents/{id}")
        #expect(router.pattern(path: "/nowhere") == nil)
        #expect(router.allMethods == [.get, .head, .delete, .options])
    }

    @Test(arguments: [
        ("v1/x", RoutePattern.Error.mustStartWithSlash),
        ("/v1/", .trailingSlash),
        ("/v1//x", .emptySegment),
        ("/v1/{}", .invalidCapture("{}")),
        ("/v1/{id", .invalidCapture("{id")),
        ("/v1/{id:float}", .invalidCapture("{id:float}")),
        ("/v1/{id}/{id}", .duplicateCapture("id")),
        ("/v1/*/x", .wildcardNotLast),
    ])
    func malformedPatternsAreRejected(pattern: String, expected: RoutePattern.Error) {
        #expect(throws: expected) { try RoutePattern(pattern) }
    }

    @Test func patternComponents() throws {
        let pattern = try RoutePattern("/v1/{type}/{n:int}/*")
        #expect(
            pattern.components == [
                .literal("v1"), .capture(name: "type", type: .string), .capture(name: "n", type: .int), .wildcard,
            ])
        #expect(pattern.match(["v1", "a", "12"]) == ["type": "a", "n": "12", "*": ""])
        #expect(pattern.match(["v1", "a", "x"]) == nil)
        #expect(pattern.match(["v1", "", "1"]) == nil)
    }

    @Test func rawPathComesFromTheTarget() {
        #expect(HTTPRequest(method: .get, target: "/a%2Fb?x=1", path: "/a/b").rawPath == "/a%2Fb")
        #expect(HTTPRequest(method: .get, target: "http://h:80/p/q?x", path: "/p/q").rawPath == "/p/q")
        #expect(HTTPRequest(method: .get, target: "http://h", path: "/").rawPath == "/")
        #expect(HTTPRequest(method: .options, target: "*", path: "*").rawPath == "*")
    }
}
