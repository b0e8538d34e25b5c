import Testing
@testable import BroadsheetCore
@Test func placeholderBuilds() { #expect(Bool(true)) }
