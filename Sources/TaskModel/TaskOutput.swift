/// The last bytes a task wrote, as the scheduler's store keeps them.
public struct TaskOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String

    /// The key of a task's output among several runs': its run id and its task id.
    public static func key(run: String, id: String) -> String { run + "\u{1F}" + id }

    public init(stdout: String, stderr: String) {
        self.stdout = stdout
        self.stderr = stderr
    }
}
