import BroadsheetCore
import BroadsheetExtraction
import Foundation

/// Entity extraction throughput: generates a deterministic corpus by recombining the sentences of the entity test
/// fixtures (and the seed article, when present) into documents, then times ``EntityRecognizer/extract(_:)`` on one
/// core and ``EntityCatalog`` construction.
///
/// Usage: `broadsheet-bench entities [--mb 20] [--seed 42] [--rounds 3] [--dump FILE]` (the best round is reported:
/// the machine is shared, and other processes inflate both wall and CPU time). `--dump` writes every document's
/// extraction as JSON lines after the timing, so two builds can be checked for identical output.
enum EntityBenchmark {
    static func run(_ arguments: [String]) {
        var megabytes = 20.0
        var seed: UInt64 = 42
        var rounds = 3
        var dumpPath: String?
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--mb", i + 1 < arguments.count { megabytes = Double(arguments[i + 1]) ?? megabytes; i += 1 }
            if arguments[i] == "--seed", i + 1 < arguments.count { seed = UInt64(arguments[i + 1]) ?? seed; i += 1 }
            if arguments[i] == "--rounds", i + 1 < arguments.count { rounds = max(1, Int(arguments[i + 1]) ?? rounds); i += 1 }
            if arguments[i] == "--dump", i + 1 < arguments.count { dumpPath = arguments[i + 1]; i += 1 }
            i += 1
        }
        let pool = sentencePool()
        print("entities benchmark: \(pool.count) source sentences, target \(megabytes) MB")

        // Lexicons load once, outside the timing.
        let recognizer = EntityRecognizer()
        _ = recognizer.extract(makeDocument(id: "warmup", paragraphs: [[pool[0]]]))

        var rng = seed
        func next() -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(pool.count))
        }
        var docs: [Document] = []
        var bytes = 0
        let target = Int(megabytes * 1_000_000)
        while bytes < target {
            var paragraphs: [[String]] = []
            for _ in 0..<8 { paragraphs.append((0..<4).map { _ in pool[next()] }) }
            let d = makeDocument(id: "bench-\(docs.count)", paragraphs: paragraphs)
            bytes += d.text.utf8.count
            docs.append(d)
        }
        print("corpus: \(docs.count) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB")

        let clock = ContinuousClock()
        var results: [DocumentEntities] = []
        results.reserveCapacity(docs.count)
        var cpu = Double.infinity
        var seconds = Double.infinity
        for _ in 0..<rounds {
            results.removeAll(keepingCapacity: true)
            let t0 = clock.now
            let c0 = cpuSeconds()
            for d in docs { results.append(recognizer.extract(d)) }
            cpu = min(cpu, cpuSeconds() - c0)
            let extractTime = t0.duration(to: clock.now)
            seconds = min(seconds, Double(extractTime.components.seconds) + Double(extractTime.components.attoseconds) / 1e18)
        }
        let mentions = results.reduce(0) { $0 + $1.entities.reduce(0) { $0 + $1.mentions.count } }
        let mb = Double(bytes) / 1e6
        print(String(format: "extract (best of \(rounds)): %.2f s CPU (%.2f s wall), %.2f MB/s per core (%.2f MB/s wall), %.0f docs/s, %d mentions",
                     cpu, seconds, mb / cpu, mb / seconds, Double(docs.count) / cpu, mentions))

        if let dumpPath { dump(results, to: dumpPath) }

        let c1 = cpuSeconds()
        let catalog = EntityCatalog(Array(zip(docs, results)))
        print(String(format: "catalog: %.2f s CPU for %d entities", cpuSeconds() - c1, catalog.entities.count))
    }

    /// Writes one sorted-key JSON line per document's extraction.
    static func dump(_ results: [DocumentEntities], to path: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = Data()
        for r in results {
            guard let line = try? encoder.encode(r) else { continue }
            out.append(line)
            out.append(0x0A)
        }
        do { try out.write(to: URL(fileURLWithPath: path)) } catch { print("dump failed: \(error)") }
    }

    /// CPU time of this thread (the machine is shared, so wall time overstates the cost).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Sentences of the fixture articles (and the seed), split on sentence-final punctuation.
    static func sentencePool() -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = []
        let fixtures = root.appendingPathComponent("Tests/BroadsheetExtractionTests/Fixtures")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            for n in names.sorted() where n.hasPrefix("entities-") && n.hasSuffix(".txt") {
                if let t = try? String(contentsOf: fixtures.appendingPathComponent(n), encoding: .utf8) { texts.append(t) }
            }
        }
        let seeds = root.appendingPathComponent("seeds")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            for n in names.sorted() where n.hasSuffix(".txt") {
                if let t = try? String(contentsOf: seeds.appendingPathComponent(n), encoding: .utf8) {
                    texts.append(t.split(whereSeparator: \.isNewline).dropFirst(5).joined(separator: " "))
                }
            }
        }
        if texts.isEmpty {
            texts = [
                "Treasury Secretary Paula Grinwald met Foreign Minister Taro Ishikawa in Tokyo on Monday. Grinwald said the talks went well.",
                "Brightwater Foods Inc. agreed to buy Nordmælk for about €4.2 billion. Shares fell 3.5 percent in New York trading.",
            ]
        }
        var out: [String] = []
        for t in texts {
            let flat = t.split(whereSeparator: \.isNewline).joined(separator: " ")
            var current = ""
            let chars = Array(flat)
            var k = 0
            while k < chars.count {
                current.append(chars[k])
                if ".?!".contains(chars[k]), k + 2 < chars.count, chars[k + 1] == " ", chars[k + 2].isUppercase {
                    let trimmed = current.trimmingCharacters(in: .whitespaces)
                    if trimmed.count > 20 { out.append(trimmed) }
                    current = ""
                }
                k += 1
            }
            let trimmed = current.trimmingCharacters(in: .whitespaces)
            if trimmed.count > 20 { out.append(trimmed) }
        }
        return out
    }

    /// A document whose paragraphs are the given sentences joined by spaces.
    static func makeDocument(id: String, paragraphs: [[String]]) -> Document {
        var text = ""
        var offset = 0
        var paras: [Paragraph] = []
        var sentences: [Sentence] = []
        for (pi, p) in paragraphs.enumerated() {
            if pi > 0 { text += "\n\n"; offset += 2 }
            let pStart = offset
            let first = sentences.count
            for (si, s) in p.enumerated() {
                if si > 0 { text += " "; offset += 1 }
                let len = s.utf16.count
                sentences.append(Sentence(index: sentences.count, paragraph: pi, span: TextSpan(start: offset, end: offset + len)))
                text += s
                offset += len
            }
            paras.append(Paragraph(index: pi, section: nil, span: TextSpan(start: pStart, end: offset), sentenceRange: first..<sentences.count))
        }
        return Document(id: id, title: id, text: text, paragraphs: paras, sentences: sentences, format: .blankLineText)
    }
}
