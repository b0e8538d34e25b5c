import Testing

@testable import BroadsheetSearch

/// The lane layout and the chunk unpacking of ``VerticalPacking`` at every width, and the running
/// sums that turn a chunk of gaps into ids, against plain arithmetic.
struct VerticalPackingTests {
    /// 128 values that use all `width` bits (the first is the widest) and vary otherwise.
    static func values(width: Int) -> [UInt32] {
        let mask = width == 0 ? 0 : UInt32.max >> UInt32(32 - width)
        return (0..<128).map { i in
            i == 0 ? mask : UInt32(truncatingIfNeeded: (UInt64(i) &* 0x9E37_79B9_7F4A_7C15) >> 23) & mask
        }
    }

    @Test(arguments: 0...32)
    func everyChunkUnpacksAtEveryWidth(width: Int) {
        let values = Self.values(width: width)
        var bytes: [UInt8] = []
        values.withUnsafeBufferPointer { VerticalPacking.pack($0, width: width, into: &bytes) }
        #expect(bytes.count == 16 * width, "as compact as plain packing")
        // Bytes past the end must not be read into the values.
        bytes += [UInt8](repeating: 0xFF, count: 32)
        bytes.withUnsafeBufferPointer { b in
            for chunk in 0..<4 {
                var out = [UInt32](repeating: 7, count: 32)
                out.withUnsafeMutableBufferPointer { VerticalPacking.unpackChunk(chunk, width: width, from: b.baseAddress!, to: $0.baseAddress!) }
                #expect(out == Array(values[(32 * chunk)..<(32 * chunk + 32)]), "chunk \(chunk)")
            }
        }
    }

    @Test func lanesInterleaveWordByWord() {
        // Width 8: lane j's first word holds values j, j + 4, j + 8, j + 12, one byte each.
        let values = (0..<128).map { UInt32($0) }
        var bytes: [UInt8] = []
        values.withUnsafeBufferPointer { VerticalPacking.pack($0, width: 8, into: &bytes) }
        #expect(Array(bytes[0..<8]) == [0, 4, 8, 12, 1, 5, 9, 13])
        #expect(Array(bytes[16..<20]) == [16, 20, 24, 28])
    }

    @Test(arguments: [UInt32(0), 41, UInt32.max - 40])
    func runningSumsAddGapsPlusOne(start: UInt32) {
        var gaps = (0..<32).map { UInt32(($0 * 7) % 5) }
        var expected: [UInt32] = []
        var sum = start
        for g in gaps {
            sum &+= g &+ 1
            expected.append(sum)
        }
        let last = gaps.withUnsafeMutableBufferPointer { VerticalPacking.runningSums32($0.baseAddress!, after: start) }
        #expect(gaps == expected)
        #expect(last == expected[31])
    }
}
