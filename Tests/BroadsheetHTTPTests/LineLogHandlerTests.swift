import Glibc
import Logging
import Testing

@testable import BroadsheetHTTP

/// Writes through a real pipe and reads the line back.
struct LineLogHandlerTests {
    /// Logs with a handler writing into a pipe and returns what arrived.
    private func capture(level: Logger.Level = .info, _ body: (inout Logger) -> Void) throws -> String {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        var logger = Logger(label: "unit") { label in LineLogHandler(label: label, level: level, descriptor: fds[1]) }
        body(&logger)
        close(fds[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func oneLineWithSortedMetadataSourceAndMessage() throws {
        let text = try capture { logger in
            logger[metadataKey: "handler"] = "h"
            logger.info("GET /x 200", metadata: ["status": "200", "method": "GET", "bytes": "12"])
        }
        #expect(text.hasSuffix("\n"))
        #expect(text.split(separator: "\n").count == 1)
        let afterTime = text.drop { $0 != " " }
        #expect(afterTime == " info unit: bytes=12 handler=h method=GET status=200 [BroadsheetHTTPTests] GET /x 200\n")
    }

    @Test func timestampIsUTCWithMilliseconds() throws {
        let text = try capture { $0.warning("w") }
        let stamp = String(text.prefix { $0 != " " })
        // YYYY-MM-DDTHH:MM:SS.mmmZ
        #expect(stamp.count == 24)
        #expect(stamp.hasSuffix("Z"))
        let shape = stamp.map { $0.isNumber ? "9" : String($0) }.joined()
        #expect(shape == "9999-99-99T99:99:99.999Z")
        #expect(text.contains(" warning unit: [BroadsheetHTTPTests] w\n"))
    }

    @Test func levelsBelowTheThresholdAreDropped() throws {
        let text = try capture(level: .notice) { logger in
            logger.info("hidden")
            logger.error("shown")
        }
        #expect(!text.contains("hidden"))
        #expect(text.contains(" error unit: [BroadsheetHTTPTests] shown\n"))
    }

    @Test func errorsAreAddedAsMetadata() throws {
        struct Broken: Error {}
        let text = try capture { $0.log(level: .error, "failed", error: Broken()) }
        #expect(text.contains("error.message=Broken()"))
        #expect(text.contains("error.type="))
    }
}
