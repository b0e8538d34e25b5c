public import BroadsheetCore

/// Finds the place dateline that opens a news story: `PORTLAND, Ore. —`, `BUENOS AIRES —`,
/// `SANTA CLARA, Calif. (Reuters) -`, `LONDON, March 3 (Reuters) -`, `WASHINGTON (AP) —`.
///
/// The place is written in capitals (one to four words, accents, periods, hyphens and apostrophes
/// allowed: `ST. LOUIS`, `COEUR D'ALENE`, `SÃO PAULO`), optionally followed by a region or country in
/// ordinary case (`Ore.`, `Ukraine`, `South Korea`), a date and an agency in parentheses, then a dash.
/// Only the first two paragraphs are read, and at most one dateline is reported. Whatever is named
/// there is a place, whatever the lexicons say of its words.
public struct DatelineLocator: Sendable {
    /// The places a dateline names: the capitalised place, then the region if there is one.
    public struct Dateline: Sendable, Hashable {
        public var place: TextSpan
        public var region: TextSpan?
    }

    public init() {}

    /// The dateline opening one of the first two paragraphs of `document`, if any.
    public func locate(in document: Document) -> Dateline? {
        locate(in: document, units: Array(document.text.utf16))
    }

    /// As ``locate(in:)``, with the document text already as UTF-16 code units.
    func locate(in document: Document, units: [UInt16]) -> Dateline? {
        for paragraph in document.paragraphs.prefix(2) {
            if let found = Self.dateline(in: units, from: paragraph.span.start, to: paragraph.span.end) { return found }
        }
        return nil
    }

    /// The dateline starting exactly at `start`, read no further than `end` (UTF-16 offsets into `units`).
    static func dateline(in units: [UInt16], from start: Int, to end: Int) -> Dateline? {
        var reader = Reader(units: units, position: start, end: min(end, start + 160))
        guard let place = reader.capitalWords(), reader.letterCount(place) >= 3 else { return nil }
        var region: TextSpan?
        if reader.skip(", ") {
            if reader.dateWords() != nil {
                // "LONDON, March 3 (Reuters) -": the date is not a place.
            } else if let words = reader.titleWords() {
                region = words
                if reader.skip(", ") { guard reader.dateWords() != nil else { return nil } }
            } else {
                return nil
            }
        }
        if reader.skip(" (") || reader.skip("(") {
            guard reader.skipAgency() else { return nil }
        }
        guard reader.skipDash() else { return nil }
        return Dateline(place: place, region: region)
    }

    /// A place written in capitals, in ordinary case: `SANTA CLARA` → `Santa Clara`, `WINSTON-SALEM` →
    /// `Winston-Salem`, `COEUR D'ALENE` → `Coeur D'Alene`, `RIO DE JANEIRO` → `Rio de Janeiro`.
    static func titleCased(_ capitals: String) -> [String] {
        let particles: Set<String> = ["de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "von", "van", "y"]
        return capitals.split(separator: " ").enumerated().map { index, word in
            let lower = word.lowercased()
            if index > 0 && particles.contains(lower) { return lower }
            var out = ""
            var capitalizeNext = true
            for ch in lower {
                out.append(capitalizeNext ? Character(ch.uppercased()) : ch)
                capitalizeNext = ch == "-" || ch == "'" || ch == "\u{2019}" || ch == "."
            }
            return out
        }
    }

    /// A cursor over UTF-16 units with the few patterns a dateline is made of.
    struct Reader {
        let units: [UInt16]
        var position: Int
        let end: Int

        func at(_ i: Int) -> UInt16? { i < end && i < units.count ? units[i] : nil }

        static func scalar(_ u: UInt16) -> Unicode.Scalar? { Unicode.Scalar(UInt32(u)) }
        static func isUpper(_ u: UInt16) -> Bool { scalar(u)?.properties.isUppercase ?? false }
        static func isLower(_ u: UInt16) -> Bool { scalar(u)?.properties.isLowercase ?? false }
        static func isLetter(_ u: UInt16) -> Bool { scalar(u)?.properties.isAlphabetic ?? false }
        static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
        /// Inside a name word: `.`, `'`, `’` and `-`.
        static func isJoiner(_ u: UInt16) -> Bool { u == 0x2E || u == 0x27 || u == 0x2019 || u == 0x2D }

        mutating func skip(_ literal: String) -> Bool {
            var i = position
            for u in literal.utf16 {
                guard at(i) == u else { return false }
                i += 1
            }
            position = i
            return true
        }

        func letterCount(_ span: TextSpan) -> Int {
            (span.start..<span.end).filter { Self.isLetter(units[$0]) }.count
        }

        /// One to four words in capitals, separated by single spaces.
        mutating func capitalWords() -> TextSpan? {
            let start = position
            var wordEnd = position
            var words = 0
            var i = position
            while words < 4 {
                guard let first = at(i), Self.isUpper(first) else { break }
                var j = i + 1
                while let u = at(j), Self.isUpper(u) || Self.isJoiner(u) {
                    // A hyphen or dash followed by a space ends the place: "NEW YORK- " is a dash.
                    if u == 0x2D, at(j + 1) == 0x20 { break }
                    j += 1
                }
                // A word in capitals has no lower-case letter ("Portland" is not one).
                if let u = at(j), Self.isLower(u) { break }
                words += 1
                wordEnd = j
                guard at(j) == 0x20, let next = at(j + 1), Self.isUpper(next) else { break }
                i = j + 1
            }
            guard words > 0 else { return nil }
            // A lone one-letter word is an initial or a pronoun, not a place.
            guard wordEnd - start >= 2 else { return nil }
            position = wordEnd
            return TextSpan(start: start, end: wordEnd)
        }

        /// One to three words in ordinary case (`Ore.`, `N.J.`, `South Korea`), not a month with a day.
        mutating func titleWords() -> TextSpan? {
            let start = position
            var wordEnd = position
            var words = 0
            var i = position
            while words < 3 {
                guard let first = at(i), Self.isUpper(first) else { break }
                var j = i + 1
                while let u = at(j), Self.isLetter(u) || u == 0x2E || u == 0x27 || u == 0x2019 { j += 1 }
                words += 1
                wordEnd = j
                guard at(j) == 0x20, let next = at(j + 1), Self.isUpper(next) else { break }
                i = j + 1
            }
            guard words > 0 else { return nil }
            position = wordEnd
            return TextSpan(start: start, end: wordEnd)
        }

        /// A date such as `March 3` or `Nov. 4` (a word, a space, one or two digits).
        mutating func dateWords() -> TextSpan? {
            let saved = position
            guard let first = at(position), Self.isUpper(first) else { return nil }
            var j = position + 1
            while let u = at(j), Self.isLetter(u) || u == 0x2E { j += 1 }
            guard at(j) == 0x20, let d = at(j + 1), Self.isDigit(d) else { return nil }
            var k = j + 1
            while let u = at(k), Self.isDigit(u) { k += 1 }
            guard k - (j + 1) <= 2 else {
                position = saved
                return nil
            }
            position = k
            return TextSpan(start: saved, end: k)
        }

        /// An agency name up to `)`: letters, spaces and periods only (`AP`, `Reuters`, `Bloomberg News`).
        mutating func skipAgency() -> Bool {
            var j = position
            while let u = at(j), u != 0x29 {
                guard Self.isLetter(u) || u == 0x20 || u == 0x2E || u == 0x26 else { return false }
                j += 1
            }
            guard at(j) == 0x29, j > position else { return false }
            position = j + 1
            return true
        }

        /// Optional spaces, then `—`, `–`, `--` or a `-` followed by a space.
        mutating func skipDash() -> Bool {
            var j = position
            while at(j) == 0x20 { j += 1 }
            guard let u = at(j) else { return false }
            if u == 0x2014 || u == 0x2013 {
                position = j + 1
                return true
            }
            if u == 0x2D {
                if at(j + 1) == 0x2D {
                    position = j + 2
                    return true
                }
                if at(j + 1) == 0x20 {
                    position = j + 1
                    return true
                }
            }
            return false
        }
    }
}
