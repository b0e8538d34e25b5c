import BroadsheetWire
import BroadsheetClient
import Foundation
import Testing
import TestSupport

/// The documents API over real loopback HTTP through the libcurl client.
@Suite(.offCooperativePool) struct DocumentsEndToEndTests {
    @Test func listsAndFetchesTheSeedDocument() async throws {
        try await withRunningServer { client, _, _ in
            let page = try await client.documents()
            #expect(page.total == 1)
            #expect(page.limit == 20)
            #expect(page.offset == 0)
            let summary = try #require(page.data.first)
            #expect(summary.publishedAt == "2025-11-29")
            #expect(summary.authors.count == 5)

            let detail = try await client.document(id: summary.id)
            #expect(detail.title == summary.title)
            #expect(detail.paragraphs.count == summary.paragraphCount)
            #expect(detail.sections.count == 3)
            // Offsets are UTF-16 offsets into `text`, as a browser's String.slice uses them.
            let utf16 = Array(detail.text.utf16)
            for paragraph in detail.paragraphs {
                let slice = String(decoding: utf16[paragraph.start..<paragraph.end], as: UTF16.self)
                #expect(slice == paragraph.text)
            }
        }
    }

    @Test func unknownDocumentIsAProblem() async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: "/v1/documents/no-such-article"))
            #expect(response.status == 404)
            #expect(response.contentType == "application/problem+json; charset=utf-8")
            let problem = try #require(response.problem)
            #expect(problem.status == 404)
            #expect(problem.type == "urn:broadsheet:problem:not-found")
            #expect(problem.detail?.contains("no-such-article") == true)
        }
    }

    @Test(arguments: [
        ("/v1/documents?limit=0", "limit"),
        ("/v1/documents?limit=101", "limit"),
        ("/v1/documents?limit=ten", "limit"),
        ("/v1/documents?offset=-1", "offset"),
        ("/v1/documents?limit=1&limit=2", "limit"),
        ("/v1/documents?colour=red", "colour"),
    ])
    func badQueryParametersAreNamed(target: String, parameter: String) async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(ClientRequest(target: target))
            #expect(response.status == 400)
            #expect(response.problem?.parameter == parameter)
            #expect(response.problem?.type == "urn:broadsheet:problem:invalid-parameter")
        }
    }

    @Test func paginationSlicesTheList() async throws {
        try await withRunningServer { client, _, _ in
            let past = try await client.documents(limit: 5, offset: 10)
            #expect(past.data.isEmpty)
            #expect(past.total == 1)
            #expect(past.offset == 10)
        }
    }

    @Test func corpusReportCountsTheSeed() async throws {
        try await withRunningServer { client, _, _ in
            let report = try await client.corpus()
            #expect(report.documents == 1)
            #expect(report.skipped.isEmpty)
        }
    }

    @Test func skippedFilesAreReportedWithReasons() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Local Team Wins\n\nThe home side won 3-1 on Saturday.\n".utf8).write(to: dir.appendingPathComponent("good.txt"))
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: dir.appendingPathComponent("binary.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try await withRunningServer(corpus: dir.path) { client, _, _ in
            let report = try await client.corpus()
            #expect(report.documents == 1)
            #expect(Set(report.skipped.map(\.path)) == ["binary.txt", "empty.txt"])
            #expect(report.skipped.allSatisfy { !$0.reason.isEmpty })
        }
    }

    @Test func notReadyBeforeTheCorpusIsPublished() async throws {
        try await withRunningServer(publish: false) { client, _, _ in
            #expect(try await client.health() == 200)
            #expect(try await client.ready() == 503)
            let response = try await client.send(ClientRequest(target: "/v1/documents"))
            #expect(response.status == 503)
            #expect(response.headers["Retry-After"] == "1")
            #expect(response.problem?.type == "urn:broadsheet:problem:not-ready")
        }
    }
}
