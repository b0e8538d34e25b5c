import Foundation

/// New, empty temporary folders for tests (left for the system to clean, so a failing test's files
/// can be looked at).
public enum TemporaryFolder {
    /// Creates a new folder under the temporary directory and returns its path.
    public static func make(prefix: String = "broadsheet-test") -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `files` (relative path → contents) under a new folder and returns its path.
    public static func make(prefix: String = "broadsheet-test", files: [String: String]) throws -> String {
        let root = make(prefix: prefix)
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }
}
