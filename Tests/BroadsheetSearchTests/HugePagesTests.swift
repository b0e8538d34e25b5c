import Testing

@testable import BroadsheetSearch

struct HugePagesTests {
    /// Large buffers start on a huge-page boundary; small ones are ordinary allocations. Both hold
    /// what is written to them until freed.
    @Test(arguments: [1, 1_000, HugePages.size / 4 - 1, HugePages.size / 4, 3 * HugePages.size / 4 + 5])
    func buffersHoldTheirValues(capacity: Int) {
        let buffer = HugePages.allocate(UInt32.self, capacity: capacity)
        defer { HugePages.deallocate(buffer) }
        #expect(buffer.count == capacity)
        if capacity * 4 >= HugePages.size {
            #expect(Int(bitPattern: buffer.baseAddress) % HugePages.size == 0)
        }
        for i in 0..<capacity { buffer.initializeElement(at: i, to: UInt32(truncatingIfNeeded: i &* 2_654_435_761)) }
        #expect((0..<capacity).allSatisfy { buffer[$0] == UInt32(truncatingIfNeeded: $0 &* 2_654_435_761) })
    }
}
