/// One header field exactly as sent or received: the name keeps its case.
public struct HeaderField: Sendable, Hashable {
    /// The field name, as written on the wire.
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields with case-insensitive lookup.
///
/// Duplicates are kept in arrival order (RFC 9110 §5.3: a recipient may combine them, but a test must
/// be able to see that a server sent two `Content-Length` fields).
public struct ClientHeaders: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    /// Every field, in order.
    public private(set) var fields: [HeaderField]

    /// Creates headers from fields in order.
    public init(_ fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// Creates headers from `(name, value)` pairs in order.
    public init(arrayLiteral elements: (String, String)...) {
        self.fields = elements.map { HeaderField($0.0, $0.1) }
    }

    /// Appends a field, keeping any field of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(HeaderField(name, value))
    }

    /// The first value of the field called `name` (case-insensitive), or `nil`.
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// All values of the field called `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Whether a field called `name` (case-insensitive) is present.
    public func contains(_ name: String) -> Bool {
        self[name] != nil
    }

    /// The number of fields, duplicates included.
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[HeaderField]> {
        fields.makeIterator()
    }
}
