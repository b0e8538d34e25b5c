/// A dictionary keyed by words with `[String: Value]`'s semantics and a fast path for ASCII keys.
///
/// Keys that are canonically equivalent to an ASCII string live in an ``ASCIIWordTable`` under that ASCII form
/// (values by entry index); the rest in a `[String: Value]`, as in ``WordSet``. Entries can be added or replaced,
/// not removed.
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var ascii = ASCIIWordTable()
    /// Values by ``ASCIIWordTable`` entry index.
    private var values: [Value] = []
    /// Entries whose key has no ASCII form.
    private var others: [String: Value] = [:]

    init() {}

    /// An empty map with room for `capacity` ASCII keys before it grows.
    init(minimumCapacity capacity: Int) {
        ascii = ASCIIWordTable(minimumCapacity: capacity, averageLength: 12)
        values.reserveCapacity(capacity)
    }
    init(dictionaryLiteral elements: (String, Value)...) {
        for (k, v) in elements { self[k] = v }
    }

    /// The value for `key` (canonical equivalence, like `Dictionary<String, Value>`). Setting nil is not supported.
    subscript(key: String) -> Value? {
        @inline(__always) get {
            let fast: Int?? = key.withUTF8Bytes { bytes in
                let (h, isASCII) = ASCIIWordTable.hash(bytes)
                return isASCII ? .some(ascii.find(bytes, hash: h)) : .none
            }
            switch fast {
            case .some(.some(let e)): return values[e]
            case .some(.none): return nil
            case .none:
                if let form = key.asciiCanonicalForm {
                    return form.withUTF8Bytes { ascii.find($0, hash: ASCIIWordTable.hash($0).hash) }.map { values[$0] }
                }
                return others[key]
            }
        }
        set {
            guard let newValue else { preconditionFailure("WordMap entries cannot be removed") }
            let e: Int
            if key.isASCII {
                e = key.withUTF8Bytes { ascii.insert($0) }
            } else if let form = key.asciiCanonicalForm {
                e = form.withUTF8Bytes { ascii.insert($0) }
            } else {
                others[key] = newValue
                return
            }
            if e == values.count { values.append(newValue) } else { values[e] = newValue }
        }
    }

    /// Calls `body` with the value for `key` in place, first adding `defaultValue` if there is none.
    mutating func update(_ key: String, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        let fast: Int? = key.withUTF8Bytes { bytes in
            let (h, isASCII) = ASCIIWordTable.hash(bytes)
            return isASCII ? ascii.insert(bytes, hash: h) : nil
        }
        let e: Int
        if let fast {
            e = fast
        } else if let form = key.asciiCanonicalForm {
            e = form.withUTF8Bytes { ascii.insert($0) }
        } else {
            body(&others[key, default: defaultValue()])
            return
        }
        if e == values.count { values.append(defaultValue()) }
        body(&values[e])
    }

    /// Adds `value` for `key` unless `key` has a value (`if map[key] == nil { map[key] = value }`, one lookup).
    @inline(__always)
    mutating func insertIfAbsent(_ key: String, _ value: Value) {
        update(key, default: value) { _ in }
    }

    /// Calls `body` with every entry (keys canonically equivalent to ASCII in their ASCII form).
    func forEach(_ body: (String, Value) -> Void) {
        ascii.forEachKey { key, e in body(key, values[e]) }
        for (k, v) in others { body(k, v) }
    }

    var count: Int { ascii.count + others.count }
    var isEmpty: Bool { count == 0 }
}
