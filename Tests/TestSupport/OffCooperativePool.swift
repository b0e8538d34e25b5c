import Dispatch
public import Testing

/// Runs each test of a suite on threads of its own instead of Swift's cooperative pool.
///
/// The pool has one thread per core (two on CI machines), and in a parallel `swift test` hundreds of
/// synchronous test cases queue for it. A test that talks to a server resumes there after each step,
/// so between connecting and sending it could wait many seconds, and the server rightly closes the
/// idle connection meanwhile. Suites that talk to servers use this trait, so that each step resumes at
/// once, and so do the seconds-long index suites, so that they do not hold the pool. Off the pool, the
/// operating system shares the cores between everything that runs.
public struct OffCooperativePool: SuiteTrait, TestTrait, TestScoping {
    public init() {}
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(DispatchTaskExecutor.shared) { try await function() }
    }
}

extension Trait where Self == OffCooperativePool {
    /// See ``OffCooperativePool``.
    public static var offCooperativePool: Self { Self() }
}

/// A task executor on a concurrent Dispatch queue of its own, which (unlike the width-limited global
/// queues) starts a thread for each job that waits.
public final class DispatchTaskExecutor: TaskExecutor {
    public static let shared = DispatchTaskExecutor()
    private let queue = DispatchQueue(label: "off-cooperative-pool", attributes: .concurrent)

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
