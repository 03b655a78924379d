/// How a task ended in one run, all its records in that run taken together.
public enum TaskOutcome: String, Sendable, Codable, Equatable {
    /// At least one record failed or timed out.
    case failed
    /// None failed and at least one completed.
    case completed
    /// Neither: skipped, cancelled, pending or running.
    case other

    /// A one-character mark for tables, so the outcome never rests on colour alone.
    public var mark: String {
        switch self {
        case .failed: "✗"
        case .completed: "✓"
        case .other: "–"
        }
    }
}
