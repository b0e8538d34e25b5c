/// Turns body lines into paragraphs and headings, undoing hard wrapping.
///
/// The body is first cut into blocks at blank lines. Inside a block, lines are joined into
/// paragraphs; a new paragraph starts where a line that ends a sentence (`.`, `?`, `!`, `…`,
/// optionally followed by closing quotes) is followed by a *short* line (shorter than 60% of the
/// file's wrap width, estimated as the 90th percentile of line lengths), or by an indented line. This
/// recognises files whose paragraphs begin with a short first line, while ordinary hard-wrapped
/// paragraphs (all lines near the wrap width) are only joined.
///
/// Headings: in a run of short lines after a sentence end, the last short line starts the next
/// paragraph (it is followed by a full-width line); the short lines before it that do not end a
/// sentence form a heading, joined with spaces (a heading may itself wrap: `A` / `visitor from …`).
/// A first short line of the run that ends a sentence is the last line of the previous paragraph;
/// later ones are one-line paragraphs.
/// A whole block of one or two short lines (≤ 80 characters, ≤ 12 words, capitalised, no final
/// punctuation) that is not the last block is also a heading, as is a Markdown `#` line.
///
/// A block of three or more lines in which at least 75% of lines end a sentence is read as one
/// paragraph per line (not hard-wrapped).
///
/// Joining: lines are joined with one space, except after a line ending in an unspaced em/en dash
/// (`cold—`) or before a line starting with one (`—with`), and after a line ending in a hyphen that follows a letter
/// (the hyphen is kept: `developer-` + `turned` → `developer-turned`).
enum BodyReflower {
    struct Result {
        var blocks: [ArticleDraft.Block]
        /// Whether paragraphs were recovered from hard-wrapped lines (rather than blank lines).
        var wrapped: Bool
    }

    static func reflow(_ rawLines: [String]) -> Result {
        var blocks: [[String]] = [[]]
        for line in rawLines {
            if line.trimmingWhitespace.isEmpty {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        blocks.removeAll { $0.isEmpty }
        guard !blocks.isEmpty else { return Result(blocks: [], wrapped: false) }

        // One paragraph per line? (per block)
        blocks = blocks.flatMap { lines -> [[String]] in
            guard lines.count >= 3 else { return [lines] }
            let finals = lines.filter { endsSentence($0) }.count
            return finals * 4 >= lines.count * 3 ? lines.map { [$0] } : [lines]
        }

        let lengths = blocks.flatMap { $0 }.map { $0.trimmingWhitespace.count }.sorted()
        let width = lengths.isEmpty ? 80 : lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        let shortLimit = max(8, width * 6 / 10)
        let allIndented = blocks.flatMap { $0 }.allSatisfy { $0.first?.isWhitespace ?? false }

        var out: [ArticleDraft.Block] = []
        var wrapped = false
        for (b, block) in blocks.enumerated() {
            let isLast = b == blocks.count - 1
            let produced = reflowBlock(block, shortLimit: shortLimit, allIndented: allIndented, isLastBlock: isLast)
            let paragraphsInBlock = produced.filter { if case .paragraph = $0 { return true } else { return false } }.count
            if block.count > 1, paragraphsInBlock > 1 || produced.contains(where: { if case .heading = $0 { return true } else { return false } }) {
                wrapped = true
            }
            out += produced
        }
        if blocks.count == 1, blocks[0].count > 1 { wrapped = true }
        return Result(blocks: out, wrapped: wrapped)
    }

    static func reflowBlock(
        _ raw: [String], shortLimit: Int, allIndented: Bool, isLastBlock: Bool
    ) -> [ArticleDraft.Block] {
        let lines = raw.map { $0.trimmingWhitespace }
        let n = lines.count
        func isShort(_ k: Int) -> Bool { lines[k].count < shortLimit }
        func isIndented(_ k: Int) -> Bool { !allIndented && (raw[k].first?.isWhitespace ?? false) }

        // A small block of short lines may be a heading.
        if n <= 2, !isLastBlock, isHeadingLike(lines.joined(separator: " ")), lines.allSatisfy({ !endsSentence($0) }) {
            return [.heading(join(lines.map(PlainTextParser.stripMarkdownHeading)))]
        }
        var out: [ArticleDraft.Block] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { out.append(.paragraph(join(current))) }
            current = []
        }
        var i = 0
        while i < n {
            let line = lines[i]
            if isMarkdownHeading(line) {
                flush()
                out.append(.heading(PlainTextParser.stripMarkdownHeading(line)))
                i += 1
                continue
            }
            let boundary = i == 0 || current.isEmpty || isIndented(i)
                || (endsSentence(lines[i - 1]) && isShort(i) && !startsLowercase(line))
            guard boundary else {
                current.append(line)
                i += 1
                continue
            }
            guard isShort(i), n > 1 else {
                flush()
                current = [line]
                i += 1
                continue
            }
            var j = i
            while j < n, isShort(j), !isMarkdownHeading(lines[j]), j == i || !isIndented(j) { j += 1 }
            if j == n || isMarkdownHeading(lines[j]) || isIndented(j) {
                // The run is not followed by a full-width line. One short line that ends a sentence
                // is the last line of the paragraph before (unless it is boilerplate); otherwise the
                // run is one paragraph.
                if j == i + 1, !current.isEmpty, endsSentence(line), !Boilerplate.isBoilerplate(line) {
                    current.append(line)
                    i = j
                    continue
                }
                flush()
                current = Array(lines[i..<j])
                i = j
                continue
            }
            // lines[j - 1] is followed by a long line: it starts a paragraph. Lines before it are
            // headings, or one-line paragraphs when they end a sentence. A first short line that ends
            // a sentence is more likely the last line of the paragraph before (whose previous line
            // happened to end a sentence too) than a paragraph of its own.
            var headStart = i
            if !current.isEmpty, j - 1 > i, endsSentence(lines[i]) {
                current.append(lines[i])
                headStart = i + 1
            }
            flush()
            var group: [String] = []
            for h in lines[headStart..<(j - 1)] {
                group.append(h)
                if endsSentence(h) {
                    out.append(.paragraph(join(group)))
                    group = []
                }
            }
            if !group.isEmpty {
                let text = join(group)
                // A heading starts with a capital or digit and has no more than 12 words; anything else
                // (an opening quote, a lower-case word) is a short paragraph.
                let first = text.first
                let headingLike = (first?.isUppercase ?? false || first?.isNumber ?? false)
                    && text.split(separator: " ").count <= 12
                out.append(headingLike ? .heading(text) : .paragraph(text))
            }
            current = [lines[j - 1]]
            i = j
        }
        flush()
        return out
    }

    /// A line whose first letter is lower case continues a sentence; it never starts a paragraph.
    static func startsLowercase(_ line: String) -> Bool {
        // The first word, from its first letter or digit; "iPhone" or "eBay" do not count.
        let word = line.drop(while: { !($0.isLetter || $0.isNumber) }).prefix(while: { !$0.isWhitespace })
        guard let first = word.first, first.isLowercase else { return false }
        return !word.contains(where: \.isUppercase)
    }

    static func isMarkdownHeading(_ line: String) -> Bool {
        guard line.hasPrefix("#") else { return false }
        let rest = line.drop(while: { $0 == "#" })
        return line.count - rest.count <= 6 && (rest.first == " ")
    }

    /// Short, capitalised, without final punctuation: could be a heading.
    static func isHeadingLike(_ line: String) -> Bool {
        let t = line.trimmingWhitespace
        if isMarkdownHeading(t) { return true }
        guard !t.isEmpty, t.count <= 80, t.split(separator: " ").count <= 12 else { return false }
        guard let f = t.first, f.isUppercase || f.isNumber, let last = t.last else { return false }
        return !".?!,:;…\"”’'-—–".contains(last)
    }

    /// Whether a line ends a sentence: `.`, `?`, `!` or `…`, optionally followed by closing quotes
    /// or brackets.
    static func endsSentence(_ line: String) -> Bool {
        var s = Substring(line.trimmingWhitespace)
        while let last = s.last, "\"'”’)]»".contains(last) { s = s.dropLast() }
        guard let last = s.last else { return false }
        return ".?!…".contains(last)
    }

    /// Joins wrapped lines (see the type's documentation for the dash and hyphen rules).
    static func join(_ lines: [String]) -> String {
        var out = ""
        for raw in lines {
            let line = raw.trimmingWhitespace
            if line.isEmpty { continue }
            if out.isEmpty { out = line; continue }
            let last = out.last!
            let first = line.first!
            // Unspaced dashes join directly ("cold—" + "with"); spaced ones ("CITY" + "— Mateo") keep the space.
            let dashes: Set<Character> = ["—", "–"]
            let closedDashAtEnd = dashes.contains(last) && !(out.dropLast().last?.isWhitespace ?? true)
            let closedDashAtStart = dashes.contains(first) && !(line.dropFirst().first?.isWhitespace ?? true)
            if closedDashAtEnd || closedDashAtStart {
                out += line
            } else if last == "-", let beforeHyphen = out.dropLast().last, beforeHyphen.isLetter, first.isLetter {
                out += line
            } else {
                out += " " + line
            }
        }
        return out
    }
}
