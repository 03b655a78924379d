/// Tasks against runs, as Airflow's grid view shows them: how each task
/// ended in each of the latest runs. For records of two or more runs.
///
/// Tasks are matched across runs by group and name (``TaskKey``), and a task
/// with several records in a run is summed up as ``RunDigest`` does.
public struct TaskGrid: Sendable, Codable, Equatable {
    /// How one task ended in one run.
    public struct Cell: Sendable, Codable, Equatable {
        /// The status label of its first failing record, else of its last.
        public var status: String
        public var outcome: TaskOutcome
        /// Its duration (the p95 of its records' durations when it has several); nil without any.
        public var durationMs: Double?
    }

    /// One task across the runs.
    public struct Row: Sendable, Codable, Equatable {
        /// The task's name, or its id when it has none.
        public var name: String
        public var group: String
        /// The runs it failed in, of those shown.
        public var failures: Int
        /// One per entry of ``TaskGrid/runs``; nil where the task did not run.
        public var cells: [Cell?]
    }

    /// The runs shown, oldest first: the latest ``TaskStatistics/Options/gridRuns``.
    public var runs: [String]
    /// Most failures first, then by name; at most ``TaskStatistics/Options/gridTasks``.
    public var rows: [Row]
    /// Every task of the runs shown, in a row or not.
    public var taskCount: Int

    /// The grid of `digests` (oldest first), its rows cut to `taskLimit`.
    init(_ digests: [RunDigest], taskLimit: Int) {
        runs = digests.map(\.runId)
        var rows: [TaskKey: Row] = [:]
        for (column, digest) in digests.enumerated() {
            for task in digest.tasks {
                var row = rows[task.key] ?? Row(name: task.key.name, group: task.key.group, failures: 0,
                                                cells: Array(repeating: nil, count: digests.count))
                row.cells[column] = Cell(status: task.status, outcome: task.outcome, durationMs: task.p95Ms)
                if task.outcome == .failed { row.failures += 1 }
                rows[task.key] = row
            }
        }
        taskCount = rows.count
        self.rows = Array(rows.values.sorted {
            ($1.failures, $0.name, $0.group) < ($0.failures, $1.name, $1.group)
        }.prefix(taskLimit))
    }
}
