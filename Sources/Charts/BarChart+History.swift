import Stats
import Support

extension BarChart {
    /// At most this many runs, the latest, get a bar in the history charts.
    static let maximumRunBars = 30

    /// One stacked bar per run (oldest first), a layer per status.
    public static func statusByRun(_ statistics: TaskStatistics) -> BarChart {
        byRun(statistics, title: "Runs", emptyMessage: "Only one run in the records") { history, runs in
            let columns = StatusColumns(history.statuses)
            let rows = runs.map { columns.fold($0.counts) }
            return (statusSeries(columns) { i in rows.map { Double($0[i]) } }, "tasks")
        }
    }

    /// The completed share of finished tasks in each run, in percent on a 0–100 % axis; a run where no task
    /// completed or failed has no bar, and says `n/a`.
    public static func successRateByRun(_ statistics: TaskStatistics) -> BarChart {
        var chart = byRun(statistics, title: "Success Rate by Run", emptyMessage: "No run has finished tasks") { _, runs in
            ([Series(name: "success rate", color: .status(.completed)!, values: runs.map { ($0.successRate ?? 0) * 100 })],
             "% completed of finished")
        }
        chart.valueAxisMaximum = 100
        return chart.labelled(statistics.history?.runs.suffix(maximumRunBars).map { HumanFormat.percent($0.successRate, absent: "n/a") })
    }

    /// The 95th percentile of durations in each run, in seconds (milliseconds when all are under a second).
    public static func p95ByRun(_ statistics: TaskStatistics) -> BarChart {
        byRun(statistics, title: "p95 Duration by Run", emptyMessage: "No run has durations") { _, runs in
            let inSeconds = runs.contains { ($0.p95Ms ?? 0) >= 1000 }
            return ([Series(name: "p95", color: .bar, values: runs.map { ($0.p95Ms ?? 0) / (inSeconds ? 1000 : 1) })],
                    inSeconds ? "p95, seconds" : "p95, milliseconds")
        }
        .labelled(statistics.history?.runs.suffix(maximumRunBars).map { HumanFormat.duration(milliseconds: $0.p95Ms, absent: "n/a") })
    }

    /// This chart with `labels` above its bars, one per category; as it is when nil or when there are no bars.
    func labelled(_ labels: [String]?) -> BarChart {
        guard let labels, labels.count == categories.count, !categories.isEmpty else { return self }
        var chart = self
        chart.valueLabels = labels
        return chart
    }

    /// A chart with one category per run among the latest ``maximumRunBars``, oldest first,
    /// saying so under the bars when older runs are left out; empty without a history.
    /// - Parameter content: The series and the value axis title for the runs shown.
    private static func byRun(
        _ statistics: TaskStatistics, title: String, emptyMessage: String,
        content: (RunHistory, ArraySlice<RunHistory.Run>) -> (series: [Series], valueAxisTitle: String)
    ) -> BarChart {
        guard let history = statistics.history else {
            return BarChart(title: title, categories: [], series: [], emptyMessage: "Only one run in the records")
        }
        let runs = history.runs.suffix(maximumRunBars)
        let (series, valueAxisTitle) = content(history, runs)
        return BarChart(
            title: title, categories: runs.map(\.runId), series: series, valueAxisTitle: valueAxisTitle,
            categoryAxisTitle: runs.count < history.runs.count ? "the latest \(runs.count) of \(history.runs.count) runs" : nil,
            emptyMessage: emptyMessage)
    }
}
