/// `GET /v1/documents/{id}/annotations`: every span of a document for an annotated rendering.
public struct AnnotationsDTO: Encodable, Sendable {
    public var documentId: String
    public var total: Int
    public var data: [AnnotationDTO]
}

/// One annotation; `kind` tells which fields are present.
public enum AnnotationDTO: Encodable, Sendable {
    case entity(start: Int, end: Int, text: String, entityId: String, type: String)
    /// A quotation (marks included); `quoteKind` is direct, partial or term.
    case quote(start: Int, end: Int, quoteId: String, quoteKind: String, speakerId: String?)
    /// A time expression with its normalised value.
    case timex(TimeDTO)

    var start: Int {
        switch self {
        case .entity(let start, _, _, _, _): start
        case .quote(let start, _, _, _, _): start
        case .timex(let t): t.start
        }
    }
    var end: Int {
        switch self {
        case .entity(_, let end, _, _, _): end
        case .quote(_, let end, _, _, _): end
        case .timex(let t): t.end
        }
    }

    private enum Keys: String, CodingKey { case kind, start, end, text, entityId, type, quoteId, quoteKind, speakerId, value, granularity, mod }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .entity(let start, let end, let text, let entityId, let type):
            try c.encode("entity", forKey: .kind)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(text, forKey: .text)
            try c.encode(entityId, forKey: .entityId)
            try c.encode(type, forKey: .type)
        case .quote(let start, let end, let quoteId, let quoteKind, let speakerId):
            try c.encode("quote", forKey: .kind)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(quoteId, forKey: .quoteId)
            try c.encode(quoteKind, forKey: .quoteKind)
            try c.encode(speakerId, forKey: .speakerId)
        case .timex(let t):
            try c.encode("timex", forKey: .kind)
            try c.encode(t.start, forKey: .start)
            try c.encode(t.end, forKey: .end)
            try c.encode(t.text, forKey: .text)
            try c.encode(t.value, forKey: .value)
            try c.encode(t.type, forKey: .type)
            try c.encode(t.granularity, forKey: .granularity)
            try c.encode(t.mod, forKey: .mod)
        }
    }
}
