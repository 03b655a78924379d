/// A task that cannot make up its mind: its outcome flipped at least twice
/// across the recent runs, or it completed now only after retries.
public struct FlakyTask: Sendable, Codable, Equatable {
    /// The task's name, or its id when it has none.
    public var name: String
    public var group: String
    /// Its outcome in each run compared, oldest first; nil where it did not run.
    public var outcomes: [TaskOutcome?]
    /// Changes between failed and completed across `outcomes`.
    public var flips: Int
    /// Completed in the current run only after more than one attempt.
    public var retried: Bool
    /// The attempts it needed in the current run, when ``retried``.
    public var attempts: Int?
}
