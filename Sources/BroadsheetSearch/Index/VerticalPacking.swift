/// Fixed-width packing of 128 values in four interleaved lanes, so that four values unpack at once
/// with `SIMD4<UInt32>` (the "vertical" layout of SIMD-BP128): lane `j` holds values `j`, `j + 4`, …,
/// `j + 124`, packed least significant bit first at `width` bits into 32-bit words, and word `k` of
/// lane `j` sits at byte `16 k + 4 j`. The 128 values take `16 × width` bytes, as many as
/// ``BitPacking`` takes for them.
///
/// Values `32 c ..< 32 c + 32` (chunk `c`) are bits `8 c × width ..< 8 (c + 1) × width` of every lane,
/// so a chunk unpacks on its own: ``unpackChunk(_:width:from:to:)``.
enum VerticalPacking {
    static let count = 128
    static let lanes = 4

    /// Appends the 128 `values` (each must fit `width` bits) in the layout above to `out`.
    static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout [UInt8]) {
        precondition(values.count == count)
        guard width > 0 else { return }
        var words = [UInt32](repeating: 0, count: lanes * width)
        for lane in 0..<lanes {
            var bit = 0
            for i in 0..<(count / lanes) {
                let v = UInt64(values[lanes * i + lane])
                let word = bit >> 5
                let shift = bit & 31
                let shifted = v << UInt64(shift)
                words[lanes * word + lane] |= UInt32(truncatingIfNeeded: shifted)
                if shift + width > 32 { words[lanes * (word + 1) + lane] |= UInt32(truncatingIfNeeded: shifted >> 32) }
                bit += width
            }
        }
        for w in words {
            out.append(UInt8(truncatingIfNeeded: w))
            out.append(UInt8(truncatingIfNeeded: w >> 8))
            out.append(UInt8(truncatingIfNeeded: w >> 16))
            out.append(UInt8(truncatingIfNeeded: w >> 24))
        }
    }

    /// Writes the 32 values of chunk `chunk` (0 ..< 4) of the 128 packed at `base` to `out`, four
    /// vector stores of lanes at a time.
    @inline(__always)
    static func unpackChunk(_ chunk: Int, width: Int, from base: UnsafePointer<UInt8>, to out: UnsafeMutablePointer<UInt32>) {
        BitPacking.withConstantWidth(width) { w in
            switch chunk {
            case 0: unpackFixed(w, 0, UnsafeRawPointer(base), UnsafeMutableRawPointer(out))
            case 1: unpackFixed(w, 1, UnsafeRawPointer(base), UnsafeMutableRawPointer(out))
            case 2: unpackFixed(w, 2, UnsafeRawPointer(base), UnsafeMutableRawPointer(out))
            default: unpackFixed(w, 3, UnsafeRawPointer(base), UnsafeMutableRawPointer(out))
            }
        }
    }

    /// Writes all 128 values packed at `base` to `out`.
    @inline(__always)
    static func unpack(width: Int, from base: UnsafePointer<UInt8>, to out: UnsafeMutablePointer<UInt32>) {
        BitPacking.withConstantWidth(width) { w in
            for c in 0..<4 { unpackFixed(w, c, UnsafeRawPointer(base), UnsafeMutableRawPointer(out + 32 * c)) }
        }
    }

    /// Chunk `c` at a constant `width`: once unrolled, every step's words and shifts are constants.
    @inline(__always)
    private static func unpackFixed(_ width: Int, _ c: Int, _ base: UnsafeRawPointer, _ out: UnsafeMutableRawPointer) {
        if width == 0 {
            out.initializeMemory(as: UInt32.self, repeating: 0, count: 32)
            return
        }
        let mask = SIMD4<UInt32>(repeating: width == 32 ? UInt32.max : (UInt32(1) << UInt32(width)) &- 1)
        for t in 0..<8 {
            let bit = (8 * c + t) * width
            let word = bit >> 5
            let shift = UInt32(bit & 31)
            var v = base.loadUnaligned(fromByteOffset: 16 * word, as: SIMD4<UInt32>.self) &>> SIMD4(repeating: shift)
            if Int(shift) + width > 32 {
                v |= base.loadUnaligned(fromByteOffset: 16 * (word + 1), as: SIMD4<UInt32>.self) &<< SIMD4(repeating: 32 - shift)
            }
            out.storeBytes(of: v & mask, toByteOffset: 16 * t, as: SIMD4<UInt32>.self)
        }
    }
}

extension VerticalPacking {
    /// Turns the 32 gaps at `values` into ids, in place: `values[i] = start + Σ (gap[k] + 1), k ≤ i`;
    /// returns the last. Four lanes at a time: two lane-shifted adds a vector (whole-register byte
    /// shifts, through `UInt128`), then the carry from the vector before.
    @inline(__always)
    static func runningSums32(_ values: UnsafeMutablePointer<UInt32>, after start: UInt32) -> UInt32 {
        var carry = SIMD4<UInt32>(repeating: start)
        let raw = UnsafeMutableRawPointer(values)
        for g in 0..<8 {
            var v = raw.loadUnaligned(fromByteOffset: 16 * g, as: SIMD4<UInt32>.self) &+ 1
            v &+= unsafeBitCast(unsafeBitCast(v, to: UInt128.self) &<< 32, to: SIMD4<UInt32>.self)
            v &+= unsafeBitCast(unsafeBitCast(v, to: UInt128.self) &<< 64, to: SIMD4<UInt32>.self)
            v &+= carry
            raw.storeBytes(of: v, toByteOffset: 16 * g, as: SIMD4<UInt32>.self)
            carry = SIMD4(repeating: v[3])
        }
        return carry[0]
    }
}
