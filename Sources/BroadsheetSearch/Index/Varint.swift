/// LEB128-style variable-length unsigned integers: 7 bits a byte, high bit set on all but the last.
enum Varint {
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func read(_ p: inout UnsafePointer<UInt8>) -> UInt32 {
        var b = UInt32(p.pointee)
        p += 1
        if b < 0x80 { return b }
        var v = b & 0x7F
        var shift: UInt32 = 7
        repeat {
            b = UInt32(p.pointee)
            p += 1
            v |= (b & 0x7F) << shift
            shift += 7
        } while b >= 0x80
        return v
    }

    /// Skips `count` varints. While at least 8 remain, at least 8 bytes remain too, so the bytes are
    /// taken 8 at a time and the varints ending among them counted (bytes with the high bit clear).
    @inline(__always)
    static func skip(_ count: Int, _ p: inout UnsafePointer<UInt8>) {
        var left = count
        while left >= 8 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            left -= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            p += 8
        }
        while left > 0 {
            if p.pointee < 0x80 { left -= 1 }
            p += 1
        }
    }

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
}
