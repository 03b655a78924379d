/// One attempt at a task: when it ran, how it ended, and the ends of what it
/// wrote. A taskreport store keeps one per attempt; other inputs say less (a
/// record's `output` field is one attempt with only its output).
public struct TaskAttempt: Sendable, Equatable {
    /// 1 for the first attempt; nil when the source does not say.
    public var number: Int?
    /// The attempt's status label; empty when the source does not say.
    public var status: String
    /// Unix seconds; nil when not known.
    public var startedAt: Double?
    public var finishedAt: Double?
    public var exitCode: Int?
    /// The response status of an HTTP check.
    public var httpStatus: Int?
    public var error: String
    /// The end of its standard output (or of its one combined output).
    public var stdout: String
    public var stderr: String

    /// The key of a task's attempts among several runs': its run id and its task id.
    public static func key(run: String, id: String) -> String { run + "\u{1F}" + id }

    public init(
        number: Int? = nil, status: String = "", startedAt: Double? = nil, finishedAt: Double? = nil, exitCode: Int? = nil,
        httpStatus: Int? = nil, error: String = "", stdout: String = "", stderr: String = ""
    ) {
        self.number = number
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitCode = exitCode
        self.httpStatus = httpStatus
        self.error = error
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Whether the attempt wrote nothing to either stream.
    public var wroteNothing: Bool { stdout.isEmpty && stderr.isEmpty }
}
