import BroadsheetCore
import Foundation
import Testing
import TestSupport

@testable import BroadsheetSearch

/// Saving an index and opening it again: the same answers, and every damaged, foreign or stale file
/// refused with its own error.
@Suite(.offCooperativePool)
struct SearchIndexFileTests {
    static let queries = FastPathTests.queries + ["mar* river", "\"the market\" -season", "gardem OR stator"]

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bs-index-\(UUID().uuidString)").path
    }

    /// The same hits (ids, paragraphs, scores, passages), totals and corrections, in both units.
    func expectSameAnswers(_ a: SearchIndex, _ b: SearchIndex) throws {
        for q in Self.queries {
            for unit in SearchUnit.allCases {
                let options = SearchOptions(limit: 20, unit: unit, passages: 2)
                let x = try a.search(q, options: options)
                let y = try b.search(q, options: options)
                #expect(x.hits == y.hits, "\(q) \(unit)")
                #expect(x.total == y.total, "\(q) \(unit)")
                #expect(x.corrections == y.corrections, "\(q) \(unit)")
            }
        }
    }

    @Test func roundTripGivesTheSameAnswers() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var docs = FastPathTests.corpus(documents: 1500, seed: 41)
        var index = SearchIndex(documents: docs)
        // Additions (left in the tail: the saved copy is compacted), replacements and removals.
        for d in FastPathTests.corpus(documents: 100, seed: 42, firstId: 1500) {
            index.add(d)
            docs.append(d)
        }
        var replaced = docs[3]
        replaced.title = "river report"
        index.add(replaced)
        docs.remove(at: 3)
        docs.append(replaced)
        for k in [10, 20, 1550] {
            let removed = index.remove(documentId: "g\(k)")
            #expect(removed)
            docs.removeAll { $0.id == "g\(k)" }
        }
        try index.write(to: path)
        #expect(index.documentIds == docs.map(\.id))
        let opened = try SearchIndex(contentsOf: path, documents: docs)
        #expect(opened.documentCount == index.documentCount)
        #expect(opened.paragraphCount == index.paragraphCount)
        try expectSameAnswers(index, opened)
        #expect(try opened.search("document:g10").hits.isEmpty)
        // An opened index grows, shrinks and saves again.
        var grown = opened
        var more = docs
        for d in FastPathTests.corpus(documents: 50, seed: 43, firstId: 2000) {
            grown.add(d)
            more.append(d)
        }
        let removed = grown.remove(documentId: "g100")
        #expect(removed)
        more.removeAll { $0.id == "g100" }
        try FastPathTests.expectSameAsGeneral(grown)
        try grown.write(to: path)
        try expectSameAnswers(grown, try SearchIndex(contentsOf: path, documents: more))
        // The fast paths of an opened index without deletes equal the general evaluation.
        let clean = SearchIndex(documents: FastPathTests.corpus(documents: 800, seed: 44), configuration: .init(paragraphSearch: false))
        try clean.write(to: path)
        try FastPathTests.expectSameAsGeneral(
            try SearchIndex(contentsOf: path, documents: FastPathTests.corpus(documents: 800, seed: 44), configuration: .init(paragraphSearch: false)))
    }

    @Test func emptyIndexRoundTrips() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SearchIndex().write(to: path)
        var opened = try SearchIndex(contentsOf: path, documents: [])
        #expect(try opened.search("anything").total == 0)
        opened.add(TestCorpus.documents[0])
        #expect(try opened.search("processor").total == 1)
    }

    @Test func staleFilesAreRefused() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let docs = TestCorpus.documents
        try SearchIndex(documents: docs).write(to: path)
        func stale(_ documents: [Document], configuration: SearchIndex.Configuration = .init()) -> Bool {
            do {
                _ = try SearchIndex(contentsOf: path, documents: documents, configuration: configuration)
                return false
            } catch {
                if case .stale = error { return true }
                return false
            }
        }
        #expect(!stale(docs))
        #expect(stale(Array(docs.dropLast())), "a document missing")
        #expect(stale(docs + [.make(id: "extra", title: "x", paragraphs: ["y"])]), "a document more")
        #expect(stale(docs.reversed()), "another order")
        var changed = docs
        changed[1] = .make(id: changed[1].id, title: changed[1].title, date: "2023-05-20", paragraphs: ["Other words.", "b", "c"])
        #expect(stale(changed), "changed text with the same paragraph count")
        #expect(stale(docs, configuration: .init(paragraphSearch: false)), "no paragraph engine wanted")
    }

    /// The file's bytes, changed by `change`, written back.
    func damage(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func openError(_ path: String) -> SearchIndexFileError? {
        do {
            _ = try SearchIndex(contentsOf: path, documents: TestCorpus.documents)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites the header's checksum to match a (tampered) payload.
    static func reseal(_ bytes: inout [UInt8]) {
        let sum = bytes[SearchIndex.headerSize...].withUnsafeBytes { IndexChecksum.of($0) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bytes[24 + k] = $0[k] } }
    }

    @Test func damagedFilesAreRefusedCleanly() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = TestCorpus.index
        var full = SearchIndex(documents: TestCorpus.documents)
        full.compact()
        try full.write(to: path)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(openError(path) == nil)
        _ = index

        // Every truncation is refused, at every length up to the whole file.
        for length in stride(from: 0, to: original.count, by: max(1, original.count / 200)) + [original.count - 1] {
            try Data(original.prefix(length)).write(to: URL(fileURLWithPath: path))
            let error = openError(path)
            #expect(error == .truncated || error == .notAnIndex && length == 0, "length \(length): \(String(describing: error))")
        }
        // A flipped byte anywhere in the payload fails the checksum.
        for k in stride(from: SearchIndex.headerSize, to: original.count, by: max(1, original.count / 300)) {
            try Data(original).write(to: URL(fileURLWithPath: path))
            try damage(path) { $0[k] ^= 0x5A }
            #expect(openError(path) == .checksumMismatch, "byte \(k)")
        }
        try Data(original).write(to: URL(fileURLWithPath: path))
        try damage(path) { $0[0] = UInt8(ascii: "X") }
        #expect(openError(path) == .notAnIndex)
        try Data(original).write(to: URL(fileURLWithPath: path))
        try damage(path) { $0[8] = 9 }
        #expect(openError(path) == .unsupportedVersion(9))
        try Data(original).write(to: URL(fileURLWithPath: path))
        try damage(path) { $0.append(0) }
        if case .corrupt = openError(path) {} else { Issue.record("trailing bytes accepted") }
        #expect(openError(temporaryPath()).map { if case .io = $0 { true } else { false } } == true)
    }

    /// Tampered tables whose checksum was made to match: each offset or count outside its table is
    /// found by the consistency checks (never a crash), with random damage to every 8-byte word.
    @Test func tamperedTablesAreFoundCorrupt() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SearchIndex(documents: TestCorpus.documents).write(to: path)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var random = SplitMix64(seed: 5)
        var refused = 0
        var opened = 0
        // Section lengths and the small tables (offsets, ids, counts) are where damage is structural.
        for word in stride(from: SearchIndex.headerSize, to: original.count - 8, by: 8) {
            var bytes = original
            let value = random.next()
            // Large, small and negative values.
            let forms: [UInt64] = [value, value & 0xFFFF, UInt64(bitPattern: -Int64(value & 0xFF) - 1)]
            withUnsafeBytes(of: forms[Int(value % 3)].littleEndian) { for k in 0..<8 { bytes[word + k] = $0[k] } }
            Self.reseal(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            switch openError(path) {
            case .corrupt?, .stale?: refused += 1
            case nil: opened += 1
            case let other?: Issue.record("word \(word): \(other)")
            }
        }
        #expect(refused > 0)
        #expect(refused + opened == (original.count - 8 - SearchIndex.headerSize + 7) / 8)
    }
}
