/// The status line and header fields of one HTTP/1.x response.
public struct ResponseHead: Sendable, Hashable {
    /// The version from the status line, e.g. `"1.1"`.
    public var httpVersion: String
    /// The three-digit status code.
    public var status: Int
    /// The reason phrase (may be empty).
    public var reason: String
    /// The header fields in arrival order.
    public var headers: ClientHeaders

    /// Creates a head.
    public init(httpVersion: String, status: Int, reason: String, headers: ClientHeaders) {
        self.httpVersion = httpVersion
        self.status = status
        self.reason = reason
        self.headers = headers
    }

    /// Why a response head could not be read.
    public enum ParseError: Error, Sendable, Hashable {
        /// The status line is not `HTTP/x.y NNN reason`.
        case invalidStatusLine(String)
        /// A header line has no colon or an empty name.
        case invalidHeaderLine(String)
    }

    /// Parses a status line such as `HTTP/1.1 404 Not Found` (RFC 9112 §4).
    ///
    /// - Returns: the version (`"1.1"`), the status and the reason phrase.
    /// - Throws: ``ParseError/invalidStatusLine(_:)``.
    public static func parseStatusLine(_ line: String) throws(ParseError) -> (
        version: String, status: Int, reason: String
    ) {
        let trimmed = line.trimmingLineEnd()
        let parts = trimmed.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"),
            parts[1].count == 3, let status = Int(parts[1]), status >= 100
        else { throw .invalidStatusLine(trimmed) }
        let version = String(parts[0].dropFirst("HTTP/".count))
        let reason = parts.count == 3 ? String(parts[2]) : ""
        return (version, status, reason)
    }

    /// Parses one header line `Name: value` (RFC 9112 §5), trimming optional whitespace around the value.
    ///
    /// - Throws: ``ParseError/invalidHeaderLine(_:)``.
    public static func parseHeaderLine(_ line: String) throws(ParseError) -> HeaderField {
        let trimmed = line.trimmingLineEnd()
        guard let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex else {
            throw .invalidHeaderLine(trimmed)
        }
        let name = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingOWS()
        return HeaderField(name, value)
    }

    /// Parses a complete head: a status line then header lines (a trailing empty line is allowed).
    ///
    /// - Throws: ``ParseError``.
    public static func parse(lines: [String]) throws(ParseError) -> ResponseHead {
        guard let first = lines.first else { throw .invalidStatusLine("") }
        let (version, status, reason) = try parseStatusLine(first)
        var headers = ClientHeaders()
        for line in lines.dropFirst() {
            if line.trimmingLineEnd().isEmpty { break }
            let field = try parseHeaderLine(line)
            headers.add(field.name, field.value)
        }
        return ResponseHead(httpVersion: version, status: status, reason: reason, headers: headers)
    }
}

extension StringProtocol {
    /// The string without a trailing CR LF, LF or CR.
    func trimmingLineEnd() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last == "\n" || last == "\r" || last == "\r\n" { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The string without leading or trailing spaces and tabs (RFC 9110 §5.6.3 OWS).
    func trimmingOWS() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
