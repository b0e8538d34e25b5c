/// Parses plain-text articles: hard-wrapped text (``ArticleFormat/wrappedText``) and
/// blank-line-separated text (``ArticleFormat/blankLineText``).
///
/// **Header.** The first non-blank line starts the title. The first byline (`By …`) or date line
/// among the first six non-blank lines starts the metadata; title lines before it are joined with
/// a space (a title may wrap over several lines). A further blank-line-separated group before the
/// metadata is a publication name (if it looks like one) or the dek. The metadata zone is a run of
/// byline, date and publication lines (a publication line is a short Title-Case line without
/// sentence punctuation, either between two metadata lines or containing a word such as `Journal`,
/// `Times`, `Post`, `News`). Without any byline or date, the title is the first line only.
/// When no `By` line exists, a last title line made only of names (two or three capitalised
/// words each, e.g. `Sam Okafor` or `Ann Lee and Bo Chen`) is taken as the byline.
///
/// **Body.** See ``BodyReflower``.
enum PlainTextParser {
    static func parse(_ text: String) -> ArticleDraft {
        let lines = TextNormalizer.lines(text)
        var i = 0
        while i < lines.count, lines[i].trimmingWhitespace.isEmpty { i += 1 }
        var draft = ArticleDraft(format: .blankLineText)
        draft.inferDek = true

        // Indices of the first non-blank lines.
        var nonBlank: [Int] = []
        var k = i
        while k < lines.count, nonBlank.count < 6 {
            if !lines[k].trimmingWhitespace.isEmpty { nonBlank.append(k) }
            k += 1
        }
        let meta = nonBlank.first { isMeta(lines[$0]) }
        var bodyStart: Int
        if let m = meta {
            // Title and optional groups before the metadata.
            var groups: [[String]] = [[]]
            for l in lines[i..<m] {
                let t = l.trimmingWhitespace
                if t.isEmpty {
                    if !(groups.last?.isEmpty ?? true) { groups.append([]) }
                } else {
                    groups[groups.count - 1].append(t)
                }
            }
            groups.removeAll { $0.isEmpty }
            var titleLines = groups.first ?? []
            if titleLines.count > 1, let last = titleLines.last, looksLikePublication(last, strict: true) {
                draft.publication = last
                titleLines.removeLast()
            }
            for group in groups.dropFirst() {
                let joined = BodyReflower.join(group)
                if draft.publication == nil, group.count == 1, looksLikePublication(joined, strict: false) {
                    draft.publication = joined
                } else if draft.dek == nil {
                    draft.dek = joined
                }
            }
            // The metadata zone.
            var j = m
            var previousWasMeta = false
            while j < lines.count {
                let t = lines[j].trimmingWhitespace
                if t.isEmpty { j += 1; continue }
                if draft.authors.isEmpty, let names = BylineParser.authors(t) {
                    draft.authors = names
                } else if let date = DateLineParser.dateLine(t) {
                    if draft.publishedAt == nil { draft.publishedAt = date }
                } else if draft.publication == nil,
                    looksLikePublication(t, strict: true)
                        || (looksLikePublication(t, strict: false) && previousWasMeta
                            && (nextNonBlank(lines, after: j).map { isMeta($0) } ?? false))
                {
                    draft.publication = t
                } else {
                    break
                }
                previousWasMeta = true
                j += 1
            }
            bodyStart = j
            // A byline without "By": a last title line that is only names (2–3 words each).
            if draft.authors.isEmpty, titleLines.count > 1, let last = titleLines.last,
                let names = BylineParser.names(last),
                names.allSatisfy({ (2...3).contains($0.split(separator: " ").count) && !$0.contains(where: \.isNumber) }),
                !last.contains(":")
            {
                draft.authors = names
                titleLines.removeLast()
            }
            draft.title = BodyReflower.join(titleLines.map(stripMarkdownHeading))
        } else {
            if i < lines.count { draft.title = stripMarkdownHeading(lines[i].trimmingWhitespace) }
            bodyStart = i + 1
        }
        let body = BodyReflower.reflow(Array(lines[min(bodyStart, lines.count)...]))
        draft.blocks = body.blocks
        draft.format = body.wrapped ? .wrappedText : .blankLineText
        return draft
    }

    static func isMeta(_ line: String) -> Bool {
        let t = line.trimmingWhitespace
        return BylineParser.authors(t) != nil || DateLineParser.dateLine(t) != nil
    }

    static func nextNonBlank(_ lines: [String], after j: Int) -> String? {
        var k = j + 1
        while k < lines.count {
            let t = lines[k].trimmingWhitespace
            if !t.isEmpty { return t }
            k += 1
        }
        return nil
    }

    static func stripMarkdownHeading(_ line: String) -> String {
        guard line.hasPrefix("#") else { return line }
        return String(line.drop(while: { $0 == "#" })).trimmingWhitespace
    }

    /// Words that mark an outlet name.
    static let publicationWords: Set<String> = [
        "journal", "times", "post", "news", "herald", "tribune", "guardian", "telegraph", "gazette",
        "chronicle", "daily", "weekly", "review", "magazine", "press", "reuters", "bloomberg", "economist",
        "observer", "independent", "standard", "globe", "mail", "star", "sun", "examiner", "courier",
        "inquirer", "register", "dispatch", "bulletin", "monitor", "wire", "today", "record", "sentinel",
        "bbc", "cnn", "npr", "ap", "afp", "associated", "axios", "politico", "atlantic", "yorker", "wired",
        "verge", "insider", "forbes", "fortune", "zeitung", "spiegel", "monde", "figaro", "país", "pais",
    ]

    /// A short Title-Case line without sentence punctuation; `strict` also requires an outlet word.
    static func looksLikePublication(_ line: String, strict: Bool) -> Bool {
        let t = line.trimmingWhitespace
        guard !t.isEmpty, t.count <= 60, let last = t.last, !".?!,:;”\"".contains(last) else { return false }
        let words = t.split(separator: " ")
        guard words.count <= 6, let f = t.first, f.isUppercase || f.isNumber else { return false }
        for w in words where w.count > 3 {
            guard let c = w.first, c.isUppercase || c.isNumber else { return false }
        }
        if !strict { return true }
        return words.contains { publicationWords.contains(String($0).lowercased().trimmingNonLetters) }
    }
}

