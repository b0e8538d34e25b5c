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

    /// Removed ids are not found, the others still are (probes pass over the tombstones), a removed id
    /// can come back, and heavy churn over a small live set never fills the table with tombstones.
    @Test func removesIdsThroughChurn() {
        var table = DocumentIdTable()
        var ids: [String] = []
        var live: [String: Int32] = [:]
        for k in 0..<20_000 {
            let id = "doc-\(k % 300)"
            if live[id] != nil && k % 3 != 0 {
                let snapshot = ids
                table.remove(id) { snapshot[Int($0)] }
                live[id] = nil
                continue
            }
            ids.append(id)
            let snapshot = ids
            table.set(id, to: Int32(ids.count - 1)) { snapshot[Int($0)] }
            live[id] = Int32(ids.count - 1)
        }
        #expect(table.count == live.count)
        for k in 0..<300 {
            let id = "doc-\(k)"
            #expect(table.find(id) { ids[Int($0)] } == live[id], "\(id)")
        }
        table.remove("never-added") { ids[Int($0)] }
        #expect(table.count == live.count)
    }
}

struct TitleTermsTests {
    @Test func countsEachStemOfEachTitle() {
        let titles: [[Int32]] = [[], [3, 3, 9], [0], [0, 0, 5, 200_000, 200_000, 200_000, 3_000_000], [7]]
        var table = TitleTerms()
        for t in titles { table.append(sorted: t) }
        table.trim()
        for (d, title) in titles.enumerated() {
            for stem in Set(title + [1, 4, 200_001]) {
                #expect(table.occurrences(of: stem, inDocument: d) == title.filter { $0 == stem }.count, "document \(d) stem \(stem)")
            }
            var listed: [(Int32, Int)] = []
            table.forEachStem(ofDocument: d) { listed.append(($0, $1)) }
            let expected = Dictionary(grouping: title, by: { $0 }).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
            #expect(listed.map(\.0) == expected.map(\.0) && listed.map(\.1) == expected.map(\.1), "document \(d)")
        }
    }
}

struct TitleIndexTests {
    /// Random titles (repeated stems, stems far apart, a few very long titles, one stem in most titles so
    /// that its list has many skip entries) added in batches with a freeze between some of them; every
    /// count and length matches the titles, whether the document is frozen or not, asked for in
    /// ascending order, with small or large gaps, or going back.
    @Test func countsMatchTheTitlesAcrossFreezes() {
        var random = SplitMix64(seed: 7)
        var index = TitleIndex()
        var model: [[Int32]] = []
        let stemPool: [Int32] = (0..<40).map { Int32($0) } + [63, 64, 65, 127, 128, 1_000, 70_000, 1 << 20]
        func check(_ stems: [Int32]) {
            for stem in stems {
                let expected = model.map { title in title.filter { $0 == stem }.count }
                // Ascending, every document.
                var cursor = index.cursor(for: stem)
                for d in model.indices {
                    #expect(index.occurrences(&cursor, inDocument: d) == expected[d], "stem \(stem) document \(d)")
                }
                // Ascending with gaps, then going back.
                var sparse = index.cursor(for: stem)
                for d in stride(from: Int(random.next() % 5), to: model.count, by: 1 + Int(random.next() % 9)) {
                    #expect(index.occurrences(&sparse, inDocument: d) == expected[d], "stem \(stem) document \(d) (skipping)")
                }
                var far = index.cursor(for: stem)
                var d = Int(random.next() % 200)
                while d < model.count {
                    #expect(index.occurrences(&far, inDocument: d) == expected[d], "stem \(stem) document \(d) (far)")
                    d += 1 + Int(random.next() % 150)
                }
                for d in stride(from: model.count - 1, through: 0, by: -7) {
                    #expect(index.occurrences(&sparse, inDocument: d) == expected[d], "stem \(stem) document \(d) (backwards)")
                }
            }
            for d in model.indices { #expect(index.length(ofDocument: d) == model[d].count) }
        }
        for batch in 0..<6 {
            for _ in 0..<(batch == 0 ? 0 : 40 + Int(random.next() % 80)) {
                let long = random.next() % 50 == 0
                let count = long ? 255 + Int(random.next() % 300) : Int(random.next() % 9)
                let common: [Int32] = random.next() % 4 != 0 ? [3] : []
                let title = ((0..<count).map { _ in stemPool[Int(random.next() % UInt64(stemPool.count))] } + common).sorted()
                index.append(sorted: title)
                model.append(title)
            }
            check(stemPool + [40, 5_000, -1])
            if batch % 3 != 2 { index.freeze() }
        }
        index.trim()
        check(stemPool)
        #expect(model.contains { $0.count >= 255 })
        #expect(model.filter { $0.contains(3) }.count > 5 * TitleIndex.skipInterval)
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
