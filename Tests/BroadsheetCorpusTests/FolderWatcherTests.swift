import BroadsheetCorpus
import Foundation
import Synchronization
import Testing
import TestSupport

@Suite(.serialized) struct FolderWatcherTests {
    /// Waits up to `seconds` for `condition`.
    static func eventually(_ seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    @Test func callsBackOnceABurstOfChangesIsOverIncludingNewSubfolders() throws {
        let root = TemporaryFolder.make(prefix: "watch")
        let calls = Mutex(0)
        let watcher = try FolderWatcher(root: root, quietPeriod: .milliseconds(150)) { calls.withLock { $0 += 1 } }
        defer { watcher.stop() }
        for i in 0..<5 { try "Story \(i)\n\nText.".write(toFile: root + "/s\(i).txt", atomically: true, encoding: .utf8) }
        #expect(Self.eventually { calls.withLock { $0 } >= 1 })
        Thread.sleep(forTimeInterval: 0.4)
        #expect(calls.withLock { $0 } == 1, "one burst, one call")

        try FileManager.default.createDirectory(atPath: root + "/later", withIntermediateDirectories: true)
        #expect(Self.eventually { calls.withLock { $0 } >= 2 })
        Thread.sleep(forTimeInterval: 0.4)
        let before = calls.withLock { $0 }
        try "Deep story\n\nText.".write(toFile: root + "/later/deep.txt", atomically: true, encoding: .utf8)
        #expect(Self.eventually { calls.withLock { $0 } > before }, "a file in a folder created after the start")
    }

    @Test func aMissingFolderIsAClearError() {
        #expect(throws: FolderWatcherError.self) { _ = try FolderWatcher(root: "/nonexistent/folder") {} }
    }
}
