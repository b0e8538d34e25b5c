import Foundation

/// Recognises byline lines and splits them into author names.
///
/// A byline starts with `By` (any case), `Written by`, `Story by`, `Words by` or
/// `Author:`/`Authors:`/`Byline:` and lists names separated by commas, `and` or `&` (with or
/// without an Oxford comma): `By A, B, and C`, `By A and B`, `By A`. Text after `|` or ` — `, a
/// place or outlet after `in`/`at`/`for`/`from` (`By Ann Lee in London`), and comma-separated roles
/// or outlets (`, Staff Writer`, `, The Associated Press`) are ignored. Every name must look like a name: one to
/// five words, each capitalised except name particles (`de`, `van`, `bin`, …); otherwise the line is
/// prose (`By the time …`) and `nil` is returned.
enum BylineParser {
    static let particles: Set<String> = [
        "de", "da", "do", "dos", "das", "di", "del", "della", "der", "den", "van", "von", "la", "le",
        "du", "bin", "bint", "ibn", "al", "el", "ter", "ten", "y", "e", "st.", "mac",
    ]

    static func authors(_ line: String) -> [String]? {
        var rest = line.trimmingWhitespace
        let lower = rest.lowercased()
        guard let prefix = ["by ", "written by ", "words by ", "story by ", "authors:", "author:", "byline:"]
            .first(where: { lower.hasPrefix($0) })
        else { return nil }
        rest = String(rest.dropFirst(prefix.count))
        return names(rest)
    }

    /// Splits a list of names (`A, B, and C`); `nil` when any part is not name-like.
    static func names(_ list: String) -> [String]? {
        var rest = list
        for sep in [" | ", "|", " — ", " – ", " - "] {
            if let r = rest.range(of: sep) { rest = String(rest[..<r.lowerBound]) }
        }
        var parts: [String] = []
        for chunk in rest.split(separator: ",") {
            var c = " " + chunk.trimmingWhitespace + " "
            c = c.replacingAll(" & ", with: " and ")
            for piece in c.components(separatedByWord: "and") {
                var name = piece.trimmingWhitespace
                // "Ann Lee in London", "Ann Lee for The Times": keep the name.
                for word in [" in ", " at ", " for ", " from "] {
                    if let r = name.range(of: word) { name = String(name[..<r.lowerBound]) }
                }
                if name.isEmpty { continue }
                // A role or an outlet after a comma ("Staff Writer", "The Associated Press") is not a name.
                if !parts.isEmpty, isRoleOrOutlet(name) { continue }
                parts.append(name)
            }
        }
        guard !parts.isEmpty, parts.allSatisfy(isNameLike) else { return nil }
        return parts
    }

    static let roleWords: Set<String> = [
        "writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist", "bureau",
        "chief", "senior", "associated", "press", "news", "service", "reuters", "wire", "desk", "team",
        "photographer", "photographs", "photos", "illustrations", "video", "producer", "analyst",
    ]

    static func isRoleOrOutlet(_ name: String) -> Bool {
        if name.hasPrefix("The ") { return true }
        return name.split(separator: " ").contains { roleWords.contains($0.lowercased()) }
    }

    static func isNameLike(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count), words.count >= 1 else { return false }
        guard let firstChar = words[0].first, firstChar.isUppercase else { return false }
        for w in words {
            guard let f = w.first else { return false }
            if f.isUppercase { continue }
            if particles.contains(w.lowercased()) { continue }
            return false
        }
        return name.contains(where: { $0.isLetter })
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }

    /// Splits on a whole word (surrounded by spaces).
    func components(separatedByWord word: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for w in split(separator: " ") {
            if w.lowercased() == word { out.append(current.joined(separator: " ")); current = [] } else { current.append(w) }
        }
        out.append(current.joined(separator: " "))
        return out
    }
}
