import TaskModel

/// Which task each record of a run belongs to, found without making a
/// ``TaskKey`` per record: names and groups are dictionary-coded, so a pair
/// of codes stands for a named task. Records without a name are known by
/// their id, and meet named tasks through their keys.
struct TaskSlots {
    /// The task slot of each row given, in order.
    let slotOfRow: [Int32]
    /// The first row of each task, by slot: tasks in order of first appearance.
    let firstRows: [Int32]
    /// Whether any record of the task failed or timed out, by slot.
    let failed: [Bool]

    init(table: TaskTable, rows: ArraySlice<Int32>, kinds: [StatusKind]) {
        // Slots by the pair of codes: a flat table when there are not many more pairs than rows (no
        // hashing), else an index.
        let groupCount = max(table.group.entries.count, 1)
        let pairCount = table.name.entries.count.multipliedReportingOverflow(by: groupCount)
        var dense = !pairCount.overflow && pairCount.partialValue <= max(4 * rows.count, 1024)
            ? [Int32](repeating: -1, count: pairCount.partialValue) : nil
        var index = dense == nil ? PairSlotIndex(capacity: rows.count) : nil
        var tasks = NewTasks(table: table)
        var slotOfRow: [Int32] = []
        slotOfRow.reserveCapacity(rows.count)
        let unnamed = table.name.entries.map(\.isEmpty)
        for row32 in rows {
            let row = Int(row32)
            let nameCode = table.name.codes[row]
            let slot: Int32
            if !unnamed[Int(nameCode)] {
                let pair = Int(nameCode) * groupCount + Int(table.group.codes[row])
                if let known = dense.map({ $0[pair] }) ?? index?.slot(of: pair), known >= 0 {
                    slot = known
                } else {
                    slot = tasks.slot(of: row)
                    if dense != nil { dense![pair] = slot } else { index!.insert(slot, for: pair) }
                }
            } else {
                tasks.keyEveryTask()
                slot = tasks.slot(of: row)
            }
            if kinds[Int(table.status.codes[row])].isFailure { tasks.failed[Int(slot)] = true }
            slotOfRow.append(slot)
        }
        self.slotOfRow = slotOfRow
        self.firstRows = tasks.firstRows
        self.failed = tasks.failed
    }

    /// The tasks found so far, while the slots are made. (A struct with mutating methods rather than a
    /// local function capturing the lists: captured, every access in the loop over the rows was checked
    /// for exclusivity at run time, 4% of reading 100 MB of JUnit XML.)
    private struct NewTasks {
        let table: TaskTable
        /// The first row of each task, by slot.
        var firstRows: [Int32] = []
        /// Whether any record of the task failed or timed out, by slot.
        var failed: [Bool] = []
        /// The slot of each task by its key, made at the first nameless record (nil until then).
        var slotOfKey: [TaskKey: Int32]? = nil

        init(table: TaskTable) {
            self.table = table
        }

        /// From the first nameless record on, every task is known by its key too, so that nameless
        /// records (known by their ids) meet named ones.
        mutating func keyEveryTask() {
            guard slotOfKey == nil else { return }
            slotOfKey = Dictionary(uniqueKeysWithValues: firstRows.enumerated().map {
                (TaskKey(table: table, row: Int($1)), Int32($0))
            })
        }

        /// The slot of the task of `row`: the one its key already has, or a new one.
        mutating func slot(of row: Int) -> Int32 {
            if let known = slotOfKey?[TaskKey(table: table, row: row)] { return known }
            firstRows.append(Int32(row))
            failed.append(false)
            let slot = Int32(firstRows.count - 1)
            slotOfKey?[TaskKey(table: table, row: row)] = slot
            return slot
        }
    }

    /// The slots to keep, in the order kept: all, in order; or with more than `limit`, the failed
    /// tasks first and then the others, in order, up to `limit`.
    func kept(limit: Int?) -> [Int] {
        Self.kept(failed.indices, limit: limit) { failed[$0] }
    }

    /// `items`, or with more than `limit`, those that `failed` first and then the others, in order, up to `limit`:
    /// what a run's history keeps of its tasks.
    ///
    /// One pass for each kind, stopping at the limit, and no copy of `items`: for the slots of 848k tasks
    /// (JUnit XML) under the history's limit, a list of every slot and two filtered copies were 20 MB.
    static func kept<Items: Collection>(
        _ items: Items, limit: Int?, failed: (Items.Element) -> Bool
    ) -> [Items.Element] {
        guard let limit, items.count > limit else { return Array(items) }
        var kept: [Items.Element] = []
        kept.reserveCapacity(limit)
        for failures in [true, false] {
            for item in items where failed(item) == failures {
                guard kept.count < limit else { return kept }
                kept.append(item)
            }
        }
        return kept
    }
}
