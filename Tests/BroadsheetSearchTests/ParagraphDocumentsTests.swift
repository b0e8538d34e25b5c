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
