import Testing
@testable import BroadsheetCore

/// Slugs: lowercase ASCII letters, digits and single dashes; diacritics folded; apostrophes dropped.
struct SlugTests {
    @Test(arguments: [
        ("Make Money Not War: Trump’s Plan", "make-money-not-war-trumps-plan"),
        ("Zürich’s Café Scene — Ølstue & Straße", "zurichs-cafe-scene-olstue-strasse"),
        ("  --Already-Sluggy--  ", "already-sluggy"),
        ("Rock 'n' Roll", "rock-n-roll"),
        ("!!!", ""),
        ("Cup Final 2025!", "cup-final-2025"),
    ])
    func slugs(title: String, expected: String) {
        #expect(Slug.make(title) == expected)
    }

    @Test func longTitlesAreCutAtAWordBoundary() {
        let title = String(repeating: "several words ", count: 20)
        let slug = Slug.make(title)
        #expect(slug.count <= 80)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("several") || slug.hasSuffix("words"))
    }

    @Test func titleWithoutLettersFallsBackToFileName() throws {
        let doc = try #require(try ArticleParser().parse(text: "!!!\n\nSome body text here.", source: "dir/Über Story.txt").first)
        #expect(doc.id == "uber-story")
    }
}
