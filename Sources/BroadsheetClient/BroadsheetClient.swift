internal import CCurl
/// Placeholder for the libcurl client.
public struct BroadsheetClientPlaceholder: Sendable {}
