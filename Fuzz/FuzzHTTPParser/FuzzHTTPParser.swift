// libFuzzer target: the HTTP/1.1 request parser on arbitrary bytes, fed whole and in pieces.
// Built and run by scripts/fuzz.sh (`-sanitize=fuzzer -parse-as-library -D FUZZING`); a plain build
// gives a replay tool that runs the target on the files named on the command line.
import BroadsheetHTTP
import Foundation
import FuzzSupport

/// Feeds `data` to a parser whole, then split at a point the input chooses, and checks that both
/// ways give the same events (incremental parsing must not depend on how bytes arrive).
func parseRequests(_ data: UnsafeRawBufferPointer) {
    let bytes = Array(data)
    let small = HTTPRequestParser.Limits(maxRequestLineLength: 256, maxHeaderSectionSize: 1024, maxHeaderCount: 20, maxBodySize: 4096)
    func run(_ pieces: [ArraySlice<UInt8>]) -> [String] {
        var parser = HTTPRequestParser(limits: small)
        var events: [String] = []
        for piece in pieces {
            parser.append(Array(piece))
            while true {
                do {
                    guard let event = try parser.next() else { break }
                    switch event {
                    case .request(let request): events.append("\(request.method.rawValue) \(request.target) \(request.body.count)")
                    case .expectContinue: events.append("continue")
                    }
                    if events.count > 64 { return events }
                } catch {
                    // How far it got may differ with the split (which check fails first); the answer may not.
                    events.append("error \(error.status.code)")
                    return events
                }
            }
        }
        return events
    }
    let whole = run([bytes[...]])
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    let split = run([bytes[..<cut], bytes[cut...]])
    if whole != split {
        fatalError("the parser's events depend on how the bytes arrive: \(whole) vs \(split)")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    parseRequests(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

@_cdecl("FuzzHTTPParser_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv) { start, count in fuzzTestOneInput(start, count) }
}
#else
@main
struct Replay {
    static func main() throws { try replayFiles(parseRequests) }
}
#endif
