/// A nightly run: a task file run into a store, and how to report it.
public struct NightlyRequest: Sendable {
    /// The task file.
    public var taskFile: String
    /// The SQLite store the run is recorded in.
    public var store = "Output/taskreport.sqlite"
    /// Tasks at once; nil for the task file's concurrency, else the number of cores.
    public var jobs: Int?
    /// How to report the run, over the store (its inputs are ignored); nil for no report.
    public var report: ReportRequest?
    /// The report's heading; nil for the task file's name.
    public var title: String?
    /// Whether to show progress on standard error.
    public var showsProgress = true

    /// A request to run `taskFile`, everything else as by default.
    public init(taskFile: String) {
        self.taskFile = taskFile
        report = ReportRequest(inputs: [])
    }
}
