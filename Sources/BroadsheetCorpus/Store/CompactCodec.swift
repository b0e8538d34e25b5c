import Foundation

/// A compact binary form of `Codable` values, for the store's derived columns: no keys, fields in
/// the order a type encodes them, integers as varints, strings as length-prefixed UTF-8.
///
/// Every keyed field carries a presence byte (1 present, 0 absent), so `encodeIfPresent` and
/// `decodeIfPresent` agree whatever mix of them a type's `Codable` implementation uses; arrays and
/// other unkeyed sequences carry their element count. Decoding bytes of another shape throws
/// (it never reads past the end). Several times smaller and faster to read than JSON, which matters
/// at start-up: reading every article back is most of a restart.
///
/// The layout follows the types' declarations: the store keeps the layout's version
/// (``StoreSchema/entryFormat``) and reads an older one by extracting again.
public enum CompactCodec {
    /// The bytes of `value`.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let buffer = CompactBuffer()
        var writer = ValueWriter(buffer: buffer)
        try writer.encode(value)
        return buffer.bytes
    }

    /// The value in `bytes`, which must hold exactly one.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let reader = CompactReader(Array(bytes))
        let value = try ValueReader(reader: reader).decode(T.self)
        guard reader.offset == reader.bytes.count else { throw reader.corrupt("\(reader.bytes.count - reader.offset) bytes left over") }
        return value
    }
}

// MARK: - Writing

final class CompactBuffer {
    var bytes: [UInt8] = []

    func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zig-zag, so that small negative numbers stay small.
    func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

struct CompactEncoder: Encoder {
    let buffer: CompactBuffer
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(buffer: CompactBuffer = CompactBuffer()) { self.buffer = buffer }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(buffer: buffer))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(buffer: buffer) }
    func singleValueContainer() -> any SingleValueEncodingContainer { ValueWriter(buffer: buffer) }
}

/// Writes one value of any primitive type; shared by the three container kinds.
struct ValueWriter: SingleValueEncodingContainer {
    let buffer: CompactBuffer
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { buffer.bytes.append(0) }
    mutating func encode(_ value: Bool) throws { buffer.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: String) throws { buffer.string(value) }
    mutating func encode(_ value: Double) throws { buffer.fixed64(value.bitPattern) }
    mutating func encode(_ value: Float) throws { buffer.fixed64(Double(value).bitPattern) }
    mutating func encode(_ value: Int) throws { buffer.signed(Int64(value)) }
    mutating func encode(_ value: Int8) throws { buffer.signed(Int64(value)) }
    mutating func encode(_ value: Int16) throws { buffer.signed(Int64(value)) }
    mutating func encode(_ value: Int32) throws { buffer.signed(Int64(value)) }
    mutating func encode(_ value: Int64) throws { buffer.signed(value) }
    mutating func encode(_ value: UInt) throws { buffer.varint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { buffer.varint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { buffer.varint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { buffer.varint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { buffer.varint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let optional = value as? any CompactOptionalEncodable {
            try optional.compactEncode(into: buffer)
        } else if let dictionary = value as? any CompactDictionaryEncodable {
            try dictionary.compactEncode(into: buffer)
        } else {
            try value.encode(to: CompactEncoder(buffer: buffer))
        }
    }
}

/// An optional anywhere (in an array, or encoded with `encode` rather than `encodeIfPresent`) gets a
/// presence byte of its own, so that a wrapped value starting with a 0 byte is never read as nil.
protocol CompactOptionalEncodable {
    func compactEncode(into buffer: CompactBuffer) throws
}

extension Optional: CompactOptionalEncodable where Wrapped: Encodable {
    func compactEncode(into buffer: CompactBuffer) throws {
        switch self {
        case .none: buffer.bytes.append(0)
        case .some(let wrapped):
            buffer.bytes.append(1)
            var writer = ValueWriter(buffer: buffer)
            try writer.encode(wrapped)
        }
    }
}

/// A dictionary is a count and its pairs (its keyed form would need the keys, which the format does not keep).
protocol CompactDictionaryEncodable {
    func compactEncode(into buffer: CompactBuffer) throws
}

extension Dictionary: CompactDictionaryEncodable where Key: Encodable, Value: Encodable {
    func compactEncode(into buffer: CompactBuffer) throws {
        buffer.varint(UInt64(count))
        var writer = ValueWriter(buffer: buffer)
        for (key, value) in self {
            try writer.encode(key)
            try writer.encode(value)
        }
    }
}

protocol CompactDictionaryDecodable {
    static func compactDecode(from reader: CompactReader) throws -> Self
}

extension Dictionary: CompactDictionaryDecodable where Key: Decodable, Value: Decodable {
    static func compactDecode(from reader: CompactReader) throws -> Self {
        let count = try reader.varint()
        guard count <= UInt64(reader.bytes.count - reader.offset) else { throw reader.corrupt("count larger than what is left") }
        var result: [Key: Value] = [:]
        result.reserveCapacity(Int(count))
        let value = ValueReader(reader: reader)
        for _ in 0..<count {
            let key = try value.decode(Key.self)
            result[key] = try value.decode(Value.self)
        }
        return result
    }
}

protocol CompactOptionalDecodable {
    static func compactDecode(from reader: CompactReader) throws -> Self
}

extension Optional: CompactOptionalDecodable where Wrapped: Decodable {
    static func compactDecode(from reader: CompactReader) throws -> Self {
        switch try reader.byte() {
        case 0: return nil
        case 1: return .some(try ValueReader(reader: reader).decode(Wrapped.self))
        default: throw reader.corrupt("not a presence byte")
        }
    }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let buffer: CompactBuffer
    var codingPath: [any CodingKey] = []
    private var value: ValueWriter { ValueWriter(buffer: buffer) }

    init(buffer: CompactBuffer) { self.buffer = buffer }

    private func present() { buffer.bytes.append(1) }

    mutating func encodeNil(forKey key: Key) throws { buffer.bytes.append(0) }
    mutating func encode(_ v: Bool, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: String, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Double, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Float, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int8, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int16, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int32, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int64, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt8, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt16, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt32, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt64, forKey key: Key) throws { present(); var w = value; try w.encode(v) }
    mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws { present(); var w = value; try w.encode(v) }

    mutating func encodeIfPresent(_ v: Bool?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: String?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Double?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Float?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Int?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Int8?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Int16?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Int32?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: Int64?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: UInt?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: UInt8?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: UInt16?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: UInt32?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent(_ v: UInt64?, forKey key: Key) throws { try optional(v) }
    mutating func encodeIfPresent<T: Encodable>(_ v: T?, forKey key: Key) throws { try optional(v) }

    private func optional<T: Encodable>(_ v: T?) throws {
        guard let v else { return buffer.bytes.append(0) }
        present()
        var w = value
        try w.encode(v)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        present()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(buffer: buffer))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        present()
        return UnkeyedWriter(buffer: buffer)
    }

    mutating func superEncoder() -> any Encoder { present(); return CompactEncoder(buffer: buffer) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { present(); return CompactEncoder(buffer: buffer) }
}

/// Elements follow a 4-byte little-endian count, patched as elements are added.
struct UnkeyedWriter: UnkeyedEncodingContainer {
    let buffer: CompactBuffer
    var codingPath: [any CodingKey] = []
    private(set) var count = 0
    private let countOffset: Int

    init(buffer: CompactBuffer) {
        self.buffer = buffer
        countOffset = buffer.bytes.count
        buffer.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private mutating func added() {
        count += 1
        let c = UInt32(count)
        buffer.bytes[countOffset] = UInt8(truncatingIfNeeded: c)
        buffer.bytes[countOffset + 1] = UInt8(truncatingIfNeeded: c >> 8)
        buffer.bytes[countOffset + 2] = UInt8(truncatingIfNeeded: c >> 16)
        buffer.bytes[countOffset + 3] = UInt8(truncatingIfNeeded: c >> 24)
    }

    private var value: ValueWriter { ValueWriter(buffer: buffer) }

    mutating func encodeNil() throws { added(); var w = value; try w.encodeNil() }
    mutating func encode(_ v: Bool) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: String) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Double) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Float) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int8) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int16) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int32) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: Int64) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt8) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt16) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt32) throws { added(); var w = value; try w.encode(v) }
    mutating func encode(_ v: UInt64) throws { added(); var w = value; try w.encode(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { added(); var w = value; try w.encode(v) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        added()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(buffer: buffer))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        added()
        return UnkeyedWriter(buffer: buffer)
    }

    mutating func superEncoder() -> any Encoder { added(); return CompactEncoder(buffer: buffer) }
}

// MARK: - Reading

final class CompactReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func corrupt(_ why: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "compact bytes: \(why) at offset \(offset)"))
    }

    func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw corrupt("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw corrupt("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    func signed() throws -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    func fixed64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw corrupt("unexpected end") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }

    func count32() throws -> Int {
        guard offset + 4 <= bytes.count else { throw corrupt("unexpected end") }
        let c = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        offset += 4
        // Every element takes at least one byte: a larger count is corrupt, not a huge allocation.
        guard c <= bytes.count - offset else { throw corrupt("count \(c) larger than what is left") }
        return c
    }

    func string() throws -> String {
        let length = try varint()
        guard length <= UInt64(bytes.count - offset) else { throw corrupt("string longer than what is left") }
        let end = offset + Int(length)
        guard let s = String(validating: bytes[offset..<end], as: UTF8.self) else { throw corrupt("invalid UTF-8") }
        offset = end
        return s
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        if T.isSigned {
            let v = try signed()
            guard let r = T(exactly: v) else { throw corrupt("\(v) out of range for \(T.self)") }
            return r
        }
        let v = try varint()
        guard let r = T(exactly: v) else { throw corrupt("\(v) out of range for \(T.self)") }
        return r
    }
}

struct CompactDecoder: Decoder {
    let reader: CompactReader
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueReader(reader: reader) }
}

struct ValueReader: SingleValueDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool {
        // Only Optional's own decoding asks, right before its value: a 0 byte is nil.
        if reader.offset < reader.bytes.count, reader.bytes[reader.offset] == 0 {
            reader.offset += 1
            return true
        }
        return false
    }
    func decode(_ type: Bool.Type) throws -> Bool {
        switch try reader.byte() {
        case 0: return false
        case 1: return true
        default: throw reader.corrupt("not a Bool")
        }
    }
    func decode(_ type: String.Type) throws -> String { try reader.string() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try reader.fixed64()) }
    func decode(_ type: Float.Type) throws -> Float { Float(Double(bitPattern: try reader.fixed64())) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let optional = T.self as? any CompactOptionalDecodable.Type {
            return try optional.compactDecode(from: reader) as! T
        }
        if let dictionary = T.self as? any CompactDictionaryDecodable.Type {
            return try dictionary.compactDecode(from: reader) as! T
        }
        return try T(from: CompactDecoder(reader: reader))
    }
}

struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CompactReader
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }
    private var value: ValueReader { ValueReader(reader: reader) }

    init(reader: CompactReader) { self.reader = reader }

    func contains(_ key: Key) -> Bool { true }

    /// Reads the presence byte of a field that must be there.
    private func present(_ key: Key) throws {
        guard try reader.byte() == 1 else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "absent in compact bytes"))
        }
    }

    /// Reads the presence byte of an optional field.
    private func isPresent() throws -> Bool {
        switch try reader.byte() {
        case 0: return false
        case 1: return true
        default: throw reader.corrupt("not a presence byte")
        }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        // Asked before an optional value: consume the absence byte, leave the presence byte for the value.
        if reader.offset < reader.bytes.count, reader.bytes[reader.offset] == 0 {
            reader.offset += 1
            return true
        }
        return false
    }
    func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try present(key); return try value.decode(t) }
    func decode(_ t: String.Type, forKey key: Key) throws -> String { try present(key); return try value.decode(t) }
    func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try present(key); return try value.decode(t) }
    func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try present(key); return try value.decode(t) }
    func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try present(key); return try value.decode(t) }
    func decode(_ t: Int8.Type, forKey key: Key) throws -> Int8 { try present(key); return try value.decode(t) }
    func decode(_ t: Int16.Type, forKey key: Key) throws -> Int16 { try present(key); return try value.decode(t) }
    func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try present(key); return try value.decode(t) }
    func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try present(key); return try value.decode(t) }
    func decode(_ t: UInt.Type, forKey key: Key) throws -> UInt { try present(key); return try value.decode(t) }
    func decode(_ t: UInt8.Type, forKey key: Key) throws -> UInt8 { try present(key); return try value.decode(t) }
    func decode(_ t: UInt16.Type, forKey key: Key) throws -> UInt16 { try present(key); return try value.decode(t) }
    func decode(_ t: UInt32.Type, forKey key: Key) throws -> UInt32 { try present(key); return try value.decode(t) }
    func decode(_ t: UInt64.Type, forKey key: Key) throws -> UInt64 { try present(key); return try value.decode(t) }
    func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try present(key); return try value.decode(t) }

    func decodeIfPresent(_ t: Bool.Type, forKey key: Key) throws -> Bool? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: String.Type, forKey key: Key) throws -> String? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Double.Type, forKey key: Key) throws -> Double? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Float.Type, forKey key: Key) throws -> Float? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Int.Type, forKey key: Key) throws -> Int? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Int8.Type, forKey key: Key) throws -> Int8? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Int16.Type, forKey key: Key) throws -> Int16? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Int32.Type, forKey key: Key) throws -> Int32? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: Int64.Type, forKey key: Key) throws -> Int64? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: UInt.Type, forKey key: Key) throws -> UInt? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: UInt8.Type, forKey key: Key) throws -> UInt8? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: UInt16.Type, forKey key: Key) throws -> UInt16? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: UInt32.Type, forKey key: Key) throws -> UInt32? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent(_ t: UInt64.Type, forKey key: Key) throws -> UInt64? { try isPresent() ? try value.decode(t) : nil }
    func decodeIfPresent<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T? { try isPresent() ? try value.decode(t) : nil }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try present(key)
        return KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try present(key)
        return try UnkeyedReader(reader: reader)
    }

    func superDecoder() throws -> any Decoder { _ = try isPresent(); return CompactDecoder(reader: reader) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try present(key); return CompactDecoder(reader: reader) }
}

struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] = []
    let count: Int?
    private(set) var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }
    private var value: ValueReader { ValueReader(reader: reader) }

    init(reader: CompactReader) throws {
        self.reader = reader
        count = try reader.count32()
    }

    private mutating func next() throws {
        guard !isAtEnd else { throw reader.corrupt("read past the last element") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw reader.corrupt("read past the last element") }
        if value.decodeNil() {
            currentIndex += 1
            return true
        }
        return false
    }
    mutating func decode(_ t: Bool.Type) throws -> Bool { try next(); return try value.decode(t) }
    mutating func decode(_ t: String.Type) throws -> String { try next(); return try value.decode(t) }
    mutating func decode(_ t: Double.Type) throws -> Double { try next(); return try value.decode(t) }
    mutating func decode(_ t: Float.Type) throws -> Float { try next(); return try value.decode(t) }
    mutating func decode(_ t: Int.Type) throws -> Int { try next(); return try value.decode(t) }
    mutating func decode(_ t: Int8.Type) throws -> Int8 { try next(); return try value.decode(t) }
    mutating func decode(_ t: Int16.Type) throws -> Int16 { try next(); return try value.decode(t) }
    mutating func decode(_ t: Int32.Type) throws -> Int32 { try next(); return try value.decode(t) }
    mutating func decode(_ t: Int64.Type) throws -> Int64 { try next(); return try value.decode(t) }
    mutating func decode(_ t: UInt.Type) throws -> UInt { try next(); return try value.decode(t) }
    mutating func decode(_ t: UInt8.Type) throws -> UInt8 { try next(); return try value.decode(t) }
    mutating func decode(_ t: UInt16.Type) throws -> UInt16 { try next(); return try value.decode(t) }
    mutating func decode(_ t: UInt32.Type) throws -> UInt32 { try next(); return try value.decode(t) }
    mutating func decode(_ t: UInt64.Type) throws -> UInt64 { try next(); return try value.decode(t) }
    mutating func decode<T: Decodable>(_ t: T.Type) throws -> T { try next(); return try value.decode(t) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try UnkeyedReader(reader: reader)
    }

    mutating func superDecoder() throws -> any Decoder { try next(); return CompactDecoder(reader: reader) }
}
