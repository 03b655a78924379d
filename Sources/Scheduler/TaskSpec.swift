/// One task as the task file describes it, with the file's defaults applied.
public struct TaskSpec: Sendable, Equatable {
    public var id: String
    public var name: String
    public var group: String
    public var kind: TaskKind
    /// Variables added to (or replacing those of) the scheduler's environment.
    public var environment: [String: String]
    /// The working folder; nil for the scheduler's own.
    public var workingDirectory: String?
    /// Seconds an attempt may take before its process group is stopped.
    public var timeout: Double
    /// Attempts after the first, when an attempt does not complete.
    public var retries: Int
    /// Wait before the first retry, in seconds; doubled for each later one, with jitter.
    public var retryDelay: Double
    /// Ids of tasks that must complete before this one starts.
    public var needs: [String]

    public init(
        id: String, name: String? = nil, group: String = "", kind: TaskKind, environment: [String: String] = [:],
        workingDirectory: String? = nil, timeout: Double = 600, retries: Int = 0, retryDelay: Double = 1,
        needs: [String] = []
    ) {
        self.id = id
        self.name = name ?? id
        self.group = group
        self.kind = kind
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.retries = retries
        self.retryDelay = retryDelay
        self.needs = needs
    }
}
