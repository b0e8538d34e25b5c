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
