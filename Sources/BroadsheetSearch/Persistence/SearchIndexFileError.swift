/// Why a saved index could not be written or opened. Every case means "rebuild the index from the
/// documents": none is fatal to the caller.
public enum SearchIndexFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read or written (`errno` and the call that failed).
    case io(operation: String, errno: Int32)
    /// The file does not start with the index magic bytes.
    case notAnIndex
    /// The file is an index of another format version (only ``SearchIndex/fileFormatVersion`` is read).
    case unsupportedVersion(UInt32)
    /// The file is shorter than its header says.
    case truncated
    /// The payload's checksum does not match the header's.
    case checksumMismatch
    /// A table is inconsistent (an offset outside the file, a sequence that must grow and does not, …).
    case corrupt(String)
    /// The index does not describe `documents`: other ids, order, paragraphs or text, or other settings.
    case stale(String)

    public var description: String {
        switch self {
        case .io(let operation, let errno): "\(operation) failed (errno \(errno))"
        case .notAnIndex: "not a Broadsheet search index"
        case .unsupportedVersion(let v): "index format version \(v) (this build reads version \(SearchIndex.fileFormatVersion))"
        case .truncated: "the index file is truncated"
        case .checksumMismatch: "the index file's checksum does not match"
        case .corrupt(let why): "corrupt index: \(why)"
        case .stale(let why): "stale index: \(why)"
        }
    }
}
