import Foundation

/// Stable, URL-safe identifiers derived from titles.
///
/// Rules: fold diacritics and a few ligatures to ASCII, lowercase, drop apostrophes, turn every
/// other run of non-alphanumerics into one `-`, trim `-`, and cut at a word boundary so the slug is
/// at most ``maxLength`` characters.
public enum Slug {
    /// `base` if `taken` does not claim it, else the first of `base-2`, `base-3`, ... that it does not:
    /// how ids are made unique everywhere (corpus loads, imports, writes).
    public static func firstFree(_ base: String, taken: (String) -> Bool) -> String {
        if !taken(base) { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// Default: 80 characters.
    public static let maxLength = 80

    /// The slug of `text` (may be empty when `text` has no letters or digits).
    public static func make(_ text: String, maxLength: Int = Slug.maxLength) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedForSlug {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" { continue }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let folded = fold(scalar)
            if !folded.isEmpty {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out += folded
            } else {
                pendingDash = true
            }
        }
        if out.count <= maxLength { return out }
        let cut = out.prefix(maxLength + 1)
        if let dash = cut.lastIndex(of: "-"), dash > cut.startIndex {
            return String(cut[..<dash])
        }
        return String(out.prefix(maxLength))
    }

    /// A title for a file without one: its base name without extension.
    static func fallbackTitle(source: String) -> String {
        let base = source.split(separator: "/").last.map(String.init) ?? source
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { return String(base[..<dot]) }
        return base
    }

    /// Lowercase ASCII for letters and digits, "" for anything else.
    private static func fold(_ s: Unicode.Scalar) -> String {
        switch s {
        case "a"..."z", "0"..."9": return String(s)
        case "A"..."Z": return String(s).lowercased()
        case "ß": return "ss"
        case "æ", "Æ": return "ae"
        case "œ", "Œ": return "oe"
        case "ø", "Ø": return "o"
        case "đ", "Đ", "ð", "Ð": return "d"
        case "ł", "Ł": return "l"
        case "þ", "Þ": return "th"
        case "ı": return "i"
        default: return ""
        }
    }
}

extension String {
    /// Unicode scalars after canonical decomposition (so `é` becomes `e` + combining acute).
    fileprivate var decomposedForSlug: [Unicode.Scalar] {
        Array(decomposedStringWithCanonicalMapping.unicodeScalars)
    }
}
