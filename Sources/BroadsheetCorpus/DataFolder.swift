#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The folder that holds a corpus: the database and the derived files beside it.
///
/// Opening takes an exclusive lock (`flock` on `broadsheet.lock`), so a second server on the same
/// folder fails at once with a clear error instead of diverging from the first; the lock goes
/// with the process, whatever ends it.
public final class DataFolder: Sendable {
    public let path: String
    private let lockDescriptor: Int32

    /// The database file.
    public var databasePath: String { (path as NSString).appendingPathComponent("broadsheet.sqlite") }

    /// Creates the folder when missing and locks it.
    public init(path: String) throws(DataFolderError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: path, reason: "\(error.localizedDescription)")
        }
        let lockPath = (path as NSString).appendingPathComponent("broadsheet.lock")
        let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(path: lockPath, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(fd)
            throw .inUse(path: path)
        }
        lockDescriptor = fd
    }

    deinit {
        flock(lockDescriptor, LOCK_UN)
        Glibc.close(lockDescriptor)
    }

    /// Opens the folder's database.
    public func openStore() throws(StoreError) -> SQLiteArticleStore {
        try SQLiteArticleStore(path: databasePath)
    }
}

/// Why a data folder cannot be used.
public enum DataFolderError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case inUse(path: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create the data folder \(path): \(reason)"
        case .inUse(let path): "the data folder \(path) is in use by another Broadsheet process"
        }
    }
}
