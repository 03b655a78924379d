import TaskModel

/// The runs of a table, oldest first, and the rows of each.
struct RunOrder {
    /// How runs are put in order.
    enum Ordering {
        /// By earliest start time, then by first appearance: for records as tools write them.
        case byStart
        /// By first appearance: for a `history.jsonl`, written oldest first by the report before.
        case byAppearance
    }

    let table: TaskTable
    /// Run-id dictionary codes of runs with records, oldest first.
    let codes: [Int]
    /// `rows[code]`: the rows of that run, in input order.
    let rows: [[Int]]

    var count: Int { codes.count }

    init(_ table: TaskTable, ordering: Ordering) {
        self.table = table
        let runCount = table.runID.entries.count
        // One run needs no pass over the rows to find its own.
        let rows = runCount == 1 ? [Array(0..<table.count)] : RunRows.of(table)
        self.rows = rows
        let present = (0..<runCount).filter { !rows[$0].isEmpty }
        switch ordering {
        case .byAppearance:
            codes = present.sorted { rows[$0][0] < rows[$1][0] }
        case .byStart:
            var earliest = [Double](repeating: .infinity, count: runCount)
            for (row, code) in table.runID.codes.enumerated() {
                let start = table.startedAt[row]
                if start < earliest[Int(code)] { earliest[Int(code)] = start }
            }
            codes = present.sorted { (earliest[$0], rows[$0][0]) < (earliest[$1], rows[$1][0]) }
        }
    }

    /// The run ids, oldest first.
    var runIds: [String] { codes.map { table.runID.entries[$0] } }

    /// Each run's figures, oldest first, and every status label's count across them.
    func figures() -> (statuses: [StatusCount], runs: [RunHistory.Run]) {
        let statuses = StatusOrder(table: table)
        let breakdowns = CodeBreakdown.of(table.runID, in: table, statuses: statuses, quantiles: [0.95])
        let runs = codes.map { run in
            let b = breakdowns[run]
            let start = rows[run].lazy.map { table.startedAt[$0] }.filter { !$0.isNaN }.min()
            return RunHistory.Run(
                runId: table.runID.entries[run], startedAt: start,
                total: b.total, counts: b.counts, successRate: b.successRate, p95Ms: b.percentiles[0])
        }
        return (statuses.counts, runs)
    }

    /// Digests of the latest `count` runs, oldest first, each keeping at most `limit` tasks.
    func digests(last count: Int, limit: Int? = nil) -> [RunDigest] {
        codes.suffix(max(count, 0)).map { RunDigest(table: table, rows: rows[$0], runId: table.runID.entries[$0], limit: limit) }
    }
}
