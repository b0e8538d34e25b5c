import Synchronization
/// Gives every request an `X-Request-Id`, visible to inner steps on the request and to the client on the response.
///
/// A client's id is kept when it is *sane*: 1...128 characters of `A-Z a-z 0-9 - _ . : + / =` (enough for UUIDs,
/// base64 and trace ids; nothing that could split a log line or a header). Otherwise (absent, too long, unsafe) a
/// fresh id of 16 random lowercase hex digits replaces it.
public struct RequestIDMiddleware: HTTPMiddleware {
    /// The header name. Default: `X-Request-Id`.
    public static let headerName = "X-Request-Id"
    /// Longest accepted client id. 128.
    public static let maximumLength = 128

    public init() {}

    public func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
        var request = request
        let id = request.headers[Self.headerName].flatMap { Self.isSane($0) ? $0 : nil } ?? Self.generate()
        request.headers.set(Self.headerName, id)
        var response = next.respond(to: request)
        response.headers.set(Self.headerName, id)
        return response
    }

    /// Whether a client-supplied id may be echoed.
    public static func isSane(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard !utf8.isEmpty, utf8.count <= maximumLength else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"),
                UInt8(ascii: "/"), UInt8(ascii: "="):
                true
            default: false
            }
        }
    }

    /// 16 lowercase hex digits: a per-process counter, started at a random value, mixed by SplitMix64.
    /// Unique within a process run and unpredictable enough for log correlation, without a system call
    /// per request (the system generator costs one).
    public static func generate() -> String {
        var z = counter.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return EntityTag.hex(z ^ (z >> 31))
    }

    private static let counter = Atomic<UInt64>(UInt64.random(in: .min ... .max))
}
