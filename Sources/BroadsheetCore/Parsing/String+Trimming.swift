extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmingWhitespace: String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// The same, as a substring.
    var trimmingWhitespaceSub: SubSequence {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    /// The text without leading and trailing non-letters.
    var trimmingNonLetters: String {
        var s = self[...]
        while let f = s.first, !f.isLetter { s = s.dropFirst() }
        while let l = s.last, !l.isLetter { s = s.dropLast() }
        return String(s)
    }
}
