import Support
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
    /// runs when there are two or more, and what changed since the run before the
    /// latest (or since `baseline`).
    /// - Parameters:
    ///   - table: Records of one run or several.
    ///   - scope: Whether to describe the latest run or every record.
    ///   - baseline: Records to compare the latest run against (their own latest run) instead of the run before it.
    ///   - prior: Runs from before the records' own (a previous report's `history.jsonl`), oldest first, as they
    ///     appear. They come before every run of `table`, which keeps its own when both hold a run id; they are
    ///     never described, only shown beside and compared with.
    ///   - options: Limits for the lists and the regression threshold.
    public init(
        table: TaskTable, scope: RunScope, baseline: TaskTable? = nil, prior: TaskTable? = nil, options: Options = Options()
    ) {
        let own = RunOrder(table, ordering: .byStart)
        let earlier = prior.map { RunOrder(Self.runs(of: $0, besides: table), ordering: .byAppearance) }
        let runCount = own.count + (earlier?.count ?? 0)
        // The history, a pass over every record, is made on a thread of its own meanwhile, beside the
        // latest run's statistics and the digests.
        let orders = [earlier, own].compactMap { $0 }
        let pendingHistory = runCount >= 2 ? SideJob { RunHistory(of: orders) } : nil
        if scope == .latest, runCount >= 2 || own.runlessCount > 0, let latest = own.codes.last {
            self.init(table: table.selecting(own.rows[latest].map(Int.init)), options: options)
            self.run = table.runID.entries[latest]
        } else {
            self.init(table: table, options: options)
        }
        recordsWithoutRun = own.runlessCount
        defer { history = pendingHistory?.value }
        guard runCount >= 2 || baseline != nil else {
            // Nothing to compare with: only the history needs the run's tasks, and keeps no more than this.
            recentRuns = own.digests(last: 1, limit: RunDigest.historyLimit)
            return
        }
        let wanted = max(options.changeWindow, options.gridRuns)
        let digests = (earlier?.digests(last: wanted - own.count) ?? []) + own.digests(last: wanted)
        recentRuns = Array(digests.suffix(options.gridRuns))
        if runCount >= 2 { grid = TaskGrid(recentRuns, taskLimit: options.gridTasks) }  // with a history, as the page shows it
        changes = RunChanges(runs: Array(digests.suffix(options.changeWindow)),
                             baseline: baseline.flatMap { RunOrder($0, ordering: .byStart).digests(last: 1).first },
                             options: options)
    }

    /// The records of `prior` whose run id `table` does not also carry.
    private static func runs(of prior: TaskTable, besides table: TaskTable) -> TaskTable {
        let own = Set(table.runID.entries)
        let shared = prior.runID.entries.map(own.contains)
        guard shared.contains(true) else { return prior }
        return prior.selecting(prior.runID.codes.indices.filter { !shared[Int(prior.runID.codes[$0])] })
    }
}

extension TaskStatistics {
    /// The run these statistics describe in `table`, their records: the latest of several, or the
    /// only one; nil when the records carry no run id, or with `--all-runs`.
    public func describedRun(in table: TaskTable) -> String? {
        run ?? (history == nil && table.runID.entries.count == 1 ? table.runID.entries[0] : nil)
    }
}
