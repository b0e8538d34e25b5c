import Testing
@testable import BroadsheetAPI
@Test func placeholderBuilds() { #expect(Bool(true)) }
