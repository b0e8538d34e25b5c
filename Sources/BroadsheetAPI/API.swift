/// Placeholder for the API layer.
public struct BroadsheetAPIPlaceholder: Sendable {}
