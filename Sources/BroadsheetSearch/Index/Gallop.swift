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

    /// ``firstNotBelow(after:end:_:)`` starting from a guessed index (clamped into `start + 1 ..< end`)
    /// instead of `start`: galloping forward from the guess when it is below, else backward from it.
    /// A good guess (an interpolation) needs one or two look-ups near it instead of a gallop's
    /// scattered ones from the start.
    @inline(__always)
    static func firstNotBelow(after start: Int, end: Int, guess: Int, _ isBelow: (Int) -> Bool) -> Int {
        guard start + 1 < end else { return end }
        let g = min(max(guess, start + 1), end - 1)
        if isBelow(g) { return firstNotBelow(after: g, end: end, isBelow) }
        // g is not below: the answer lies in start + 1 ... g. Gallop back to an index below it.
        var high = g
        var step = 1
        var low = g - 1
        while low > start && !isBelow(low) {
            high = low
            step &<<= 1
            low = max(start, high - step)
        }
        // isBelow(low) holds (or low == start); the answer lies in low + 1 ... high.
        var lower = low + 1
        var upper = high
        while lower < upper {
            let middle = (lower + upper) >> 1
            if isBelow(middle) { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }
}
