/// Counts words: maximal runs of letters and digits, joined by inner apostrophes, hyphens or periods.
enum WordCounter {
    static func count(_ text: String) -> Int {
        var text = text
        // Most articles are ASCII: classify bytes directly (the Unicode property look-up per scalar was
        // a fifth of a restart, which counts every article's words).
        if let ascii = text.withUTF8({ asciiCount($0) }) { return ascii }
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                if !inWord { count += 1; inWord = true }
            } else if inWord, scalar == "'" || scalar == "\u{2019}" || scalar == "-" || scalar == "." {
                continue  // may join two parts of one word
            } else {
                inWord = false
            }
        }
        return count
    }

    /// The count of ASCII text (the same rules, byte by byte), or `nil` when the text is not ASCII.
    static func asciiCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var inWord = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !inWord { count += 1; inWord = true }
            case UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            default:
                inWord = false
            }
        }
        return count
    }
}
