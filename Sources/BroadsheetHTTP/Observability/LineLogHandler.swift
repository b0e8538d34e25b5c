public import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes each record as one line with one `write(2)`, cheaply enough for an
/// access log on every request: UTC timestamp, level, label, metadata sorted by key, source, message.
///
/// ```text
/// 2026-11-28T02:40:55.123Z info broadsheet: method=GET path=/healthz status=200 [BroadsheetHTTP] GET /healthz 200
/// ```
///
/// Unlike `StreamLogHandler` it formats into one byte buffer, reads the clock with `clock_gettime` and
/// converts with `gmtime_r` (no time-zone file lookups), and takes no lock: a line shorter than
/// `PIPE_BUF` (4 KiB) is written atomically, so lines from different threads do not interleave.
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let descriptor: Int32

    /// - Parameters:
    ///   - label: the logger's label, written after the level.
    ///   - level: the least severe level written.
    ///   - descriptor: where lines go (default: standard error).
    public init(label: String, level: Logger.Level = .info, descriptor: Int32 = 2) {
        self.label = label
        self.logLevel = level
        self.descriptor = descriptor
        self.metadataProvider = LoggingSystem.metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        Self.appendTimestamp(to: &line)
        line.append(0x20)
        line.append(contentsOf: event.level.rawValue.utf8)
        if !label.isEmpty {
            line.append(0x20)
            line.append(contentsOf: label.utf8)
        }
        line.append(0x3A)  // ":"
        for (key, value) in mergedMetadata(event).sorted(by: { $0.key < $1.key }) {
            line.append(0x20)
            line.append(contentsOf: key.utf8)
            line.append(0x3D)  // "="
            line.append(contentsOf: value.description.utf8)
        }
        line.append(contentsOf: " [".utf8)
        line.append(contentsOf: event.source.utf8)
        line.append(contentsOf: "] ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        line.append(0x0A)
        Self.write(line, to: descriptor)
    }

    /// Handler metadata, then the provider's, then the record's own (later ones win), then the error.
    private func mergedMetadata(_ event: LogEvent) -> Logger.Metadata {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata {
            if merged.isEmpty { merged = explicit } else { merged.merge(explicit) { _, new in new } }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    static func appendTimestamp(to line: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        appendDigits(Int(parts.tm_year) + 1900, width: 4, to: &line)
        line.append(0x2D)
        appendDigits(Int(parts.tm_mon) + 1, width: 2, to: &line)
        line.append(0x2D)
        appendDigits(Int(parts.tm_mday), width: 2, to: &line)
        line.append(0x54)  // "T"
        appendDigits(Int(parts.tm_hour), width: 2, to: &line)
        line.append(0x3A)
        appendDigits(Int(parts.tm_min), width: 2, to: &line)
        line.append(0x3A)
        appendDigits(Int(parts.tm_sec), width: 2, to: &line)
        line.append(0x2E)  // "."
        appendDigits(Int(now.tv_nsec) / 1_000_000, width: 3, to: &line)
        line.append(0x5A)  // "Z"
    }

    private static func appendDigits(_ value: Int, width: Int, to line: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            line.append(UInt8(truncatingIfNeeded: 0x30 + (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // a closed or full log descriptor must not stop the server
                }
            }
        }
    }
}
