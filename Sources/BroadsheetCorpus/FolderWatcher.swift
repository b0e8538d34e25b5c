import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Follows a folder with Linux inotify and calls back, debounced, when files in it (or in any folder
/// under it, created later too) are written, moved or removed.
///
/// The callback runs on the watcher's own thread, never twice at once; a burst of events (a copy of
/// many files) makes one call once the folder has been quiet for ``quietPeriod``.
///
/// ```swift
/// let watcher = try FolderWatcher(root: "articles") { try? FolderImport().run(root: "articles", into: corpus) }
/// defer { watcher.stop() }
/// ```
public final class FolderWatcher: Sendable {
    /// How long the folder must be quiet before the callback runs.
    public let quietPeriod: Duration
    private let descriptor: Int32
    private let root: String
    private let stopped = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)
    private let onChange: @Sendable () -> Void

    private static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)

    /// Starts watching `root` (recursively).
    public init(root: String, quietPeriod: Duration = .milliseconds(300), onChange: @escaping @Sendable () -> Void) throws(FolderWatcherError) {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw .cannotWatch(path: root, reason: String(cString: strerror(errno))) }
        self.descriptor = fd
        self.root = root
        self.quietPeriod = quietPeriod
        self.onChange = onChange
        var folders: [String: Int32] = [:]
        Self.watchTree(fd: fd, path: root, folders: &folders)
        guard !folders.isEmpty else {
            close(fd)
            throw .cannotWatch(path: root, reason: "not a readable folder")
        }
        let watched = folders
        let thread = Thread { [self] in run(folders: watched) }
        thread.name = "broadsheet.watch"
        thread.start()
    }

    /// Stops watching and waits for a running callback to end.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        finished.wait()
        close(descriptor)
    }

    private func run(folders: [String: Int32]) {
        var folders = folders
        var pendingSince: ContinuousClock.Instant?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopped.withLock({ $0 }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    if Self.sawNewFolder(buffer[..<count]) { Self.watchTree(fd: descriptor, path: root, folders: &folders) }
                    pendingSince = .now
                }
            }
            if let since = pendingSince, ContinuousClock.now - since >= quietPeriod {
                pendingSince = nil
                onChange()
            }
        }
        finished.signal()
    }

    /// Whether the events in `bytes` include a folder created or moved in.
    private static func sawNewFolder(_ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (mask, length) = bytes.withUnsafeBytes { raw -> (UInt32, Int) in
                let base = offset - bytes.startIndex
                let mask = raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self))
                return (mask, length)
            }
            if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return true }
            offset += header + length
        }
        return false
    }

    /// Adds a watch to `path` and every folder under it not watched yet (hidden folders are skipped, as the import skips them).
    private static func watchTree(fd: Int32, path: String, folders: inout [String: Int32]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        if folders[path] == nil {
            let wd = inotify_add_watch(fd, path, fileEvents)
            guard wd >= 0 else { return }
            folders[path] = wd
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            watchTree(fd: fd, path: (path as NSString).appendingPathComponent(name), folders: &folders)
        }
    }
}

/// Why a folder cannot be watched.
public enum FolderWatcherError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotWatch(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWatch(let path, let reason): "cannot watch \(path): \(reason)"
        }
    }
}
