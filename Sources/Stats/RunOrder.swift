import Dispatch
import Support
import TaskModel

/// The runs of a table, oldest first, and the rows of each.
struct RunOrder {
    /// How runs are put in order.
    enum Ordering {
        /// For records as tools write them: runs with a started task by their earliest start, then by
        /// their latest finish, then by first appearance; before them the runs that never started (queued,
        /// all skipped), by finish and appearance, so that one of those is never the latest.
        case byStart
        /// By first appearance: for a `history.jsonl`, written oldest first by the report before.
        case byAppearance
    }

    let table: TaskTable
    /// Run-id dictionary codes of runs with records, oldest first.
    let codes: [Int]
    /// `rows[code]`: the rows of that run, in input order.
    let rows: RunRows
    /// Records without a run id among records with one: they belong to no run.
    let runlessCount: Int
    /// `earliest[code]`: the earliest start of that run's records, Unix seconds; +infinity when none has one.
    private let earliest: [Double]

    var count: Int { codes.count }

    init(_ table: TaskTable, ordering: Ordering) {
        self.table = table
        let runCount = table.runID.entries.count
        let rows = RunRows(table)
        self.rows = rows
        var present = (0..<runCount).filter { rows.count(of: $0) > 0 }
        // Records without a run id beside runs that have one are no run of their own.
        if present.count > 1, let runless = present.first(where: { table.runID.entries[$0].isEmpty }) {
            present.removeAll { $0 == runless }
            runlessCount = rows.count(of: runless)
        } else {
            runlessCount = 0
        }
        // One pass for each run's earliest start (its figures need it) and latest finish (its order may).
        var earliest = [Double](repeating: .infinity, count: runCount)
        var latest = [Double](repeating: -.infinity, count: runCount)
        for (row, code) in table.runID.codes.enumerated() {
            let start = table.startedAt[row], finish = table.finishedAt[row]
            if start < earliest[Int(code)] { earliest[Int(code)] = start }
            if finish > latest[Int(code)] { latest[Int(code)] = finish }
        }
        self.earliest = earliest
        switch ordering {
        case .byAppearance:
            codes = present.sorted { rows.first(of: $0)! < rows.first(of: $1)! }
        case .byStart:
            func key(_ code: Int) -> (Int, Double, Double, Int) {
                (earliest[code].isFinite ? 1 : 0, earliest[code].isFinite ? earliest[code] : 0, latest[code], rows.first(of: code)!)
            }
            codes = present.sorted { key($0) < key($1) }
        }
    }

    /// Each run's figures, oldest first, and every status label's count across them.
    func figures() -> (statuses: [StatusCount], runs: [RunHistory.Run]) {
        let statuses = StatusOrder(table: table)
        let breakdowns = CodeBreakdown.of(table.runID, in: table, statuses: statuses, quantiles: [0.95], rows: rows)
        let runs = codes.map { run in
            let b = breakdowns[run]
            return RunHistory.Run(
                runId: table.runID.entries[run], startedAt: earliest[run].isFinite ? earliest[run] : nil,
                total: b.total, counts: b.counts, successRate: b.successRate, p95Ms: b.percentiles[0])
        }
        return (statuses.counts, runs)
    }

    /// Digests of the latest `count` runs, oldest first, each keeping at most `limit` tasks.
    ///
    /// Each digest only reads the table, so they are made concurrently (30 runs of 33k records took
    /// about 45 ms on one core).
    func digests(last count: Int, limit: Int? = nil) -> [RunDigest] {
        let runs = Array(codes.suffix(max(count, 0)))
        let digests = ResultSlots<RunDigest>(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { k in
            digests[k] = RunDigest(table: table, rows: rows[runs[k]], runId: table.runID.entries[runs[k]], limit: limit)
        }
        return digests.values
    }
}

extension RunHistory {
    /// The history of the runs of `orders`, each oldest first, and `orders` oldest first.
    init(of orders: [RunOrder]) {
        let parts = orders.map { $0.figures() }
        self.init(statuses: StatusOrder.merged(parts.map(\.statuses)), runs: parts.flatMap(\.runs))
    }
}
