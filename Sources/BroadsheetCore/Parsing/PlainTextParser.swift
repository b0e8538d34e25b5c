/// Parses plain-text articles: hard-wrapped text (``ArticleFormat/wrappedText``) and
/// blank-line-separated text (``ArticleFormat/blankLineText``).
///
/// **Header.** The first non-blank line starts the title. The first byline (`By …`) or date line
/// among the first six non-blank lines starts the metadata; title lines before it are joined with
/// a space (a title may wrap over several lines); trailing sentence-case lines of that group that
/// end with a period are the dek (`Headline` / `Sentence dek over a line.`). A further blank-line-separated group before the
/// metadata is a publication name (if it looks like one) or the dek. The metadata zone is a run of
/// byline, date and publication lines, plus "Updated 3 hours ago" stamps and reading times (a publication line is a short Title-Case line without
/// sentence punctuation, either between two metadata lines or containing a word such as `Journal`,
/// `Times`, `Post`, `News` as its last word, or a known outlet name). Without any byline or date, the title is the first line only.
/// When no `By` line exists, a last title line made only of names (two or three capitalised
/// words each, e.g. `Sam Okafor` or `Ann Lee and Bo Chen`) is taken as the byline.
///
/// **Dek.** Besides the header positions above, the first body paragraph may be taken as the dek
/// (see ``DekDetector``), but only when the article has a byline or date line, or is hard-wrapped:
/// in blank-line text with only a headline above the body, the first paragraph is the lead.
///
/// **Body.** See ``BodyReflower``.
enum PlainTextParser {
    static func parse(_ text: String) -> ArticleDraft {
        let lines = TextNormalizer.lines(text)
        var i = 0
        while i < lines.count, lines[i].trimmingWhitespace.isEmpty { i += 1 }
        var draft = ArticleDraft(format: .blankLineText)
        draft.dateSource = .dateline

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
            // Title lines, then sentence-case lines ending with a period: a dek without a blank line.
            if titleLines.count >= 2, let last = titleLines.last, last.hasSuffix("."),
                let split = (1..<titleLines.count).first(where: { !isTitleCase(titleLines[$0]) || titleLines[$0 - 1].hasSuffix(".") })
            {
                let dekLines = Array(titleLines[split...])
                if BodyReflower.join(dekLines).split(separator: " ").count >= 5 {
                    draft.dek = BodyReflower.join(dekLines)
                    titleLines = Array(titleLines[..<split])
                }
            }
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
                var t = lines[j].trimmingWhitespace
                if t.isEmpty { j += 1; continue }
                // A byline wrapped over lines: "By A, B," / "C and D".
                var extra = 0
                while BylineParser.authors(t) != nil || t.lowercased().hasPrefix("by "),
                    t.hasSuffix(",") || t.hasSuffix(" and") || t.hasSuffix(" &"), j + extra + 1 < lines.count
                {
                    extra += 1
                    t += " " + lines[j + extra].trimmingWhitespace
                }
                if draft.authors.isEmpty, let names = BylineParser.authors(t) {
                    draft.authors = names
                    j += extra
                } else if let date = DateLineParser.dateLine(t) {
                    if draft.publishedAt == nil { draft.publishedAt = date }
                } else if isHeaderFurniture(t) {
                    // "Updated 3 hours ago", "5 min read": skipped.
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
            // No byline or date: the title is the first line, or the first blank-line group when it
            // is a few short lines without a final period (a headline wrapped over lines).
            var end = i
            while end < lines.count, !lines[end].trimmingWhitespace.isEmpty { end += 1 }
            let group = lines[i..<end].map { $0.trimmingWhitespace }
            if group.count > 1, group.count <= 3, end < lines.count,
                group.allSatisfy({ $0.count <= 100 && !$0.hasSuffix(".") })
            {
                draft.title = BodyReflower.join(group.map(stripMarkdownHeading))
                bodyStart = end
            } else {
                if i < lines.count { draft.title = stripMarkdownHeading(lines[i].trimmingWhitespace) }
                bodyStart = i + 1
            }
        }
        let body = BodyReflower.reflow(Array(lines[min(bodyStart, lines.count)...]))
        draft.blocks = body.blocks
        draft.format = body.wrapped ? .wrappedText : .blankLineText
        // In blank-line text with nothing but a headline above the body, the first paragraph is the
        // lead: such dumps have no standfirst slot. A header (byline or date line) or hard-wrapped
        // layout marks an edited article, whose short first block may be a standfirst (DekDetector).
        draft.inferDek = meta != nil || body.wrapped
        return draft
    }

    /// Header lines that are neither title nor body: an unparsed "Updated …" stamp, a reading time.
    static func isHeaderFurniture(_ line: String) -> Bool {
        let lower = line.lowercased()
        let words = lower.split(separator: " ")
        guard words.count <= 8 else { return false }
        if ["updated", "published", "posted", "last updated", "first published"].contains(where: { lower.hasPrefix($0) }) {
            return !line.hasSuffix(".")
        }
        if lower.hasSuffix("min read") || lower.hasSuffix("minute read") || lower.hasPrefix("listen (") { return true }
        return false
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

    /// Most words of four or more letters are capitalised (headline style).
    static func isTitleCase(_ line: String) -> Bool {
        let words = line.split(separator: " ").filter { $0.filter(\.isLetter).count >= 4 }
        guard !words.isEmpty else { return true }
        let capitalised = words.filter { $0.first(where: \.isLetter)?.isUppercase ?? false }.count
        return capitalised * 10 >= words.count * 7
    }

    /// Words that mark an outlet name.
    static let publicationWords: Set<String> = [
        "journal", "times", "post", "news", "herald", "tribune", "guardian", "telegraph", "gazette",
        "chronicle", "daily", "weekly", "review", "magazine", "press", "reuters", "bloomberg", "economist",
        "observer", "independent", "standard", "globe", "mail", "star", "sun", "examiner", "courier",
        "inquirer", "register", "dispatch", "bulletin", "monitor", "wire", "today", "record", "sentinel",
        "bbc", "cnn", "npr", "ap", "afp", "associated", "axios", "politico", "atlantic", "yorker", "wired",
        "verge", "insider", "forbes", "fortune", "zeitung", "spiegel", "monde", "figaro", "país", "pais",
        "businessweek", "barron's", "barron’s", "quarterly", "spectator",
        "statesman", "newsweek",
    ]

    /// Outlet names that carry none of ``publicationWords``, matched as the whole line.
    static let knownOutlets: Set<String> = [
        "vox", "slate", "semafor", "the information", "puck", "air mail", "the free press", "vanity fair",
        "rolling stone", "nikkei asia", "al jazeera", "the hill", "propublica", "the intercept", "haaretz",
        "newsweek", "time", "foreign affairs", "foreign policy", "the nation", "barron's", "barron’s",
        "the spectator", "new statesman", "the new republic", "cnbc", "fox", "nbc", "cbs", "abc", "msnbc",
        "agence france-presse", "le monde", "der spiegel", "el país", "la repubblica", "the australian",
        "the cut", "vice", "quartz", "techcrunch", "ars technica", "the block", "coindesk", "defense one",
        "lawfare", "war on the rocks", "the diplomat", "the atlantic", "bbc", "npr", "pbs", "cnn",
    ]

    /// A short Title-Case line without sentence punctuation; `strict` also requires an outlet word
    /// (or a known outlet name).
    static func looksLikePublication(_ line: String, strict: Bool) -> Bool {
        let t = line.trimmingWhitespace
        guard !t.isEmpty, t.count <= 60, let last = t.last, !".?!,:;”\"".contains(last) else { return false }
        let words = t.split(separator: " ")
        guard words.count <= 6, let f = t.first, f.isUppercase || f.isNumber else { return false }
        for w in words where w.count > 3 {
            guard let c = w.first, c.isUppercase || c.isNumber else { return false }
        }
        if !strict { return true }
        if knownOutlets.contains(t.lowercased()) { return true }
        // Outlet names end with the outlet word: "The Coastal Times", "Chicago Tribune", "Reuters".
        return words.last.map { publicationWords.contains(String($0).lowercased().trimmingNonLetters) } ?? false
    }
}

