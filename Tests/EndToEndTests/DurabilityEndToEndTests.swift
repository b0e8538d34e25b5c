import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// The real executable on a data folder: a restart keeps everything, and `kill -9` in the middle of
/// an ingest loses no acknowledged article and shows no half-written one.
@Suite(.serialized, .offCooperativePool) struct DurabilityEndToEndTests {
    static let key = "durability-key"

    static func launch(data: String) throws -> (Process, BroadsheetClient) {
        let (process, port, _) = try ExecutableEndToEndTests.launchServer(
            data: data, environment: ["BROADSHEET_API_KEYS": key])
        return (process, try BroadsheetClient(port: port))
    }

    static func stop(_ process: Process, signal: Int32 = SIGTERM) async throws -> Int32 {
        kill(process.processIdentifier, signal)
        return try await blocking {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static func article(_ i: Int) -> ArticleInput {
        ArticleInput(
            id: "dispatch-\(i)", title: "Dispatch number \(i) from the river port",
            body: "Barge \(i) unloaded timber at the river port on Wednesday.\n\nHarbour master Ruth Ames counted \(i) crates.",
            publishedAt: "2026-02-\(String(format: "%02d", 1 + i % 27))")
    }

    @Test func aRestartKeepsEveryArticleAndServesItAtOnce() async throws {
        let data = TemporaryFolder.make(prefix: "durability-restart")
        let (first, client) = try Self.launch(data: data)
        #expect(await client.waitUntilReady(timeout: .seconds(60)))
        for i in 0..<5 { _ = try await client.createDocument(Self.article(i), key: Self.key) }
        #expect(try await client.deleteDocument(id: "dispatch-2", key: Self.key, wait: true) == 204)
        let before = try await client.corpus()
        #expect(try await Self.stop(first) == 0)

        let (second, again) = try Self.launch(data: data)
        defer { second.terminate() }
        #expect(await again.waitUntilReady(timeout: .seconds(60)))
        let after = try await again.corpus()
        #expect(after.documents == before.documents)
        #expect(after.documents == 5)  // the seed and four dispatches
        #expect(after.generation >= before.generation)
        #expect(try await again.document(id: "dispatch-4").text.contains("4 crates"))
        #expect(try await again.get(target: "/v1/documents/dispatch-2").status == 404)
        #expect(try await again.search("timber").total == 4)
        // The seed file was imported once: unchanged at the restart, so written again by nothing.
        let (result, status) = try await again.createDocument(Self.article(4), key: Self.key)
        #expect(status == 200)
        #expect(result.status == "unchanged")
    }

    @Test func killNineDuringAnIngestLosesNoAcknowledgedArticle() async throws {
        let data = TemporaryFolder.make(prefix: "durability-kill")
        var acknowledged: Set<Int> = []
        var next = 0
        for round in 0..<4 {
            let (process, client) = try Self.launch(data: data)
            #expect(await client.waitUntilReady(timeout: .seconds(60)))
            // Every article acknowledged so far is there and whole.
            for i in acknowledged.sorted() {
                let document = try await client.document(id: "dispatch-\(i)")
                #expect(document.text == Self.article(i).body, "dispatch-\(i) after round \(round)")
            }
            #expect(try await client.corpus().documents == acknowledged.count + 1)
            // Write until killed at a moment that differs by round.
            let deadline = ContinuousClock.now + .milliseconds(150 + 170 * round)
            let start = next
            let writer = Task { () -> (Set<Int>, Int) in
                var done: Set<Int> = []
                var i = start
                while ContinuousClock.now < deadline || done.isEmpty {
                    do {
                        _ = try await client.createDocument(Self.article(i), key: Self.key)
                        done.insert(i)
                    } catch {
                        break
                    }
                    i += 1
                }
                return (done, i)
            }
            let killer = Task {
                try await Task.sleep(until: deadline + .milliseconds(20), clock: .continuous)
                _ = try await Self.stop(process, signal: SIGKILL)
            }
            let (written, reached) = await writer.value
            try await killer.value
            acknowledged.formUnion(written)
            next = reached + 1
        }
        let (process, client) = try Self.launch(data: data)
        defer { process.terminate() }
        #expect(await client.waitUntilReady(timeout: .seconds(60)))
        var served: Set<Int> = []
        var offset = 0
        while true {
            let page = try await client.documents(limit: 100, offset: offset)
            served.formUnion(page.data.compactMap { $0.id.hasPrefix("dispatch-") ? Int($0.id.dropFirst(9)) : nil })
            offset += page.data.count
            if page.data.isEmpty || offset >= page.total { break }
        }
        #expect(acknowledged.isSubset(of: served), "lost: \(acknowledged.subtracting(served).sorted())")
        // An article whose answer never came may be there; if it is, it is whole.
        for i in served.subtracting(acknowledged) {
            #expect(try await client.document(id: "dispatch-\(i)").text == Self.article(i).body)
        }
        #expect(acknowledged.count >= 4)
    }

    @Test func aSecondServerOnTheSameDataFolderIsRefused() async throws {
        let data = TemporaryFolder.make(prefix: "durability-lock")
        let (first, client) = try Self.launch(data: data)
        defer { first.terminate() }
        #expect(await client.waitUntilReady(timeout: .seconds(60)))
        let result = try await ExecutableEndToEndTests.run(["serve", "--port", "0", "--corpus", "none", "--data", data])
        #expect(result.status != 0)
        #expect(result.errors.contains("in use"))
    }
}

/// `serve --watch`: the corpus folder is followed while serving.
@Suite(.serialized, .offCooperativePool) struct WatchEndToEndTests {
    static func eventually(_ seconds: Double = 15, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    @Test func newChangedAndRemovedFilesAreServedWhileServing() async throws {
        let corpus = try TemporaryFolder.make(prefix: "watch-corpus", files: ["first.txt": "Canal reopens to boats\n\nThe canal reopened to narrowboats on Monday.\n"])
        let (process, port, _) = try ExecutableEndToEndTests.launchServer(arguments: ["--watch"], corpus: corpus)
        defer { process.terminate() }
        let client = try BroadsheetClient(port: port)
        #expect(await client.waitUntilReady(timeout: .seconds(60)))
        #expect(try await client.search("narrowboats").total == 1)

        try "Lock keepers strike\n\nLock keepers on the canal walked out over pay.\n".write(
            toFile: corpus + "/second.txt", atomically: true, encoding: .utf8)
        #expect(try await Self.eventually { try await client.search("keepers").total == 1 })

        try FileManager.default.removeItem(atPath: corpus + "/first.txt")
        #expect(try await Self.eventually { try await client.search("narrowboats").total == 0 })
        #expect(try await client.corpus().documents == 1)
    }
}
