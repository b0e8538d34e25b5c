import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// The real `broadsheet` executable: serve on port 0, readiness, SIGTERM, and the debugging commands.
@Suite(.serialized, .offCooperativePool) struct ExecutableEndToEndTests {
    /// Starts `broadsheet serve --port 0` and reads the bound port from its log.
    ///
    /// - Parameter data: the data folder; default a new temporary one.
    static func launchServer(arguments: [String] = [], data: String? = nil, corpus: String = TestPaths.seeds, environment: [String: String] = [:]) throws -> (Process, Int, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.executable)
        let folder = data ?? TemporaryFolder.make(prefix: "broadsheet-e2e-data")
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--corpus", corpus, "--data", folder] + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The log line "Broadsheet listening on http://127.0.0.1:PORT" names the bound port.
        var log = ""
        let handle = errors.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
            if let range = log.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let port = Int(log[range].split(separator: ":").last!)!
                // Keep reading the log, so that a server that logs every request never blocks on a full pipe.
                let reader = handle
                DispatchQueue.global().async { while !reader.availableData.isEmpty {} }
                return (process, port, errors)
            }
        }
        process.terminate()
        throw LaunchError(log: log)
    }

    struct LaunchError: Error { var log: String }

    @Test func servesAndStopsGracefullyOnSIGTERM() async throws {
        let (process, port, _) = try Self.launchServer()
        let client = try BroadsheetClient(port: port)
        #expect(await client.waitUntilReady(timeout: .seconds(30)))
        #expect(try await client.documents().total == 1)
        let started = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        let status: Int32 = try await blocking {
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
        #expect(process.terminationReason == .exit)
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    @Test func sigintAlsoStopsItCleanly() async throws {
        let (process, port, _) = try Self.launchServer()
        #expect(await (try BroadsheetClient(port: port)).waitUntilReady(timeout: .seconds(30)))
        kill(process.processIdentifier, SIGINT)
        let status: Int32 = try await blocking {
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
    }

    @Test func healthcheckCommandProbesTheServer() async throws {
        let (process, port, _) = try Self.launchServer()
        defer { process.terminate() }
        #expect(await (try BroadsheetClient(port: port)).waitUntilReady(timeout: .seconds(30)))
        #expect(try await Self.run(["healthcheck", "--url", "http://127.0.0.1:\(port)/healthz"]).status == 0)
        #expect(try await Self.run(["healthcheck", "--url", "http://127.0.0.1:\(port)/nope"]).status != 0)
        #expect(try await Self.run(["healthcheck", "--url", "http://127.0.0.1:1/healthz"]).status != 0)
    }

    @Test func parseCommandPrintsTheDocument() async throws {
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds).first)
        let result = try await Self.run(["parse", TestPaths.seeds + "/" + seed])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["publishedAt"] as? String == "2025-11-29")
        #expect((json["paragraphs"] as? [Any])?.isEmpty == false)
    }

    @Test func parseCommandFailsClearlyOnAMissingFile() async throws {
        let result = try await Self.run(["parse", "/nonexistent/article.txt"])
        #expect(result.status == 1)
        #expect(result.errors.contains("/nonexistent/article.txt"))
        #expect(!result.errors.contains("Usage"))
    }

    /// A data error (a file that is no article) is one line on stderr and status 1, without usage;
    /// a usage error still shows the usage.
    @Test func dataErrorsAreOneLineAndUsageErrorsShowUsage() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = dir.appendingPathComponent("scan.txt")
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: binary)
        let badJSON = dir.appendingPathComponent("bad.json")
        try Data(#"{"title": 42, "body": "Text."}"#.utf8).write(to: badJSON)
        for command in ["parse", "extract"] {
            let result = try await Self.run([command, binary.path])
            #expect(result.status == 1)
            #expect(result.output.isEmpty)
            #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
            #expect(result.errors.contains("binary file"))
            #expect(!result.errors.contains("Usage"))
        }
        let typed = try await Self.run(["parse", badJSON.path])
        #expect(typed.status == 1)
        #expect(typed.errors.contains("field 'title' must be a string, not a number"))
        #expect(typed.errors.split(separator: "\n").count == 1)
        let folder = try await Self.run(["parse", dir.path])
        #expect(folder.status == 1 && !folder.errors.contains("Usage"))

        let usage = try await Self.run(["parse"])
        #expect(usage.status == 64)
        #expect(usage.errors.contains("Usage"))
        let badDate = try await Self.run(["parse", binary.path, "--default-date", "yesterday"])
        #expect(badDate.status == 64)
        #expect(badDate.errors.contains("--default-date"))
    }

    @Test func parseCommandDatesAndWarns() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("briefs.ndjson")
        try Data((#"{"title": "Pier", "body": "Open."}"# + "\n" + #"{"title": 1}"# + "\n").utf8).write(to: file)
        let result = try await Self.run(["parse", file.path, "--default-date", "2024-02-29"])
        #expect(result.status == 0)
        #expect(result.errors == "warning: briefs.ndjson: skipped line 2: field 'title' must be a string, not a number\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["publishedAt"] as? String == "2024-02-29")
        #expect(json["dateSource"] as? String == "default")
    }

    @Test func serveRejectsABadPortAndAMissingCorpus() async throws {
        #expect(try await Self.run(["serve", "--port", "70000"]).status != 0)
        #expect(try await Self.run(["serve", "--port", "0", "--corpus", "/nonexistent/corpus"]).status != 0)
    }

    /// Runs the executable to completion.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        try await blocking {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.executable)
            process.arguments = arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
        }
    }
}
