import TaskModel

/// What one run says about each of its tasks, keyed by task: the record's
/// name, or its id when it has no name. A task with several records in the
/// run (retries logged as records, shards) is summed up as one.
struct RunDigest {
    /// One task in one run.
    struct Task {
        var group: String
        /// The status label of its first failing record, else of its last record.
        var status: String
        var outcome: TaskOutcome
        /// The attempts its completed record needed, when more than one (it completed only after retries).
        var attemptsNeeded: Int?
        /// The exit code and error of the record `status` comes from.
        var exitCode: Int?
        var error: String
        /// The 95th percentile of its durations (its duration, for one record); nil without any.
        var p95Ms: Double?
    }

    /// The run id as written in the records; empty when they carry none.
    let runId: String
    let tasks: [String: Task]

    /// Digests the records at `rows` of `table`.
    init(table: TaskTable, rows: [Int], runId: String) {
        self.runId = runId
        let kinds = table.status.entries.map(StatusKind.init(label:))
        var slotOfName = [Int](repeating: -1, count: table.name.entries.count)
        var slotOfKey: [String: Int] = [:]
        var keys: [String] = []
        var tasks: [Task] = []
        var describing: [Int] = []
        var slotCodes: [Int32] = []
        slotCodes.reserveCapacity(rows.count)
        var durations: [Double] = []
        durations.reserveCapacity(rows.count)

        for row in rows {
            let nameCode = Int(table.name.codes[row])
            var slot = slotOfName[nameCode]
            if slot < 0 {
                let name = table.name.entries[nameCode]
                let key = name.isEmpty ? table.id[row] : name
                if let known = slotOfKey[key] {
                    slot = known
                } else {
                    slot = keys.count
                    slotOfKey[key] = slot
                    keys.append(key)
                    tasks.append(Task(group: table.group[row], status: "", outcome: .other, attemptsNeeded: nil,
                                      exitCode: nil, error: "", p95Ms: nil))
                    describing.append(row)
                }
                if !name.isEmpty { slotOfName[nameCode] = slot }
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
            tasks[slot] = task
            slotCodes.append(Int32(slot))
            durations.append(table.durationMs[row])
        }

        for (slot, row) in describing.enumerated() {
            tasks[slot].status = table.status[row]
            let code = table.exitCode[row]
            tasks[slot].exitCode = code == TaskTable.missingInteger ? nil : Int(code)
            tasks[slot].error = table.error[row]
        }
        let (grouped, offsets) = StatsKernel.partition(durations, by: slotCodes, codeCount: keys.count)
        for slot in keys.indices where offsets[slot] < offsets[slot + 1] {
            var values = Array(grouped[offsets[slot]..<offsets[slot + 1]])
            tasks[slot].p95Ms = StatsKernel.percentiles(&values, quantiles: [0.95])[0]
        }
        self.tasks = Dictionary(uniqueKeysWithValues: zip(keys, tasks))
    }
}
