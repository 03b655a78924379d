import Store

/// How a run ended.
public struct RunSummary: Sendable, Equatable {
    /// Tasks by final status.
    public var counts: [TaskStatus: Int]
    /// Whether Ctrl-C or SIGTERM stopped the run.
    public var wasCancelled: Bool

    /// Whether every task completed.
    public var allCompleted: Bool {
        counts.allSatisfy { $0.key == .completed || $0.value == 0 }
    }

    /// The run's outcome as the store keeps it.
    public var outcome: RunOutcome {
        wasCancelled ? .cancelled : allCompleted ? .completed : .failed
    }
}
