import Dispatch
import Synchronization

/// The history of runs (each run's counts, success rate and p95), made on another thread from the
/// moment this is created, while the caller makes the latest run's statistics and the runs' digests.
/// Over every record it is a pass of its own (16 ms at 1M records), which had run alone on one core.
final class PendingHistory: Sendable {
    private let made = DispatchGroup()
    private let history = Mutex<RunHistory?>(nil)

    /// Starts making the history of `orders`' runs, the runs of each in order and `orders` oldest first;
    /// none for fewer than two runs in all.
    init(of orders: [RunOrder]) {
        guard orders.reduce(0, { $0 + $1.count }) >= 2 else { return }
        DispatchQueue.global().async(group: made) { [self] in
            let parts = orders.map { $0.figures() }
            let runs = RunHistory(statuses: StatusOrder.merged(parts.map(\.statuses)), runs: parts.flatMap(\.runs))
            history.withLock { $0 = runs }
        }
    }

    /// The history, once made (this waits for it); nil for fewer than two runs.
    var value: RunHistory? {
        made.wait()
        return history.withLock { $0 }
    }
}
