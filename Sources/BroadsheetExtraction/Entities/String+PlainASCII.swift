/// Exact shortcuts for `String` questions the entity rules ask about short words.
///
/// In a plain-ASCII string (see ``Swift/String/isPlainASCII``) every character is one byte and one scalar, so
/// `count`, suffix tests and `Character` properties can be read from the bytes with the same answers as the
/// `Character` machinery; any other string takes the standard library's path.
extension String {
    /// Whether the string is ASCII without carriage returns: then every character is exactly one byte, and
    /// `count`, `hasSuffix`, `hasPrefix` and `Character` properties can be answered from bytes.
    @inline(__always)
    var isPlainASCII: Bool {
        withUTF8Bytes { bytes in
            for b in bytes where b >= 0x80 || b == 13 { return false }
            return true
        }
    }

    /// `hasSuffix(suffix)`, comparing bytes when both strings are plain ASCII (see ``isPlainASCII``).
    @inline(__always)
    func fastHasSuffix(_ suffix: String) -> Bool {
        let answer: Bool? = withUTF8Bytes { a in
            suffix.withUTF8Bytes { b in
                for x in a where x >= 0x80 || x == 13 { return nil }
                for x in b where x >= 0x80 || x == 13 { return nil }
                guard b.count <= a.count else { return false }
                let o = a.count - b.count
                for k in 0..<b.count where a[o + k] != b[k] { return false }
                return true
            }
        }
        return answer ?? hasSuffix(suffix)
    }

    /// `count` (characters).
    @inline(__always)
    var characterCount: Int { isPlainASCII ? utf8.count : count }

    /// `first?.isUppercase == true`.
    @inline(__always)
    var startsUppercase: Bool {
        let fast: Bool? = withUTF8Bytes { b in
            for x in b where x >= 0x80 || x == 13 { return nil }
            guard let f = b.first else { return false }
            return f >= 65 && f <= 90
        }
        return fast ?? (first?.isUppercase == true)
    }

    /// `first?.isLowercase == true`.
    @inline(__always)
    var startsLowercase: Bool {
        let fast: Bool? = withUTF8Bytes { b in
            for x in b where x >= 0x80 || x == 13 { return nil }
            guard let f = b.first else { return false }
            return f >= 97 && f <= 122
        }
        return fast ?? (first?.isLowercase == true)
    }

    /// `first?.isNumber` (which depends on the first scalar only: among ASCII scalars, the digits).
    @inline(__always)
    var firstIsNumber: Bool? {
        let fast: Bool?? = withUTF8Bytes { b in
            guard let f = b.first else { return .some(nil) }
            return f < 0x80 ? .some(f >= 48 && f <= 57) : nil
        }
        if let fast { return fast }
        return first?.isNumber
    }

    /// `allSatisfy(\.isUppercase)`.
    @inline(__always)
    var isAllUppercase: Bool {
        let fast: Bool? = withUTF8Bytes { b in
            var all = true
            for x in b {
                if x >= 0x80 || x == 13 { return nil }
                if x < 65 || x > 90 { all = false }
            }
            return all
        }
        return fast ?? allSatisfy(\.isUppercase)
    }
}
