import Ingest
import Report
import Stats

/// What a report is made from and how: the inputs, the folder, and every choice the command line offers.
public struct ReportRequest: Sendable {
    /// Files of records, or `-` for standard input, read in order.
    public var inputs: [String]
    /// How the inputs are read: a query for SQLite, the delimiter of CSV, where records are inside JSON.
    public var loader = TaskLoader()
    /// The latest run with the history, or every record together.
    public var scope: TaskStatistics.RunScope = .latest
    public var title = "Task Report"
    /// The report folder.
    public var folder = "Output"
    /// A folder of templates replacing the built-in ones of the same name.
    public var templates: String?
    /// Records to compare the latest run against instead of the run before it.
    public var baseline: String?
    /// A previous report folder, or its `history.jsonl`, whose runs come before the inputs' own.
    public var history: String?
    /// List lengths and the regression rule.
    public var statistics = TaskStatistics.Options()
    public var gates: [Gate] = []
    /// The data files beside `index.html`.
    public var exports = DataExport.allCases
    /// One `index.html` with the charts inside.
    public var singleFile = false
    /// A file to append `summary.md` to, such as `$GITHUB_STEP_SUMMARY`.
    public var summaryTo: String?

    /// A request for a report of `inputs` into `folder`, everything else as by default.
    public init(inputs: [String], folder: String = "Output") {
        self.inputs = inputs
        self.folder = folder
    }
}
