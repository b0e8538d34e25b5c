/// `GET /v1/documents/{id}/annotations`: every span of a document for an annotated rendering.
public struct AnnotationsDTO: Encodable, Sendable {
    public var documentId: String
    public var total: Int
    public var data: [AnnotationDTO]
}

/// One annotation; `kind` tells which fields are present.
public enum AnnotationDTO: Encodable, Sendable {
    case entity(start: Int, end: Int, text: String, entityId: String, type: String)

    var start: Int {
        switch self { case .entity(let start, _, _, _, _): start }
    }
    var end: Int {
        switch self { case .entity(_, let end, _, _, _): end }
    }

    private enum Keys: String, CodingKey { case kind, start, end, text, entityId, type }

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
        }
    }
}
