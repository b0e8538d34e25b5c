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

    /// The first byte of a plain-ASCII string (`.some(nil)` when it is empty), or `nil` when the string is
    /// not plain ASCII (see ``isPlainASCII``).
    @inline(__always)
    private var plainASCIIFirstByte: UInt8?? {
        withUTF8Bytes { b in
            for x in b where x >= 0x80 || x == 13 { return nil }
            return .some(b.first)
        }
    }

    /// `first?.isUppercase == true`.
    @inline(__always)
    var startsUppercase: Bool {
        guard let byte = plainASCIIFirstByte else { return first?.isUppercase == true }
        return byte.map { $0 >= 65 && $0 <= 90 } ?? false
    }

    /// `first?.isLowercase == true`.
    @inline(__always)
    var startsLowercase: Bool {
        guard let byte = plainASCIIFirstByte else { return first?.isLowercase == true }
        return byte.map { $0 >= 97 && $0 <= 122 } ?? false
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
