/// An optional that encodes `nil` as JSON `null` rather than leaving the key out, so that
/// every documented field is always present in a response.
public struct Nullable<Wrapped: Encodable & Sendable>: Encodable, Sendable, ExpressibleByNilLiteral {
    public var value: Wrapped?

    public init(_ value: Wrapped?) { self.value = value }
    public init(nilLiteral: ()) { value = nil }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
