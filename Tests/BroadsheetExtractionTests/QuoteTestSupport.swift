import BroadsheetCore
import BroadsheetExtraction
import Foundation

/// Test-only document builder for the quote tests: paragraphs joined by a blank line, naive
/// sentence split (used until the core `ArticleParser` lands on main).
enum QuoteTestDocument {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "lt", "sen", "rep", "gov", "inc", "corp", "co", "no", "vs",
        "aug", "sept", "oct", "nov", "dec", "jan", "feb", "prof", "u.s", "u.k", "col", "capt", "sgt",
    ]

    static func make(_ paragraphs: [String], title: String = "Test article", id: String = "test") -> Document {
        var text = ""
        var paras: [Paragraph] = []
        var sentences: [Sentence] = []
        for (pi, p) in paragraphs.enumerated() {
            if pi > 0 { text += "\n\n" }
            let start = text.utf16.count
            text += p
            let end = text.utf16.count
            let first = sentences.count
            for (s, e) in splitSentences(p) {
                sentences.append(
                    Sentence(index: sentences.count, paragraph: pi, span: TextSpan(start: start + s, end: start + e)))
            }
            paras.append(
                Paragraph(
                    index: pi, section: nil, span: TextSpan(start: start, end: end),
                    sentenceRange: first..<sentences.count))
        }
        return Document(
            id: id, title: title, text: text, paragraphs: paras, sentences: sentences, format: .blankLineText)
    }

    /// Paragraphs separated by blank lines; the first paragraph is the title.
    static func fromBlankLines(_ raw: String, id: String = "test") -> Document {
        var parts = raw.components(separatedBy: "\n\n").map {
            $0.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        let title = parts.isEmpty ? "" : parts.removeFirst()
        return make(parts, title: title, id: id)
    }

    /// Parses an article with the core parser (the first document of the file).
    static func parse(_ raw: String, source: String) throws -> Document {
        guard let d = try ArticleParser().parse(text: raw, source: source).first else { throw ArticleParseError.noBody }
        return d
    }

    /// The seed's hard-wrapped layout: a paragraph starts at a short line after a line ending a
    /// sentence (or after another short line). The first six lines are the header.
    static func fromWrappedSeed(_ raw: String) -> Document {
        let lines = raw.components(separatedBy: "\n").dropFirst(6).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var paragraphs: [String] = []
        var current = ""
        var previous = ""
        for line in lines {
            let endsSentence = previous.last.map { ".?!”:\"".contains($0) } ?? true
            let short = line.count < 25
            if current.isEmpty || (short && (endsSentence || previous.count < 25)) {
                if !current.isEmpty { paragraphs.append(current) }
                current = line
            } else {
                current +=
                    (current.hasSuffix("—") || current.hasSuffix("-") && !current.hasSuffix(" -")) && false
                    ? line : " " + line
            }
            previous = line
        }
        if !current.isEmpty { paragraphs.append(current) }
        return make(paragraphs, title: "seed", id: "seed")
    }

    static func splitSentences(_ p: String) -> [(Int, Int)] {
        let u = Array(p.utf16)
        var out: [(Int, Int)] = []
        var start = 0
        var i = 0
        func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x0A }
        while i < u.count {
            let c = u[i]
            if c == 0x2E || c == 0x3F || c == 0x21 {
                var j = i + 1
                while j < u.count, u[j] == 0x201D || u[j] == 0x2019 || u[j] == 0x22 || u[j] == 0x27 || u[j] == 0x29 {
                    j += 1
                }
                if j < u.count, isSpace(u[j]) {
                    var k = j
                    while k < u.count, isSpace(u[k]) { k += 1 }
                    let nextUpper =
                        k < u.count
                        && (Character(Unicode.Scalar(u[k]) ?? " ").isUppercase || u[k] == 0x201C || u[k] == 0x22)
                    var w = i
                    while w > 0, u[w - 1] != 0x20 { w -= 1 }
                    let word = String(decoding: u[w..<i], as: UTF16.self).lowercased().trimmingCharacters(
                        in: CharacterSet(charactersIn: "“\"(‘"))
                    let abbreviation = c == 0x2E && (abbreviations.contains(word) || word.count == 1)
                    if nextUpper && !abbreviation {
                        out.append((start, j))
                        start = k
                        i = k
                        continue
                    }
                }
            }
            i += 1
        }
        if start < u.count { out.append((start, u.count)) }
        return out
    }
}

/// A test-side gazetteer standing in for the entity recogniser: every occurrence of a listed name
/// or alias (whole words, longest first) becomes a mention of that entity.
struct QuoteTestGazetteer {
    var entries: [(name: String, type: EntityType, aliases: [String], descriptions: [String])] = []

    func person(_ name: String, _ aliases: String..., described: [String] = []) -> QuoteTestGazetteer {
        var g = self
        g.entries.append((name, .person, aliases, described))
        return g
    }
    func org(_ name: String, _ aliases: String...) -> QuoteTestGazetteer {
        var g = self
        g.entries.append((name, .organization, aliases, []))
        return g
    }
    func place(_ name: String, _ aliases: String...) -> QuoteTestGazetteer {
        var g = self
        g.entries.append((name, .location, aliases, []))
        return g
    }

    func entities(for document: Document) -> DocumentEntities {
        let text = document.text
        let u = Array(text.utf16)
        var taken = [Bool](repeating: false, count: u.count)
        var forms: [(form: [UInt16], key: Int)] = []
        for (k, e) in entries.enumerated() {
            for f in [e.name] + e.aliases { forms.append((Array(f.utf16), k)) }
        }
        forms.sort { $0.form.count > $1.form.count }
        var mentions: [[EntityMention]] = Array(repeating: [], count: entries.count)
        func isWord(_ c: UInt16) -> Bool { Character(Unicode.Scalar(c) ?? " ").isLetter || (c >= 0x30 && c <= 0x39) }
        for (form, key) in forms where !form.isEmpty && form.count <= u.count {
            var i = 0
            while i + form.count <= u.count {
                if u[i] == form[0], Array(u[i..<(i + form.count)]) == form,
                    i == 0 || !isWord(u[i - 1]), i + form.count == u.count || !isWord(u[i + form.count]),
                    !taken[i..<(i + form.count)].contains(true)
                {
                    for j in i..<(i + form.count) { taken[j] = true }
                    let span = TextSpan(start: i, end: i + form.count)
                    mentions[key].append(
                        EntityMention(
                            span: span, text: String(text.slice(span)),
                            sentence: document.sentenceIndex(containing: i) ?? 0))
                    i += form.count
                } else {
                    i += 1
                }
            }
        }
        let list = entries.enumerated().map { k, e in
            DocumentEntity(
                key: k, name: e.name, type: e.type, aliases: e.aliases, descriptions: e.descriptions,
                mentions: mentions[k].sorted { $0.span < $1.span })
        }
        return DocumentEntities(documentId: document.id, entities: list)
    }
}

/// One expected quotation: a prefix of its text, its kind, and its speaker's canonical name
/// (`nil` for nobody) and, optionally, the speaker text as written.
struct ExpectedQuote: CustomStringConvertible, Sendable {
    var prefix: String
    var kind: QuoteKind
    var speaker: String?
    var speakerText: String? = nil
    var description: String { "\(kind) \(speaker ?? "-") «\(prefix)»" }
}

enum QuoteTestFixture {
    static func load(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func seed() throws -> String {
        // The repository's seed article, read from the worktree (tests run from the package root).
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: here.appendingPathComponent("seeds/000_ee080ed0b85908a5.txt"), encoding: .utf8)
    }

    /// Human-readable mismatches between the extracted and expected quotations (empty when all match).
    static func mismatches(
        _ quotes: [Quote], _ expected: [ExpectedQuote], entities: DocumentEntities,
        sameSpeaker: (_ actual: DocumentEntity?, _ expected: String?) -> Bool = { $0?.name == $1 }
    ) -> [String] {
        var problems: [String] = []
        var used = Set<Int>()
        for e in expected {
            guard let i = quotes.indices.first(where: { !used.contains($0) && quotes[$0].text.hasPrefix(e.prefix) })
            else {
                problems.append("missing: \(e)")
                continue
            }
            used.insert(i)
            let q = quotes[i]
            let entity = q.speaker.map { entities.entities[$0] }
            if q.kind != e.kind { problems.append("kind \(q.kind) for \(e)") }
            if !sameSpeaker(entity, e.speaker) {
                problems.append("speaker \(entity?.name ?? "-") (\(q.speakerText ?? "-")) for \(e)")
            }
            if let st = e.speakerText, q.speakerText != st {
                problems.append("speakerText \(q.speakerText ?? "-") for \(e)")
            }
        }
        for i in quotes.indices where !used.contains(i) {
            problems.append("unexpected: \(quotes[i].kind) «\(quotes[i].text.prefix(40))»")
        }
        return problems
    }
}
