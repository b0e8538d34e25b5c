/// A small Markdown reader for article bodies: headings, paragraphs, list items, block quotes.
///
/// - The first `# ` heading before any paragraph is the title candidate; other `#`–`######`
///   headings become section headings.
/// - Paragraphs are separated by blank lines; lines of one paragraph are joined with spaces.
/// - List items (`- `, `* `, `+ `, `1. `) are paragraphs of their own; `> ` markers are removed.
/// - Fenced code markers, horizontal rules (`---`, `***`, `___`), image-only lines and HTML
///   comments are dropped.
/// - Inline: `[text](url)` → `text`, images removed, `**`, `__`, `*`, `_` emphasis markers and
///   backticks removed (see ``MarkdownInline``).
enum MarkdownBody {
    static func parse(_ lines: [String]) -> (title: String?, blocks: [ArticleDraft.Block]) {
        var title: String?
        var blocks: [ArticleDraft.Block] = []
        var current: [String] = []
        var inComment = false
        func flush() {
            if !current.isEmpty { blocks.append(.paragraph(MarkdownInline.strip(BodyReflower.join(current)))) }
            current = []
        }
        for raw in lines {
            var line = raw.trimmingWhitespace
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            if line.hasPrefix("<!--") {
                if !line.contains("-->") { inComment = true }
                continue
            }
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { flush(); continue }
            if isRule(line) { flush(); continue }
            if BodyReflower.isMarkdownHeading(line) {
                flush()
                let level = line.prefix(while: { $0 == "#" }).count
                var text = PlainTextParser.stripMarkdownHeading(line)
                while text.hasSuffix("#") { text = String(text.dropLast()).trimmingWhitespace }
                text = MarkdownInline.strip(text)
                if level == 1, title == nil, !blocks.contains(where: { if case .paragraph = $0 { return true } else { return false } }) {
                    title = text
                } else {
                    blocks.append(.heading(text))
                }
                continue
            }
            while line.hasPrefix(">") { line = String(line.dropFirst()).trimmingWhitespace }
            if line.isEmpty { flush(); continue }
            if let item = listItemText(line) {
                flush()
                current = [item]
                flush()
                continue
            }
            let stripped = MarkdownInline.strip(line)
            if stripped.trimmingWhitespace.isEmpty, line.hasPrefix("![") { continue }
            current.append(line)
        }
        flush()
        return (title, blocks)
    }

    static func isRule(_ line: String) -> Bool {
        let chars = line.filter { !$0.isWhitespace }
        guard chars.count >= 3, let f = chars.first, "-*_".contains(f) else { return false }
        return chars.allSatisfy { $0 == f }
    }

    static func listItemText(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
            return String(line.dropFirst(2)).trimmingWhitespace
        }
        let digits = line.prefix(while: { $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)).trimmingWhitespace }
        }
        return nil
    }
}

/// Removes inline Markdown: links keep their text, images disappear, emphasis markers and
/// backticks are removed. An `_` or `*` inside a word (`snake_case`, `5*3`) is kept.
enum MarkdownInline {
    static func strip(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            // Image ![alt](url) → removed; link [text](url) → text.
            if c == "!" || c == "[" {
                let open = c == "!" ? i + 1 : i
                if open < chars.count, chars[open] == "[", let close = matching(chars, from: open, "[", "]"),
                    close + 1 < chars.count, chars[close + 1] == "(", let paren = matching(chars, from: close + 1, "(", ")")
                {
                    if c == "[" { out += strip(String(chars[(open + 1)..<close])) }
                    i = paren + 1
                    continue
                }
            }
            if c == "`" { i += 1; continue }
            if c == "*" || c == "_" {
                var j = i
                while j < chars.count, chars[j] == c { j += 1 }
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = j < chars.count ? chars[j] : nil
                let wordBefore = before.map { $0.isLetter || $0.isNumber } ?? false
                let wordAfter = after.map { $0.isLetter || $0.isNumber } ?? false
                if wordBefore && wordAfter { out += String(chars[i..<j]) }  // inside a word: keep
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static func matching(_ chars: [Character], from start: Int, _ open: Character, _ close: Character) -> Int? {
        var depth = 0
        var k = start
        while k < chars.count {
            if chars[k] == open { depth += 1 }
            if chars[k] == close {
                depth -= 1
                if depth == 0 { return k }
            }
            k += 1
        }
        return nil
    }
}
