import BroadsheetSync
import Dispatch
import CEpoll
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking descriptor watched by an ``EventLoop``. Every call arrives on the loop's thread.
protocol EventLoopChannel: AnyObject {
    /// The descriptor has events (`EPOLLIN`, `EPOLLOUT`, `EPOLLRDHUP`, `EPOLLHUP`, `EPOLLERR` bits).
    func handle(events: UInt32)
    /// A deadline sweep at `now` (uptime ns): act on a deadline that has passed and return the next one
    /// (uptime ns), or 0 for none.
    func checkDeadline(now: UInt64) -> UInt64
}

/// One event-loop thread: an edge-triggered `epoll` set, the channels it watches, a task queue other
/// threads feed through ``execute(_:)``, and deadline sweeps. Like an nginx worker, it waits for events
/// and handles them on the same thread, so a request costs one wakeup and no thread hop.
///
/// Channels are registered, handled, swept and deregistered only on the loop thread; tasks are the way
/// in from other threads. ``stop()`` ends the thread after the tasks already queued have run.
final class EventLoop: @unchecked Sendable {
    // @unchecked Sendable: `channels`, `nextDeadline` and `events` are touched only on the loop thread;
    // `tasks` is locked; `stopRequested` is atomic; the descriptors never change after init.
    private let epollFD: Int32
    private let wakeFD: Int32
    private let tasks = Locked<[@Sendable () -> Void]>([])
    private let stopRequested = Atomic<Bool>(false)
    /// Scratch space for socket reads on the loop thread; a read's bytes are copied out before the next.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private let started = Atomic<Bool>(false)
    /// Channels by descriptor: descriptors are small integers, so an array is the cheapest map.
    private var channels: [(any EventLoopChannel)?] = []
    /// The earliest deadline any channel announced (uptime ns); `.max` when none.
    private var nextDeadline: UInt64 = .max
    private static let wakeToken: UInt64 = .max
    private static let maxEvents = 256

    /// Creates the epoll set and wake descriptor; the thread starts with ``start()``.
    init() {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        precondition(epollFD >= 0 && wakeFD >= 0, "epoll_create1/eventfd failed: errno \(errno)")
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = Self.wakeToken
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
    }

    deinit {
        readBuffer.deallocate()
        Glibc.close(epollFD)
        Glibc.close(wakeFD)
    }

    /// Starts the loop's thread (a detached pthread; the loop keeps itself alive until it stops).
    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let box = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                let loop = Unmanaged<EventLoop>.fromOpaque(context!).takeRetainedValue()
                loop.run()
                return nil
            }, box)
        precondition(result == 0, "pthread_create failed: \(result)")
        pthread_detach(thread)
    }

    /// Runs `task` on the loop thread, after the events being handled now. Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        let wasEmpty = tasks.withLock { tasks in
            tasks.append(task)
            return tasks.count == 1
        }
        if wasEmpty { wake() }
    }

    /// Ends the loop once the queued tasks have run. Safe from any thread; channels still registered
    /// are dropped without being called.
    func stop() {
        stopRequested.store(true, ordering: .relaxed)
        wake()
    }

    // MARK: Loop-thread API

    /// Watches `fd` for input and output (edge-triggered) on behalf of `channel`. Loop thread only.
    func register(_ fd: Int32, _ channel: any EventLoopChannel) {
        let index = Int(fd)
        if index >= channels.count { channels.append(contentsOf: repeatElement(nil, count: index + 1 - channels.count)) }
        channels[index] = channel
        var event = epoll_event()
        event.events = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
        event.data.u64 = UInt64(UInt32(bitPattern: fd))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    /// Stops watching `fd`; call it before closing the descriptor. Loop thread only.
    func deregister(_ fd: Int32) {
        let index = Int(fd)
        guard index < channels.count else { return }
        channels[index] = nil
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }

    /// Makes sure a sweep runs at `deadline` (uptime ns) or earlier. Loop thread only.
    func noteDeadline(_ deadline: UInt64) {
        if deadline < nextDeadline { nextDeadline = deadline }
    }

    // MARK: The loop

    private func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    private func run() {
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Self.maxEvents)
        defer { events.deallocate() }
        while true {
            let count = epoll_wait(epollFD, events, Int32(Self.maxEvents), waitTimeout())
            if count < 0 && errno != EINTR { fatalError("epoll_wait failed: errno \(errno)") }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                if event.data.u64 == Self.wakeToken {
                    var value: UInt64 = 0
                    _ = Glibc.read(wakeFD, &value, 8)
                    continue
                }
                let fd = Int(event.data.u64)
                // A channel closed earlier in this batch leaves its slot empty: its stale event is dropped.
                guard fd < channels.count, let channel = channels[fd] else { continue }
                channel.handle(events: event.events)
            }
            runTasks()
            sweepIfDue()
            if stopRequested.load(ordering: .relaxed) {
                runTasks()
                channels = []
                return
            }
        }
    }

    /// Milliseconds until the next deadline (rounded up), or -1 to wait for events only.
    private func waitTimeout() -> Int32 {
        guard nextDeadline != .max else { return -1 }
        let now = DispatchTime.now().uptimeNanoseconds
        guard nextDeadline > now else { return 0 }
        return Int32(clamping: (nextDeadline - now + 999_999) / 1_000_000)
    }

    private func runTasks() {
        while true {
            let batch = tasks.withLock { tasks -> [@Sendable () -> Void] in
                defer { tasks.removeAll(keepingCapacity: true) }
                return tasks
            }
            if batch.isEmpty { return }
            for task in batch { task() }
        }
    }

    /// Asks every channel about its deadline once the earliest announced one has passed.
    private func sweepIfDue() {
        guard nextDeadline != .max else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now >= nextDeadline else { return }
        nextDeadline = .max
        // Channels may close (leaving nil) during the sweep, but none are added: the array never shrinks.
        for index in channels.indices {
            guard let channel = channels[index] else { continue }
            let deadline = channel.checkDeadline(now: now)
            if deadline != 0 { noteDeadline(deadline) }
        }
    }
}
