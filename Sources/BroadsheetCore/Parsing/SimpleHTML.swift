/// Minimal HTML-to-text conversion for JSON bodies that carry markup: block tags become paragraph
/// breaks, `<h1>`–`<h6>` become Markdown headings, other tags are removed and common entities
/// are decoded. Not a general HTML parser.
enum SimpleHTML {
    static func looksLikeHTML(_ s: String) -> Bool {
        // Most bodies have no "<" at all: a byte scan settles them without lowercasing a copy.
        guard s.utf8.contains(UInt8(ascii: "<")) else { return false }
        let lower = s.lowercased()
        return ["<p>", "<p ", "<br", "</p>", "<h2", "<h3", "<div"].contains { lower.contains($0) }
    }

    static func toText(_ html: String) -> String {
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            let ch = html[i]
            if ch == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                let closing = tag.hasPrefix("/")
                switch name {
                case "p", "div", "blockquote", "li", "ul", "ol", "section", "article", "figure", "table", "tr":
                    out += "\n\n"
                case "br": out += "\n"
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    out += closing ? "\n\n" : "\n\n## "
                default: break
                }
                i = html.index(after: close)
                continue
            }
            if ch == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: i)..<semi])
                if let decoded = decode(entity) {
                    out += decoded
                    i = html.index(after: semi)
                    continue
                }
            }
            out.append(ch)
            i = html.index(after: i)
        }
        return out
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "mdash": "—", "ndash": "–", "hellip": "…",
    ]

    static func decode(_ entity: String) -> String? {
        if let e = entities[entity] { return e }
        if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
            return String(Character(u))
        }
        if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) { return String(Character(u)) }
        return nil
    }
}
