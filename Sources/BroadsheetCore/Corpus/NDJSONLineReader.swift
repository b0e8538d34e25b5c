import Foundation

/// Reads a file line by line in fixed-size chunks, so that memory use is bounded by the longest
/// accepted line plus one chunk, however large the file.
///
/// Lines end at `\n` (a `\r` before it is dropped). A line longer than the limit is not kept: its
/// bytes are counted and skipped up to the next line break, and it is reported as
/// ``Line/tooLong(bytes:)``. A UTF-8 byte-order mark at the start of the file is dropped.
enum NDJSONLineReader {
    /// One line of the file.
    enum Line {
        /// The line's bytes, without its line break.
        case bytes([UInt8])
        /// The line was longer than the limit: its length in bytes (a `\r` before the break included).
        case tooLong(bytes: Int)
    }

    enum Outcome {
        case finished
        /// The file could not be opened or read; the reason.
        case failure(String)
    }

    /// Calls `body` with each line's 1-based number and content, in order, reading `chunkSize`
    /// bytes at a time (default: 1 MiB).
    static func forEachLine(path: String, maxLineBytes: Int, chunkSize: Int = 1 << 20, _ body: (Int, Line) -> Void) -> Outcome {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure("cannot open file") }
        defer { try? handle.close() }
        var line: [UInt8] = []
        var overflow = 0  // bytes of the current line past the limit (0: not over)
        var number = 1
        func finishLine() {
            if overflow > 0 {
                body(number, .tooLong(bytes: line.count + overflow))
            } else {
                if line.last == 0x0D { line.removeLast() }
                if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
                body(number, .bytes(line))
            }
            line.removeAll(keepingCapacity: line.capacity <= chunkSize)
            overflow = 0
            number += 1
        }
        while true {
            let chunk: Data
            do {
                guard let data = try handle.read(upToCount: max(1, chunkSize)), !data.isEmpty else { break }
                chunk = data
            } catch {
                return .failure(CorpusLoader.reason(error))
            }
            chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress else { return }
                var start = 0
                while start < raw.count {
                    // memchr: the line-break search is the hot loop on a large file.
                    let found = memchr(base + start, 0x0A, raw.count - start)
                    let end = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? raw.count
                    let piece = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                    // +1: room for a "\r" that is dropped at the line's end.
                    if overflow > 0 || line.count + piece.count > maxLineBytes + 1 {
                        if overflow == 0 {
                            overflow = line.count
                            line.removeAll()
                        }
                        overflow += piece.count
                    } else {
                        line.append(contentsOf: piece)
                    }
                    guard found != nil else { break }
                    finishLine()
                    start = end + 1
                }
            }
        }
        if !line.isEmpty || overflow > 0 { finishLine() }
        return .finished
    }
}
