import Support

/// Everything the report says about a set of task records.
///
/// Computed by ``init(table:options:)`` from a columnar table; encodes to the
/// `statistics` part of `stats.json`.
public struct TaskStatistics: Sendable, Codable, Equatable {
    /// All records read.
    public var recordCount: Int
    /// One entry per distinct status label: known kinds first in their fixed
    /// order, then other labels by count.
    public var statuses: [StatusCount]
    /// Completed ÷ finished (pending and running records are not finished); nil when none completed or failed.
    public var successRate: Double?
    public var durations: DurationSummary
    /// Log-spaced bins (the report's chart) and equal-width bins; nil without durations.
    public var logHistogram: Histogram?
    public var linearHistogram: Histogram?
    /// Groups by number of records, largest first.
    public var groups: [GroupStatistics]
    /// The time zone the timeline's buckets follow, and the report shows times in: an IANA name, or `UTC`.
    public var timeZone = "UTC"
    /// The clock of ``timeZone``.
    public var clock: LocalClock { LocalClock(identifier: timeZone) ?? .utc }
    /// Nil when no record has a start time.
    public var timeline: Timeline?
    /// The longest tasks, longest first.
    public var slowest: [TaskEntry]
    /// Records whose status is a failure kind (failed, timeout), in input order, at most ``Options/failureLimit``.
    public var failures: [TaskEntry]
    /// All records of a failure kind, listed or not.
    public var failureCount: Int
    /// The run these statistics describe, when the records held several and only the latest is described.
    public var run: String? = nil
    /// Records without a run id among records that have one: they belong to no run, and only `--all-runs`
    /// counts them.
    public var recordsWithoutRun = 0
    /// The records' runs side by side; nil when they carry fewer than two run ids.
    public var history: RunHistory? = nil
    /// The latest runs' tasks side by side; nil when the records carry fewer than two run ids.
    public var grid: TaskGrid? = nil
    /// What changed since the previous run, or since the baseline; nil with nothing to compare against.
    public var changes: RunChanges? = nil
    /// What each of the latest ``Options/gridRuns`` runs said about each task, oldest first: what
    /// `history.jsonl` carries to the next report. Not part of `stats.json`.
    public var recentRuns: [RunDigest] = []

    private enum CodingKeys: String, CodingKey {
        case recordCount, statuses, successRate, durations, logHistogram, linearHistogram, groups, timeZone, timeline
        case slowest, failures, failureCount, run, recordsWithoutRun, history, grid, changes
    }
}
