import Foundation

/// The word lists the entity recogniser consults, loaded once from the module's `Lexicons/entities-*.txt`
/// resources (or from strings, for tests).
///
/// Every list is data written from general knowledge: countries with their aliases and demonyms, major places,
/// well-known organisations, given names across languages, titles, role nouns, head words of organisation,
/// facility and geographic names, currency cues, and capitalised words that are not names.
/// Keys of multi-word names are the name as written with single spaces and straight apostrophes.
public struct EntityLexicons: Sendable {
    /// What a known name is.
    enum Kind: Sendable, Hashable {
        case location, organization, other
        /// A product, model, software or financial index (``EntityType/product``).
        case product
        /// A nationality or demonym ("Russian"): no entity, but linked to its place.
        case demonym
    }

    /// One known name form.
    struct Entry: Sendable, Hashable {
        var kind: Kind
        /// The canonical name the form stands for ("United States" for "U.S.").
        var canonical: String
        /// A country (rather than a city or region); used for aliases like "America".
        var isCountry: Bool
        /// A form that only refers to its canonical when the canonical name is in the same document ("the Journal").
        var needsCanonicalInDocument: Bool
    }

    var known = WordMap<Entry>()
    /// Every token-prefix of a key of ``known``, for incremental longest-match.
    var knownPrefixes = WordSet()
    var givenNames = WordSet()
    /// Titles as lowercase words without dots, joined by single spaces ("lt gen").
    var titles = WordSet()
    var titlePrefixes = WordSet()
    /// First bytes of titles (a cheap filter before set lookups).
    var titleFirstBytes = [Bool](repeating: false, count: 256 * 32)
    var orgSuffixes = WordSet()
    var orgHeads = WordSet()
    /// Facility head → strong (true) or weak (false, also a common surname).
    var facilityHeads = WordMap<Bool>()
    var geoHeads = WordMap<Bool>()
    var otherHeads = WordSet()
    var otherLeads = WordSet()
    var otherFollowers = WordSet()
    /// Lowercase nouns of made things ("phone", "jet", "index"): as a following noun or a name's head they make
    /// the "other" evidence product evidence.
    var productNouns = WordSet()
    /// Words that start an "other" name on their own ("Hurricane X", "Operation X").
    var otherPrefixes = WordSet()
    var roleNouns = WordSet()
    var roleModifiers = WordSet()
    var functionWords = WordSet()
    var commonWords = WordSet()
    var calendarWords = WordSet()
    var nonEntityWords = WordSet()
    var commonAcronyms = WordSet()
    var currencySymbols = WordMap<String>()
    var currencyPrefixes = WordMap<String>()
    var currencyWords = WordMap<String>()
    /// Every member of the lists above (and of the rules' static word lists) mapped to its ``WordClasses``, for
    /// the tokenizer's one lookup per token. Built at the end of `init`: the lists are not changed afterwards.
    var wordClasses = WordMap<UInt64>()

    /// The lexicons bundled with the module, loaded on first use.
    public static let shared: EntityLexicons = EntityLexicons.loadBundled()

    /// The names of the bundled lexicon files (without `.txt`).
    public static let fileNames = [
        "entities-countries", "entities-places", "entities-organizations", "entities-other",
        "entities-given-names", "entities-titles", "entities-roles", "entities-org-heads",
        "entities-facility-heads", "entities-geo-heads", "entities-other-cues", "entities-common-words",
        "entities-acronyms-common", "entities-currencies", "entities-products",
    ]

    /// Builds lexicons from file contents keyed by file name (without `.txt`); missing files are empty lists.
    public init(files: [String: String]) {
        func lines(_ name: String) -> [Substring] {
            (files[name] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces)[...] }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        func words(_ line: Substring) -> [String] { line.split(whereSeparator: \.isWhitespace).map(String.init) }

        for line in lines("entities-countries") {
            let halves = line.split(separator: ";", maxSplits: 1)
            let names = halves[0].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let canonical = names.first, !canonical.isEmpty else { continue }
            for n in names { addKnown(n, Entry(kind: .location, canonical: canonical, isCountry: true, needsCanonicalInDocument: false)) }
            if halves.count > 1 {
                for d in halves[1].split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !d.isEmpty {
                    addKnown(d, Entry(kind: .demonym, canonical: canonical, isCountry: true, needsCanonicalInDocument: false))
                }
            }
        }
        for (file, kind) in [("entities-places", Kind.location), ("entities-organizations", .organization), ("entities-other", .other), ("entities-products", .product)] {
            for line in lines(file) {
                let names = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let first = names.first, !first.isEmpty else { continue }
                let canonical = Self.stripThe(first)
                for n in names {
                    let weak = n.hasPrefix("the ")
                    addKnown(n, Entry(kind: kind, canonical: canonical, isCountry: false, needsCanonicalInDocument: weak))
                }
            }
        }
        for line in lines("entities-given-names") { givenNames.formUnion(words(line)) }
        for line in lines("entities-titles") {
            let key = Self.titleKey(String(line))
            titles.insert(key)
            let firstWord = key.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map(String.init) ?? key
            if let f = firstWord.utf8.first { titleFirstBytes[Int(f) * 32 + min(31, firstWord.utf8.count)] = true }
            let parts = key.split(separator: " ")
            for i in 1...parts.count { titlePrefixes.insert(parts[0..<i].joined(separator: " ")) }
        }
        for line in lines("entities-roles") {
            let w = words(line)
            guard let tag = w.first else { continue }
            if tag == "role" { roleNouns.formUnion(w.dropFirst()) } else if tag == "modifier" { roleModifiers.formUnion(w.dropFirst()) }
        }
        for line in lines("entities-org-heads") {
            let w = words(line)
            guard let tag = w.first else { continue }
            let rest = w.dropFirst().map { $0.replacingOccurrences(of: ".", with: "") }
            if tag == "suffix" { orgSuffixes.formUnion(rest) } else { orgHeads.formUnion(rest) }
        }
        for (file, isGeo) in [("entities-facility-heads", false), ("entities-geo-heads", true)] {
            for line in lines(file) {
                let w = words(line)
                guard let tag = w.first else { continue }
                for h in w.dropFirst() {
                    let key = h.replacingOccurrences(of: ".", with: "")
                    if isGeo { geoHeads[key] = geoHeads[key] ?? (tag == "strong") } else { facilityHeads[key] = facilityHeads[key] ?? (tag == "strong") }
                }
            }
        }
        for line in lines("entities-other-cues") {
            let w = words(line)
            guard let tag = w.first else { continue }
            switch tag {
            case "head": otherHeads.formUnion(w.dropFirst())
            case "lead": otherLeads.formUnion(w.dropFirst())
            case "follow": otherFollowers.formUnion(w.dropFirst())
            case "prefix": otherPrefixes.formUnion(w.dropFirst())
            case "product": productNouns.formUnion(w.dropFirst())
            default: break
            }
        }
        var section = ""
        for line in lines("entities-common-words") {
            if line.hasPrefix("[") { section = String(line); continue }
            let w = words(line).map { $0.lowercased() }
            switch section {
            case "[function]": functionWords.formUnion(w)
            case "[common]": commonWords.formUnion(w)
            case "[calendar]": calendarWords.formUnion(w)
            default: nonEntityWords.formUnion(w)
            }
        }
        for line in lines("entities-acronyms-common") { commonAcronyms.formUnion(words(line)) }
        for line in lines("entities-currencies") {
            let w = words(line)
            guard w.count == 3 else { continue }
            switch w[0] {
            case "symbol": currencySymbols[w[1]] = w[2]
            case "prefix": currencyPrefixes[w[1]] = w[2]
            default: currencyWords[w[1].lowercased()] = w[2]
            }
        }
        wordClasses = WordClasses.table(self)
    }

    /// Loads the lexicons bundled as module resources.
    static func loadBundled() -> EntityLexicons {
        var files: [String: String] = [:]
        for name in fileNames {
            let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Lexicons")
                ?? Bundle.module.url(forResource: name, withExtension: "txt")
            if let url, let text = try? String(contentsOf: url, encoding: .utf8) { files[name] = text }
        }
        return EntityLexicons(files: files)
    }

    private mutating func addKnown(_ rawForm: String, _ entry: Entry) {
        let form = Self.normalizeKey(Self.stripThe(rawForm))
        guard !form.isEmpty else { return }
        // "McDonald's" is written with a possessive ending, which never belongs to a mention span.
        if form.hasSuffix("'s"), form.count > 3 { addKnown(String(form.dropLast(2)), entry) }
        if known[form] == nil { known[form] = entry }
        // Token prefixes: split at spaces and hyphens the way keys are built from tokens.
        // Token prefixes: wherever a letter/digit run starts or ends ("S", "S&", "S&P", "S&P 500").
        var prefix = ""
        var previousIsWord = false
        for ch in form {
            let isWord = ch.isLetter || ch.isNumber
            if !prefix.isEmpty && (!isWord || !previousIsWord) { knownPrefixes.insert(prefix) }
            prefix.append(ch)
            previousIsWord = isWord
        }
        knownPrefixes.insert(form)
    }

    static func stripThe(_ s: String) -> String {
        if s.hasPrefix("The ") || s.hasPrefix("the ") { return String(s.dropFirst(4)) }
        return s
    }

    /// Normalises a name form for lookups: straight apostrophes, single spaces.
    static func normalizeKey(_ s: String) -> String {
        var out = ""
        var lastSpace = false
        for ch in s {
            if ch.isWhitespace { if !lastSpace && !out.isEmpty { out.append(" ") }; lastSpace = true; continue }
            lastSpace = false
            out.append(ch == "\u{2019}" || ch == "\u{2018}" ? "'" : ch)
        }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    /// A title's lookup key: lowercase words without dots ("Lt. Gen." → "lt gen").
    static func titleKey(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: ".", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func entry(_ key: String) -> Entry? { known[key] }
    func isOrgEnding(_ word: String) -> Bool { orgSuffixes.contains(word) || orgHeads.contains(word) }
}
