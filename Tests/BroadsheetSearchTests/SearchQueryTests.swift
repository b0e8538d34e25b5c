import BroadsheetCore
import Testing

@testable import BroadsheetSearch

struct SearchQueryTests {
    @Test func termsAreRequired() throws {
        let q = try SearchQuery(parsing: "nord stream")
        #expect(q.root == .all([.term("nord"), .term("stream")]))
    }

    @Test func orBindsTighterThanAnd() throws {
        let q = try SearchQuery(parsing: "a b OR c")
        #expect(q.root == .all([.term("a"), .any([.term("b"), .term("c")])]))
    }

    @Test func phrasesPrefixesExclusionsGroups() throws {
        let q = try SearchQuery(parsing: "\"nord stream 2\" dmitr* -gas -\"white house\" (oil OR coal)")
        #expect(
            q.root
                == .all([
                    .phrase("nord stream 2"), .prefix("dmitr"), .not(.term("gas")), .not(.phrase("white house")),
                    .any([.term("oil"), .term("coal")]),
                ]))
    }

    @Test func filters() throws {
        let q = try SearchQuery(parsing: "pipeline entity:person-x document:doc-1 from:2025 to:2025-02")
        #expect(q.root == .term("pipeline"))
        #expect(q.filters.entities == ["person-x"])
        #expect(q.filters.documents == ["doc-1"])
        #expect(q.filters.from == CivilDate(year: 2025, month: 1, day: 1))
        #expect(q.filters.to == CivilDate(year: 2025, month: 2, day: 28))
    }

    @Test func filterOnlyAndNegativeWithFilter() throws {
        #expect(try SearchQuery(parsing: "document:x").root == nil)
        #expect(try SearchQuery(parsing: "-gas document:x").root == .all([.not(.term("gas"))]))
    }

    @Test(arguments: [
        ("", SearchQueryError.Kind.empty),
        ("   ", .empty),
        (String(repeating: "a", count: 513), .tooLong),
        ("\"nord stream", .unbalancedQuote),
        ("(oil OR gas", .unbalancedParenthesis),
        ("oil)", .unbalancedParenthesis),
        ("OR gas", .danglingOperator),
        ("gas OR", .danglingOperator),
        ("gas -", .danglingOperator),
        ("*", .danglingOperator),
        ("author:smith", .unknownFilter),
        ("entity:", .invalidFilterValue),
        ("from:2025-13", .invalidDate),
        ("from:yesterday", .invalidDate),
        ("to:2025-02-30", .invalidDate),
        ("from:2025 to:2024", .invalidDate),
        ("-gas", .onlyNegative),
        ("-gas -oil", .onlyNegative),
        ("gas OR -oil", .onlyNegative),
    ])
    func errors(query: String, kind: SearchQueryError.Kind) {
        #expect {
            _ = try SearchQuery(parsing: query)
        } throws: { error in
            (error as? SearchQueryError)?.kind == kind && !((error as? SearchQueryError)?.message.isEmpty ?? true)
        }
    }

    /// The lexer reads Unicode scalars: Unicode spaces separate, curly quotes delimit phrases,
    /// multi-scalar letters stay inside words, and error positions count characters, not scalars or bytes.
    @Test func unicodeSpacesQuotesAndPositions() throws {
        let q = try SearchQuery(parsing: "Zürich\u{00A0}“grüne Brücke”\u{2003}-café 🚀launch\u{3000}entity:zoë-1")
        #expect(q.root == .all([.term("Zürich"), .phrase("grüne Brücke"), .not(.term("café")), .term("🚀launch")]))
        #expect(q.filters.entities == ["zoë-1"])
        #expect(try SearchQuery(parsing: "e\u{301}té x-ray").root == .all([.term("e\u{301}té"), .term("x-ray")]))
        #expect { _ = try SearchQuery(parsing: "\u{00A0}\u{2003}\t\u{3000}") } throws: { ($0 as? SearchQueryError)?.kind == .empty }
        for (query, kind, place) in [
            ("Brücke “nord stream", SearchQueryError.Kind.unbalancedQuote, "character 8"),
            ("e\u{301} -", .danglingOperator, "character 3"),
        ] {
            #expect {
                _ = try SearchQuery(parsing: query)
            } throws: { error in
                guard let error = error as? SearchQueryError else { return false }
                return error.kind == kind && error.message.contains(place)
            }
        }
    }
}
