import BroadsheetCore
import Foundation
import Testing
@testable import BroadsheetExtraction

struct EntityDebugTests {
    @Test func dumpSeed() throws {
        guard ProcessInfo.processInfo.environment["ENTITY_DUMP"] != nil else { return }
        let doc = try EntityTestDocument.seed()
        let r = EntityRecognizer().extract(doc)
        for e in r.entities {
            print("[\(e.type.rawValue)] \(e.name) | aliases: \(e.aliases) | n=\(e.mentions.count) | desc: \(e.descriptions) | \(e.value.map { "\($0.amount) \($0.currency ?? "")" } ?? "")")
        }
        print("demonyms:", r.demonyms.map { "\($0.text)->\($0.place)" }.joined(separator: ", "))
    }
}

extension EntityDebugTests {
    @Test func dumpText() throws {
        guard let t = ProcessInfo.processInfo.environment["ENTITY_TEXT"] else { return }
        let r = EntityRecognizer().extract(EntityTestDocument.make(t))
        for e in r.entities {
            print("[\(e.type.rawValue)] \(e.name) | aliases: \(e.aliases) | n=\(e.mentions.count) | desc: \(e.descriptions)")
        }
    }
}

extension EntityDebugTests {
    @Test func dumpFixtures() throws {
        guard let which = ProcessInfo.processInfo.environment["ENTITY_FIXTURE"] else { return }
        let r = EntityRecognizer().extract(EntityTestDocument.make(try EntityTestDocument.fixture(which)))
        for e in r.entities {
            print("[\(e.type.rawValue)] \(e.name) | aliases: \(e.aliases) | n=\(e.mentions.count) | desc: \(e.descriptions) | \(e.value.map { "\($0.amount) \($0.currency ?? "")" } ?? "")")
        }
    }
}

extension EntityDebugTests {
    @Test func dumpParsedFile() throws {
        guard let path = ProcessInfo.processInfo.environment["ENTITY_FILE"] else { return }
        let raw = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        guard let doc = try ArticleParser().parse(text: raw, source: "x.txt").first else { return }
        let r = EntityRecognizer().extract(doc)
        for e in r.entities {
            print("[\(e.type.rawValue)] \(e.name) | aliases: \(e.aliases) | n=\(e.mentions.count) | desc: \(e.descriptions)")
        }
    }
}
