extension HTTPRequestParser {
    /// Size limits the parser enforces, each answered with its own status.
    ///
    /// Defaults follow common servers (nginx `large_client_header_buffers` 8 KiB lines, NIO's
    /// `NIOHTTPDecoderLimitConfiguration`); raise them only with a reason.
    public struct Limits: Sendable, Hashable {
        /// Longest request line (method, target and version), in bytes, without its CRLF.
        /// Default: 8,192 (8 KiB). Beyond it: ``HTTPParserError/requestLineTooLong`` (`414`).
        public var maxRequestLineLength: Int
        /// Largest header section (every field line with its CRLF, and the empty line), in bytes.
        /// Trailers of a chunked body count against the same limit.
        /// Default: 16,384 (16 KiB). Beyond it: ``HTTPParserError/headerSectionTooLarge`` (`431`).
        public var maxHeaderSectionSize: Int
        /// Most header fields in one request. Default: 100. Beyond it: `431`.
        public var maxHeaderCount: Int
        /// Largest request body after chunked decoding, in bytes.
        /// Default: 1,048,576 (1 MiB). Beyond it: ``HTTPParserError/contentTooLarge`` (`413`).
        public var maxBodySize: Int
        /// Longest chunk-size line, extensions included, in bytes.
        /// Default: 1,024. Beyond it: ``HTTPParserError/invalidChunk`` (`400`).
        public var maxChunkLineLength: Int

        public init(
            maxRequestLineLength: Int = 8 * 1024,
            maxHeaderSectionSize: Int = 16 * 1024,
            maxHeaderCount: Int = 100,
            maxBodySize: Int = 1024 * 1024,
            maxChunkLineLength: Int = 1024
        ) {
            self.maxRequestLineLength = maxRequestLineLength
            self.maxHeaderSectionSize = maxHeaderSectionSize
            self.maxHeaderCount = maxHeaderCount
            self.maxBodySize = maxBodySize
            self.maxChunkLineLength = maxChunkLineLength
        }

        /// The defaults documented on each property.
        public static let `default` = Limits()
    }
}
