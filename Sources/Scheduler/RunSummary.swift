/// How a run ended.
public struct RunSummary: Sendable, Equatable {
    /// Tasks by final status.
    public var counts: [String: Int]
    /// Whether Ctrl-C or SIGTERM stopped the run.
    public var wasCancelled: Bool

    /// Whether every task completed.
    public var allCompleted: Bool {
        counts.allSatisfy { $0.key == "completed" || $0.value == 0 }
    }

    /// `completed`, `failed` (something did not complete) or `cancelled`: the run's outcome in the store.
    public var outcome: String {
        wasCancelled ? "cancelled" : allCompleted ? "completed" : "failed"
    }
}
