/// How a task ended in a run, or how one attempt at it ended, as the
/// scheduler records it. Text only in the store's tables.
public enum TaskStatus: String, Sendable, CaseIterable {
    case completed, failed, timeout, skipped, cancelled
}

/// How a run ended, as the store's `runs` table keeps it.
public enum RunOutcome: String, Sendable {
    /// Every task completed.
    case completed
    /// Some task did not complete.
    case failed
    /// Ctrl-C or SIGTERM stopped it.
    case cancelled
}
