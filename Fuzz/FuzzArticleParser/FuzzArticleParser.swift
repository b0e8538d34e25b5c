// libFuzzer target: the article parsers (format detection, JSON, NDJSON, front matter, wrapped and
// blank-line text) on arbitrary bytes, under each file name that picks a format, and the document
// invariants every parse must keep. Built and run by scripts/fuzz.sh; a plain build gives a replay tool.
import BroadsheetCore
import Foundation
import FuzzSupport

func parseArticles(_ data: UnsafeRawBufferPointer) {
    let bytes = Array(data)
    for source in ["article.txt", "article.md", "article.json", "feed.ndjson"] {
        guard let documents = try? ArticleParser(maxBytes: 1 << 20).parse(bytes, source: source) else { continue }
        for document in documents { check(document) }
    }
}

/// What every parsed document must satisfy: spans inside the text, in order, and consistent indices.
func check(_ d: Document) {
    let length = d.text.utf16.count
    func inside(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= length }
    precondition(!d.id.isEmpty, "empty id")
    var previous = 0
    for (i, p) in d.paragraphs.enumerated() {
        precondition(p.index == i && inside(p.span) && p.span.start >= previous, "paragraph \(i) out of place")
        precondition(p.sentenceRange.lowerBound >= 0 && p.sentenceRange.upperBound <= d.sentences.count, "paragraph \(i) sentences")
        previous = p.span.end
    }
    for (i, s) in d.sentences.enumerated() {
        precondition(s.index == i && inside(s.span) && d.paragraphs.indices.contains(s.paragraph), "sentence \(i) out of place")
    }
    for section in d.sections { precondition(inside(section.span), "section out of the text") }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    parseArticles(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

@_cdecl("FuzzArticleParser_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv) { start, count in fuzzTestOneInput(start, count) }
}
#else
@main
struct Replay {
    static func main() throws { try replayFiles(parseArticles) }
}
#endif
