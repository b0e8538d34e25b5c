import BroadsheetCore

/// One turn of a question-and-answer transcript: a paragraph that starts with `Q:`, `A:` or a
/// speaker label (`Smith:`, `**Smith:**`, `SMITH:`), or a paragraph continuing the previous turn.
struct InterviewTurn: Sendable, Hashable {
    enum Role: Sendable, Hashable { case question, answer, named }
    var paragraph: Int
    var role: Role
    /// The label as written (`Q`, `A`, `Smith`), and where.
    var label: String
    var labelSpan: TextSpan
    var contentStart: Int
    var contentEnd: Int
    /// Whether this paragraph has no label and continues the previous turn.
    var isContinuation: Bool
}

/// Detects question-and-answer transcripts.
///
/// A document is a transcript when it has at least one `Q:` and one `A:` paragraph, or at least
/// three paragraphs labelled with two or more different speaker names. Labels are at most four words
/// and never a known non-speaker label (`Update:`, `Correction:`, `Editor’s note:`…). An unlabelled
/// paragraph between two turns continues the turn before it. Quotation marks inside turns are part
/// of the answer, not separate quotations.
enum InterviewTranscript {
    static func turns(in document: Document, text: UTF16Text) -> [InterviewTurn] {
        var labelled: [InterviewTurn] = []
        for p in document.paragraphs {
            if let t = label(of: p, text: text) { labelled.append(t) }
        }
        let questions = labelled.filter { $0.role == .question }.count
        let answers = labelled.filter { $0.role == .answer }.count
        let names = Set(labelled.filter { $0.role == .named }.map { $0.label.lowercased() })
        let isQA = questions >= 1 && answers >= 1
        let isNamed = names.count >= 2 && labelled.filter { $0.role == .named }.count >= 3
        guard isQA || isNamed else { return [] }
        let kept = labelled.filter { isQA ? $0.role != .named : $0.role == .named }
        guard let lastLabelled = kept.last?.paragraph else { return [] }
        var byParagraph: [Int: InterviewTurn] = [:]
        for t in kept { byParagraph[t.paragraph] = t }
        var out: [InterviewTurn] = []
        var current: InterviewTurn?
        for p in document.paragraphs {
            if let t = byParagraph[p.index] {
                out.append(t)
                current = t
            } else if var c = current, p.index < lastLabelled {
                var s = p.span.start
                while s < p.span.end, UTF16Text.isSpace(text[s]) { s += 1 }
                c.paragraph = p.index
                c.contentStart = s
                c.contentEnd = p.span.end
                c.isContinuation = true
                out.append(c)
            } else {
                current = nil
            }
        }
        return out
    }

    private static func label(of p: Paragraph, text: UTF16Text) -> InterviewTurn? {
        var i = p.span.start
        let pe = min(p.span.end, text.count)
        while i < pe, UTF16Text.isSpace(text[i]) || text[i] == 0x2A || text[i] == 0x5F { i += 1 }  // spaces, * and _
        let labelStart = i
        var j = i
        while j < pe, j - i < 40, text[j] != 0x3A, text[j] != 0x0A { j += 1 }
        var labelEnd = j
        var contentStart: Int
        if j < pe, text[j] == 0x3A {
            contentStart = j + 1
        } else if i + 1 < pe, (text[i] == 0x51 || text[i] == 0x41), text[i + 1] == 0x2E,
            UTF16Text.isSpace(text.at(i + 2))
        {
            labelEnd = i + 1  // "Q. What …" / "A. We …"
            contentStart = i + 2
        } else {
            return nil
        }
        while labelEnd > labelStart,
            text[labelEnd - 1] == 0x2A || text[labelEnd - 1] == 0x5F || UTF16Text.isSpace(text[labelEnd - 1])
        { labelEnd -= 1 }
        while contentStart < pe,
            UTF16Text.isSpace(text[contentStart]) || text[contentStart] == 0x2A || text[contentStart] == 0x5F
        { contentStart += 1 }
        guard labelEnd > labelStart, contentStart < pe else { return nil }
        let label = text.string(labelStart, labelEnd)
        let lower = label.lowercased()
        let role: InterviewTurn.Role
        switch lower {
        case "q", "question": role = .question
        case "a", "answer": role = .answer
        default:
            let words = label.split(separator: " ")
            guard words.count <= 4, !AttributionLexicon.nonSpeakerLabels.contains(lower),
                words.allSatisfy({ $0.first!.isUppercase }), !label.contains(where: \.isNumber),
                UTF16Text.isUpper(text[contentStart]) || UTF16Text.isAnyMark(text[contentStart])
            else { return nil }
            role = .named
        }
        return InterviewTurn(
            paragraph: p.index, role: role, label: label, labelSpan: TextSpan(start: labelStart, end: labelEnd),
            contentStart: contentStart, contentEnd: pe, isContinuation: false)
    }
}
