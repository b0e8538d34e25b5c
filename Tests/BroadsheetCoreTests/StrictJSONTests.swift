import Foundation
import Testing
@testable import BroadsheetCore

/// JSON and NDJSON fields must have their documented types; metadata fields are kept.
struct StrictJSONTests {
    static let body = #""body": "The pier reopened.""#

    @Test(arguments: [
        (#"{"title": 42, "body": "B."}"#, "title", "must be a string, not a number"),
        (#"{"headline": true, "body": "B."}"#, "headline", "must be a string, not a boolean"),
        (#"{"title": ["T"], "body": "B."}"#, "title", "must be a string, not an array"),
        (#"{"title": "T", "publishedAt": 20250101, "body": "B."}"#, "publishedAt", #"must be a date string such as "2025-11-29", not a number"#),
        (#"{"title": "T", "date": {"y": 2025}, "body": "B."}"#, "date", #"must be a date string such as "2025-11-29", not an object"#),
        (#"{"title": "T", "authors": "Ann Lee", "body": "B."}"#, "authors", "must be an array of strings, not a string"),
        (#"{"title": "T", "authors": ["Ann Lee", 7], "body": "B."}"#, "authors", "item 2 must be a string, not a number"),
        (#"{"title": "T", "author": 7, "body": "B."}"#, "author", #"must be a string, an array of strings or an object with a "name" string, not a number"#),
        (#"{"title": "T", "body": 12}"#, "body", "must be a string or an array of strings, not a number"),
        (#"{"title": "T", "body": ["One.", {"p": "Two."}]}"#, "body", "item 2 must be a string, not an object"),
        (#"{"title": "T", "dek": 1, "body": "B."}"#, "dek", "must be a string, not a number"),
        (#"{"title": "T", "publication": 5, "body": "B."}"#, "publication", #"must be a string or an object with a "name" string, not a number"#),
        (#"{"title": "T", "category": ["a"], "body": "B."}"#, "category", "must be a string, not an array"),
        (#"{"title": "T", "tags": "a, b", "body": "B."}"#, "tags", "must be an array of strings, not a string"),
        (#"{"title": "T", "url": 3, "body": "B."}"#, "url", "must be a string, not a number"),
        (#"{"title": "T", "language": false, "body": "B."}"#, "language", "must be a string, not a boolean"),
        (#"{"title": "T", "source": [], "body": "B."}"#, "source", #"must be a string or an object with a "name" string, not an array"#),
        (#"{"title": "T", "id": true, "body": "B."}"#, "id", "must be a string or a number, not a boolean"),
        (#"{"title": "T", "sections": {"a": 1}}"#, "sections", "must be an array of objects, not an object"),
        (#"{"title": "T", "sections": ["x"]}"#, "sections", "item 1 must be an object, not a string"),
        (#"{"Title": 1, "body": "B."}"#, "Title", "must be a string, not a number"),
    ])
    func wrongTypesNameTheField(json: String, field: String, reason: String) {
        #expect(throws: ArticleParseError.invalidField(name: field, reason: reason)) {
            try ArticleParser().parse(text: json, source: "a.json")
        }
        // The same record in NDJSON is a skipped line whose reason names the field.
        let ndjson = #"{"title": "Good", "body": "Fine."}"# + "\n" + json
        let result = try? ArticleParser().parseRecords(Array(ndjson.utf8), source: "a.ndjson")
        #expect(result?.documents.count == 1)
        #expect(result?.failures.first?.line == 2)
        #expect(result?.failures.first?.error.description == "field '\(field)' \(reason)")
    }

    @Test func nullIsAbsent() throws {
        let doc = try #require(try ArticleParser().parse(text: #"{"title": "T", "dek": null, "date": null, "tags": null, "body": "B."}"#, source: "a.json").first)
        #expect(doc.dek == nil && doc.publishedAt == nil && doc.tags.isEmpty)
    }

    @Test func numericIDAndNameObjectsAreAccepted() throws {
        let json = #"{"id": 1234, "title": "T", "authors": [{"name": "Ann Lee"}, "Bo Chen"], "publisher": {"name": "The Pier Post"}, "body": "B."}"#
        let doc = try #require(try ArticleParser().parse(text: json, source: "a.json").first)
        #expect(doc.id == "1234")
        #expect(doc.authors == ["Ann Lee", "Bo Chen"])
        #expect(doc.publication == "The Pier Post")
    }

    @Test func metadataFromNDJSON() throws {
        let docs = try FixtureLoader.parse("metadata.ndjson")
        #expect(docs.count == 2)
        let ferry = docs[0]
        DocumentInvariants.check(ferry)
        #expect(ferry.category == "transport")
        #expect(ferry.tags == ["ferries", "fares"])
        #expect(ferry.url == "https://example.com/ferry-fares")
        #expect(ferry.language == "en-GB")
        #expect(ferry.sourceName == "Coast Wire")
        #expect(ferry.publication == "Coast Wire")  // no publication field: the source names it
        #expect(ferry.dek == "Operators hold prices until March.")
        #expect(ferry.path == "metadata.ndjson")
        let museum = docs[1]
        #expect(museum.category == "culture" && museum.tags.isEmpty && museum.url == nil && museum.sourceName == nil)
        #expect(museum.dateSource == .field)
    }

    @Test func metadataFromFrontMatter() throws {
        let md = """
            ---
            title: Night Market Opens
            category: food
            tags: [markets, "night life"]
            url: https://example.com/night-market
            lang: fr
            source: Town Wire
            ---

            Stalls sell noodles and dumplings.
            """
        let doc = try #require(try ArticleParser().parse(text: md, source: "food/night.md").first)
        #expect(doc.category == "food")
        #expect(doc.tags == ["markets", "night life"])
        #expect(doc.url == "https://example.com/night-market")
        #expect(doc.language == "fr")
        #expect(doc.sourceName == "Town Wire")
        #expect(doc.publication == "Town Wire")
        #expect(doc.source == "food/night.md" && doc.path == "food/night.md")
        // The tech fixture lists its tags as a block list.
        #expect(try FixtureLoader.parse("tech-frontmatter.md").first?.tags == ["chips", "arizona"])
    }

    @Test func metadataEncodesInJSON() throws {
        let doc = try #require(try FixtureLoader.parse("metadata.ndjson").first)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(doc)) as? [String: Any])
        #expect(object["category"] as? String == "transport")
        #expect(object["tags"] as? [String] == ["ferries", "fares"])
        #expect(object["dateSource"] as? String == "none")
        #expect((object["paragraphs"] as? [[String: Any]])?.first?["role"] as? String == "dek")
    }
}
