import BroadsheetWire
import BroadsheetCorpus
import BroadsheetHTTP

/// Dispatches each routed request to the handler of its ``Endpoint``.
struct APIHandlers: Sendable {
    let service: CorpusService
    let registry: MetricsRegistry
    /// The live corpus that takes writes (`nil`: a read-only snapshot).
    let writer: LiveCorpus?
    let access: AccessKeys
    let submissions: SubmissionParser
    let explorer: ExplorerPages

    func handle(_ request: RoutedRequest<Endpoint>) throws -> HTTPResponse {
        switch request.route {
        case .getHealth: return Self.statusResponse(Self.okBody)
        case .getReadiness:
            guard service.isReady else { throw APIError.notReady }
            return Self.statusResponse(Self.readyBody)
        case .getMetrics: return registry.exposition()
        case .listEntityMentions: return try listEntityMentions(request)
        case .getTrends: return try trends(request)
        case .getTimeseries: return try timeseries(request)
        case .listRelatedDocuments: return try relatedDocuments(request)
        case .getExplorer: return try explorer.page()
        case .getExplorerAsset: return try explorer.asset(request)
        case .getOpenAPI:
            guard !OpenAPIDocument.bytes.isEmpty else { throw OpenAPIMissing() }
            return HTTPResponse(headers: ["Content-Type": "application/yaml; charset=utf-8"], body: OpenAPIDocument.bytes)
        case .getCorpus: return try .json(CorpusReportDTO(try service.requireSnapshot(), writer: writer, writable: writer != nil && access.writesEnabled), headers: ["Cache-Control": "no-store"])
        case .listDocuments: return try listDocuments(request)
        case .createDocuments: return try createDocuments(request)
        case .replaceDocument: return try replaceDocument(request)
        case .deleteDocument: return try deleteDocument(request)
        case .getDocument: return try getDocument(request)
        case .getDocumentAnnotations: return try getAnnotations(request)
        case .listEntities: return try listEntities(request)
        case .getEntity: return try getEntity(request)
        case .listEntityQuotes: return try listEntityQuotes(request)
        case .listQuotes: return try listQuotes(request)
        case .listEntityEvents: return try listEntityEvents(request)
        case .listEvents: return try listEvents(request)
        case .search: return try search(request)
        case .suggest: return try suggest(request)
        }
    }

    /// The probes answer constant bodies: no encoding on the hottest path.
    private static let okBody = Array(#"{"status":"ok"}"#.utf8)
    private static let readyBody = Array(#"{"status":"ready"}"#.utf8)
    private static func statusResponse(_ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(
            headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"], body: body)
    }
    private struct OpenAPIMissing: Error {}
}
