public import BroadsheetCore

/// Finds the people, organisations, places, money amounts, percentages and other names in a parsed document,
/// merges each entity's aliases, and attaches the roles the text gives them.
///
/// ```swift
/// let recognizer = EntityRecognizer()
/// let found = recognizer.extract(document)
/// for e in found.entities { print(e.type, e.name, e.aliases, e.descriptions) }
/// ```
///
/// The recogniser is a pure function of the document. It combines lexicons (``EntityLexicons``) with context
/// cues (titles, appositives, role nouns, verbs of saying, prepositions of place, "X-based", following nouns such
/// as "province" or "missiles"), so unknown names are typed too.
///
/// Decisions:
/// - Nationalities ("Russian") are not entities; they are listed in ``DocumentEntities/demonyms`` with the key of
///   their place when the place is also mentioned.
/// - Facilities (towers, airports, bridges, stadiums, parks, pipelines, space centres) are `location`.
/// - In a sports report a town's club is an `organization` where it plays ("Kelso 3 Dunmore 1"); countries stay
///   places (``SportContext``).
/// - Seats of government used as actors ("White House", "Kremlin") are `organization` (lexicon).
/// - Known names take the lexicon's canonical name ("United States" for "U.S." and "America"); other names take
///   the fullest form the document uses. Titles and possessive endings are never part of a name or span.
/// - A family reference ("the X brothers, A and B" → "A X", "B X"; a later "the Xs") is a mention of every member.
/// - Money and percentages are one entity per normalised value.
/// - Title-case heading lines without final punctuation only yield known names.
/// - Lines in capitals are re-cased from the document's own spellings and the lexicons first (``ShoutedLines``),
///   so "SECOND ROUND RESULTS" is no name and "NEW ZEALAND" is the place.
public struct EntityRecognizer: Sendable {
    let lexicons: EntityLexicons

    /// A recogniser using the bundled lexicons.
    public init() { self.lexicons = .shared }
    /// A recogniser using custom lexicons.
    public init(lexicons: EntityLexicons) { self.lexicons = lexicons }

    /// Extracts every entity of `document`.
    public func extract(_ document: Document) -> DocumentEntities {
        var tk = EntityTokenizer.tokenize(document, wordClasses: lexicons.wordClasses)
        // A dateline's place keeps its capitals: the dateline rules read it ("SANTA CLARA, Calif. —").
        let dateline = DatelineLocator().locate(in: document, units: tk.units)
        ShoutedLines.recase(&tk, lex: lexicons, keeping: [dateline?.place, dateline?.region].compactMap { $0 })
        // Tokens do not retain their strings: the output that owns them lives until the extraction is done.
        return withExtendedLifetime(tk.strings) { extract(document, tokenized: tk) }
    }

    /// Whether the candidate lies inside the dateline's place or region.
    private static func isInDateline(start: Int, end: Int, _ d: DatelineLocator.Dateline) -> Bool {
        [d.place, d.region].contains { span in span.map { $0.start <= start && end <= $0.end } ?? false }
    }

    private func extract(_ document: Document, tokenized tk: EntityTokenizer.Output) -> DocumentEntities {
        let tokens = tk.tokens
        let units = tk.units
        func text(_ a: Int, _ b: Int) -> String { EntityTokenizer.string(units, max(0, a), min(units.count, b), lowercase: false) }

        // 1. Money and percentages.
        let numeric = NumericEntityScanner.scan(tokens, lexicons: lexicons)
        var consumed = [Bool](repeating: false, count: tokens.count)
        for m in numeric { for j in m.firstToken...m.lastToken { consumed[j] = true } }

        // 2. Name candidates.
        let finder = NameCandidateFinder(
            tokens: tokens, lex: lexicons, lowercaseWords: tk.lowercaseWords,
            capitalizedNonInitial: tk.capitalizedNonInitial, consumed: consumed)
        var scan = finder.scan()
        // Move the candidates out, so that updating them does not copy the array.
        var candidates = scan.candidates
        scan.candidates = []

        // 3. Evidence and descriptions. A dateline ("SANTA CLARA, Calif. —") names places.
        let dateline = DatelineLocator().locate(in: document, units: units)
        let evidence = NameEvidence(tokens: tokens, lex: lexicons)
        let describer = EntityDescriber(tokens: tokens, lex: lexicons, evidence: evidence, text: text, candidates: candidates)
        let sport = SportContext.isSport(tokens)
        for idx in candidates.indices {
            let title = scan.titles[idx]
            // One copy of the candidate for the rules below (passing `candidates[idx]` to each would copy it each
            // time); they read neither the scores nor the name override set here.
            let candidate = candidates[idx]
            let appositive = evidence.appositive(after: candidate)
            candidates[idx].scores = evidence.intrinsic(candidate) + evidence.context(candidate, hasTitle: title != nil, appositive: appositive)
            if let dateline, Self.isInDateline(start: candidate.start, end: candidate.end, dateline) {
                candidates[idx].scores.add(.location, 50)
                if candidate.lexicon == nil, !candidate.key.contains(where: \.isLowercase) {
                    candidates[idx].nameOverride = DatelineLocator.titleCased(candidate.key)
                }
            }
            // A town's club in a sports report: "Kelso 3 Dunmore 1", "Kelso beat Dunmore".
            if sport, let e = candidate.lexicon, e.kind == .location, !e.isCountry,
                SportContext.isTeamMention(candidate, tokens: tokens, tableRow: finder.tableSentences.indices.contains(candidate.sentence) && finder.tableSentences[candidate.sentence])
            {
                candidates[idx].scores.add(.organization, 20)
            } else if sport, candidate.lexicon == nil, SportContext.isPlayerMention(candidate, tokens: tokens) {
                // A scorer or bowler in a scorecard ("Okoro 53rd", "Okoro 9-1-49-0").
                candidates[idx].scores.add(.person, 4)
            } else if candidate.lexicon.map({ $0.kind != .location || !$0.isCountry }) ?? true,
                SportContext.isTeamRow(candidate, tokens: tokens)
            {
                // A side in a results or standings row, whatever its words look like ("Odra Kelso 3").
                candidates[idx].scores.add(.organization, 20)
            }
            candidates[idx].descriptions = describer.describe(candidate, title: title, appositive: appositive, candidates: candidates)
            // "Central Intelligence Agency (CIA)"
            let k = candidates[idx].last + 1
            if k + 2 < tokens.count, tokens[k].isPunct("("), tokens[k + 1].kind == .word, tokens[k + 1].isAllCaps, tokens[k + 2].isPunct(")") {
                candidates[idx].parentheticalAcronym = tokens[k + 1].text
            }
        }
        FamilyNames.apply(&candidates, tokens: tokens, lex: lexicons)

        // 4. Coreference.
        let resolver = EntityCoreference(lex: lexicons)
        let groups = resolver.resolve(candidates)

        // 5. Assemble entities in order of first mention.
        var drafts: [(firstStart: Int, entity: DocumentEntity)] = []
        for gi in groups.indices {
            guard groups[gi].type != nil, let type = groups[gi].type else { continue }
            var mentions: [EntityMention] = []
            var forms: [String] = []
            var descriptions: [String] = []
            var seenDescriptions: Set<String> = []
            for ci in groups[gi].members {
                let start = candidates[ci].start, end = candidates[ci].end
                let mtext = text(start, end)
                mentions.append(EntityMention(span: TextSpan(start: start, end: end), text: mtext, sentence: candidates[ci].sentence))
                forms.append(mtext.utf8.contains(where: { $0 < 32 || $0 == 0xE2 }) ? EntityLexicons.normalizeKey(mtext) : mtext)
                for d in candidates[ci].descriptions where seenDescriptions.insert(d.lowercased()).inserted { descriptions.append(d) }
            }
            mentions.sort { $0.span < $1.span }
            var aliases: [String] = []
            for f in forms where f != groups[gi].name && !aliases.contains(f) { aliases.append(f) }
            drafts.append((mentions.first?.span.start ?? 0, DocumentEntity(
                key: 0, name: groups[gi].name, type: type, aliases: aliases, descriptions: descriptions, value: nil, mentions: mentions)))
        }
        // Money and percent: one entity per value.
        var valueIndex: [EntityValue: Int] = [:]
        for m in numeric {
            let span = TextSpan(start: tokens[m.firstToken].start, end: tokens[m.lastToken].end)
            let mt = text(span.start, span.end)
            let mention = EntityMention(span: span, text: mt, sentence: tokens[m.firstToken].sentence)
            if let di = valueIndex[m.value] {
                drafts[di].entity.mentions.append(mention)
                if mt != drafts[di].entity.name && !drafts[di].entity.aliases.contains(mt) { drafts[di].entity.aliases.append(mt) }
            } else {
                valueIndex[m.value] = drafts.count
                drafts.append((span.start, DocumentEntity(key: 0, name: mt, type: m.type, value: m.value, mentions: [mention])))
            }
        }
        drafts.sort { $0.firstStart < $1.firstStart }
        var entities = drafts.map(\.entity)
        for i in entities.indices { entities[i].key = i }

        // 6. Demonyms, linked to their place when it is an entity here.
        var placeKey: [String: Int] = [:]
        for e in entities where e.type == .location { placeKey[e.name] = e.key }
        let demonyms = scan.demonyms.map { d in
            DemonymMention(
                text: text(tokens[d.first].start, tokens[d.last].end),
                span: TextSpan(start: tokens[d.first].start, end: tokens[d.last].end),
                sentence: tokens[d.first].sentence, place: d.place, placeKey: placeKey[d.place])
        }
        var result = DocumentEntities(documentId: document.id, entities: entities)
        result.demonyms = demonyms
        return result
    }
}
