/// The outcome of a successful ``Router/match(method:path:)``.
public struct RouteMatch<Route: Sendable>: Sendable {
    /// The caller's route value.
    public let route: Route
    /// The pattern as registered (e.g. `/v1/documents/{id}`): use it as a metrics or log label, never the raw path.
    public let pattern: String
    /// The registered method that matched (`GET` for a `HEAD` request).
    public let method: HTTPMethod
    /// The percent-decoded captures.
    public let parameters: PathParameters
    /// The query parameter names the route accepts (`nil`: any).
    public let allowedQuery: Set<String>?
}
