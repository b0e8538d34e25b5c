import BroadsheetCore
import Foundation

/// Writes generated articles as NDJSON (the input of `Benchmarks/ingest.sh`): the search benchmark's
/// generator, with authors, a publication, a date, and a few named speakers and quotes per article so
/// that the extractors have people to find.
///
/// Usage: `broadsheet-bench ndjson [--articles N] [--seed N] [--first N] --out FILE`
enum ArticleFeed {
    static func run(_ arguments: [String]) {
        var articles = 100_000
        var seed: UInt64 = 42
        var first = 0
        var out = "Benchmarks/out/ingest/articles.ndjson"
        var i = 0
        while i + 1 < arguments.count {
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--articles": articles = Int(value) ?? articles
            case "--seed": seed = UInt64(value) ?? seed
            case "--first": first = Int(value) ?? first
            case "--out": out = value
            default: print("unknown option \(arguments[i])")
            }
            i += 2
        }
        try? FileManager.default.createDirectory(
            atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard let file = fopen(out, "w") else { return print("cannot write \(out)") }
        defer { fclose(file) }
        var generator = CorpusGenerator(seed: seed)
        var bytes = 0
        for n in first..<(first + articles) {
            let line = Self.line(generator.article(number: n), number: n, generator: &generator)
            bytes += line.utf8.count
            fputs(line, file)
        }
        print(String(format: "wrote %d articles, %.1f MB, to %@", articles, Double(bytes) / 1e6, out))
    }

    /// One article as a JSON line: body paragraphs joined by blank lines, every third one a quote.
    static func line(_ document: Document, number: Int, generator: inout CorpusGenerator) -> String {
        func name() -> String {
            (0..<2).map { _ in
                let w = generator.vocabulary[200 + generator.random(5000)]
                return w.prefix(1).uppercased() + w.dropFirst()
            }.joined(separator: " ")
        }
        var paragraphs = document.paragraphs.map { String(document.text.slice($0.span)) }
        for k in stride(from: 1, to: paragraphs.count, by: 3) {
            paragraphs[k] = "\\\"" + paragraphs[k].dropLast() + ",\\\" said " + name() + "."
        }
        let body = paragraphs.joined(separator: "\\n\\n")
        let date = document.publishedAt.map { "\($0)" } ?? "2020-01-01"
        return "{\"id\":\"feed-\(number)\",\"title\":\"\(document.title)\",\"authors\":[\"\(name())\"],"
            + "\"publication\":\"The Generated Times\",\"publishedAt\":\"\(date)\",\"body\":\"\(body)\"}\n"
    }
}
