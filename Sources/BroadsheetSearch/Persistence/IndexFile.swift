#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends the sections of a saved index to one byte buffer: each section is a little-endian `UInt64`
/// byte count, the bytes (a flat array of fixed-size values, as they lie in memory), then zero bytes
/// up to a multiple of 8, so that every section starts 8-byte aligned.
struct IndexFileWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity n: Int) { bytes.reserveCapacity(n) }

    /// Appends one section holding `values`.
    mutating func append<T: BitwiseCopyable>(_ values: UnsafeBufferPointer<T>) {
        let n = values.count * MemoryLayout<T>.stride
        withUnsafeBytes(of: UInt64(n).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: UnsafeRawBufferPointer(values))
        let padding = (8 - n % 8) % 8
        bytes.append(contentsOf: repeatElement(0, count: padding))
    }

    mutating func append<T: BitwiseCopyable>(_ values: [T]) { values.withUnsafeBufferPointer { append($0) } }
}

/// Reads the sections that ``IndexFileWriter`` wrote, in the same order, from a buffer holding the
/// whole payload; every length is checked against what is left, so a damaged file throws
/// ``SearchIndexFileError/corrupt(_:)`` rather than reading outside the buffer.
struct IndexFileReader {
    let payload: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ payload: UnsafeRawBufferPointer) { self.payload = payload }

    /// The next section's bytes, `name` naming it in errors.
    mutating func section(_ name: String, elementSize: Int) throws(SearchIndexFileError) -> UnsafeRawBufferPointer {
        guard payload.count - offset >= 8 else { throw .corrupt("\(name): section past the end of the file") }
        let n = UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
        guard n <= UInt64(payload.count - offset) else { throw .corrupt("\(name): \(n) bytes past the end of the file") }
        let count = Int(n)
        guard count % elementSize == 0 else { throw .corrupt("\(name): \(count) bytes is not a whole number of values") }
        let bytes = UnsafeRawBufferPointer(rebasing: payload[offset..<(offset + count)])
        offset += count + (8 - count % 8) % 8
        guard offset <= payload.count else { throw .corrupt("\(name): padding past the end of the file") }
        return bytes
    }

    /// The next section as an array of `T` (one copy).
    mutating func array<T: BitwiseCopyable>(_ name: String, of: T.Type = T.self) throws(SearchIndexFileError) -> [T] {
        let raw = try section(name, elementSize: MemoryLayout<T>.stride)
        let n = raw.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if n > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw) }
            initialized = n
        }
    }

    /// The next section as an array of exactly `count` values of `T`.
    mutating func array<T: BitwiseCopyable>(_ name: String, count: Int, of: T.Type = T.self) throws(SearchIndexFileError) -> [T] {
        let a: [T] = try array(name)
        guard a.count == count else { throw .corrupt("\(name): \(a.count) values where \(count) were expected") }
        return a
    }
}

/// Checks that throw ``SearchIndexFileError/corrupt(_:)`` for tables that a damaged file breaks.
enum IndexFileCheck {
    /// `offsets` (count + 1 entries) start at 0, never decrease, and end at `end`.
    static func offsets(_ offsets: [UInt32], count: Int, end: Int, _ name: String) throws(SearchIndexFileError) {
        guard offsets.count == count + 1 else { throw .corrupt("\(name): \(offsets.count) offsets for \(count) entries") }
        guard offsets.first == 0, Int(offsets[count]) == end else { throw .corrupt("\(name): offsets do not span the data") }
        for k in 0..<count where offsets[k] > offsets[k + 1] { throw .corrupt("\(name): offsets decrease at \(k)") }
    }

    /// Every value of `values` is in `range`.
    static func values<T: BinaryInteger>(_ values: [T], in range: Range<Int>, _ name: String) throws(SearchIndexFileError) {
        for v in values where !(Int(v) >= range.lowerBound && Int(v) < range.upperBound) {
            throw .corrupt("\(name): value \(v) outside \(range.lowerBound)..<\(range.upperBound)")
        }
    }

    static func require(_ condition: Bool, _ why: @autoclosure () -> String) throws(SearchIndexFileError) {
        if !condition { throw .corrupt(why()) }
    }
}

/// Whole-file I/O for saved indexes: read in one go; write to a temporary file, `fsync`, rename over
/// the target, then `fsync` the folder, so that a crash leaves either the old file or the new one.
enum IndexFileIO {
    static func readAll(_ path: String) throws(SearchIndexFileError) -> UnsafeMutableRawBufferPointer {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(operation: "open \(path)", errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(operation: "stat \(path)", errno: errno) }
        let size = Int(info.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 16)
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, min(size - done, 1 << 30))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let e = errno
                buffer.deallocate()
                if n == 0 { throw .truncated }
                throw .io(operation: "read \(path)", errno: e)
            }
            done += n
        }
        return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size])
    }

    static func writeAtomically(_ path: String, header: [UInt8], payload: [UInt8]) throws(SearchIndexFileError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(operation: "open \(temporary)", errno: errno) }
        func fail(_ operation: String) -> SearchIndexFileError {
            let e = errno
            close(fd)
            unlink(temporary)
            return .io(operation: operation, errno: e)
        }
        for part in [header, payload] {
            let ok = part.withUnsafeBytes { raw -> Bool in
                var done = 0
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, min(raw.count - done, 1 << 30))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return false }
                    done += n
                }
                return true
            }
            guard ok else { throw fail("write \(temporary)") }
        }
        guard fsync(fd) == 0 else { throw fail("fsync \(temporary)") }
        guard close(fd) == 0 else {
            let e = errno
            unlink(temporary)
            throw .io(operation: "close \(temporary)", errno: e)
        }
        guard rename(temporary, path) == 0 else {
            let e = errno
            unlink(temporary)
            throw .io(operation: "rename \(temporary)", errno: e)
        }
        // The rename is durable once the folder is synced.
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        let dfd = open(folder, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}
