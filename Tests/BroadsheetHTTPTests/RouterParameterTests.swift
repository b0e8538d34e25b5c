import Testing

@testable import BroadsheetHTTP

enum SampleSort: String, CaseIterable, Sendable {
    case mentions, name
}

struct RouterParameterTests {
    func query(_ pairs: [(String, String)], allowed: Set<String>? = nil) throws(ParameterError) -> QueryParameters {
        try QueryParameters(pairs.map { (name: $0.0, value: $0.1) }, allowed: allowed)
    }

    @Test(arguments: [
        ("0", ParameterError.Reason.outOfRange(1...100)), ("101", .outOfRange(1...100)),
        ("abc", .notAnInteger(range: 1...100)), ("", .notAnInteger(range: 1...100)),
        (" 5", .notAnInteger(range: 1...100)),
        ("+5", .notAnInteger(range: 1...100)), ("1e2", .notAnInteger(range: 1...100)),
    ])
    func limitErrors(value: String, reason: ParameterError.Reason) throws {
        #expect(throws: ParameterError("limit", reason)) { try query([("limit", value)]).pagination() }
    }

    @Test(arguments: [("1", 1), ("100", 100), ("020", 20)])
    func limitValues(value: String, expected: Int) throws {
        #expect(try query([("limit", value)]).pagination().limit == expected)
    }

    @Test func offsetBounds() throws {
        #expect(throws: ParameterError("offset", .outOfRange(0...1_000_000))) {
            try query([("offset", "-1")]).pagination()
        }
        #expect(throws: ParameterError("offset", .outOfRange(0...1_000_000))) {
            try query([("offset", "1000001")]).pagination()
        }
        #expect(try query([("offset", "1000000")]).pagination() == Pagination(limit: 20, offset: 1_000_000))
    }

    @Test func duplicateAndUnknown() throws {
        #expect(throws: ParameterError("sort", .duplicated)) {
            try query([("sort", "name"), ("sort", "name")]).value("sort", as: SampleSort.self, default: .mentions)
        }
        #expect(throws: ParameterError("lmit", .unknown)) { try query([("lmit", "1")], allowed: ["limit"]) }
        #expect(try query([("tag", "a"), ("tag", "b")]).values("tag") == ["a", "b"])
    }

    @Test func enumValues() throws {
        #expect(try query([]).value("sort", as: SampleSort.self, default: .mentions) == .mentions)
        #expect(try query([("sort", "name")]).value("sort", as: SampleSort.self, default: .mentions) == .name)
        #expect(throws: ParameterError("sort", .notOneOf(["mentions", "name"]))) {
            try query([("sort", "Name")]).value("sort", as: SampleSort.self, default: .mentions)
        }
        let error = ParameterError("sort", .notOneOf(["mentions", "name"]))
        #expect(error.problem.detail == "query parameter 'sort' must be one of: mentions, name")
        #expect(error.problem.parameter == "sort")
        #expect(error.problem.status == 400)
    }

    @Test func strings() throws {
        #expect(try query([("q", "élan")]).requiredString("q", maxLength: 4) == "élan")
        #expect(throws: ParameterError("q", .missing)) { try query([]).requiredString("q", maxLength: 10) }
        #expect(throws: ParameterError("q", .empty)) { try query([("q", "")]).requiredString("q", maxLength: 10) }
        #expect(throws: ParameterError("q", .tooLong(max: 3))) { try query([("q", "abcd")]).string("q", maxLength: 3) }
        #expect(try query([]).string("q", maxLength: 3) == nil)
    }

    @Test func booleans() throws {
        #expect(try query([("x", "true")]).bool("x", default: false))
        #expect(try !query([("x", "0")]).bool("x", default: true))
        #expect(throws: ParameterError("x", .notOneOf(["true", "false"]))) {
            try query([("x", "yes")]).bool("x", default: true)
        }
    }

    @Test(arguments: [
        ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"), ("2000-02-29", "2000-02-29", "2000-02-29"),
        ("1999-11-30", "1999-11-30", "1999-11-30"),
    ])
    func validDates(text: String, first: String, last: String) throws {
        let date = try #require(try query([("from", text)]).date("from"))
        #expect(date.description == text)
        #expect(QueryDate(first)?.first == date.first)
        #expect(QueryDate(last)?.first == date.last)
    }

    @Test(arguments: [
        "24", "2024-1", "2024-13", "2024-00", "2023-02-29", "2024-04-31", "2024-01-01T00", "0000", "２０２４", "2024-", "",
        "abcd",
    ])
    func invalidDates(text: String) {
        #expect(throws: ParameterError("from", .invalidDate)) { try query([("from", text)]).date("from") }
    }

    @Test func dayOrdering() throws {
        let a = try #require(QueryDate("2024-03"))
        let b = try #require(QueryDate("2024-03-15"))
        #expect(a.first < b.first)
        #expect(b.last < a.last)
    }

    @Test func pathParameters() throws {
        let params = PathParameters(["id": "abc", "n": "42", "sort": "name"])
        #expect(try params.require("id") == "abc")
        #expect(try params.require("n", as: Int.self) == 42)
        #expect(try params.require("sort", as: SampleSort.self) == .name)
        #expect(throws: ParameterError("id", in: .path, .invalid("expected Int"))) {
            try params.require("id", as: Int.self)
        }
        #expect(throws: ParameterError("nope", in: .path, .missing)) { try params.require("nope") }
        let problem = ParameterError("id", in: .path, .invalid("expected Int")).problem
        #expect(problem.detail == "path parameter 'id' is invalid: expected Int")
        #expect(problem.type == "urn:broadsheet:problem:invalid-parameter")
    }
}
