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
    /// Its tasks in order of first appearance.
    public let tasks: [Task]
    private let slots: [TaskKey: Int]

    /// The task of this key in the run; nil when it did not run.
    public subscript(key: TaskKey) -> Task? { slots[key].map { tasks[$0] } }

    /// The earliest start of its tasks, Unix seconds; nil when none has one.
    public var startedAt: Double? { tasks.compactMap(\.startedAt).min() }

    /// Digests the records at `rows` of `table`.
    init(table: TaskTable, rows: [Int], runId: String) {
        self.runId = runId
        let kinds = table.status.entries.map(StatusKind.init(label:))
        // Names and groups are dictionary-coded: a pair of codes finds the slot without hashing text.
        var slotOfCodes: [Int64: Int] = [:]
        var slotOfKey: [TaskKey: Int] = [:]
        var tasks: [Task] = []
        var describing: [Int] = []
        var slotCodes: [Int32] = []
        slotCodes.reserveCapacity(rows.count)
        var durations: [Double] = []
        durations.reserveCapacity(rows.count)

        for row in rows {
            let nameCode = table.name.codes[row]
            let codes = Int64(nameCode) << 32 | Int64(table.group.codes[row])
            var slot = slotOfCodes[codes] ?? -1
            if slot < 0 {
                let key = TaskKey(table: table, row: row)
                if let known = slotOfKey[key] {
                    slot = known
                } else {
                    slot = tasks.count
                    slotOfKey[key] = slot
                    tasks.append(Task(key: key, status: "", outcome: .other, attempts: nil, attemptsNeeded: nil,
                                      exitCode: nil, error: "", startedAt: nil, p95Ms: nil))
                    describing.append(row)
                }
                // A nameless record is known by its id, which the codes do not tell.
                if !table.name.entries[Int(nameCode)].isEmpty { slotOfCodes[codes] = slot }
            }
            let kind = kinds[Int(table.status.codes[row])]
            var task = tasks[slot]
            // The first failure describes the task; otherwise the latest record does. Its texts are
            // read once the row is known, not for every record on the way.
            if task.outcome != .failed { describing[slot] = row }
            if kind.isFailure {
                task.outcome = .failed
            } else if kind == .completed, task.outcome == .other {
                task.outcome = .completed
            }
            if kind == .completed, table.attempts[row] != TaskTable.missingInteger, table.attempts[row] > 1 {
                task.attemptsNeeded = max(task.attemptsNeeded ?? 0, Int(table.attempts[row]))
            }
            let start = table.startedAt[row]
            if !start.isNaN, start < task.startedAt ?? .infinity { task.startedAt = start }
            tasks[slot] = task
            slotCodes.append(Int32(slot))
            durations.append(table.durationMs[row])
        }

        for (slot, row) in describing.enumerated() {
            tasks[slot].status = table.status[row]
            tasks[slot].exitCode = Self.integer(table.exitCode[row])
            tasks[slot].attempts = Self.integer(table.attempts[row])
            tasks[slot].error = table.error[row]
        }
        let (grouped, offsets) = StatsKernel.partition(durations, by: slotCodes, codeCount: tasks.count)
        for slot in tasks.indices where offsets[slot] < offsets[slot + 1] {
            var values = Array(grouped[offsets[slot]..<offsets[slot + 1]])
            tasks[slot].p95Ms = StatsKernel.percentiles(&values, quantiles: [0.95])[0]
        }
        self.tasks = tasks
        slots = slotOfKey
    }

    private static func integer(_ value: Int32) -> Int? {
        value == TaskTable.missingInteger ? nil : Int(value)
    }
}
