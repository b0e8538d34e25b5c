public import BroadsheetCore

/// Finds every quotation in a document, classifies it and attributes it to a speaker.
///
/// ```swift
/// let entities: DocumentEntities = …  // from the entity recogniser
/// for quote in QuoteExtractor().extract(document, entities: entities) where quote.kind != .term {
///     let who = quote.speaker.map { entities.entities[$0].name } ?? quote.speakerText ?? "unknown"
///     print("\(who): \(quote.text)")
/// }
/// ```
///
/// Attribution, in order of preference:
/// 1. a cue in the quotation's own sentence (`said`, `told`, `according to`…, in any order, see
///    ``AttributionFinder``), the agent of a naming verb (`which it called a “…”`), or a colon that
///    introduces the quotation after a clause with a named subject;
/// 2. the attribution closing the previous paragraph with a colon (`the governor said:`), or of
///    another piece of the same quotation continued across paragraphs;
/// 3. the previous quotation in the same paragraph (`“…,” he said. “…”`);
/// 4. a quotation opening a paragraph right after a paragraph whose last quotation is attributed,
///    when no other person is named in between (news convention for continuing speakers);
/// 5. for a direct quotation opening its sentence, the person subject of the sentence just before it
///    in the same paragraph (`Jones disagreed. “That is nonsense.”`), with no cue;
/// 6. the speaker whose words the sentence just before reports (`Jones said the plan failed. It was
///    “a mess.”`) or, for a direct quotation opening its paragraph, the last sentence of the previous
///    paragraph (`Jones said the plan failed.` ¶ `“It was a mess.”`).
///
/// In its own sentence a quotation is also attributed by a short clause after it whatever the verb
/// (`“…,” Jones bristled.`), a dash signature (`“…” — Jones`), a short clause and a comma before it
/// (`Jones shot back, “…”`), and a round-up item (`Jones, Valley Post: “…”`). Speaker phrases are noun
/// phrases: never an adverbial, a predicate or a parenthetical aside.
///
/// Pronouns are resolved from the narrative by ``SpeakerResolver``; names inside quotations are
/// never antecedents; anonymous sources keep their `speakerText` and never get a named speaker.
/// Terms never have a speaker. The function is pure and never traps on unbalanced marks.
public struct QuoteExtractor: Sendable {
    public init() {}

    /// Extracts the quotations of `document`, in text order.
    ///
    /// - Parameters:
    ///   - document: a parsed article; offsets refer to its ``Document/text``.
    ///   - entities: the document's entities; ``Quote/speaker`` is a ``DocumentEntity/key`` into it.
    ///     An empty value is allowed: speakers then stay `nil` but `speakerText` is still filled.
    /// - Returns: the quotations sorted by start offset; continued pieces link back through ``Quote/continues``.
    public func extract(_ document: Document, entities: DocumentEntities) -> [Quote] {
        let text = UTF16Text(document.text)
        guard text.count > 0, !document.paragraphs.isEmpty else { return [] }
        let turns = InterviewTranscript.turns(in: document, text: text)
        let marked = QuoteMarkScanner().scan(document, text: text, skipping: Set(turns.map(\.paragraph)))
        let context = QuoteContext(document: document, text: text, quotes: marked, entities: entities)
        let finder = AttributionFinder(context: context)
        let classifier = QuoteClassifier(context: context, finder: finder)

        // 1. Kind and own attribution of every marked quote.
        var kinds: [QuoteKind] = []
        var own: [Attribution?] = []
        for q in marked.indices {
            let host = context.hostSentence(of: q)
            let tokens = context.tokenizer.tokens(from: host.start, to: host.end)
            guard let qi = tokens.firstIndex(where: { $0.quote == q }) else {
                kinds.append(.direct)
                own.append(nil)
                continue
            }
            // A reporting verb before the quotation counts too (`dismissed the idea as “…”`).
            let hasCue =
                tokens.indices.contains { finder.cue(at: $0, in: tokens) != nil }
                || (0..<qi).contains { finder.cue(at: $0, in: tokens, reporting: true) != nil }
            let kind = classifier.classify(q, tokens: tokens, quoteToken: qi, sentenceHasCue: hasCue)
            kinds.append(kind)
            own.append(kind == .term ? nil : finder.attribution(of: q, tokens: tokens, quoteToken: qi))
        }

        // 2. Chains of pieces continued across paragraphs share the first attribution found.
        var chainOf = Array(marked.indices)
        for q in marked.indices where marked[q].continuesPrevious && q > 0 && marked[q - 1].reopensNext {
            chainOf[q] = chainOf[q - 1]
        }
        var chainAttribution: [Int: Attribution] = [:]
        for q in marked.indices where chainAttribution[chainOf[q]] == nil {
            if let a = own[q], a.speakerText != nil { chainAttribution[chainOf[q]] = a }
        }

        // 3. Inherit attributions in text order.
        var final: [Attribution?] = Array(repeating: nil, count: marked.count)
        var lastAttributed: Int?  // index of the last non-term quote with an attribution
        for q in marked.indices {
            guard kinds[q] != .term else { continue }
            if let a = own[q], a.speakerText != nil {
                final[q] = a
            } else if let a = finder.colonParagraphIntroduction(of: q), a.speakerText != nil {
                final[q] = a
            } else if chainOf[q] != q || marked[q].reopensNext, let a = chainAttribution[chainOf[q]] {
                final[q] = a
            } else {
                var inherited: Attribution?
                if let p = lastAttributed, let a = final[p], inherits(q, from: p, speaker: a.speaker, context) {
                    inherited = a
                }
                // A person introduced in the sentence just before overrides the previous speaker.
                let preceding =
                    kinds[q] == .direct && !marked[q].continuesPrevious ? finder.precedingSentenceSubject(of: q) : nil
                if let pre = preceding, pre.speaker != nil, pre.speaker != inherited?.speaker {
                    final[q] = pre
                } else {
                    final[q] = inherited ?? preceding
                }
                if final[q] == nil, !marked[q].continuesPrevious {
                    final[q] =
                        kinds[q] == .direct
                        ? finder.previousParagraphReporter(of: q) ?? finder.precedingSentenceReporter(of: q)
                        : finder.precedingSentenceReporter(of: q)
                }
            }
            if final[q] != nil { lastAttributed = q }
        }

        // 4. Assemble, with interview turns, in text order.
        var pieces: [(start: Int, quote: Quote, chain: Int?)] = []
        for q in marked.indices {
            let m = marked[q]
            let a = final[q]
            let quote = Quote(
                span: TextSpan(start: m.open, end: m.end),
                textSpan: TextSpan(start: m.contentStart, end: m.contentEnd),
                text: text.string(m.contentStart, m.contentEnd), kind: kinds[q], speaker: a?.speaker,
                speakerText: a?.speakerText, speakerSpan: a?.speakerSpan, cue: a?.cue, paragraph: m.paragraph,
                sentence: context.sentenceIndex(of: m.contentStart))
            let linked = m.continuesPrevious && q > 0 && marked[q - 1].reopensNext
            pieces.append((m.open, quote, linked ? q - 1 : nil))
        }
        let interviewQuotes = interviewQuotes(turns, context: context)
        var all: [(start: Int, quote: Quote, previous: Int?)] = []
        // Map marked-quote indices to positions after merging.
        var position: [Int: Int] = [:]
        var merged: [(Int, Quote, Int?, Bool)] = pieces.enumerated().map {
            ($0.element.start, $0.element.quote, $0.element.chain, false)
        }
        merged += interviewQuotes.map { ($0.quote.span.start, $0.quote, nil, $0.continuesPrevious) }
        let order = merged.indices.sorted { merged[$0].0 < merged[$1].0 }
        for (newIndex, old) in order.enumerated() where old < pieces.count { position[old] = newIndex }
        for (newIndex, old) in order.enumerated() {
            let (start, quote, chain, continuesTurn) = merged[old]
            var previous: Int?
            if let c = chain { previous = position[c] }
            if continuesTurn { previous = newIndex - 1 }
            all.append((start, quote, previous))
        }
        return all.map { item in
            var q = item.quote
            q.continues = item.previous
            return q
        }
    }

    /// Whether quote `q` without an attribution of its own continues the speaker of quote `p`:
    /// always in the same paragraph; in the next paragraph only when `q` opens it, `p` ended its own
    /// paragraph (followed by at most a short attribution) and nobody else is named in between.
    private func inherits(_ q: Int, from p: Int, speaker: Int?, _ context: QuoteContext) -> Bool {
        let a = context.quotes[p]
        let b = context.quotes[q]
        if a.paragraph == b.paragraph { return true }
        guard b.paragraph == a.paragraph + 1, q == p + 1 else { return false }
        guard context.opensParagraph(b.open, b.paragraph) else { return false }
        let previous = context.document.paragraphs[a.paragraph]
        guard
            context.tokenizer.tokens(from: a.end, to: min(previous.span.end, a.end + 400)).filter(\.isWord).count <= 15
        else {
            return false
        }
        return !context.mentions(from: a.end, to: b.open).contains { $0.type == .person && $0.key != speaker }
    }

    private func interviewQuotes(_ turns: [InterviewTurn], context: QuoteContext) -> [(
        quote: Quote, continuesPrevious: Bool
    )] {
        guard !turns.isEmpty else { return [] }
        let text = context.text
        let turnParagraphs = Set(turns.map(\.paragraph))
        // The interviewee: the person named most often outside the turns (the introduction),
        // or in the whole document when there is no introduction.
        func mostMentioned(_ include: (Int) -> Bool) -> Int? {
            var counts: [Int: Int] = [:]
            for e in context.entities.entities where e.type == .person {
                for m in e.mentions {
                    if let p = context.document.paragraphIndex(containing: m.span.start), include(p) {
                        counts[e.key, default: 0] += 1
                    }
                }
            }
            return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        }
        let interviewee = mostMentioned { !turnParagraphs.contains($0) } ?? mostMentioned { _ in true }
        let resolver = SpeakerResolver(context: context)
        var out: [(Quote, Bool)] = []
        for t in turns {
            var end = t.contentEnd
            while end > t.contentStart, UTF16Text.isSpace(text[end - 1]) || text[end - 1] == 0x2A { end -= 1 }
            guard end > t.contentStart else { continue }
            var speaker: Int?
            switch t.role {
            case .question: speaker = nil
            case .answer: speaker = interviewee
            case .named:
                speaker = context.mentions(from: t.labelSpan.start, to: t.labelSpan.end).first?.key
                if speaker == nil {
                    let tokens = context.tokenizer.tokens(from: t.labelSpan.start, to: t.labelSpan.end)
                    speaker = resolver.resolve(phrase: tokens[...])?.speaker ?? nameMatch(t.label, context)
                }
            }
            let q = Quote(
                span: TextSpan(start: t.contentStart, end: end), textSpan: TextSpan(start: t.contentStart, end: end),
                text: text.string(t.contentStart, end), kind: .direct, speaker: speaker, speakerText: t.label,
                speakerSpan: t.labelSpan, cue: "interview", paragraph: t.paragraph,
                sentence: context.sentenceIndex(of: t.contentStart))
            out.append((q, t.isContinuation))
        }
        return out
    }

    /// An entity whose name or alias has a word equal (case-insensitively) to a word of `label`.
    private func nameMatch(_ label: String, _ context: QuoteContext) -> Int? {
        let words = Set(label.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        let matches = context.entities.entities.filter { e in
            e.type == .person
                && ([e.name] + e.aliases).contains { n in
                    n.lowercased().split(whereSeparator: { !$0.isLetter }).contains { words.contains(String($0)) }
                }
        }
        return matches.count == 1 ? matches[0].key : nil
    }
}
