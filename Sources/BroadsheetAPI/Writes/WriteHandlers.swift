import BroadsheetWire
import BroadsheetCorpus
import BroadsheetHTTP
import Foundation

/// `POST /v1/documents`: one result of a single-article write.
struct WriteResultDTO: Encodable, Sendable {
    var id: String
    /// `created`, `replaced` or `unchanged`.
    var status: String
    /// The corpus generation that serves the article.
    var generation: UInt64
    /// Whether the article is already served (always true with `wait=true`, unless the wait timed out).
    var visible: Bool
}

/// One line of the answer to an NDJSON write.
struct WriteLineDTO: Encodable, Sendable {
    var line: Int
    var id: String?
    /// `created`, `replaced`, `unchanged`, `conflict` or `rejected`.
    var status: String
    var problem: ProblemDetails?
}

extension APIHandlers {
    /// How long `wait=true` waits for the article to be served.
    static let waitTimeout = 30.0

    /// The writer, once the caller may write.
    private func authorizedWriter(_ request: RoutedRequest<Endpoint>) throws(APIError) -> LiveCorpus {
        guard let writer, access.writesEnabled else { throw .writesDisabled }
        guard access.allowsWrite(authorization: request.request.headers["Authorization"]) else {
            throw .unauthorized(
                request.request.headers["Authorization"] == nil
                    ? "Writes need an API key: send Authorization: Bearer <key>."
                    : "The API key is not valid.")
        }
        return writer
    }

    /// `POST /v1/documents`
    func createDocuments(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let writer = try authorizedWriter(request)
        let wait = try request.query.bool("wait", default: false)
        let reader = SubmissionReader(parser: submissions)
        let kind = try reader.kind(contentType: request.request.headers["Content-Type"])
        if case .ndjson = kind { return try createMany(request.request.body, writer: writer, reader: reader, wait: wait) }
        let submission = try reader.article(request.request.body, kind: kind)
        let result = try Self.stored { () throws(StoreError) in try writer.write([submission], mode: .create)[0] }
        switch result.status {
        case .conflict: throw APIError.conflict(id: result.id)
        case .created:
            return try .json(
                dto(result, writer: writer, wait: wait), status: .created,
                headers: ["Location": "/v1/documents/\(result.id)", "Cache-Control": "no-store"])
        case .replaced, .unchanged:
            return try .json(dto(result, writer: writer, wait: wait), headers: ["Cache-Control": "no-store"])
        }
    }

    /// `PUT /v1/documents/{id}`
    func replaceDocument(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        guard Self.isValidId(id) else {
            throw ParameterError("id", in: .path, .invalid("an id is 1 to 200 letters, digits, '-', '_', '.' or '~'"))
        }
        let writer = try authorizedWriter(request)
        let wait = try request.query.bool("wait", default: false)
        let reader = SubmissionReader(parser: submissions)
        let kind = try reader.kind(contentType: request.request.headers["Content-Type"])
        let submission = try reader.article(request.request.body, kind: kind)
        let result = try Self.stored { () throws(StoreError) in try writer.write([submission], mode: .replace(id: id))[0] }
        let headers: HTTPHeaders = ["Location": "/v1/documents/\(result.id)", "Cache-Control": "no-store"]
        return try .json(dto(result, writer: writer, wait: wait), status: result.status == .created ? .created : .ok, headers: headers)
    }

    /// `DELETE /v1/documents/{id}`
    func deleteDocument(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        let id = try request.parameters.require("id")
        let writer = try authorizedWriter(request)
        let wait = try request.query.bool("wait", default: false)
        guard let generation = try Self.stored({ () throws(StoreError) in try writer.delete(id: id) }) else {
            throw APIError.notFound(resource: "document", id: id)
        }
        if wait { writer.waitUntilPublished(generation, timeout: Self.waitTimeout) }
        return HTTPResponse(status: .noContent, headers: ["Cache-Control": "no-store"])
    }

    /// An NDJSON batch: the readable lines are written in one transaction; every line gets a result.
    private func createMany(_ body: [UInt8], writer: LiveCorpus, reader: SubmissionReader, wait: Bool) throws -> HTTPResponse {
        let lines = try reader.lines(body)
        writer.noteRejected(lines.count { if case .failure = $0.result { true } else { false } })
        let good = lines.compactMap { line -> (Int, ArticleSubmission)? in
            if case .success(let s) = line.result { return (line.number, s) }
            return nil
        }
        let results = try Self.stored { () throws(StoreError) in try writer.write(good.map(\.1), mode: .create) }
        var byLine: [Int: LiveCorpus.WriteResult] = [:]
        for ((number, _), result) in zip(good, results) { byLine[number] = result }
        let newest = results.map(\.generation).max() ?? 0
        if wait, newest > 0 { writer.waitUntilPublished(newest, timeout: Self.waitTimeout) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out: [UInt8] = []
        for line in lines {
            let dto: WriteLineDTO
            switch line.result {
            case .failure(let error):
                dto = WriteLineDTO(line: line.number, id: nil, status: "rejected", problem: error.problem)
            case .success:
                let result = byLine[line.number]!
                dto = WriteLineDTO(
                    line: line.number, id: result.id, status: result.status.rawValue,
                    problem: result.status == .conflict ? APIError.conflict(id: result.id).problem : nil)
            }
            out += try encoder.encode(dto)
            out.append(UInt8(ascii: "\n"))
        }
        return HTTPResponse(
            headers: ["Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store"], body: out)
    }

    private func dto(_ result: LiveCorpus.WriteResult, writer: LiveCorpus, wait: Bool) -> WriteResultDTO {
        let visible = wait ? writer.waitUntilPublished(result.generation, timeout: Self.waitTimeout) : writer.service.generation >= result.generation
        return WriteResultDTO(id: result.id, status: result.status.rawValue, generation: result.generation, visible: visible)
    }

    /// Runs a store operation, mapping its failure to a problem.
    private static func stored<T>(_ body: () throws(StoreError) -> T) throws(APIError) -> T {
        do {
            return try body()
        } catch {
            if case .full = error { throw .storeFailed(error.description, full: true) }
            throw .storeFailed(error.description, full: false)
        }
    }

    static func isValidId(_ id: String) -> Bool {
        (1...200).contains(id.utf8.count)
            && id.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
                    || b == 0x2E || b == 0x7E
            }
    }
}
