import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) and SIGTERM into cancellation of a piece of work,
/// so that it can stop its processes and record what happened.
enum StopSignals {
    /// Runs `work` in a task that SIGINT or SIGTERM cancel; a second signal exits at once with 130.
    static func cancelling<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let received = ReceivedCount()
            source.setEventHandler {
                if received.increment() > 1 { _exit(130) }
                task.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }  // Ctrl-C works again afterwards
        }
        return try await task.value
    }
}

/// A counter shared with a signal handler.
private final class ReceivedCount: Sendable {
    private let count = Mutex(0)

    func increment() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
