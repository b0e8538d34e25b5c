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
/// the buffer is ordinary memory. Buffers from ``allocate(_:capacity:)`` are freed with
/// ``deallocate(_:)``.
enum HugePages {
    static let size = 2 << 20

    /// An uninitialized buffer of `capacity` values.
    static func allocate<T>(_ type: T.Type, capacity: Int) -> UnsafeMutableBufferPointer<T> {
        let bytes = capacity * MemoryLayout<T>.stride
        guard bytes >= size else { return .allocate(capacity: capacity) }
        let rounded = (bytes + size - 1) / size * size
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, size, rounded) == 0, let raw else { return .allocate(capacity: capacity) }
        #if os(Linux)
            _ = madvise(raw, rounded, MADV_HUGEPAGE)
        #endif
        return UnsafeMutableBufferPointer(start: raw.bindMemory(to: T.self, capacity: capacity), count: capacity)
    }

    /// Frees a buffer from ``allocate(_:capacity:)`` (its values must be trivial or deinitialized).
    static func deallocate<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        if buffer.count * MemoryLayout<T>.stride >= size {
            free(buffer.baseAddress)
        } else {
            buffer.deallocate()
        }
    }
}
