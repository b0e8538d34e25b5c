public import Foundation

/// The explorer's files (`Resources/ui`), read once, with the version that makes their URLs cacheable.
///
/// The page and its modules name each other as `/ui/<file>?v=__ASSET_VERSION__`; the placeholder is
/// replaced by a hash of every file's content, so a changed file gets a new URL and an unchanged one
/// may be kept by browsers for a year.
public struct ExplorerAssets: Sendable {
    public struct Asset: Sendable {
        public var contentType: String
        public var body: [UInt8]
    }

    /// Asset name (`app.js`) → content, placeholders replaced.
    public let files: [String: Asset]
    /// Sixteen hex digits of FNV-1a over every file, in name order.
    public let version: String

    static let placeholder = "__ASSET_VERSION__"

    /// The files shipped with the server; empty when the resource folder is missing.
    public static let bundled: ExplorerAssets = {
        guard let folder = Bundle.module.url(forResource: "ui", withExtension: nil) else { return ExplorerAssets(raw: [:]) }
        return ExplorerAssets(folder: folder)
    }()

    /// The files of a folder (not its subfolders).
    public init(folder: URL) {
        var raw: [String: [UInt8]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where Self.contentType(of: name) != nil {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(name)) { raw[name] = Array(data) }
        }
        self.init(raw: raw)
    }

    /// Files by name, as written (placeholders not yet replaced).
    public init(raw: [String: [UInt8]]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in raw.keys.sorted() {
            for byte in Array(name.utf8) + [0] + raw[name]! {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let version = String(hash, radix: 16).leftPadded(to: 16)
        self.version = version
        var files: [String: Asset] = [:]
        for (name, bytes) in raw {
            guard let type = Self.contentType(of: name) else { continue }
            let text = type.hasPrefix("image/") ? nil : String(decoding: bytes, as: UTF8.self)
            let body = text.map { Array($0.replacingOccurrences(of: Self.placeholder, with: version).utf8) } ?? bytes
            files[name] = Asset(contentType: type, body: body)
        }
        self.files = files
    }

    static func contentType(of name: String) -> String? {
        switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: nil
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
