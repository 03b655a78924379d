import Stats
import TaskModel

extension ReportPage {
    /// The "what changed" section: new failures, regressions, fixed and flaky tasks.
    struct Changes {
        /// What the run is compared against: "run 20261123T…", "the baseline FILE".
        let against: String
        let summary: String
        let newFailures: [ChangeRow]
        let newFailureCount: String
        let hasNewFailures: Bool
        let regressions: [RegressionRow]
        let regressionCount: String
        let hasRegressions: Bool
        let regressionRule: String
        let fixed: [ChangeRow]
        let fixedCount: String
        let hasFixed: Bool
        let flaky: [FlakyRow]
        let flakyCount: String
        let hasFlaky: Bool
        /// The runs the outcome marks and trend lines cover, oldest first.
        let runsCompared: String
        /// Lists are capped; this says so when any was cut.
        let limitNote: String
        let hasLimitNote: Bool

        init(_ c: RunChanges, baseline: String?) {
            against = baseline.map { "the baseline \($0)" }
                ?? (c.baselineRun.isEmpty ? "the previous run" : "run \(c.baselineRun)")
            summary = "\(c.newFailureCount) new failures · \(c.regressionCount) slower · \(c.fixedCount) fixed · \(c.flakyCount) flaky"
            func row(_ task: ChangedTask) -> ChangeRow {
                ChangeRow(
                    name: task.name, group: task.group, status: task.status,
                    color: ReportPage.statusColor(StatusKind(label: task.status)), baselineStatus: task.baselineStatus,
                    baselineColor: ReportPage.statusColor(StatusKind(label: task.baselineStatus)),
                    exitCode: task.exitCode.map(String.init) ?? ReportPage.none, error: task.error)
            }
            newFailures = c.newFailures.map(row)
            newFailureCount = String(c.newFailureCount)
            hasNewFailures = !newFailures.isEmpty
            fixed = c.fixed.map(row)
            fixedCount = String(c.fixedCount)
            hasFixed = !fixed.isEmpty
            regressions = c.regressions.map { r in
                RegressionRow(
                    name: r.name, group: r.group, before: ReportPage.duration(r.baselineMs), after: ReportPage.duration(r.currentMs),
                    change: r.growth.map { "+" + HumanFormat.percent($0) } ?? "from 0",
                    beforeSort: String(r.baselineMs), afterSort: String(r.currentMs),
                    changeSort: r.growth.map { String($0) } ?? "", trend: TrendLine.svg(r.trendMs))
            }
            regressionCount = String(c.regressionCount)
            hasRegressions = !regressions.isEmpty
            regressionRule = "p95 (or the one duration) more than \(HumanFormat.percent(c.regressionThreshold)) and "
                + "\(HumanFormat.duration(milliseconds: c.regressionFloorMs)) above the baseline's"
            flaky = c.flaky.map { f in
                FlakyRow(
                    name: f.name, group: f.group, outcomes: f.outcomes.map { $0?.mark ?? "·" }.joined(separator: " "),
                    outcomesText: f.outcomes.map { $0?.rawValue ?? "did not run" }.joined(separator: ", "),
                    flips: String(f.flips), retried: f.retried ? "yes" : "no")
            }
            flakyCount = String(c.flakyCount)
            hasFlaky = !flaky.isEmpty
            runsCompared = c.runsCompared.map { $0.isEmpty ? "(no run id)" : $0 }.joined(separator: ", ")
            let cut = [c.newFailureCount > c.newFailures.count, c.regressionCount > c.regressions.count,
                       c.fixedCount > c.fixed.count, c.flakyCount > c.flaky.count].contains(true)
            limitNote = cut ? "Long lists are cut short; the counts in the headings, and stats.json, count every task." : ""
            hasLimitNote = cut
        }
    }
}
