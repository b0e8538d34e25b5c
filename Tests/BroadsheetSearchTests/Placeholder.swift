import Testing
@testable import BroadsheetSearch
@Test func placeholderBuilds() { #expect(Bool(true)) }
