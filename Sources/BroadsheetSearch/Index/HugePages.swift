#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Allocation of large read-mostly index tables on huge pages where the system allows it.
///
/// A query reads a few scattered lines of tables tens of megabytes large; on 4 KiB pages nearly
/// every such read also misses the TLB and walks the page tables. A buffer of at least 2 MiB is
/// therefore allocated 2 MiB-aligned, rounded up to whole huge pages, and advised as huge pages
/// (`MADV_HUGEPAGE`) before it is first written, so that Linux backs it with 2 MiB pages when
/// transparent huge pages are enabled (`always` or `madvise`). Elsewhere the advice is ignored and
/// the buffer is ordinary memory; if the aligned allocation fails, it is ordinary `malloc` memory.
/// Buffers from ``allocate(_:capacity:)`` are freed with ``deallocate(_:)``.
enum HugePages {
    static let size = 2 << 20

    /// An uninitialized buffer of `capacity` values.
    static func allocate<T>(_ type: T.Type, capacity: Int) -> UnsafeMutableBufferPointer<T> {
        allocate(type, capacity: capacity, alignedAllocation: posixMemalign)
    }

    /// ``allocate(_:capacity:)`` with the aligned allocation passed in, so that tests can make it fail.
    ///
    /// A large buffer always comes from the C allocator, so that ``deallocate(_:)`` can free it with
    /// `free()`: from `alignedAllocation` (2 MiB-aligned), or from `malloc` when that fails (ordinary
    /// pages, aligned for any scalar type). A small buffer comes from Swift's allocator.
    static func allocate<T>(
        _ type: T.Type, capacity: Int, alignedAllocation: (_ alignment: Int, _ bytes: Int) -> UnsafeMutableRawPointer?
    ) -> UnsafeMutableBufferPointer<T> {
        let bytes = capacity * MemoryLayout<T>.stride
        guard bytes >= size else { return .allocate(capacity: capacity) }
        let rounded = (bytes + size - 1) / size * size
        let raw: UnsafeMutableRawPointer
        if let aligned = alignedAllocation(size, rounded) {
            #if os(Linux)
                _ = madvise(aligned, rounded, MADV_HUGEPAGE)
            #endif
            raw = aligned
        } else {
            // `malloc` aligns for every scalar type (16 bytes on 64-bit glibc), which covers the index tables.
            precondition(MemoryLayout<T>.alignment <= 16, "HugePages: \(T.self) needs more than malloc's alignment")
            guard let fallback = malloc(bytes) else { fatalError("HugePages: out of memory allocating \(bytes) bytes") }
            raw = fallback
        }
        return UnsafeMutableBufferPointer(start: raw.bindMemory(to: T.self, capacity: capacity), count: capacity)
    }

    /// `posix_memalign`, or nil when it fails.
    private static func posixMemalign(alignment: Int, bytes: Int) -> UnsafeMutableRawPointer? {
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, bytes) == 0 else { return nil }
        return raw
    }

    /// Frees a buffer from ``allocate(_:capacity:)`` (its values must be trivial or deinitialized): with
    /// `free()` when it is large (it came from the C allocator either way), else with Swift's allocator.
    static func deallocate<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        if buffer.count * MemoryLayout<T>.stride >= size {
            free(buffer.baseAddress)
        } else {
            buffer.deallocate()
        }
    }
}
