import Testing
@testable import BroadsheetHTTP
@Test func placeholderBuilds() { #expect(Bool(true)) }
