/// A date given at year (`2024`), month (`2024-03`) or day (`2024-03-15`) precision, validated against the
/// proleptic Gregorian calendar (years 1...9999; `2023-02-29` is rejected).
///
/// ``first`` and ``last`` give the day range the value covers, for inclusive `from`/`to` filters:
/// `from=2024-03` means from 2024-03-01, `to=2024-03` means up to 2024-03-31.
public struct QueryDate: Sendable, Hashable, CustomStringConvertible {
    /// A day `(year, month, day)`, ordered chronologically.
    public struct Day: Sendable, Hashable, Comparable {
        public var year: Int
        public var month: Int
        public var day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
        public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    public let year: Int
    /// `nil` at year precision.
    public let month: Int?
    /// `nil` at year or month precision.
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (exactly those digit counts), or returns `nil`.
    public init?(_ string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.utf8.count == width, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(part) else {
                return nil
            }
            numbers.append(n)
        }
        year = numbers[0]
        month = numbers.count > 1 ? numbers[1] : nil
        day = numbers.count > 2 ? numbers[2] : nil
        guard year >= 1 else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !(1...Self.daysIn(month: month, year: year)).contains(day) { return nil }
    }

    /// The first day covered.
    public var first: Day { Day(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day covered.
    public var last: Day {
        let m = month ?? 12
        return Day(year: year, month: m, day: day ?? Self.daysIn(month: m, year: year))
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var s = pad(year, 4)
        if let month { s += "-" + pad(month, 2) }
        if let day { s += "-" + pad(day, 2) }
        return s
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
