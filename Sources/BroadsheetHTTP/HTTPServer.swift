/// Placeholder for the HTTP/1.1 engine.
public struct HTTPServerPlaceholder: Sendable {}
