import BroadsheetCore
import Foundation

/// Test-only document builder for entity tests: paragraphs split on blank lines (lines inside a paragraph are
/// joined with a space, as the parser joins hard-wrapped lines) and a small abbreviation-aware sentence splitter.
enum EntityTestDocument {
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Lt", "Gen", "Sen", "Rep", "Gov", "Col", "Capt", "Sgt", "Prof", "Rev",
        "Inc", "Corp", "Co", "Ltd", "No", "vs", "Mt", "Ft", "Adm", "Maj", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    ]

    static func make(_ raw: String, id: String = "test-doc", title: String = "Test") -> Document {
        let paras = raw.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
            .filter { !$0.isEmpty }
        var text = ""
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        for (pi, p) in paras.enumerated() {
            if pi > 0 { text += "\n\n" }
            let base = text.utf16.count
            text += p
            let firstSentence = sentences.count
            for r in splitSentences(p) {
                sentences.append(Sentence(index: sentences.count, paragraph: pi, span: TextSpan(start: base + r.lowerBound, end: base + r.upperBound)))
            }
            paragraphs.append(Paragraph(index: pi, section: nil, span: TextSpan(start: base, end: base + p.utf16.count), sentenceRange: firstSentence..<sentences.count))
        }
        return Document(id: id, title: title, text: text, paragraphs: paragraphs, sentences: sentences, format: .blankLineText)
    }

    /// Sentence ranges as UTF-16 offsets within `p`.
    static func splitSentences(_ p: String) -> [Range<Int>] {
        let u = Array(p.utf16)
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        func isUpperOrQuote(_ c: UInt16) -> Bool {
            (c >= 65 && c <= 90) || c == 0x201C || c == 34 || c == 0x2018 || (c >= 48 && c <= 57)
                || (c >= 0xC0 && Unicode.Scalar(c).map { $0.properties.isUppercase } ?? false)
        }
        while i < u.count {
            let c = u[i]
            if c == 46 || c == 63 || c == 33 {
                var j = i + 1
                while j < u.count, u[j] == 0x201D || u[j] == 34 || u[j] == 0x2019 || u[j] == 41 { j += 1 }
                if j < u.count, u[j] == 32, j + 1 < u.count, isUpperOrQuote(u[j + 1]) {
                    // Word before the period.
                    var w = i
                    while w > 0, (u[w - 1] >= 65 && u[w - 1] <= 90) || (u[w - 1] >= 97 && u[w - 1] <= 122) { w -= 1 }
                    let word = String(decoding: u[w..<i], as: UTF16.self)
                    let isAbbrev = c == 46 && (abbreviations.contains(word) || (word.count == 1 && word.first!.isUppercase) || (w > 0 && u[w - 1] == 46))
                    if !isAbbrev {
                        out.append(start..<j)
                        start = j + 1
                        i = j + 1
                        continue
                    }
                }
            }
            i += 1
        }
        if start < u.count { out.append(start..<u.count) }
        return out
    }

    /// The seed article's body (metadata lines and the trailer dropped), one paragraph, as a document.
    static func seed() throws -> Document {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_ee080ed0b85908a5.txt")
        let raw = try String(contentsOf: url, encoding: .utf8)
        let lines = raw.split(whereSeparator: \.isNewline).map(String.init)
        // The wrapped format puts section headings on their own lines; make them paragraph breaks here.
        let headings: Set<String> = ["A", "visitor from Moscow", "Into position", "The road to Miami"]
        let body = lines.dropFirst(5).filter { !$0.hasPrefix("Originally published") && !$0.hasPrefix("here (paywall)") }
            .map { headings.contains($0) ? "" : $0 }
        return make(body.joined(separator: "\n"), id: "seed")
    }

    /// A fixture file's contents.
    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures")
            ?? Bundle.module.url(forResource: name, withExtension: "txt")
        else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
