/// LEB128-style variable-length unsigned integers: 7 bits a byte, high bit set on all but the last.
/// The growable tail of the posting store (``TailBuffers``) and the title lists are written in them.
enum Varint {
    /// Reads the varint at `a[i]` and moves `i` past it.
    @inline(__always)
    static func read(_ a: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        var v: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let b = UInt32(a[i])
            i += 1
            v |= (b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// Appends `value` as a varint.
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
