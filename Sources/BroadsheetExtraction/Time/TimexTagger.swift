public import BroadsheetCore

/// Finds the time expressions of a document and normalises them to TIMEX3 values.
///
/// Relative expressions are resolved against the document's ``Document/publishedAt`` ("last month",
/// "next week", a yearless "Aug. 6" whose year follows from the tense of its clause) or against the
/// date the narrative last mentioned ("the next day", "that same month", "a day earlier"). Without a
/// publication date they stay unresolved (`XXXX-10`, ``TimeExpression/anchored`` `false`).
///
/// ```swift
/// let times = TimexTagger().tag(document)
/// for t in times { print(t.text, t.value, t.type) }   // "next week" 2025-W49 date
/// ```
public struct TimexTagger: Sendable {
    public init() {}

    /// The time expressions of `document`, in text order.
    public func tag(_ document: Document) -> [TimeExpression] {
        var narrative = NarrativeReference()
        var out: [TimeExpression] = []
        let resolver = TimexResolver(anchor: document.publishedAt)
        for sentence in document.sentences {
            let text = document.text.slice(sentence.span)
            let tokens = TimexTokenizer.tokenize(text, base: sentence.span.start)
            out += tag(tokens: tokens, sentence: sentence.index, in: document.text, resolver: resolver, narrative: &narrative)
        }
        return out
    }

    /// Tags a plain text against an optional publication date, for tests and tools. The whole text is
    /// read as one sentence stream (every expression gets `sentence` 0, and tense cues are looked for
    /// across it); spans are UTF-16 offsets into `text`.
    public func tag(text: String, anchor: CivilDate?) -> [TimeExpression] {
        var narrative = NarrativeReference()
        let tokens = TimexTokenizer.tokenize(Substring(text), base: 0)
        return tag(tokens: tokens, sentence: 0, in: text, resolver: TimexResolver(anchor: anchor), narrative: &narrative)
    }

    /// Tags one sentence's tokens, updating the narrative reference.
    func tag(
        tokens: [TimexToken], sentence: Int, in text: String, resolver: TimexResolver, narrative: inout NarrativeReference
    ) -> [TimeExpression] {
        let matches = TimexMatcher(tokens: tokens).matches()
        guard !matches.isEmpty else { return [] }
        narrative.sentence = sentence
        var results: [TimexResolution?] = Array(repeating: nil, count: matches.count)
        var sentenceDay: CivilDate?
        // Pass 1: everything but clock times that take their day from the sentence.
        for (k, m) in matches.enumerated() {
            if case .time(_, _, _, .contextual) = m.candidate { continue }
            let tense = Self.tense(tokens, m)
            var r = resolver.resolve(m.candidate, tense: tense, narrative: narrative, yearHint: yearHint(k, matches, tokens))
            // "The next day" in a story set in another year continues the story.
            if m.candidate.isNarrativeRelative, narrative.storyTime(anchor: resolver.anchor, tense: tense) != nil { r.fromStory = true }
            results[k] = r
            if m.candidate.isComparison {
                // A comparison ("up from a year earlier", "last year's quarter") does not move the narrative.
            } else if r.type == .date {
                let sets = r.fromStory || r.anchored == nil && Self.setsStoryTime(tokens, m, r.granularity)
                narrative.note(value: r.value, granularity: r.granularity, sentence: sentence, explicit: sets)
                if r.granularity == .day, let d = TimexValue.interval(of: r.value)?.lowerBound { sentenceDay = d }
            } else if r.type == .time, let d = TimexValue.interval(of: r.value)?.lowerBound {
                // "Saturday evening" sets the narrative's day too.
                narrative.note(value: d.description, granularity: .day, sentence: sentence)
                sentenceDay = d
            }
        }
        // Pass 2: clock times, on the day the sentence mentions (else the publication date).
        // Without a day in the sentence, a clock time belongs to the narrative's day when that was set
        // in the last two sentences ("On Saturday, … Police said it ended at 6pm."), else to the anchor.
        if sentenceDay == nil, let f = narrative.fine, f.granularity == .day, let fs = narrative.fineSentence, sentence - fs <= 2 {
            sentenceDay = f.date
        }
        for (k, m) in matches.enumerated() where results[k] == nil {
            results[k] = resolver.resolve(m.candidate, tense: Self.tense(tokens, m), narrative: narrative, sentenceDay: sentenceDay)
        }
        return zip(matches, results).compactMap { m, r in
            guard let r else { return nil }
            let span = TextSpan(start: tokens[m.first].start, end: tokens[m.end - 1].end)
            return TimeExpression(
                span: span, text: String(text.slice(span)), value: r.value, type: r.type, granularity: r.granularity,
                mod: m.mod, sentence: sentence, anchored: r.anchored)
        }
    }

    /// Words before a date that make it a deadline or a payment date ("until Nov. 9", "payable Dec. 7",
    /// "extended to Nov. 20"): such a date is read as the nearest one, even in a past-tense sentence.
    static let deadlineCues: Set<String> = ["until", "till", "through", "by", "payable", "effective", "due", "record", "deadline"]
    /// Deadline words before which a weekday is the coming one ("until Tuesday", "by Friday").
    static let weekdayDeadlineCues: Set<String> = ["until", "till", "by", "due", "deadline"]
    static let deadlineVerbs: Set<String> = [
        "extended", "postponed", "delayed", "moved", "pushed", "deferred", "rescheduled", "adjourned", "set",
    ]

    /// The tense governing a match; "since March" always looks back; a deadline ("until Nov. 9") is the
    /// nearest such date, whatever the sentence's tense (a past-tense report of a coming deadline).
    static func tense(_ tokens: [TimexToken], _ m: TimexMatch) -> Tense {
        if m.first > 0, tokens[m.first - 1].lower == "since" { return .past }
        if m.first > 0 {
            let p = tokens[m.first - 1].lower
            if deadlineCues.contains(p) { return m.candidate.isWeekdayBased && weekdayDeadlineCues.contains(p) ? .future : .unknown }
            // "as soon as Tuesday": the coming one.
            if p == "as", m.first > 1, tokens[m.first - 2].lower == "soon" { return .future }
            // "extended to Nov. 20", "extended its offer to Nov. 20", "postponed the vote to May 3".
            if p == "to" || p == "for", tokens[max(0, m.first - 4)..<(m.first - 1)].contains(where: { deadlineVerbs.contains($0.lower) }) {
                return .unknown
            }
        }
        return TenseDetector.tense(tokens, around: m.first..<m.end)
    }

    /// Prepositions that make a dated phrase the time of its clause ("On Oct. 20, 1998, …", "in March 1998").
    static let storyPrepositions: Set<String> = ["on", "in", "by", "during", "until", "from", "since", "through", "throughout"]

    /// Whether an explicit date sets the story time: a day, month or season written with its year as the
    /// adverbial of its clause ("On Oct. 20, 1998, …"), not a bare year ("founded in 1974") or a
    /// modifier ("the Aug. 7, 1998, floods").
    static func setsStoryTime(_ tokens: [TimexToken], _ m: TimexMatch, _ g: TimexGranularity) -> Bool {
        guard g == .day || g == .month || g == .season else { return false }
        guard m.first > 0 else { return true }
        return storyPrepositions.contains(tokens[m.first - 1].lower)
    }

    /// An explicit year shared by conjunction: "March 3 and April 5, 2019", "from March to June 2019",
    /// "between the first and third quarter of 2024".
    private func yearHint(_ k: Int, _ matches: [TimexMatch], _ tokens: [TimexToken]) -> Int? {
        guard needsYear(matches[k].candidate) else { return nil }
        let connectors: Set<String> = ["and", "or", "to", "through", "until", "-", ",", "&", "thru", "till"]
        func joined(_ a: TimexMatch, _ b: TimexMatch) -> Bool {
            let between = tokens[a.end..<b.first]
            return between.count <= 2 && !between.isEmpty && between.allSatisfy { connectors.contains($0.lower) }
        }
        if k + 1 < matches.count, joined(matches[k], matches[k + 1]), let y = explicitYear(matches[k + 1].candidate) { return y }
        if k > 0, joined(matches[k - 1], matches[k]), let y = explicitYear(matches[k - 1].candidate) { return y }
        return nil
    }

    private func needsYear(_ c: TimexCandidate) -> Bool {
        switch c {
        case .calendar(nil, .some, _), .quarter(_, nil), .halfYear(_, nil), .season(_, nil), .holiday(_, nil, nil): return true
        default: return false
        }
    }

    private func explicitYear(_ c: TimexCandidate) -> Int? {
        switch c {
        case .calendar(let y?, .some, _), .quarter(_, let y?), .halfYear(_, let y?), .season(_, let y?), .holiday(_, let y?, _):
            return y
        default: return nil
        }
    }
}
