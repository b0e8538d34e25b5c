internal import CZlib

/// gzip (RFC 1952) compression and decompression over the system zlib, for checking
/// `Content-Encoding: gzip` bodies byte for byte. Static members of ``BroadsheetClient`` so
/// that they do not clash with the server's own gzip types in tests that import both.
extension BroadsheetClient {
    /// Decompresses a complete gzip stream.
    ///
    /// - Throws: ``BroadsheetClientError/gzip(_:)`` when the data is not a complete gzip stream.
    public static func gunzip(_ data: [UInt8]) throws(BroadsheetClientError) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: gzip wrapper only.
        guard broadsheet_inflateInit2(&stream, 16 + 15) == Z_OK else { throw .gzip("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        let (output, status) = pump(&stream, data) { stream in
            let status = inflate(&stream, Z_NO_FLUSH)
            return (status, status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0))
        }
        guard status == Z_STREAM_END else {
            throw .gzip(status == Z_OK || status == Z_BUF_ERROR ? "truncated gzip stream" : "inflate error \(status)")
        }
        return output
    }

    /// Compresses `data` into a gzip stream (default level), e.g. to send a gzip request body.
    ///
    /// - Throws: ``BroadsheetClientError/gzip(_:)`` when zlib fails.
    public static func gzip(_ data: [UInt8]) throws(BroadsheetClientError) -> [UInt8] {
        var stream = z_stream()
        guard broadsheet_deflateInit2(&stream, Z_DEFAULT_COMPRESSION, 16 + 15) == Z_OK else {
            throw .gzip("deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        let (output, status) = pump(&stream, data) { stream in
            let status = deflate(&stream, Z_FINISH)
            return (status, status == Z_OK)
        }
        guard status == Z_STREAM_END else { throw .gzip("deflate error \(status)") }
        return output
    }

    /// Feeds `data` through `step` (one `inflate` or `deflate` call) in 64 KiB output chunks while
    /// `step` says to go on; returns the output and the last zlib status.
    private static func pump(
        _ stream: inout z_stream, _ data: [UInt8], step: (inout z_stream) -> (status: Int32, more: Bool)
    ) -> ([UInt8], Int32) {
        var input = data
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            var more = true
            while more {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    (status, more) = step(&stream)
                    output.append(contentsOf: chunkBuffer.prefix(chunkBuffer.count - Int(stream.avail_out)))
                }
            }
        }
        return (output, status)
    }
}
