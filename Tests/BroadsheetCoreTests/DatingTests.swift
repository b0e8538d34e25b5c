import Foundation
import Testing
@testable import BroadsheetCore

/// `publishedAt` from the article itself, else its path, else the default date; and `dateSource`.
struct DatingTests {
    @Test(arguments: [
        ("2025/11/29/story.txt", CivilDate(year: 2025, month: 11, day: 29)),
        ("news/2025/11/29/story.txt", CivilDate(year: 2025, month: 11, day: 29)),
        ("2025/11/29.txt", CivilDate(year: 2025, month: 11, day: 29)),
        ("2025-11-29-council-vote.txt", CivilDate(year: 2025, month: 11, day: 29)),
        ("archive/2024_02_29/a.json", CivilDate(year: 2024, month: 2, day: 29)),
        ("council-vote-2025.03.04.md", CivilDate(year: 2025, month: 3, day: 4)),
        // The date nearest the file wins.
        ("2020/01/01/2025-11-29-x.txt", CivilDate(year: 2025, month: 11, day: 29)),
        ("2025-01-01/2024/12/31/x.txt", CivilDate(year: 2024, month: 12, day: 31)),
        // No date: impossible days, digits that run on, ids, partial paths, odd names.
        ("2025/02/30/x.txt", nil),
        ("2025-13-01-x.txt", nil),
        ("12025-11-29-x.txt", nil),
        ("2025-11-290.txt", nil),
        ("20251129-x.txt", nil),
        ("000_ee080ed0b85908a5.txt", nil),
        ("2025/11/x.txt", nil),
        ("1850/01/01/x.txt", nil),
        ("", nil),
        ("////", nil),
        ("2025/11/29extra/x.txt", nil),
        ("tech/401/x.txt", nil),
    ] as [(String, CivilDate?)])
    func pathDates(path: String, date: CivilDate?) {
        #expect(PathDate.date(in: path) == date)
    }

    static let undated = "Pier Reopens\n\nThe pier reopened after repairs.\n\nAnglers returned at dawn."

    @Test func dateSourcesInOrder() throws {
        // Date line in the article.
        let dateline = try #require(try ArticleParser().parse(text: "Pier Reopens\nBy Ann Lee\nMay 2, 2024\n\nThe pier reopened.", source: "2025/11/29/p.txt").first)
        #expect(dateline.publishedAt == CivilDate(year: 2024, month: 5, day: 2))
        #expect(dateline.dateSource == .dateline)
        // Field of a structured article, which wins over the path too.
        let field = try #require(try ArticleParser().parse(text: #"{"title": "T", "date": "2024-05-02", "body": "B."}"#, source: "2025-11-29-t.json").first)
        #expect(field.publishedAt == CivilDate(year: 2024, month: 5, day: 2))
        #expect(field.dateSource == .field)
        // Path.
        let path = try #require(try ArticleParser(defaultDate: CivilDate(year: 2000, month: 1, day: 1)).parse(text: Self.undated, source: "2025/11/29/p.txt").first)
        #expect(path.publishedAt == CivilDate(year: 2025, month: 11, day: 29))
        #expect(path.dateSource == .path)
        // Default.
        let fallback = try #require(try ArticleParser(defaultDate: CivilDate(year: 2000, month: 1, day: 1)).parse(text: Self.undated, source: "p.txt").first)
        #expect(fallback.publishedAt == CivilDate(year: 2000, month: 1, day: 1))
        #expect(fallback.dateSource == .default)
        // None.
        let none = try #require(try ArticleParser().parse(text: Self.undated, source: "p.txt").first)
        #expect(none.publishedAt == nil)
        #expect(none.dateSource == DateSource.none)
        // A date field that is not a date leaves the article to the path and default rules.
        let unparsable = try #require(try ArticleParser().parse(text: #"{"title": "T", "date": "soon", "body": "B."}"#, source: "2025-11-29-t.json").first)
        #expect(unparsable.dateSource == .path)
    }

    @Test func loaderDatesFromPathAndDefaultAndCountsUndated() throws {
        let root = try CorpusLoaderTests.makeTempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try CorpusLoaderTests.write(Self.undated, "2025/11/29/pier.txt", in: root)
        try CorpusLoaderTests.write(Self.undated.replacingOccurrences(of: "Pier", with: "Dock"), "dock.txt", in: root)
        try CorpusLoaderTests.write(#"{"title": "Ferry", "body": "The ferry ran."}"# + "\n" + #"{"title": "Bus", "body": "The bus ran."}"#, "2024-06-01-lines.ndjson", in: root)

        let plain = try CorpusLoader().load(from: root.path)
        #expect(plain.documents.map(\.dateSource) == [.path, .path, .path, .none])
        #expect(plain.undatedCount == 1)

        let defaulted = try CorpusLoader(defaultDate: CivilDate(year: 2020, month: 2, day: 2)).load(from: root.path)
        #expect(defaulted.documents.map(\.dateSource) == [.path, .path, .path, .default])
        #expect(defaulted.documents.map(\.publishedAt) == [
            CivilDate(year: 2024, month: 6, day: 1), CivilDate(year: 2024, month: 6, day: 1),
            CivilDate(year: 2025, month: 11, day: 29), CivilDate(year: 2020, month: 2, day: 2),
        ])
        #expect(defaulted.undatedCount == 0)
        #expect(defaulted.documents.map(\.path) == ["2024-06-01-lines.ndjson", "2024-06-01-lines.ndjson", "2025/11/29/pier.txt", "dock.txt"])
    }
}
