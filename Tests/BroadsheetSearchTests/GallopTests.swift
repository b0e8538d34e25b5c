import Testing
import TestSupport

@testable import BroadsheetSearch

struct GallopTests {
    /// `size` ascending values, with repeats (steps of 0 to 4).
    static func ascending(_ size: Int, _ random: inout SplitMix64) -> [Int] {
        var values: [Int] = []
        var v = 0
        for _ in 0..<size {
            v += Int(random.next() % 5)
            values.append(v)
        }
        return values
    }

    /// Against a linear search: random ascending values, every start whose value is below the
    /// target, targets below, among, between and above the values.
    @Test func findsTheFirstValueNotBelowTheTarget() {
        var random = SplitMix64(seed: 3)
        for size in [1, 2, 3, 7, 64, 300] {
            let values = Self.ascending(size, &random)
            let v = values.last!
            for target in -1...(v + 2) {
                for start in values.indices where values[start] < target {
                    let got = Gallop.firstNotBelow(after: start, end: values.count) { values[$0] < target }
                    let want = values.indices.first { $0 > start && values[$0] >= target } ?? values.count
                    #expect(got == want, "size \(size) target \(target) start \(start)")
                }
            }
        }
    }

    /// From any guess (before, at, after the answer, out of range) the answer is the same.
    @Test func findsTheSameAnswerFromAnyGuess() {
        var random = SplitMix64(seed: 5)
        for size in [1, 2, 3, 7, 64, 300] {
            let values = Self.ascending(size, &random)
            let v = values.last!
            for target in stride(from: -1, through: v + 2, by: size > 64 ? 7 : 1) {
                for start in values.indices where values[start] < target {
                    let want = values.indices.first { $0 > start && values[$0] >= target } ?? values.count
                    for guess in [-5, start, start + 1, want - 3, want - 1, want, want + 1, want + 9, size - 1, size + 4] {
                        let got = Gallop.firstNotBelow(after: start, end: values.count, guess: guess) { values[$0] < target }
                        #expect(got == want, "size \(size) target \(target) start \(start) guess \(guess)")
                    }
                }
            }
        }
    }
}
