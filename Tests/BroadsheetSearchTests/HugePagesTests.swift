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

extension HugePagesTests {
    /// When the aligned allocation fails, a large buffer still comes from the C allocator (`malloc`,
    /// which ``HugePages/deallocate(_:)`` frees with `free()`), not from Swift's, and works like any
    /// other. (On glibc Swift's allocator is `malloc` too, so the old mix did not crash here; it was
    /// wrong by contract, and on a platform where the two differ it would corrupt the heap.)
    @Test func largeBufferFallsBackToMallocWhenTheAlignedAllocationFails() {
        var asked: (alignment: Int, bytes: Int)?
        let capacity = HugePages.size / 4 + 3
        let buffer = HugePages.allocate(UInt32.self, capacity: capacity) { alignment, bytes in
            asked = (alignment, bytes)
            return nil
        }
        defer { HugePages.deallocate(buffer) }
        #expect(asked?.alignment == HugePages.size)
        #expect(asked?.bytes == 2 * HugePages.size)  // rounded up to whole huge pages
        #expect(buffer.count == capacity)
        #expect(Int(bitPattern: buffer.baseAddress) % 16 == 0)
        for i in 0..<capacity { buffer.initializeElement(at: i, to: UInt32(i)) }
        #expect((0..<capacity).allSatisfy { buffer[$0] == UInt32($0) })
    }
}
