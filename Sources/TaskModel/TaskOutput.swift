/// The last bytes a task wrote, as the scheduler's store keeps them.
public struct TaskOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String

    /// Creates an output record.
    public init(stdout: String, stderr: String) {
        self.stdout = stdout
        self.stderr = stderr
    }
}
