/// Finds a publication date in a file's path, for articles that carry none themselves.
///
/// Two forms are recognised, and the one nearest the file name wins:
/// - three consecutive folders `YYYY/MM/DD` (`2025/11/29/story.txt`, also `2025/11/29.txt`);
/// - `YYYY-MM-DD` (or with `_` or `.`) inside one path component, not touching other digits
///   (`2025-11-29-title.txt`, `archive/2025_11_29/a.json`).
///
/// Years 1900–2199 only, and the date must exist (`2025/02/30` is no date). Eight digits in a
/// row (`20251129`) are not read: they are too often ids.
enum PathDate {
    static func date(in path: String) -> CivilDate? {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var best: (position: Int, date: CivilDate)?
        for (index, component) in components.enumerated() {
            if let date = separatedDate(in: component) { best = (2 * index + 1, date) }
            if index >= 2 {
                let dayPart = String(component.prefix(while: { $0.isASCII && $0.isNumber }))
                // The day may be the file name's stem (`29.txt`) or a folder (`29`).
                let rest = component.dropFirst(dayPart.count)
                if rest.isEmpty || rest.first == ".",
                    let y = fixedNumber(components[index - 2], digits: 4), let m = fixedNumber(components[index - 1], digits: 2),
                    let d = fixedNumber(dayPart, digits: 2), let date = make(y, m, d)
                {
                    if best.map({ $0.position <= 2 * index }) ?? true { best = (2 * index, date) }
                }
            }
        }
        return best?.date
    }

    /// The last `YYYY-MM-DD` (separator `-`, `_` or `.`) in one component that is not part of a
    /// longer digit run.
    static func separatedDate(in component: String) -> CivilDate? {
        let chars = Array(component.unicodeScalars)
        var found: CivilDate?
        guard chars.count >= 10 else { return nil }
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && ("0"..."9").contains(chars[k]) }
        for i in 0...(chars.count - 10) {
            guard !isDigit(i - 1), !isDigit(i + 10) else { continue }
            let sep = chars[i + 4]
            guard sep == "-" || sep == "_" || sep == ".", chars[i + 7] == sep else { continue }
            guard (0..<4).allSatisfy({ isDigit(i + $0) }), isDigit(i + 5), isDigit(i + 6), isDigit(i + 8), isDigit(i + 9)
            else { continue }
            func number(_ from: Int, _ count: Int) -> Int {
                chars[from..<(from + count)].reduce(0) { $0 * 10 + Int($1.value - 48) }
            }
            if let date = make(number(i, 4), number(i + 5, 2), number(i + 8, 2)) { found = date }
        }
        return found
    }

    static func fixedNumber(_ s: String, digits: Int) -> Int? {
        guard s.count == digits, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    static func make(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? {
        guard (1900...2199).contains(y) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
