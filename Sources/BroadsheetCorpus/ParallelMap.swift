import Dispatch

/// Maps an array on every core (Dispatch's `concurrentPerform`), keeping the order.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], chunk: Int = 16, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        if elements.count <= chunk { return elements.map(transform) }
        let chunks = (elements.count + chunk - 1) / chunk
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        elements.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                // Each chunk writes only its own slots.
                for i in (c * chunk)..<min(elements.count, (c + 1) * chunk) { output[i] = transform(input[i]) }
            }
        }
        return results.map { $0! }
    }
}
