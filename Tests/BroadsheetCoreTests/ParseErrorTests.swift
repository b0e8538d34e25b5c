import Testing
@testable import BroadsheetCore

struct ParseErrorTests {
    @Test func emptyAndWhitespaceOnly() {
        #expect(throws: ArticleParseError.empty) { try ArticleParser().parse([], source: "e.txt") }
        #expect(throws: ArticleParseError.empty) { try ArticleParser().parse(text: " \n\t\r\n", source: "e.txt") }
        #expect(throws: ArticleParseError.empty) { try ArticleParser().parse([0xEF, 0xBB, 0xBF], source: "bom.txt") }
    }

    @Test func binary() {
        #expect(throws: ArticleParseError.binary) { try ArticleParser().parse([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], source: "x.png") }
        let controls = [UInt8](repeating: 0x01, count: 50) + Array("Title\n\nBody.".utf8)
        #expect(throws: ArticleParseError.binary) { try ArticleParser().parse(controls, source: "x.txt") }
    }

    @Test(arguments: [
        ([0x41, 0x42, 0xFF, 0x43], 2),  // invalid lead byte
        ([0x41, 0xC3], 1),  // truncated sequence
        ([0x41, 0xE2, 0x28, 0xA1], 1),  // bad continuation
        ([0xC0, 0xAF], 0),  // overlong
        ([0xED, 0xA0, 0x80], 0),  // surrogate
        ([0xEF, 0xBB, 0xBF, 0x41, 0xFE], 4),  // offset counts the BOM
    ] as [([UInt8], Int)])
    func invalidUTF8IsReadAsWindows1252(bytes: [UInt8], offset: Int) throws {
        // Not valid UTF-8: read as Windows-1252, with a warning naming the first bad byte.
        let decoded = try TextNormalizer.decode(bytes)
        #expect(decoded.warning == "not valid UTF-8 (first bad byte at offset \(offset)); read as Windows-1252")
        #expect(decoded.text.unicodeScalars.count == bytes.count - (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0))
    }

    @Test func tooLarge() {
        let parser = ArticleParser(maxBytes: 10)
        #expect(throws: ArticleParseError.tooLarge(bytes: 11, limit: 10)) {
            try parser.parse(Array("Title\nBody text".utf8.prefix(11)), source: "x.txt")
        }
    }

    @Test func titleOnlyHasNoBody() {
        #expect(throws: ArticleParseError.noBody) { try ArticleParser().parse(text: "Just A Title\n", source: "t.txt") }
    }

    @Test(arguments: [
        (ArticleParseError.empty, "empty file"),
        (.invalidUTF8(byteOffset: 7), "not valid UTF-8 (first bad byte at offset 7)"),
        (.tooLarge(bytes: 20, limit: 10), "file too large (20 bytes; limit 10)"),
        (.missingField("title"), "missing required field 'title'"),
        (.invalidRecord(line: 3, reason: "invalid JSON: x"), "line 3: invalid JSON: x"),
        (.invalidField(name: "title", reason: "must be a string, not a number"), "field 'title' must be a string, not a number"),
        (.invalidEncoding("UTF-16 text with an odd number of bytes"), "cannot decode text: UTF-16 text with an odd number of bytes"),
        (.recordTooLarge(bytes: 20, limit: 10), "record too large (20 bytes; limit 10)"),
    ])
    func descriptions(error: ArticleParseError, text: String) {
        #expect(error.description == text)
    }
}
