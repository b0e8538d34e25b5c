import Testing
@testable import BroadsheetCore

/// Odd inputs must give a document that satisfies the invariants, or a typed error: never a crash.
struct RobustnessTests {
    /// A deterministic pseudo-random generator (64-bit LCG), so failures reproduce.
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces: [String] = [
        "The", "U.S.", "Mr.", "Lt. Gen.", "said", "“", "”", "’", "\"", ".", "?", "!", "…", "...", "—", "-", "\n", "\n\n",
        "\r\n", "\t", " ", "  ", "By Ann Lee", "Nov. 29, 2025", "2025-11-29", "# ", "## ", "---", "{", "}", "[", "](",
        "*", "_", "🎉", "👩‍👩‍👧", "Zürich", "e\u{301}", "\u{FEFF}", "\u{200B}", "A", "visitor", "9.9%", "$2.5",
        "Copyright 2025", "Originally published", ":", ",", "P.", "Jr.", "a.m.",
    ]

    @Test(arguments: 0..<300)
    func randomTextNeverCrashes(seed: Int) {
        var rng = LCG(state: UInt64(seed) &* 2654435761 &+ 1)
        var text = ""
        for _ in 0..<(5 + rng.next(200)) { text += Self.pieces[rng.next(Self.pieces.count)] }
        for source in ["x.txt", "x.json", "x.ndjson", "x.md"] {
            do {
                for doc in try ArticleParser().parse(text: text, source: source) { DocumentInvariants.check(doc) }
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test(arguments: 0..<100)
    func randomBytesNeverCrash(seed: Int) {
        var rng = LCG(state: UInt64(seed) &+ 99)
        let bytes = (0..<(1 + rng.next(400))).map { _ in UInt8(truncatingIfNeeded: rng.next(256)) }
        do {
            for doc in try ArticleParser().parse(bytes, source: "r.txt") { DocumentInvariants.check(doc) }
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}
