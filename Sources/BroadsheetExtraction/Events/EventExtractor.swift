public import BroadsheetCore

/// Extracts dated events from a document, given its entities and its time expressions.
///
/// For every date in a sentence (a date-typed ``TimeExpression`` of day, week, month, quarter,
/// season or year granularity, not introduced by "since", "until" or "by"), the extractor finds the
/// clause it belongs to and that clause's trigger: an event noun the date modifies ("the Aug. 15
/// summit"), else the main verb (looking forward from a leading "On Aug. 6," and backward from a
/// trailing "in October"). Negated and hypothetical clauses are skipped, and so is a past-tense
/// clause whose date lies after the publication date. Participants are the clause's people,
/// organisations and acting countries, the actor (subject, or the agent of a passive, or the person a
/// subject pronoun refers to) first; places are its other locations.
///
/// A sentence without a date of its own inherits the previous sentence's day or month when it
/// directly continues the same dated narrative in the same paragraph (past simple, an event verb, no
/// pluperfect, no negation), for up to three sentences.
///
/// ```swift
/// let times = TimexTagger().tag(document)
/// let events = EventExtractor().extract(document, entities: entities, times: times)
/// ```
public struct EventExtractor: Sendable {
    public init() {}

    /// Longest summary, in characters, before it is cut at a word boundary with "…".
    public static let summaryLimit = 200

    /// The dated events of `document` in text order.
    public func extract(_ document: Document, entities: DocumentEntities, times: [TimeExpression]) -> [Event] {
        let byKey = Dictionary(entities.entities.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var mentionsBySentence: [Int: [(key: Int, mention: EntityMention)]] = [:]
        for m in entities.mentionsInOrder {
            let s = document.sentenceIndex(containing: m.mention.span.start) ?? m.mention.sentence
            mentionsBySentence[s, default: []].append(m)
        }
        let timesBySentence = Dictionary(grouping: times, by: \.sentence)
        var events: [Event] = []
        var previousSentenceEvent: (sentence: Int, event: Event, chain: Int)?
        var lastSubjectPerson: Int?
        for sentence in document.sentences {
            let text = document.text.slice(sentence.span)
            let tokens = TimexTokenizer.tokenize(text, base: sentence.span.start)
            guard !tokens.isEmpty else { continue }
            let mentions = (mentionsBySentence[sentence.index] ?? []).compactMap { m -> EventMention? in
                guard let e = byKey[m.key], let first = tokens.firstIndex(where: { $0.end > m.mention.span.start }) else { return nil }
                let last = max(first, tokens.lastIndex(where: { $0.start < m.mention.span.end }) ?? first)
                return EventMention(key: m.key, type: e.type, first: first, last: last)
            }
            let clause = EventClauseReader(tokens: tokens, mentions: mentions, text: document.text, previousPerson: lastSubjectPerson)
            var found: [Event] = []
            // Dates before clock times, so that "at 3 p.m. ET Thursday" dates its event by the day.
            let dated = (timesBySentence[sentence.index] ?? []).filter(Self.isEventDate).sorted { a, b in
                a.type == b.type ? a.span < b.span : a.type == .date
            }
            for t in dated {
                guard let first = tokens.firstIndex(where: { $0.start >= t.span.start }),
                    let last = tokens.lastIndex(where: { $0.end <= t.span.end }), first <= last
                else { continue }
                if let p = clause.lower(first - 1), ["since", "until", "till", "by", "through", "before", "after", "from"].contains(p) {
                    continue
                }
                guard let reading = clause.read(dateTokens: first...last) else { continue }
                if isImpossible(date: t, reading: reading, tokens: tokens, anchor: document.publishedAt) { continue }
                // One event per trigger: a second date for the same trigger is usually its context.
                if found.contains(where: { $0.triggerSpan == reading.triggerSpan }) { continue }
                found.append(event(reading, sentence: sentence.index, date: t, tokens: tokens, inherited: false))
            }
            found.sort { $0.triggerSpan < $1.triggerSpan }
            if found.isEmpty, let prev = previousSentenceEvent, prev.sentence == sentence.index - 1, prev.chain < 3,
                document.sentences[prev.sentence].paragraph == sentence.paragraph,
                [.day, .month].contains(prev.event.date.granularity),
                (timesBySentence[sentence.index] ?? []).allSatisfy({ $0.type == .duration || $0.type == .set }),
                let reading = clause.readContinuation()
            {
                let e = event(reading, sentence: sentence.index, date: prev.event.date, tokens: tokens, inherited: true)
                events.append(e)
                previousSentenceEvent = (sentence.index, e, prev.chain + 1)
            } else if let last = found.last {
                previousSentenceEvent = (sentence.index, last, 0)
            } else {
                previousSentenceEvent = nil
            }
            events += found
            if let subject = clause.firstSubjectPerson() { lastSubjectPerson = subject }
        }
        return events
    }

    /// Whether a time expression can date an event: a resolved date (or a time on a known day) of
    /// day to year granularity; not a duration, set, decade or `*_REF`.
    static func isEventDate(_ t: TimeExpression) -> Bool {
        guard t.type == .date || t.type == .time, t.interval != nil else { return false }
        return [.day, .week, .month, .quarter, .halfYear, .season, .year, .time].contains(t.granularity)
    }

    /// A past-tense clause dated after publication, or a date far in the future, is a misreading.
    private func isImpossible(date: TimeExpression, reading: EventClauseReader.Reading, tokens: [TimexToken], anchor: CivilDate?) -> Bool {
        guard let anchor, let range = date.interval else { return false }
        if range.lowerBound.year > anchor.year + 10 { return true }
        if reading.tense == .past, range.lowerBound > anchor { return true }
        return false
    }

    private func event(_ r: EventClauseReader.Reading, sentence: Int, date: TimeExpression, tokens: [TimexToken], inherited: Bool) -> Event {
        Event(
            sentence: sentence, date: date, trigger: r.trigger, triggerSpan: r.triggerSpan, type: r.type,
            summary: r.summary, participants: r.participants, places: r.places, inherited: inherited)
    }
}

/// An entity mention located in a sentence's tokens.
struct EventMention: Sendable {
    var key: Int
    var type: EntityType
    /// First and last token indices.
    var first: Int
    var last: Int
}
