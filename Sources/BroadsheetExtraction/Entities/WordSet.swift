/// A set of words with `Set<String>`'s semantics and a fast path for ASCII.
///
/// Members that are canonically equivalent to an ASCII string live in an ``ASCIIWordTable`` under that ASCII form;
/// the rest in a `Set<String>`. Since `String` equality is canonical equivalence, a query with an ASCII form can
/// only equal a member with the same ASCII form, and any other query only a member without one, so answers are
/// exactly those of `Set<String>`; ASCII words never pay for `String`'s seeded hashing.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var ascii = ASCIIWordTable()
    /// Members without an ASCII form.
    private var others: Set<String> = []

    init() {}
    init(arrayLiteral elements: String...) { formUnion(elements) }
    init<S: Sequence>(_ elements: S) where S.Element == String { formUnion(elements) }

    /// Whether `word` is a member (canonical equivalence, like `Set<String>`).
    @inline(__always)
    func contains(_ word: String) -> Bool {
        let fast: Bool? = word.withUTF8Bytes { bytes in
            let (h, isASCII) = ASCIIWordTable.hash(bytes)
            return isASCII ? ascii.find(bytes, hash: h) != nil : nil
        }
        if let fast { return fast }
        if let form = word.asciiCanonicalForm { return form.withUTF8Bytes { ascii.find($0, hash: ASCIIWordTable.hash($0).hash) != nil } }
        return others.contains(word)
    }

    /// Adds `word`; returns whether it was new.
    @discardableResult
    mutating func insert(_ word: String) -> Bool {
        guard let form = word.asciiCanonicalForm else { return others.insert(word).inserted }
        let before = ascii.count
        form.withUTF8Bytes { _ = ascii.insert($0) }
        return ascii.count > before
    }

    mutating func formUnion<S: Sequence>(_ elements: S) where S.Element == String {
        for w in elements { insert(w) }
    }

    /// Calls `body` with every member (members canonically equivalent to ASCII in their ASCII form).
    func forEach(_ body: (String) -> Void) {
        ascii.forEachKey { key, _ in body(key) }
        for w in others { body(w) }
    }

    var count: Int { ascii.count + others.count }
    var isEmpty: Bool { count == 0 }
}
