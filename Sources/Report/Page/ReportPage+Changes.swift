import Stats
import Support
import TaskModel

extension ReportPage {
    /// The "what changed" section: new failures, regressions, fixed and flaky tasks.
    struct Changes: TemplateObject {
        /// What the run is compared against: "run 20261123T…", "the baseline FILE".
        let against: HTMLText
        let summary: HTMLText
        let newFailures: [ChangeRow]
        let newFailureCount: HTMLText
        let hasNewFailures: Bool
        let regressions: [RegressionRow]
        let regressionCount: HTMLText
        let hasRegressions: Bool
        let regressionRule: HTMLText
        let fixed: [ChangeRow]
        let fixedCount: HTMLText
        let hasFixed: Bool
        let flaky: [FlakyRow]
        let flakyCount: HTMLText
        let hasFlaky: Bool
        /// The runs the outcome marks and trend lines cover, oldest first.
        let runsCompared: HTMLText
        /// Lists are capped; this says so when any was cut.
        let limitNote: HTMLText
        let hasLimitNote: Bool

        init(_ c: RunChanges, baseline: String?) {
            func label(_ text: String) -> String { DisplayText.cut(text, to: DisplayText.labelLimit) }
            against = HTMLText(baseline.map { "the baseline \(label($0))" }
                ?? (c.baselineRun.isEmpty ? "the previous run" : "run \(label(c.baselineRun))"))
            summary = HTMLText(
                "\(c.newFailureCount) new failures · \(c.regressionCount) slower · \(c.fixedCount) fixed · \(c.flakyCount) flaky")
            func row(_ task: ChangedTask) -> ChangeRow {
                ChangeRow(
                    name: .label(task.name), group: .label(task.group), status: .label(task.status),
                    color: ReportPage.statusColor(StatusKind(label: task.status)), baselineStatus: .label(task.baselineStatus),
                    baselineColor: ReportPage.statusColor(StatusKind(label: task.baselineStatus)),
                    exitCode: task.exitCode.map { HTMLText(String($0)) } ?? ReportPage.none, error: .error(task.error))
            }
            newFailures = PageList.rows(c.newFailures, make: row)
            newFailureCount = HTMLText(String(c.newFailureCount))
            hasNewFailures = !newFailures.isEmpty
            fixed = PageList.rows(c.fixed, make: row)
            fixedCount = HTMLText(String(c.fixedCount))
            hasFixed = !fixed.isEmpty
            regressions = PageList.rows(c.regressions) { r in
                RegressionRow(
                    name: .label(r.name), group: .label(r.group), before: ReportPage.duration(r.baselineMs),
                    after: ReportPage.duration(r.currentMs),
                    change: HTMLText(r.growth.map { "+" + HumanFormat.percent($0) } ?? "from 0"),
                    beforeSort: HTMLText(String(r.baselineMs)), afterSort: HTMLText(String(r.currentMs)),
                    changeSort: HTMLText(r.growth.map { String($0) } ?? ""), trend: HTMLText(markup: TrendLine.svg(r.trendMs)))
            }
            regressionCount = HTMLText(String(c.regressionCount))
            hasRegressions = !regressions.isEmpty
            regressionRule = HTMLText("p95 (or the one duration) more than \(HumanFormat.percent(c.regressionThreshold)) and "
                + "\(HumanFormat.duration(milliseconds: c.regressionFloorMs)) above the baseline's")
            flaky = PageList.rows(c.flaky) { f in
                FlakyRow(
                    name: .label(f.name), group: .label(f.group),
                    outcomes: HTMLText(f.outcomes.map { $0?.mark ?? "·" }.joined(separator: " ")),
                    outcomesText: HTMLText(f.outcomes.map { $0?.rawValue ?? "did not run" }.joined(separator: ", ")),
                    flips: HTMLText(String(f.flips)), retried: HTMLText(f.retried ? "yes" : "no"))
            }
            flakyCount = HTMLText(String(c.flakyCount))
            hasFlaky = !flaky.isEmpty
            runsCompared = HTMLText(c.runsCompared.map { $0.isEmpty ? "(no run id)" : label($0) }.joined(separator: ", "))
            let cut = [c.newFailureCount > newFailures.count, c.regressionCount > regressions.count,
                       c.fixedCount > fixed.count, c.flakyCount > flaky.count].contains(true)
            limitNote = cut ? HTMLText("Long lists are cut short; the counts in the headings, and stats.json, count every task.")
                : .empty
            hasLimitNote = cut
        }
    }
}
