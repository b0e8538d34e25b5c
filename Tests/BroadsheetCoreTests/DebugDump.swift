import Foundation
import Testing
import BroadsheetCore

@Test func dumpSeed() throws {
    guard ProcessInfo.processInfo.environment["DUMP"] != nil else { return }
    let name = ProcessInfo.processInfo.environment["DUMP"]!
    for doc in try FixtureLoader.parse(name) {
        print("TITLE:", doc.title, "| ID:", doc.id, "| FORMAT:", doc.format)
        print("AUTHORS:", doc.authors, "| PUB:", doc.publication ?? "-", "| DATE:", doc.publishedAt?.description ?? "-")
        print("DEK:", doc.dek ?? "-")
        for s in doc.sections { print("SECTION:", s.title, s.span) }
        for p in doc.paragraphs {
            print("P\(p.index) [s\(p.section ?? -1)]:", doc.text(of: p.span))
            for si in p.sentenceRange { print("    S:", doc.text(of: doc.sentences[si].span)) }
        }
    }
}
