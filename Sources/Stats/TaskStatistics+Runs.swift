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
    /// runs when the records carry two or more run ids.
    /// - Parameters:
    ///   - table: Records of one run or several.
    ///   - scope: Whether to describe the latest run or every record.
    ///   - options: Limits for the lists.
    public init(table: TaskTable, scope: RunScope, options: Options = Options()) {
        let history = Self.history(of: table)
        guard let history, scope == .latest, let latest = history.runs.last else {
            self.init(table: table, options: options)
            self.history = history
            return
        }
        let code = Int32(table.runID.entries.firstIndex(of: latest.runId)!)
        let rows = table.runID.codes.indices.filter { table.runID.codes[$0] == code }
        self.init(table: table.selecting(rows), options: options)
        self.run = latest.runId
        self.history = history
    }

    /// Per-run figures, or nil when the records carry fewer than two run ids.
    static func history(of table: TaskTable) -> RunHistory? {
        let runCount = table.runID.entries.count
        guard runCount >= 2 else { return nil }
        let statuses = StatusOrder(table: table)
        let breakdowns = CodeBreakdown.of(table.runID, in: table, statuses: statuses, quantiles: [0.95])

        var firstRow = [Int](repeating: Int.max, count: runCount)
        var earliest = [Double](repeating: .infinity, count: runCount)
        for (row, code) in table.runID.codes.enumerated() {
            let run = Int(code)
            firstRow[run] = min(firstRow[run], row)
            let start = table.startedAt[row]
            if start < earliest[run] { earliest[run] = start }
        }
        let runs = breakdowns.enumerated().map { run, b in
            RunHistory.Run(
                runId: table.runID.entries[run], startedAt: earliest[run].isFinite ? earliest[run] : nil,
                total: b.total, counts: b.counts, successRate: b.successRate, p95Ms: b.percentiles[0])
        }
        let order = (0..<runCount).sorted {
            (earliest[$0], firstRow[$0]) < (earliest[$1], firstRow[$1])
        }
        return RunHistory(statuses: statuses.counts, runs: order.map { runs[$0] })
    }
}
