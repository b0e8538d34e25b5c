/// Bit packing with exceptions ("patched frame of reference"): the values are packed at a width that
/// fits most of them, and the few larger ones keep their high bits apart, as a patch list. One long
/// paragraph or one far gap then no longer widens every value of its block.
///
/// Layout of `count` values (the count is known to the reader):
/// - a byte: bits 0–5 the width `b` of the packed low bits, bit 6 set when there are exceptions;
/// - with exceptions: their number (varint), the width `h` of their high parts (a byte), then their
///   indexes (ascending, packed at the bits of `count − 1`) and their high parts (`value >> b`,
///   packed at `h`);
/// - the low `b` bits of every value, packed.
///
/// The width is chosen to minimise the size. Like ``BitPacking``, readers load 8 bytes at a time.
/// With `vertical`, 128 values have their low bits in the lanes of ``VerticalPacking`` instead (same
/// size), for readers that unpack them with ``Reader/unpackVerticalChunk(_:to:)``.
enum PatchedPacking {
    private static let hasExceptions: UInt8 = 0x40

    /// Appends `values` coded as above to `out` (`vertical`: 128 values whose low bits go in lanes).
    static func pack(_ values: UnsafeBufferPointer<UInt32>, vertical: Bool = false, into out: inout [UInt8]) {
        let n = values.count
        // Values by bit width, to price every packing width at once.
        var byWidth = [Int](repeating: 0, count: 33)
        for v in values { byWidth[UInt32.bitWidth - v.leadingZeroBitCount] += 1 }
        var widest = 32
        while widest > 0 && byWidth[widest] == 0 { widest -= 1 }
        let indexWidth = UInt32.bitWidth - UInt32(max(n - 1, 0)).leadingZeroBitCount
        var best = widest
        var bestCost = n * widest
        var above = 0  // values wider than b
        var b = widest - 1
        while b >= 0 {
            above += byWidth[b + 1]
            let cost = n * b + 16 + above * (indexWidth + widest - b)
            if cost < bestCost {
                best = b
                bestCost = cost
            }
            b -= 1
        }
        let low = (UInt32(1) << UInt32(best)) &- 1
        if best == widest {
            out.append(UInt8(best))
        } else {
            out.append(UInt8(best) | hasExceptions)
            var indexes: [UInt32] = []
            var highs: [UInt32] = []
            for (i, v) in values.enumerated() where v > low {
                indexes.append(UInt32(i))
                highs.append(v >> UInt32(best))
            }
            Varint.append(UInt32(indexes.count), to: &out)
            out.append(UInt8(widest - best))
            indexes.withUnsafeBufferPointer { BitPacking.pack($0, width: indexWidth, into: &out) }
            highs.withUnsafeBufferPointer { BitPacking.pack($0, width: widest - best, into: &out) }
        }
        func packLows(_ lows: UnsafeBufferPointer<UInt32>) {
            if vertical { VerticalPacking.pack(lows, width: best, into: &out) } else { BitPacking.pack(lows, width: best, into: &out) }
        }
        if best == widest {
            packLows(values)
        } else {
            var lows = [UInt32](repeating: 0, count: n)
            for i in 0..<n { lows[i] = values[i] & low }
            lows.withUnsafeBufferPointer(packLows)
        }
    }

    /// A reader of `count` values coded at `bytes`.
    struct Reader {
        let count: Int
        let width: Int
        let exceptions: Int
        let indexWidth: Int
        let highWidth: Int
        let indexes: UnsafePointer<UInt8>
        let highs: UnsafePointer<UInt8>
        let lows: UnsafePointer<UInt8>

        @inline(__always)
        init(count n: Int, at bytes: UnsafePointer<UInt8>) {
            count = n
            let head = bytes[0]
            width = Int(head & 0x3F)
            var p = bytes + 1
            if head & PatchedPacking.hasExceptions == 0 {
                exceptions = 0
                indexWidth = 0
                highWidth = 0
                indexes = p
                highs = p
            } else {
                var e = 0
                var shift = 0
                while true {
                    let byte = p.pointee
                    p += 1
                    e |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                exceptions = e
                highWidth = Int(p.pointee)
                p += 1
                indexWidth = UInt32.bitWidth - UInt32(max(n - 1, 0)).leadingZeroBitCount
                indexes = p
                p += BitPacking.byteCount(count: e, width: indexWidth)
                highs = p
                p += BitPacking.byteCount(count: e, width: highWidth)
            }
            lows = p
        }

        /// The byte after the coded values.
        var end: UnsafePointer<UInt8> { lows + BitPacking.byteCount(count: count, width: width) }

        /// Writes all the values to `out`.
        @inline(__always)
        func unpack(to out: UnsafeMutablePointer<UInt32>) {
            // Whole runs of 32 end on a byte; the rest, if any, follows the last of them.
            let runs = count / 32
            for c in 0..<runs { BitPacking.unpack32(width: width, from: lows + 4 * width * c, to: out + 32 * c) }
            if count > 32 * runs {
                BitPacking.unpack(count: count - 32 * runs, width: width, from: lows + 4 * width * runs, to: out + 32 * runs)
            }
            for j in 0..<exceptions {
                let i = Int(BitPacking.value(at: j, width: indexWidth, from: indexes))
                out[i] |= BitPacking.value(at: j, width: highWidth, from: highs) << UInt32(width)
            }
        }

        /// Writes all 128 values packed with `vertical` to `out`.
        @inline(__always)
        func unpackVertical(to out: UnsafeMutablePointer<UInt32>) {
            VerticalPacking.unpack(width: width, from: lows, to: out)
            for j in 0..<exceptions { out[exceptionIndexInBlock(j)] |= exceptionHigh(j) }
        }

        /// Writes the low bits of values `32 c ..< 32 c + 32` of 128 packed with `vertical` to `out`
        /// (exceptions not applied).
        @inline(__always)
        func unpackVerticalChunk(_ c: Int, to out: UnsafeMutablePointer<UInt32>) {
            VerticalPacking.unpackChunk(c, width: width, from: lows, to: out)
        }

        /// The index of exception `j`.
        @inline(__always)
        func exceptionIndex(_ j: Int) -> Int { Int(BitPacking.value(at: j, width: indexWidth, from: indexes)) }

        /// ``exceptionIndex(_:)`` in a reader of ``PostingBlock/size`` values, whose indexes have a
        /// known width.
        @inline(__always)
        func exceptionIndexInBlock(_ j: Int) -> Int {
            Int(BitPacking.value(at: j, width: Self.blockIndexWidth, from: indexes))
        }
        static let blockIndexWidth = UInt32.bitWidth - UInt32(PostingBlock.size - 1).leadingZeroBitCount

        /// The high part of exception `j`, in place (to be or-ed into its value).
        @inline(__always)
        func exceptionHigh(_ j: Int) -> UInt32 { BitPacking.value(at: j, width: highWidth, from: highs) << UInt32(width) }

        /// Writes the values `start ..< start + n` to `out`.
        @inline(__always)
        func unpack(from start: Int, count n: Int, to out: UnsafeMutablePointer<UInt32>) {
            for k in 0..<n { out[k] = BitPacking.value(at: start + k, width: width, from: lows) }
            guard exceptions > 0 else { return }
            // The first exception at or after `start`, by binary search over the ascending indexes.
            var lower = 0
            var upper = exceptions
            while lower < upper {
                let middle = (lower + upper) >> 1
                if Int(BitPacking.value(at: middle, width: indexWidth, from: indexes)) < start { lower = middle + 1 } else { upper = middle }
            }
            var j = lower
            while j < exceptions {
                let i = Int(BitPacking.value(at: j, width: indexWidth, from: indexes)) - start
                if i >= n { break }
                out[i] |= BitPacking.value(at: j, width: highWidth, from: highs) << UInt32(width)
                j += 1
            }
        }
    }
}
