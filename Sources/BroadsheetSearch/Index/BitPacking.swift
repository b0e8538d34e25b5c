/// Fixed-width packing of small unsigned integers, least significant bit first, as in the posting
/// blocks of ``FrozenPostings``: `count` values of `width` bits take `(count × width + 7) / 8` bytes.
///
/// Readers load 8 bytes at a time, so every buffer that holds packed values must stay readable for
/// ``padding`` bytes past its last packed byte.
enum BitPacking {
    /// Readable bytes a buffer needs after its packed data.
    static let padding = 8

    /// Bits needed for the largest of `values` (0 when all are 0).
    @inline(__always)
    static func width(of values: UnsafeBufferPointer<UInt32>) -> Int {
        var all: UInt32 = 0
        for v in values { all |= v }
        return UInt32.bitWidth - all.leadingZeroBitCount
    }

    /// Bytes taken by `count` values of `width` bits.
    @inline(__always)
    static func byteCount(count: Int, width: Int) -> Int { (count * width + 7) >> 3 }

    /// Appends `values`, `width` bits each (every value must fit), to `out`.
    static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout [UInt8]) {
        guard width > 0 else { return }
        var accumulator: UInt64 = 0
        var bits = 0
        for v in values {
            accumulator |= UInt64(v) << UInt64(bits)
            bits += width
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
    }

    /// Value `i` of those packed at `base` with `width` bits each.
    @inline(__always)
    static func value(at i: Int, width: Int, from base: UnsafePointer<UInt8>) -> UInt32 {
        let bit = i &* width
        let word = UnsafeRawPointer(base + (bit >> 3)).loadUnaligned(as: UInt64.self)
        return UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & ((1 << UInt64(width)) &- 1))
    }

    /// Writes the first `count` values packed at `base` to `out`.
    @inline(__always)
    static func unpack(count: Int, width: Int, from base: UnsafePointer<UInt8>, to out: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            out.update(repeating: 0, count: count)
            return
        }
        let mask = (UInt64(1) << UInt64(width)) &- 1
        var bit = 0
        for i in 0..<count {
            let word = UnsafeRawPointer(base + (bit >> 3)).loadUnaligned(as: UInt64.self)
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit &+= width
        }
    }

    /// Writes the running sums of the first `count` values packed at `base`, each plus one, starting
    /// after `start`: `out[i] = start + Σ (value[k] + 1), k ≤ i` (gaps to ascending ids in one pass).
    @inline(__always)
    static func unpackRunningSum(count: Int, width: Int, from base: UnsafePointer<UInt8>, after start: UInt32, to out: UnsafeMutablePointer<UInt32>) {
        var sum = start
        if width == 0 {
            for i in 0..<count {
                sum &+= 1
                out[i] = sum
            }
            return
        }
        let mask = (UInt64(1) << UInt64(width)) &- 1
        var bit = 0
        for i in 0..<count {
            let word = UnsafeRawPointer(base + (bit >> 3)).loadUnaligned(as: UInt64.self)
            sum &+= UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask) &+ 1
            out[i] = sum
            bit &+= width
        }
    }

    /// ``unpack(count:width:from:to:)`` of 32 values, with the width a constant (see
    /// ``withConstantWidth(_:_:)``) so that the compiler unrolls and simplifies the loop for it. 32
    /// values of any width end on a byte, so chunk `c` of a packed list starts at byte `4 × width × c`.
    @inline(__always)
    static func unpack32(width: Int, from base: UnsafePointer<UInt8>, to out: UnsafeMutablePointer<UInt32>) {
        withConstantWidth(width) { w in
            if w == 0 { out.update(repeating: 0, count: 32) } else { unpackFixed(w, base, out) }
        }
    }

    /// Calls `body` with `width` (0 ... 32) as a literal in each branch, so that an inlined `body`
    /// is compiled once per width with the width a constant.
    @inline(__always)
    static func withConstantWidth(_ width: Int, _ body: (Int) -> Void) {
        switch width {
        case 0: body(0)
        case 1: body(1)
        case 2: body(2)
        case 3: body(3)
        case 4: body(4)
        case 5: body(5)
        case 6: body(6)
        case 7: body(7)
        case 8: body(8)
        case 9: body(9)
        case 10: body(10)
        case 11: body(11)
        case 12: body(12)
        case 13: body(13)
        case 14: body(14)
        case 15: body(15)
        case 16: body(16)
        case 17: body(17)
        case 18: body(18)
        case 19: body(19)
        case 20: body(20)
        case 21: body(21)
        case 22: body(22)
        case 23: body(23)
        case 24: body(24)
        case 25: body(25)
        case 26: body(26)
        case 27: body(27)
        case 28: body(28)
        case 29: body(29)
        case 30: body(30)
        case 31: body(31)
        default: body(32)
        }
    }

    /// 32 values of a constant `width`, 8 at a time: 8 values take exactly `width` bytes, so within a
    /// group every value's byte and shift are constants once the loop is unrolled.
    @inline(__always)
    private static func unpackFixed(_ width: Int, _ base: UnsafePointer<UInt8>, _ out: UnsafeMutablePointer<UInt32>) {
        let mask = (UInt64(1) << UInt64(width)) &- 1
        for g in 0..<4 {
            let p = UnsafeRawPointer(base + g &* width)
            let o = out + g &* 8
            for k in 0..<8 {
                let bit = k &* width
                o[k] = UInt32(truncatingIfNeeded: (p.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self) >> UInt64(bit & 7)) & mask)
            }
        }
    }
}
