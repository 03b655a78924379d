import TaskModel

extension TaskStatistics {
    /// Which records the statistics describe when the records carry several runs.
    public enum RunScope: Sendable {
        /// Only the run that started last; the rest appear in the history.
        case latest
        /// Every record together.
        case all
    }

    /// Statistics of the latest run (or of all records), with the history across
    /// runs when the records carry two or more run ids, and what changed since
    /// the run before the latest (or since `baseline`).
    /// - Parameters:
    ///   - table: Records of one run or several.
    ///   - scope: Whether to describe the latest run or every record.
    ///   - baseline: Records to compare the latest run against (their own latest run) instead of the run before it.
    ///   - options: Limits for the lists and the regression threshold.
    public init(table: TaskTable, scope: RunScope, baseline: TaskTable? = nil, options: Options = Options()) {
        let runs = RunOrder(table)
        if scope == .latest, runs.history != nil, let latest = runs.codes.last {
            self.init(table: table.selecting(runs.rows[latest]), options: options)
            self.run = table.runID.entries[latest]
        } else {
            self.init(table: table, options: options)
        }
        history = runs.history
        guard runs.history != nil || baseline != nil, table.count > 0 else { return }
        let digests = runs.digests(of: table, last: max(options.changeWindow, runs.history == nil ? 0 : options.gridRuns))
        if runs.history != nil { grid = TaskGrid(Array(digests.suffix(options.gridRuns)), taskLimit: options.gridTasks) }
        changes = RunChanges(runs: Array(digests.suffix(options.changeWindow)), baseline: baseline.map { RunOrder($0).digests(of: $0, last: 1)[0] },
                             options: options)
    }
}

extension TaskStatistics {
    /// The run these statistics describe in `table`, their records: the latest of several, or the
    /// only one; nil when the records carry no run id, or with `--all-runs`.
    public func describedRun(in table: TaskTable) -> String? {
        run ?? (history == nil && table.runID.entries.count == 1 ? table.runID.entries[0] : nil)
    }
}

/// The runs of a table, oldest first, and the rows of each.
private struct RunOrder {
    /// Run-id dictionary codes, oldest run first; empty when the records carry fewer than two run ids.
    let codes: [Int]
    /// `rows[code]`: the rows of that run, when there are two or more runs.
    let rows: [[Int]]
    let history: RunHistory?

    init(_ table: TaskTable) {
        let runCount = table.runID.entries.count
        guard runCount >= 2 else {
            (codes, rows, history) = ([], [], nil)
            return
        }
        rows = RunRows.of(table)
        let statuses = StatusOrder(table: table)
        let breakdowns = CodeBreakdown.of(table.runID, in: table, statuses: statuses, quantiles: [0.95])
        var earliest = [Double](repeating: .infinity, count: runCount)
        for (row, code) in table.runID.codes.enumerated() {
            let start = table.startedAt[row]
            if start < earliest[Int(code)] { earliest[Int(code)] = start }
        }
        let firstRow = rows.map { $0.first ?? Int.max }
        // Oldest first: by earliest start time, then by first appearance in the input.
        codes = (0..<runCount).sorted { (earliest[$0], firstRow[$0]) < (earliest[$1], firstRow[$1]) }
        let runs = codes.map { run in
            let b = breakdowns[run]
            return RunHistory.Run(
                runId: table.runID.entries[run], startedAt: earliest[run].isFinite ? earliest[run] : nil,
                total: b.total, counts: b.counts, successRate: b.successRate, p95Ms: b.percentiles[0])
        }
        history = RunHistory(statuses: statuses.counts, runs: runs)
    }

    /// Digests of the latest `count` runs, oldest first; the whole table as one run when it has no history.
    func digests(of table: TaskTable, last count: Int) -> [RunDigest] {
        guard history != nil else {
            return [RunDigest(table: table, rows: Array(0..<table.count), runId: table.runID.entries.first ?? "")]
        }
        return codes.suffix(count).map { RunDigest(table: table, rows: rows[$0], runId: table.runID.entries[$0]) }
    }
}
