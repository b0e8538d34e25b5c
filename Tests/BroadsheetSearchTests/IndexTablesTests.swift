import Testing

@testable import BroadsheetSearch

struct ParagraphDocumentsTests {
    /// Documents of 0 to 9 paragraphs, with long runs of empty documents (distances past one byte)
    /// at the start, inside and across groups.
    @Test func everyParagraphKeepsItsDocument() {
        var table = ParagraphDocuments()
        var model: [Int32] = []
        var document: Int32 = 0
        for k in 0..<3_000 {
            let paragraphs = k % 97 == 5 ? 0 : (k * 7) % 10
            if k % 500 == 3 { document += 300 }  // a run of documents without paragraphs
            for _ in 0..<paragraphs {
                table.append(document)
                model.append(document)
            }
            document += 1
        }
        table.trim()
        #expect(table.count == model.count)
        for p in 0..<model.count { #expect(table[p] == model[p], "paragraph \(p)") }
        #expect(table.byteCount < model.count * 2, "about one byte a paragraph")
    }
}

struct DocumentIdTableTests {
    /// Ids added through many growths, some replaced (the id then points at its newest position),
    /// all found; unknown ids are not.
    @Test func findsEveryIdThroughGrowthAndReplacement() {
        var table = DocumentIdTable()
        var ids: [String] = []  // the id stored at each position, as the document table holds them
        var latest: [String: Int32] = [:]
        for k in 0..<5_000 {
            let id = k % 7 == 3 && k > 100 ? "doc-\(k / 2)" : "doc-\(k)"
            ids.append(id)
            let position = Int32(ids.count - 1)
            let snapshot = ids
            table.set(id, to: position) { snapshot[Int($0)] }
            latest[id] = position
        }
        #expect(table.count == latest.count)
        for (id, position) in latest { #expect(table.find(id) { ids[Int($0)] } == position, "\(id)") }
        #expect(table.find("doc-99999") { ids[Int($0)] } == nil)
        #expect(table.find("") { ids[Int($0)] } == nil)
    }
}

struct TitleTermsTests {
    @Test func countsEachStemOfEachTitle() {
        let titles: [[Int32]] = [[], [3, 3, 9], [0], [5, 200_000, 200_000, 200_000, 3_000_000], [7]]
        var table = TitleTerms()
        for t in titles { table.append(sorted: t) }
        table.trim()
        for (d, title) in titles.enumerated() {
            #expect(table.length(ofDocument: d) == title.count)
            for stem in Set(title + [1, 4, 200_001]) {
                let got = table.occurrences(of: stem, inDocument: d)
                #expect(got.count == title.filter { $0 == stem }.count, "document \(d) stem \(stem)")
                #expect(got.length == title.count)
            }
        }
    }
}

struct BlockBoundTests {
    /// Length codes never round up (a bound from them stays an upper bound), lose at most 1/16, grow
    /// with the length, and leave 255 free to mean "none".
    @Test func lengthCodesRoundDownWithinOneSixteenth() {
        var previous: UInt64 = 0
        for l in UInt32(0)...0xFFFF {
            let code = BlockBound.code(length: l)
            let back = BlockBound.length(code: code)
            #expect(code >= previous && code <= 207)
            if back > l || Double(l - back) > Double(l) / 16 { Issue.record("length \(l) decodes to \(back)") }
            previous = code
        }
        #expect(BlockBound.empty.minLengthTF1 == 0xFFFF && BlockBound.empty.titledMaxTF == 0)
    }

    @Test func keepsTheShortestParagraphPerFrequencyAndTheTitledPostingsApart() {
        var bound = BlockBound.empty
        bound.add(tf: 1, lengthCode: UInt8(BlockBound.code(length: 40)), titleTF: 0, titleLength: 0)
        bound.add(tf: 1, lengthCode: UInt8(BlockBound.code(length: 12)), titleTF: 0, titleLength: 0)
        bound.add(tf: 2, lengthCode: UInt8(BlockBound.code(length: 300)), titleTF: 0, titleLength: 0)
        bound.add(tf: 7, lengthCode: UInt8(BlockBound.code(length: 90)), titleTF: 0, titleLength: 0)
        #expect(bound.minLengthTF1 == 12)
        #expect(bound.minLengthTF2 <= 300 && bound.minLengthTF2 > 280)
        #expect(bound.minLengthTF3 <= 90 && bound.minLengthTF3 > 84)
        #expect(bound.maxTF == 7)
        #expect(bound.titledMaxTF == 0, "no titled posting yet")
        bound.add(tf: 3, lengthCode: UInt8(BlockBound.code(length: 20)), titleTF: 2, titleLength: 6)
        #expect(bound.titledMaxTF == 3 && bound.titledMinLength == 20 && bound.maxTitleTF == 2 && bound.minTitleLength == 6)
        #expect(bound.minLengthTF1 == 12 && bound.maxTF == 7, "titled postings leave the body statistics alone")
    }
}
