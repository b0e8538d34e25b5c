/// Galloping search: steps of 1, 2, 4, … from a known index, then a binary search in the last step.
/// Cheap when the answer is near the start (a cursor moving forward), logarithmic when far.
enum Gallop {
    /// The first index in `start + 1 ..< end` at which `isBelow` is false, or `end` when there is
    /// none. `isBelow` holds at `start` and, along the indexes, is true and then false (values
    /// ascending, compared with a target).
    @inline(__always)
    static func firstNotBelow(after start: Int, end: Int, _ isBelow: (Int) -> Bool) -> Int {
        var low = start
        var step = 1
        var high = low + 1
        while high < end && isBelow(high) {
            low = high
            step &<<= 1
            high = low + step
        }
        // The answer lies in low + 1 ... high (high itself is not below when it is an index).
        var lower = low + 1
        var upper = min(high, end)
        while lower < upper {
            let middle = (lower + upper) >> 1
            if isBelow(middle) { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }
}
