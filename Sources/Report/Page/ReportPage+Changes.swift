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

        init(_ changes: RunChanges, baseline: String?) {
            func label(_ text: String) -> String { DisplayText.cut(text, to: DisplayText.labelLimit) }
            against = HTMLText(baseline.map { "the baseline \(label($0))" }
                ?? (changes.baselineRun.isEmpty ? "the previous run" : "run \(label(changes.baselineRun))"))
            summary = HTMLText(
                Plural.count(changes.newFailureCount, "new failure")
                + " · \(changes.regressionCount) slower · \(changes.fixedCount) fixed · \(changes.flakyCount) flaky")
            func row(_ task: ChangedTask) -> ChangeRow {
                ChangeRow(
                    name: .label(task.name), group: .label(task.group), status: .label(task.status),
                    color: ReportPage.statusColor(StatusKind(label: task.status)), baselineStatus: .label(task.baselineStatus),
                    baselineColor: ReportPage.statusColor(StatusKind(label: task.baselineStatus)),
                    exitCode: task.exitCode.map { HTMLText(String($0)) } ?? ReportPage.none, error: .error(task.error))
            }
            newFailures = PageList.rows(changes.newFailures, make: row)
            newFailureCount = HTMLText(String(changes.newFailureCount))
            hasNewFailures = !newFailures.isEmpty
            fixed = PageList.rows(changes.fixed, make: row)
            fixedCount = HTMLText(String(changes.fixedCount))
            hasFixed = !fixed.isEmpty
            regressions = PageList.rows(changes.regressions) { r in
                RegressionRow(
                    name: .label(r.name), group: .label(r.group), before: ReportPage.duration(r.baselineMs),
                    after: ReportPage.duration(r.currentMs),
                    change: HTMLText(r.growth.map { "+" + HumanFormat.percent($0) } ?? "from 0"),
                    beforeSort: HTMLText(String(r.baselineMs)), afterSort: HTMLText(String(r.currentMs)),
                    changeSort: HTMLText(r.growth.map { String($0) } ?? ""), trend: HTMLText(markup: TrendLine.svg(r.trendMs)))
            }
            regressionCount = HTMLText(String(changes.regressionCount))
            hasRegressions = !regressions.isEmpty
            regressionRule = HTMLText("p95 (or the one duration) more than \(HumanFormat.percent(changes.regressionThreshold)) and "
                + "\(HumanFormat.duration(milliseconds: changes.regressionFloorMs)) above the baseline's")
            flaky = PageList.rows(changes.flaky) { f in
                FlakyRow(
                    name: .label(f.name), group: .label(f.group),
                    outcomes: HTMLText(f.outcomes.map { $0?.mark ?? "·" }.joined(separator: " ")),
                    outcomesText: HTMLText(f.outcomes.map { $0?.rawValue ?? "did not run" }.joined(separator: ", ")),
                    flips: HTMLText(String(f.flips)), retried: HTMLText(f.retried ? "yes" : "no"), reason: HTMLText(Self.reason(f)))
            }
            flakyCount = HTMLText(String(changes.flakyCount))
            hasFlaky = !flaky.isEmpty
            runsCompared = HTMLText(changes.runsCompared.map { $0.isEmpty ? "(no run id)" : label($0) }.joined(separator: ", "))
            let cut = [changes.newFailureCount > newFailures.count, changes.regressionCount > regressions.count,
                       changes.fixedCount > fixed.count, changes.flakyCount > flaky.count].contains(true)
            limitNote = cut ? HTMLText("Long lists are cut short; the counts in the headings, and stats.json, count every task.")
                : .empty
            hasLimitNote = cut
        }

        /// Why a task is flaky, in words: `needed 2 attempts`, `flipped 3 times`, or both.
        static func reason(_ task: FlakyTask) -> String {
            var reasons: [String] = []
            if task.flips >= 2 { reasons.append("flipped \(task.flips) times") }
            if let attempts = task.attempts { reasons.append("needed \(attempts) attempts") }
            return reasons.joined(separator: "; ")
        }
    }
}
