import Foundation

/// Case and diacritic folding of single Unicode scalars, and the character classes the tokenizer uses.
///
/// Folding lowercases, strips combining marks after canonical decomposition (`ü` → `u`, `é` → `e`),
/// and spells out a few letters that do not decompose (`ß` → `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l`,
/// `đ` → `d`, `œ` → `oe`, `þ` → `th`, `ı` → `i`). The table covers U+0080–U+1FFF (Latin, Greek,
/// Cyrillic and the Latin Extended Additional block used by Vietnamese); other scalars are lowercased
/// when they have a single-scalar lowercase form and kept otherwise.
enum CharacterFolding {
    /// Folded UTF-8 bytes for scalars U+0080..<U+2000 (empty: the scalar folds to nothing, e.g. a combining mark).
    static let table: [[UInt8]] = {
        let special: [UInt32: String] = [
            0xDF: "ss", 0xE6: "ae", 0xC6: "ae", 0xF8: "o", 0xD8: "o", 0x142: "l", 0x141: "l", 0x111: "d",
            0x110: "d", 0x153: "oe", 0x152: "oe", 0xFE: "th", 0xDE: "th", 0x131: "i", 0xF0: "d", 0xD0: "d",
            0x2BC: "'", 0x2B9: "'",
        ]
        var t = [[UInt8]](repeating: [], count: 0x2000)
        for v in UInt32(0x80)..<0x2000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            if let s = special[v] {
                t[Int(v)] = Array(s.utf8)
                continue
            }
            let props = scalar.properties
            if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark {
                continue
            }
            let lower = String(scalar).lowercased()
            var out: [UInt8] = []
            for s in lower.decomposedStringWithCanonicalMapping.unicodeScalars
            where s.properties.generalCategory != .nonspacingMark {
                out.append(contentsOf: Array(String(s).utf8))
            }
            t[Int(v)] = out.isEmpty ? Array(String(scalar).utf8) : out
        }
        return t
    }()

    /// Appends the folded form of `c` to `out`.
    @inline(__always)
    static func appendFolded(_ c: UInt32, to out: inout [UInt8]) {
        if c < 0x80 {
            out.append(c >= 65 && c <= 90 ? UInt8(c + 32) : UInt8(c))
        } else if c < 0x2000 {
            out.append(contentsOf: table[Int(c)])
        } else if isApostrophe(c) {
            out.append(39)
        } else if let s = Unicode.Scalar(c) {
            let props = s.properties
            if props.generalCategory == .nonspacingMark { return }
            if props.isUppercase, let l = props.lowercaseMapping.unicodeScalars.first, props.lowercaseMapping.unicodeScalars.count == 1 {
                appendUTF8(l.value, to: &out)
            } else {
                appendUTF8(c, to: &out)
            }
        }
    }

    @inline(__always)
    static func appendUTF8(_ c: UInt32, to out: inout [UInt8]) {
        if c < 0x80 {
            out.append(UInt8(c))
        } else if c < 0x800 {
            out.append(UInt8(0xC0 | (c >> 6)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        } else if c < 0x10000 {
            out.append(UInt8(0xE0 | (c >> 12)))
            out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (c >> 18)))
            out.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        }
    }

    /// Letters, digits and combining marks of any script.
    @inline(__always)
    static func isWord(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) }
        return isWordSlow(c)
    }

    static func isWordSlow(_ c: UInt32) -> Bool {
        guard let s = Unicode.Scalar(c) else { return false }
        if isApostrophe(c) { return false }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) }
        return isWordSlow(c) && !isDigit(c)
    }

    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool { c >= 48 && c <= 57 }

    /// `'`, `’` (U+2019), `ʼ` (U+02BC) and `‘` (U+2018, often typed for an apostrophe).
    @inline(__always)
    static func isApostrophe(_ c: UInt32) -> Bool { c == 39 || c == 0x2019 || c == 0x2BC || c == 0x2018 }

    /// `-`, `‐` (U+2010) and the non-breaking hyphen U+2011. Dashes (–, —) separate words.
    @inline(__always)
    static func isHyphen(_ c: UInt32) -> Bool { c == 45 || c == 0x2010 || c == 0x2011 }

    /// `$`, `€`, `£`, `¥`.
    @inline(__always)
    static func isCurrency(_ c: UInt32) -> Bool { c == 36 || c == 0x20AC || c == 0xA3 || c == 0xA5 }
}
