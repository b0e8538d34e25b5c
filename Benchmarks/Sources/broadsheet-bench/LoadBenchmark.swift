import BroadsheetCore
import Foundation

/// NDJSON loading: writes a deterministic NDJSON file of invented briefs (or takes yours), loads
/// it with ``CorpusLoader`` (which streams `.ndjson` line by line), and prints the time, the
/// throughput and the peak memory, next to the file's size.
///
/// Usage: `broadsheet-bench load [--mb 240] [--file PATH] [--padding]`. `--padding` writes, instead
/// of articles, one article between long comment lines: the loaded documents are then tiny, so the
/// peak memory shows what reading the file itself costs.
enum LoadBenchmark {
    static func run(_ arguments: [String]) {
        var megabytes = 240.0
        var path: String?
        var padding = false
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--mb", i + 1 < arguments.count { megabytes = Double(arguments[i + 1]) ?? megabytes; i += 1 }
            if arguments[i] == "--file", i + 1 < arguments.count { path = arguments[i + 1]; i += 1 }
            if arguments[i] == "--padding" { padding = true }
            i += 1
        }
        let file: String
        var generated = false
        if let path {
            file = path
        } else {
            file = NSTemporaryDirectory() + "broadsheet-load-\(getpid()).ndjson"
            write(file, bytes: Int(megabytes * 1_000_000), padding: padding)
            generated = true
        }
        defer { if generated { try? FileManager.default.removeItem(atPath: file) } }
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0
        let before = maxRSSKilobytes()
        let clock = ContinuousClock()
        let t0 = clock.now
        let corpus: Corpus
        do {
            corpus = try CorpusLoader().load(from: file)
        } catch {
            print("cannot load \(file): \(error)")
            return
        }
        let seconds = (clock.now - t0) / .seconds(1)
        let textBytes = corpus.documents.reduce(0) { $0 + $1.text.utf8.count }
        print("file: \(String(format: "%.1f", Double(size) / 1e6)) MB\(padding ? " (padding)" : "")")
        print("documents: \(corpus.documents.count), skipped: \(corpus.skipped.count), text \(String(format: "%.1f", Double(textBytes) / 1e6)) MB")
        print("load: \(String(format: "%.2f", seconds)) s, \(String(format: "%.1f", Double(size) / 1e6 / seconds)) MB/s")
        print("peak RSS: \(maxRSSKilobytes() / 1024) MB (before loading: \(before / 1024) MB)")
    }

    /// Peak resident set size of this process, in KiB (`getrusage`).
    static func maxRSSKilobytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage.ru_maxrss
    }

    /// Writes about `bytes` bytes of NDJSON, in 1 MiB writes.
    static func write(_ path: String, bytes: Int, padding: Bool) {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        let places = ["harbour", "rail yard", "library", "market hall", "ferry terminal", "school", "bridge", "reservoir"]
        let verbs = ["reopened", "was repaired", "closed for the winter", "won new funding", "drew record crowds"]
        var written = 0
        var n = 0
        var buffer = ""
        let comment = "// " + String(repeating: "x", count: 1 << 20) + "\n"
        while written < bytes {
            n += 1
            let place = places[n % places.count]
            let verb = verbs[(n / places.count) % verbs.count]
            let paragraphs = (0..<6).map { k in
                "The \(place) in district \(n % 97 + k) \(verb) on Tuesday, officials said. Residents asked about costs, and the council promised a report by spring."
            }
            let body = paragraphs.joined(separator: "\\n\\n")
            buffer += #"{"title": "Brief \#(n): the \#(place)", "publishedAt": "2025-01-\#(String(format: "%02d", n % 28 + 1))", "category": "local", "body": "\#(body)"}"# + "\n"
            if padding { buffer += comment }
            if buffer.utf8.count >= 1 << 20 {
                written += buffer.utf8.count
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        if !buffer.isEmpty { handle.write(Data(buffer.utf8)) }
    }
}
