public import Foundation

/// The state of the data behind a snapshot, for `/v1/corpus`.
public struct CorpusStatus: Sendable, Hashable {
    /// The data folder, when the corpus is kept in one.
    public var dataFolder: String?
    /// When the last write was committed.
    public var lastWrite: Date?
    /// What was found missing, stale or corrupt and rebuilt (also logged as warnings).
    public var warnings: [String]

    public init(dataFolder: String? = nil, lastWrite: Date? = nil, warnings: [String] = []) {
        self.dataFolder = dataFolder
        self.lastWrite = lastWrite
        self.warnings = warnings
    }
}
