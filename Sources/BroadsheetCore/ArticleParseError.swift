/// Why a file (or one record of it) could not be parsed as an article.
///
/// Every case has a human-readable ``description`` suitable for a corpus report.
public enum ArticleParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has no content (or only whitespace).
    case empty
    /// The bytes are not valid UTF-8; `byteOffset` is the first bad byte.
    case invalidUTF8(byteOffset: Int)
    /// The file looks binary (NUL bytes or mostly control characters).
    case binary
    /// The file is larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// The JSON text is malformed or not an object.
    case invalidJSON(String)
    /// A required field (`title`, `body`) is missing or empty.
    case missingField(String)
    /// A field has the wrong JSON type (or a bad item); `name` is the field as spelled in the input.
    case invalidField(name: String, reason: String)
    /// The file is in a text encoding that cannot be decoded (e.g. UTF-16 with an odd byte count).
    case invalidEncoding(String)
    /// One NDJSON record (line) is longer than the per-record limit.
    case recordTooLarge(bytes: Int, limit: Int)
    /// The article has a title but no body paragraphs.
    case noBody
    /// The `---` front-matter block is malformed (e.g. never closed).
    case invalidFrontMatter(String)
    /// Every line of an NDJSON file failed; `line` is the first bad one (1-based).
    case invalidRecord(line: Int, reason: String)

    /// A one-line, human-readable reason.
    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .invalidUTF8(let offset): return "not valid UTF-8 (first bad byte at offset \(offset))"
        case .binary: return "binary file (NUL bytes or mostly control characters)"
        case .tooLarge(let bytes, let limit): return "file too large (\(bytes) bytes; limit \(limit))"
        case .invalidJSON(let why): return "invalid JSON: \(why)"
        case .missingField(let name): return "missing required field '\(name)'"
        case .invalidField(let name, let reason): return "field '\(name)' \(reason)"
        case .invalidEncoding(let why): return "cannot decode text: \(why)"
        case .recordTooLarge(let bytes, let limit): return "record too large (\(bytes) bytes; limit \(limit))"
        case .noBody: return "article has no body text"
        case .invalidFrontMatter(let why): return "invalid front matter: \(why)"
        case .invalidRecord(let line, let reason): return "line \(line): \(reason)"
        }
    }
}
