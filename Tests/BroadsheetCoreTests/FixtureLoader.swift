import Foundation
import BroadsheetCore

/// Reads files from the test bundle's `Fixtures/` folder.
enum FixtureLoader {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    static func parse(_ name: String) throws -> [Document] {
        try ArticleParser().parse(try bytes(name), source: name)
    }
}
