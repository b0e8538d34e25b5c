import BroadsheetHTTP

/// When read keys are configured, reads under `/v1/` need `Authorization: Bearer <read or write key>`;
/// the probes, metrics, the spec and CORS preflights stay public.
struct ReadAccessMiddleware: HTTPMiddleware {
    let keys: AccessKeys

    func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        guard keys.readsProtected, request.method == .get || request.method == .head, request.path.hasPrefix("/v1/"),
            !keys.allowsRead(authorization: request.headers["Authorization"])
        else { return next.respond(to: request) }
        return APIError.unauthorized("Reads need an API key: send Authorization: Bearer <key>.").problemResponse
    }
}
