import Testing

@testable import BroadsheetHTTP

struct ConditionalGETTests {
    let body = #"{"documents":[1,2,3]}"#
    var app: MiddlewareChain {
        FeatureFixtures.fixed(body, headers: ["Vary": "Origin"]).wrapped(in: [ConditionalGETMiddleware()])
    }
    var tag: String { EntityTag(hashing: Array(body.utf8)).description }

    @Test func fnv1aKnownVectors() {
        // Published FNV-1a 64 test vectors.
        #expect(FNV1a64.hash([]) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(EntityTag(hashing: Array("a".utf8)).description == "\"af63dc4c8601ec8c\"")
    }

    @Test func okGetsStrongETagAndDefaultCacheControl() {
        let response = app.respond(to: FeatureFixtures.request(.get, "/x"))
        #expect(response.status.code == 200)
        #expect(response.headers["ETag"] == tag)
        #expect(response.headers["Cache-Control"] == "no-cache")
        let head = app.respond(to: FeatureFixtures.request(.head, "/x"))
        #expect(head.headers["ETag"] == tag)
    }

    @Test func handlerCacheControlAndETagAreKept() {
        let custom = FeatureFixtures.fixed(body, headers: ["Cache-Control": "max-age=5", "ETag": "\"v1\""])
            .wrapped(in: [ConditionalGETMiddleware()])
        let response = custom.respond(to: FeatureFixtures.request(.get, "/x"))
        #expect(response.headers["Cache-Control"] == "max-age=5")
        #expect(response.headers["ETag"] == "\"v1\"")
        let revalidated = custom.respond(
            to: FeatureFixtures.request(.get, "/x", headers: ["If-None-Match": "W/\"v1\""]))
        #expect(revalidated.status.code == 304)
    }

    @Test func nonJSONGetsNoDefaultCacheControl() {
        let text = FeatureFixtures.fixed("hi", contentType: "text/plain").wrapped(in: [ConditionalGETMiddleware()])
        let response = text.respond(to: FeatureFixtures.request(.get, "/x"))
        #expect(response.headers["Cache-Control"] == nil)
        #expect(response.headers["ETag"] != nil)
    }

    @Test(arguments: [
        "TAG", "W/TAG", "\"other\", TAG", "\"a,b\", TAG", "*", " *  ", "\"x\",W/TAG ,\"y\"",
    ])
    func matchingIfNoneMatchIs304(condition: String) {
        let header = condition.replacing("TAG", with: tag)
        for method in [HTTPMethod.get, .head] {
            let response = app.respond(
                to: FeatureFixtures.request(method, "/x", headers: ["If-None-Match": header]))
            #expect(response.status.code == 304)
            #expect(response.body.isEmpty)
            #expect(response.headers["ETag"] == tag)
            #expect(response.headers["Cache-Control"] == "no-cache")
            #expect(response.headers["Vary"] == "Origin")
            #expect(response.headers["Content-Type"] == nil)
        }
    }

    @Test(arguments: ["\"other\"", "\"other\", W/\"another\"", "garbage", "\"\"", "TAGX"])
    func nonMatchingIfNoneMatchIs200(condition: String) {
        let header = condition.replacing("TAG", with: String(tag.dropLast()))
        let response = app.respond(to: FeatureFixtures.request(.get, "/x", headers: ["If-None-Match": header]))
        #expect(response.status.code == 200)
        #expect(response.body == Array(body.utf8))
    }

    @Test func multipleIfNoneMatchFieldsAreCombined() {
        var headers: HTTPHeaders = ["If-None-Match": "\"nope\""]
        headers.add("If-None-Match", tag)
        let response = app.respond(to: FeatureFixtures.request(.get, "/x", headers: headers))
        #expect(response.status.code == 304)
    }

    @Test func otherMethodsAndStatusesPassThrough() {
        let post = app.respond(to: FeatureFixtures.request(.post, "/x", headers: ["If-None-Match": "*"]))
        #expect(post.status.code == 200)
        #expect(post.headers["ETag"] == nil)
        let notFound = ClosureResponder { _ in ProblemDetails(.notFound, status: .notFound, detail: "x").response() }
            .wrapped(in: [ConditionalGETMiddleware()])
        let response = notFound.respond(to: FeatureFixtures.request(.get, "/x", headers: ["If-None-Match": "*"]))
        #expect(response.status.code == 404)
        #expect(response.headers["ETag"] == nil)
        #expect(response.headers["Cache-Control"] == "no-store")
    }

    @Test func differentBodiesGetDifferentTags() {
        #expect(EntityTag(hashing: Array("{\"a\":1}".utf8)) != EntityTag(hashing: Array("{\"a\":2}".utf8)))
    }

    @Test func parseCondition() {
        #expect(EntityTag.parseCondition(["*"]) == .any)
        #expect(
            EntityTag.parseCondition(["W/\"a\", \"b,c\""])
                == .tags([EntityTag(opaque: "a", isWeak: true), EntityTag(opaque: "b,c")]))
        #expect(EntityTag.parseCondition(["nonsense"]) == nil)
        #expect(EntityTag(parsing: "W/\"x\"") == EntityTag(opaque: "x", isWeak: true))
        #expect(EntityTag(parsing: "x") == nil)
    }
}

struct JSONMediaTypeTests {
    @Test(arguments: [
        ("application/json", true), ("application/json; charset=utf-8", true), ("Application/JSON", true),
        ("  application/json ;q=1", true), ("application/problem+json", true), ("application/vnd.api+JSON", true),
        ("text/plain", false), ("application/jsonx", false), ("application/json-seq", false), ("json", false),
        ("", false), ("; application/json", false), ("application/xml; profile=+json", false),
    ])
    func mediaType(contentType: String, isJSON: Bool) {
        #expect(ConditionalGETMiddleware.isJSON(contentType) == isJSON)
    }

    @Test func missingContentTypeIsNotJSON() {
        #expect(!ConditionalGETMiddleware.isJSON(nil))
    }
}
