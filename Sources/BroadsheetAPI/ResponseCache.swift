public import BroadsheetHTTP
import Synchronization

/// Keeps finished `200` answers to `GET`/`HEAD` requests of an immutable corpus, so that a repeated
/// request costs a dictionary lookup instead of a JSON encoding, a hash and a compression.
///
/// The key is the request target plus the `Accept-Encoding` header (which picks the encoding).
/// It stores answers only for paths that ``isCacheable`` accepts, and sets a strong `ETag` on what
/// it stores so that ``ConditionalGETMiddleware`` (outside it) does not hash the body again.
/// Bounded: past ``maxEntries`` entries or ``maxBytes`` bytes of bodies it starts over.
public struct ResponseCacheMiddleware: HTTPMiddleware {
    /// Default: 4,096 entries.
    public let maxEntries: Int
    /// Default: 64 MiB of bodies.
    public let maxBytes: Int
    let isCacheable: @Sendable (HTTPRequest) -> Bool
    /// The generation of what answers are computed from: when it changes, every kept answer goes.
    let generation: @Sendable () -> UInt64
    private let storage = Storage()

    /// What picks an answer: the target as sent and the `Accept-Encoding` field(s).
    struct Key: Hashable {
        var target: String
        var acceptEncoding: String
    }

    /// The `Accept-Encoding` fields joined by commas (without allocating for the usual zero or one field).
    static func acceptEncoding(of request: HTTPRequest) -> String {
        var joined: String?
        for field in request.headers where field.name.caseInsensitiveEquals("Accept-Encoding") {
            joined = joined.map { $0 + "," + field.value } ?? field.value
        }
        return joined ?? ""
    }

    final class Storage: Sendable {
        struct State {
            var entries: [Key: HTTPResponse] = [:]
            var bytes = 0
            var generation: UInt64 = 0
        }
        let state = Mutex(State())
    }

    public init(
        maxEntries: Int = 4096, maxBytes: Int = 64 << 20, generation: @escaping @Sendable () -> UInt64 = { 0 },
        isCacheable: @escaping @Sendable (HTTPRequest) -> Bool
    ) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
        self.generation = generation
        self.isCacheable = isCacheable
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        guard request.method == .get || request.method == .head, isCacheable(request) else {
            return next.respond(to: request)
        }
        let key = Key(target: request.target, acceptEncoding: Self.acceptEncoding(of: request))
        // Read the generation before answering: an answer computed while a newer snapshot was being
        // published is kept under the older generation, and dropped when the newer one is seen.
        let current = generation()
        let hit = storage.state.withLock { state -> HTTPResponse? in
            if state.generation != current {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
                state.generation = current
            }
            return state.entries[key]
        }
        if let hit { return hit }

        var response = next.respond(to: request)
        guard response.status.code == 200 else { return response }
        if !response.headers.contains("ETag") {
            response.headers.set("ETag", EntityTag(hashing: response.body).description)
        }
        let stored = response
        storage.state.withLock { state in
            guard state.generation == current else { return }
            if state.entries.count >= maxEntries || state.bytes + stored.body.count > maxBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if stored.body.count <= maxBytes {
                state.entries[key] = stored
                state.bytes += stored.body.count
            }
        }
        return response
    }
}
