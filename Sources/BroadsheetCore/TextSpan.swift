/// A half-open range of UTF-16 code units in a document's normalised ``Document/text``.
///
/// UTF-16 offsets are what a browser's `String.prototype.slice` uses, so a frontend can
/// take `text.slice(start, end)` and get exactly the span.
public struct TextSpan: Sendable, Hashable, Comparable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

extension String {
    /// The substring covering UTF-16 offsets `span` (clamped to the string).
    public func slice(_ span: TextSpan) -> Substring {
        let u = utf16
        let count = u.count
        let lo = u.index(u.startIndex, offsetBy: min(max(0, span.start), count))
        let hi = u.index(lo, offsetBy: min(max(0, span.end), count) - min(max(0, span.start), count))
        return self[lo..<hi]
    }

    /// The UTF-16 offset of `index` from the start of the string.
    public func utf16Offset(of index: String.Index) -> Int {
        utf16.distance(from: utf16.startIndex, to: index)
    }
}
