extension RunChanges {
    /// Compares the last of `runs` with `baseline`, or with the run before it when there is none.
    /// - Parameters:
    ///   - runs: Recent runs of the records, oldest first; the last is the current run.
    ///   - baseline: A run from elsewhere (`--baseline FILE`) to compare against instead.
    ///   - options: The regression threshold and floor, and the list limit.
    /// - Returns: Nil when there is nothing to compare against.
    init?(runs: [RunDigest], baseline: RunDigest?, options: TaskStatistics.Options) {
        let compared = (baseline.map { [$0] } ?? []) + runs
        guard let current = runs.last, compared.count >= 2 else { return nil }
        let before = baseline ?? runs[runs.count - 2]
        let limit = options.changeLimit

        var newFailures: [ChangedTask] = [], fixed: [ChangedTask] = []
        var flaky: [FlakyTask] = [], regressions: [DurationRegression] = []
        for now in current.tasks {
            let key = now.key
            let then = before[key]
            func changed() -> ChangedTask {
                ChangedTask(name: key.name, group: key.group, status: now.status, baselineStatus: then?.status ?? "",
                            exitCode: now.exitCode, error: TaskEntry.shortened(now.error))
            }
            if now.outcome == .failed, then?.outcome == .completed { newFailures.append(changed()) }
            if now.outcome == .completed, then?.outcome == .failed { fixed.append(changed()) }

            let outcomes = compared.map { $0[key]?.outcome }
            let flips = Self.flips(outcomes)
            if flips >= 2 || now.attemptsNeeded != nil {
                flaky.append(FlakyTask(name: key.name, group: key.group, outcomes: outcomes, flips: flips,
                                       retried: now.attemptsNeeded != nil, attempts: now.attemptsNeeded))
            }

            // A task that needed retries is flaky (above), not slower: its last attempt is not its usual run.
            if now.attemptsNeeded == nil, let after = now.p95Ms, let earlier = then?.p95Ms,
               after - earlier >= options.regressionFloorMs,
               after > earlier * (1 + options.regressionThreshold) {
                regressions.append(DurationRegression(
                    name: key.name, group: key.group, baselineMs: earlier, currentMs: after,
                    growth: earlier > 0 ? after / earlier - 1 : nil, trendMs: compared.map { $0[key]?.p95Ms }))
            }
        }
        newFailures.sort { ($0.name, $0.group) < ($1.name, $1.group) }
        fixed.sort { ($0.name, $0.group) < ($1.name, $1.group) }
        flaky.sort { ($1.flips, $0.name, $0.group) < ($0.flips, $1.name, $1.group) }
        regressions.sort {
            ($1.currentMs - $1.baselineMs, $0.name, $0.group) < ($0.currentMs - $0.baselineMs, $1.name, $1.group)
        }

        self.init(
            baselineRun: before.runId, currentRun: current.runId, runsCompared: compared.map(\.runId),
            regressionThreshold: options.regressionThreshold, regressionFloorMs: options.regressionFloorMs,
            newFailures: Array(newFailures.prefix(limit)), newFailureCount: newFailures.count,
            fixed: Array(fixed.prefix(limit)), fixedCount: fixed.count,
            flaky: Array(flaky.prefix(limit)), flakyCount: flaky.count,
            regressions: Array(regressions.prefix(limit)), regressionCount: regressions.count)
    }

    /// Changes between failed and completed, skipping runs where the task did neither.
    public static func flips(_ outcomes: [TaskOutcome?]) -> Int {
        let decided = outcomes.compactMap { $0 }.filter { $0 != .other }
        return zip(decided, decided.dropFirst()).filter { $0 != $1 }.count
    }
}
