extension Unmanaged {
    /// Calls `body` with the referenced instance, without retaining or releasing it.
    ///
    /// The scoring loops call a term matcher or posting cursor through `Unmanaged` once per posting;
    /// the caller keeps the instance alive (an array of the matchers outlives the loop), so the
    /// reference counting that `takeUnretainedValue()` may leave in the loop is pure cost. This is the
    /// one place that uses the standard library's underscored `_withUnsafeGuaranteedRef`, which says
    /// exactly that: the instance is guaranteed alive for the call.
    ///
    /// Measured against the supported alternative, `body(takeUnretainedValue())`, with the release
    /// `broadsheet-bench search --no-files` (100,000 articles, 200 queries per type, two runs of each
    /// build in turn on a shared 2-core machine): prefix queries p50 0.33–0.34 ms here against
    /// 0.52–0.55 ms (ranking only 0.29 against 0.35–0.47 ms), phrase p99 13.2 ms against 13.1–20.2 ms;
    /// one-word, two-word and typo queries the same within noise. Replace it once a supported API
    /// (a borrowing accessor on `Unmanaged`) measures the same.
    @inline(__always)
    func withInstance<Result>(_ body: (Instance) throws -> Result) rethrows -> Result {
        try _withUnsafeGuaranteedRef(body)
    }
}
