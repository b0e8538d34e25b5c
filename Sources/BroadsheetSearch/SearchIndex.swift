public import BroadsheetCore

/// Placeholder for the search index (issue: full-text search).
public struct SearchIndex: Sendable {
    public init(documents: [Document]) {}
}
