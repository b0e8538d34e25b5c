import BroadsheetHTTP

/// Dispatches each routed request to the handler of its ``Endpoint``.
struct APIHandlers: Sendable {
    let service: CorpusService
    let registry: MetricsRegistry

    func handle(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        switch request.route {
        case .getHealth: return try .json(Status(status: "ok"), headers: ["Cache-Control": "no-store"])
        case .getReadiness:
            guard service.isReady else { throw APIError.notReady }
            return try .json(Status(status: "ready"), headers: ["Cache-Control": "no-store"])
        case .getMetrics: return registry.exposition()
        case .getOpenAPI:
            guard !OpenAPIDocument.bytes.isEmpty else { throw OpenAPIMissing() }
            return HTTPResponse(headers: ["Content-Type": "application/yaml; charset=utf-8"], body: OpenAPIDocument.bytes)
        case .getCorpus: return try .json(CorpusReportDTO(try service.requireSnapshot()))
        case .listDocuments: return try listDocuments(request)
        case .getDocument: return try getDocument(request)
        case .getDocumentAnnotations: return try getAnnotations(request)
        case .listEntities: return try listEntities(request)
        case .getEntity: return try getEntity(request)
        case .listEntityQuotes: return try listEntityQuotes(request)
        case .listQuotes: return try listQuotes(request)
        case .listEntityEvents: return try listEntityEvents(request)
        case .listEvents: return try listEvents(request)
        }
    }

    private struct Status: Encodable { var status: String }
    private struct OpenAPIMissing: Error {}
}
