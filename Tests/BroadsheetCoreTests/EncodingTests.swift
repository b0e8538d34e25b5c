import Foundation
import Testing
@testable import BroadsheetCore

/// Text that is not UTF-8: Windows-1252/Latin-1 (with a warning) and UTF-16 with a byte-order mark.
struct EncodingTests {
    /// Encodes text as Windows-1252, or `nil` when a character has no byte in it.
    static func windows1252(_ text: String) -> [UInt8]? {
        var table: [UInt32: UInt8] = [:]
        for (i, value) in TextNormalizer.windows1252High.enumerated() where value != 0 { table[value] = UInt8(0x80 + i) }
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) {
                out.append(UInt8(scalar.value))
            } else if let byte = table[scalar.value] {
                out.append(byte)
            } else {
                return nil
            }
        }
        return out
    }

    /// UTF-16 with a byte-order mark.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    @Test func latin1BytesThatAreInvalidUTF8() throws {
        // "Café Müller" in Latin-1: é = E9, ü = FC (invalid as UTF-8).
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" Opens\n\nThe M".utf8) + [0xFC] + Array("ller family opened a caf".utf8) + [0xE9, 0x2E]
        let result = try ArticleParser().parseRecords(bytes, source: "cafe.txt")
        let doc = try #require(result.documents.first)
        DocumentInvariants.check(doc)
        #expect(doc.title == "Café Opens")
        #expect(doc.text == "The Müller family opened a café.")
        #expect(result.warnings == ["not valid UTF-8 (first bad byte at offset 3); read as Windows-1252"])
    }

    @Test func windows1252PunctuationAndUndefinedBytes() throws {
        // 93/94 curly quotes, 96 en dash, 80 euro sign; 81 and 8D are undefined in Windows-1252: Latin-1 C1 controls.
        let decoded = try TextNormalizer.decode([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x81, 0x8D])
        #expect(decoded.text == "“A” – €5\u{81}\u{8D}")
        #expect(decoded.warning != nil)
    }

    @Test func utf8WithStrayLatin1BytesKeepsItsUTF8Characters() throws {
        // "It’s a café" with the apostrophe in UTF-8 (E2 80 99) and the é as one Latin-1 byte (E9).
        let bytes: [UInt8] = Array("Café Reopens\n\nIt".utf8) + [0xE2, 0x80, 0x99] + Array("s a caf".utf8) + [0xE9, 0x2E]
        let result = try ArticleParser().parseRecords(bytes, source: "mixed.txt")
        #expect(result.documents.first?.title == "Café Reopens")
        #expect(result.documents.first?.text == "It’s a café.")
        #expect(result.warnings == ["not valid UTF-8 (first bad byte at offset 27); read as Windows-1252"])
    }

    @Test func validUTF8HasNoWarning() throws {
        let result = try ArticleParser().parseRecords(Array("Café Opens\n\nThe café opened.".utf8), source: "c.txt")
        #expect(result.warnings.isEmpty)
        #expect(result.documents.first?.text == "The café opened.")
    }

    @Test(arguments: [false, true])
    func utf16WithBOM(bigEndian: Bool) throws {
        // Includes a character outside the BMP (a surrogate pair) and CRLF line ends.
        let text = "Harbor Fest 🎉 Returns\r\n\r\nBy Ann Lee\r\nMay 2, 2024\r\n\r\nThe festival returned to the pier on Friday.\r\n\r\nTickets sold out in an hour.\r\n"
        let result = try ArticleParser().parseRecords(Self.utf16(text, bigEndian: bigEndian), source: "fest.txt")
        let doc = try #require(result.documents.first)
        DocumentInvariants.check(doc)
        #expect(result.warnings.isEmpty)
        #expect(doc.title == "Harbor Fest 🎉 Returns")
        #expect(doc.authors == ["Ann Lee"])
        #expect(doc.text == "The festival returned to the pier on Friday.\n\nTickets sold out in an hour.")
    }

    @Test func utf16JSON() throws {
        let json = #"{"title": "Zürich Votes", "body": "Voters said yes."}"#
        let doc = try #require(try ArticleParser().parse(Self.utf16(json, bigEndian: false), source: "z.json").first)
        #expect(doc.title == "Zürich Votes")
        #expect(doc.format == .json)
    }

    @Test func brokenUTF16IsAClearError() {
        // Odd byte count.
        #expect(throws: ArticleParseError.invalidEncoding("UTF-16 text with an odd number of bytes")) {
            try ArticleParser().parse([0xFF, 0xFE, 0x41, 0x00, 0x42], source: "x.txt")
        }
        // A lone high surrogate (D800) followed by "A".
        #expect(throws: ArticleParseError.invalidEncoding("UTF-16 text with an unpaired surrogate near byte offset 4")) {
            try ArticleParser().parse([0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00, 0x00, 0x41], source: "x.txt")
        }
        // A NUL character in UTF-16 is binary, as in UTF-8.
        #expect(throws: ArticleParseError.binary) {
            try ArticleParser().parse([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00], source: "x.txt")
        }
        // A BOM alone is empty.
        #expect(throws: ArticleParseError.empty) { try ArticleParser().parse([0xFF, 0xFE], source: "x.txt") }
    }
}
