import TaskModel

/// What one run says about each of its tasks, keyed by ``TaskKey`` (group and
/// name). A task with several records in the run (retries logged as records,
/// shards) is summed up as one. The changes, the grid and `history.jsonl`
/// are made of digests.
public struct RunDigest: Sendable, Equatable {
    /// One task in one run.
    public struct Task: Sendable, Equatable {
        public var key: TaskKey
        /// The status label of its first failing record, else of its last record.
        public var status: String
        public var outcome: TaskOutcome
        /// The attempts of the record `status` comes from; nil when not recorded.
        public var attempts: Int?
        /// The attempts its completed record needed, when more than one (it completed only after retries).
        public var attemptsNeeded: Int?
        /// The exit code and error of the record `status` comes from.
        public var exitCode: Int?
        public var error: String
        /// The earliest start of its records, Unix seconds; nil without any.
        public var startedAt: Double?
        /// The 95th percentile of its durations (its duration, for one record); nil without any.
        public var p95Ms: Double?
    }

    /// The run id as written in the records; empty when they carry none.
    public let runId: String
    /// Its tasks in order of first appearance; with a limit, its failed tasks first.
    public let tasks: [Task]
    private let slots: [TaskKey: Int]

    /// The task of this key in the run; nil when it did not run (or was not kept).
    public subscript(key: TaskKey) -> Task? { slots[key].map { tasks[$0] } }

    /// How many tasks of a run its history (`history.jsonl`) keeps.
    public static let historyLimit = 10_000

    /// The tasks a history keeps: all, or with more than ``historyLimit``, the failed ones first and
    /// then the others, in order.
    public var historyTasks: [Task] {
        TaskSlots.kept(tasks, limit: Self.historyLimit) { $0.outcome == .failed }
    }

    /// Digests the records at `rows` of `table`.
    /// - Parameter limit: Keep at most this many tasks: those that failed first, then the others in order
    ///   of appearance. Tasks left out cost a lookup per record, nothing more.
    init(table: TaskTable, rows: ArraySlice<Int32>, runId: String, limit: Int? = nil) {
        self.runId = runId
        let kinds = table.status.entries.map(StatusKind.init(label:))
        let tasksOfRows = TaskSlots(table: table, rows: rows, kinds: kinds)
        let kept = tasksOfRows.kept(limit: limit)

        // Kept slot of each task slot, -1 for those left out.
        var place = [Int32](repeating: -1, count: tasksOfRows.firstRows.count)
        for (index, slot) in kept.enumerated() { place[slot] = Int32(index) }
        var tasks = kept.map { slot in
            Task(key: TaskKey(table: table, row: Int(tasksOfRows.firstRows[slot])), status: "", outcome: .other, attempts: nil,
                 attemptsNeeded: nil, exitCode: nil, error: "", startedAt: nil, p95Ms: nil)
        }
        var describing = kept.map { Int(tasksOfRows.firstRows[$0]) }
        var codes: [Int32] = []
        var durations: [Double] = []
        codes.reserveCapacity(rows.count)
        durations.reserveCapacity(rows.count)
        for (row32, slot) in zip(rows, tasksOfRows.slotOfRow) {
            let row = Int(row32)
            let index = Int(place[Int(slot)])
            guard index >= 0 else { continue }
            let kind = kinds[Int(table.status.codes[row])]
            // The first failure describes the task; otherwise the latest record does. Its texts are
            // read once the row is known, not for every record on the way.
            if tasks[index].outcome != .failed { describing[index] = row }
            if kind.isFailure {
                tasks[index].outcome = .failed
            } else if kind == .completed, tasks[index].outcome == .other {
                tasks[index].outcome = .completed
            }
            let attempts = table.attempts[row]
            if kind == .completed, attempts != TaskTable.missingInteger, attempts > 1 {
                tasks[index].attemptsNeeded = max(tasks[index].attemptsNeeded ?? 0, Int(attempts))
            }
            let start = table.startedAt[row]
            if !start.isNaN, start < tasks[index].startedAt ?? .infinity { tasks[index].startedAt = start }
            codes.append(Int32(index))
            durations.append(table.durationMs[row])
        }

        for (index, row) in describing.enumerated() {
            tasks[index].status = table.status[row]
            tasks[index].exitCode = Self.integer(table.exitCode[row])
            tasks[index].attempts = Self.integer(table.attempts[row])
            // Most records have no error: no text is made for them.
            if !table.error.isEmpty(at: row) { tasks[index].error = table.error[row] }
        }
        let p95 = StatsKernel.percentiles(of: durations, by: codes, codeCount: tasks.count, quantiles: [0.95])
        for index in tasks.indices where !p95[index][0].isNaN { tasks[index].p95Ms = p95[index][0] }
        self.tasks = tasks
        slots = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.key, $0) })
    }

    private static func integer(_ value: Int32) -> Int? {
        value == TaskTable.missingInteger ? nil : Int(value)
    }
}
