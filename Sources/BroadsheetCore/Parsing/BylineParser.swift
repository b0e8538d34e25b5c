import Foundation

/// Recognises byline lines and splits them into author names.
///
/// A byline starts with `By` (any case) or `Author:`/`Authors:` and lists names separated by
/// commas, `and` or `&` (with or without an Oxford comma): `By A, B, and C`, `By A and B`, `By A`.
/// Text after `|` or ` — ` (a role or outlet) is ignored. Every name must look like a name: one to
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
        if lower.hasPrefix("by ") {
            rest = String(rest.dropFirst(3))
        } else if lower.hasPrefix("authors:") {
            rest = String(rest.dropFirst(8))
        } else if lower.hasPrefix("author:") {
            rest = String(rest.dropFirst(7))
        } else {
            return nil
        }
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
                let name = piece.trimmingWhitespace
                if !name.isEmpty { parts.append(name) }
            }
        }
        guard !parts.isEmpty, parts.allSatisfy(isNameLike) else { return nil }
        return parts
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
