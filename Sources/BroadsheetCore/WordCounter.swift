/// Counts words: maximal runs of letters and digits, joined by inner apostrophes, hyphens or periods.
enum WordCounter {
    static func count(_ text: String) -> Int {
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
}
