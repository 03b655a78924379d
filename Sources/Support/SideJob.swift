import Foundation
import Synchronization

/// Work started at once on a thread of its own, whose value the caller waits for later, after doing
/// work of its own meanwhile.
///
/// A thread of its own, not the global dispatch queue: a caller that is itself one of the queue's
/// threads, and waits for work it queued there, waits until the queue has a thread to spare. With one
/// CPU it has none, and libdispatch adds one only when its monitor sees the caller blocked, about a
/// second later: every report took a second longer on one CPU.
public final class SideJob<Value: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
        thread.start()
    }

    /// The work's value, once it has finished; waits for it.
    public var value: Value {
        finished.wait()
        finished.signal()  // for the next caller, who finds the work finished too
        return result.withLock { $0! }
    }
}
