/// Splits a request-target (RFC 9112 §3.2) into a percent-decoded path and ordered query pairs.
enum RequestTarget {
    /// - Parameters:
    ///   - bytes: the target as sent, already checked to be visible ASCII.
    ///   - method: `*` (asterisk-form) is only allowed for `OPTIONS`.
    /// - Throws: ``HTTPParserError/invalidTarget`` for an unsupported form,
    ///   ``HTTPParserError/invalidPercentEncoding`` for a bad escape, an encoded NUL or invalid UTF-8.
    static func parse(
        _ bytes: ArraySlice<UInt8>, method: HTTPMethod
    ) throws(HTTPParserError) -> (path: String, query: [(name: String, value: String)]) {
        var rest = bytes
        if rest.count == 1 && rest.first == UInt8(ascii: "*") {
            guard method == .options else { throw .invalidTarget }
            return ("*", [])
        }
        if rest.first != UInt8(ascii: "/") {
            // absolute-form (RFC 9112 §3.2.2): "http://authority/path?query"; the authority is ignored.
            guard let schemeEnd = rest.firstIndex(of: UInt8(ascii: ":")),
                rest[rest.startIndex..<schemeEnd].allSatisfy({ HTTPSyntax.isTokenByte($0) }),
                rest[schemeEnd...].starts(with: "://".utf8)
            else { throw .invalidTarget }
            let authorityStart = schemeEnd + 3
            let pathStart = rest[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
            guard let pathStart, pathStart > authorityStart else {
                guard authorityStart < rest.endIndex else { throw .invalidTarget }
                return ("/", [])
            }
            rest = rest[pathStart...]
        }
        let queryStart = rest.firstIndex(of: UInt8(ascii: "?"))
        let pathBytes = rest[rest.startIndex..<(queryStart ?? rest.endIndex)]
        var path = try decode(pathBytes, plusAsSpace: false)
        if path.isEmpty { path = "/" }
        guard let queryStart else { return (path, []) }

        var query: [(name: String, value: String)] = []
        for pair in rest[(queryStart + 1)...].split(separator: UInt8(ascii: "&")) {
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                query.append(
                    (
                        try decode(pair[pair.startIndex..<equals], plusAsSpace: true),
                        try decode(pair[(equals + 1)...], plusAsSpace: true)
                    ))
            } else {
                query.append((try decode(pair, plusAsSpace: true), ""))
            }
        }
        return (path, query)
    }

    /// Percent-decodes (RFC 3986 §2.1), optionally turning `+` into a space (form encoding).
    static func decode(_ bytes: ArraySlice<UInt8>, plusAsSpace: Bool) throws(HTTPParserError) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex,
                    let high = HTTPSyntax.hexValue(bytes[i + 1]), let low = HTTPSyntax.hexValue(bytes[i + 2])
                else { throw .invalidPercentEncoding }
                let decoded = high << 4 | low
                guard decoded != 0 else { throw .invalidPercentEncoding }
                out.append(decoded)
                i += 3
            } else {
                out.append(plusAsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
                i += 1
            }
        }
        guard let string = String(validating: out, as: UTF8.self) else { throw .invalidPercentEncoding }
        return string
    }
}
