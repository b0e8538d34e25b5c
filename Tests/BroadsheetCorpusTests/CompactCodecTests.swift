import BroadsheetCore
import BroadsheetCorpus
import Foundation
import Testing

@Suite struct CompactCodecTests {
    struct Sample: Codable, Equatable {
        var a: Int
        var b: String?
        var c: [Int?]
        var d: Double
        var e: [String: [Int]]
        var f: Bool?
        var g: Int8
        var h: UInt64
        var nested: [Sample]
    }

    @Test func roundTripsOptionalsZerosAndNesting() throws {
        let inner = Sample(a: 0, b: nil, c: [0, nil, -1], d: -0.5, e: [:], f: false, g: -128, h: .max, nested: [])
        let value = Sample(a: -7, b: "", c: [nil], d: .infinity, e: ["x": [0, 1], "": []], f: nil, g: 127, h: 0, nested: [inner, inner])
        let bytes = try CompactCodec.encode(value)
        #expect(try CompactCodec.decode(Sample.self, from: bytes) == value)
        #expect(try CompactCodec.decode(Int?.self, from: CompactCodec.encode(Int?.none)) == nil)
        #expect(try CompactCodec.decode(Int?.self, from: CompactCodec.encode(Int?.some(0))) == 0)
    }

    @Test func roundTripsEveryFixtureEntryAndIsSmallerThanJSON() throws {
        let submissions = [CorpusFixtures.ferry, CorpusFixtures.orchard]
        for submission in submissions {
            let entry = CorpusEntry(document: submission.document, extraction: DocumentExtraction(document: submission.document))
            let bytes = try CompactCodec.encode(entry)
            #expect(try CompactCodec.decode(CorpusEntry.self, from: bytes) == entry)
            #expect(bytes.count < (try JSONEncoder().encode(entry)).count / 2)
        }
    }

    @Test func truncatedOrAlteredBytesThrowAndNeverCrash() throws {
        let entry = CorpusEntry(document: CorpusFixtures.orchard.document, extraction: DocumentExtraction(document: CorpusFixtures.orchard.document))
        let bytes = try CompactCodec.encode(entry)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) { _ = try CompactCodec.decode(CorpusEntry.self, from: bytes[..<cut]) }
        }
        #expect(throws: (any Error).self) { _ = try CompactCodec.decode(CorpusEntry.self, from: bytes + [0]) }
        // Flipped bytes either decode to some value or throw; a huge count never allocates.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var altered = bytes
            altered[Int.random(in: 0..<altered.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? CompactCodec.decode(CorpusEntry.self, from: altered)
        }
        #expect(throws: (any Error).self) { _ = try CompactCodec.decode([Int].self, from: [0xFF, 0xFF, 0xFF, 0x7F]) }
    }
}
