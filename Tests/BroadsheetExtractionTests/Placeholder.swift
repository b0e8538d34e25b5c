import Testing
@testable import BroadsheetExtraction
@Test func placeholderBuilds() { #expect(Bool(true)) }
