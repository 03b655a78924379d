/// What a task wrote in one attempt: the ends of its standard output and standard error.
public struct TaskOutput: Sendable, Equatable {
    /// The attempt it comes from (1 for the first); nil when the source does not say.
    public var attempt: Int?
    public var stdout: String
    public var stderr: String

    /// The key of a task's outputs among several runs': its run id and its task id.
    public static func key(run: String, id: String) -> String { run + "\u{1F}" + id }

    public init(attempt: Int? = nil, stdout: String, stderr: String) {
        self.attempt = attempt
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Whether the attempt wrote nothing.
    public var isEmpty: Bool { stdout.isEmpty && stderr.isEmpty }
}
