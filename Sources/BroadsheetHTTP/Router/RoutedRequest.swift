/// What a route handler receives: the request, the matched route and its parameters.
public struct RoutedRequest<Route: Sendable>: Sendable {
    public let request: HTTPRequest
    public let match: RouteMatch<Route>
    /// The query, already checked against the route's declared parameters.
    public let query: QueryParameters

    public init(request: HTTPRequest, match: RouteMatch<Route>, query: QueryParameters) {
        self.request = request
        self.match = match
        self.query = query
    }

    /// The matched route value.
    public var route: Route { match.route }
    /// The path captures.
    public var parameters: PathParameters { match.parameters }
    /// The request's `X-Request-Id` (set by ``RequestIDMiddleware``), if any.
    public var requestID: String? { request.headers["X-Request-Id"] }
}
