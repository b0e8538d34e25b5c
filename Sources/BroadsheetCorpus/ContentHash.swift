/// A 128-bit fingerprint of an article's source, as 32 hex digits: two independent 64-bit FNV-1a
/// hashes. Writes of the same content are recognised by it (and then compared document to document).
public enum ContentHash {
    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        if let hash = bytes.withContiguousStorageIfAvailable({ of(UnsafeRawBufferPointer($0)) }) { return hash }
        return of(Array(bytes))
    }

    /// The hash of contiguous bytes (a mapped file is hashed in place, without an iterator per byte).
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte &+ 0x5b)) &* 0x0000_0100_0000_01b3
            b = b ^ (b >> 29)
        }
        return hex(a) + hex(b)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
