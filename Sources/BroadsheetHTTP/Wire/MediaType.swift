/// The media type of a `Content-Type` value: the part before any parameters, without surrounding
/// whitespace (`Application/JSON; charset=utf-8` → `Application/JSON`), compared ASCII
/// case-insensitively and without allocating.
struct MediaType {
    /// The bytes of the media type as written.
    let essence: Substring.UTF8View

    /// `nil` when there is no `Content-Type`.
    init?(_ contentType: String?) {
        guard let contentType else { return nil }
        var bytes = contentType.utf8[...]
        if let semicolon = bytes.firstIndex(of: UInt8(ascii: ";")) { bytes = bytes[..<semicolon] }
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        essence = bytes
    }

    /// Whether the media type is `lowercase` (given in lower case).
    func `is`(_ lowercase: String) -> Bool { asciiCaseInsensitiveEqual(essence, lowercase.utf8) }

    func hasPrefix(_ lowercase: String) -> Bool {
        let count = lowercase.utf8.count
        return essence.count >= count && asciiCaseInsensitiveEqual(essence.prefix(count), lowercase.utf8)
    }

    func hasSuffix(_ lowercase: String) -> Bool {
        let count = lowercase.utf8.count
        return essence.count >= count && asciiCaseInsensitiveEqual(essence.suffix(count), lowercase.utf8)
    }
}

/// Whether two byte sequences are equal once ASCII letters are folded to lower case.
func asciiCaseInsensitiveEqual<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) where x != y {
        let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
        let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
        if lx != ly { return false }
    }
    return true
}
