import Stats
import TaskModel

extension BarChart {
    /// At most this many runs, the latest, get a bar in the history chart.
    static let maximumRunBars = 30

    /// One stacked bar per run (oldest first), a layer per status.
    public static func statusByRun(_ statistics: TaskStatistics) -> BarChart {
        guard let history = statistics.history else {
            return BarChart(title: "Runs", categories: [], series: [], emptyMessage: "Only one run in the records")
        }
        let runs = history.runs.suffix(maximumRunBars)
        return BarChart(
            title: "Runs", categories: runs.map(\.runId),
            series: statusSeries(history.statuses) { i in runs.map { Double($0.counts[i]) } },
            categoryAxisTitle: runs.count < history.runs.count ? "the latest \(runs.count) of \(history.runs.count) runs" : nil,
            emptyMessage: "Only one run in the records")
    }

    /// The completed share of finished tasks in each run, in percent.
    public static func successRateByRun(_ statistics: TaskStatistics) -> BarChart {
        guard let history = statistics.history else {
            return BarChart(title: "Success Rate by Run", categories: [], series: [], emptyMessage: "Only one run in the records")
        }
        let runs = history.runs.suffix(maximumRunBars)
        return BarChart(
            title: "Success Rate by Run", categories: runs.map(\.runId),
            series: [Series(name: "success rate", color: .status(.completed)!,
                            values: runs.map { ($0.successRate ?? 0) * 100 })],
            valueAxisTitle: "% completed of finished",
            categoryAxisTitle: runs.count < history.runs.count ? "the latest \(runs.count) of \(history.runs.count) runs" : nil,
            emptyMessage: "No run has finished tasks")
    }

    /// The 95th percentile of durations in each run, in seconds (milliseconds when all are under a second).
    public static func p95ByRun(_ statistics: TaskStatistics) -> BarChart {
        guard let history = statistics.history else {
            return BarChart(title: "p95 Duration by Run", categories: [], series: [], emptyMessage: "Only one run in the records")
        }
        let runs = history.runs.suffix(maximumRunBars)
        let inSeconds = runs.contains { ($0.p95Ms ?? 0) >= 1000 }
        return BarChart(
            title: "p95 Duration by Run", categories: runs.map(\.runId),
            series: [Series(name: "p95", color: .bar, values: runs.map { ($0.p95Ms ?? 0) / (inSeconds ? 1000 : 1) })],
            valueAxisTitle: inSeconds ? "p95, seconds" : "p95, milliseconds",
            categoryAxisTitle: runs.count < history.runs.count ? "the latest \(runs.count) of \(history.runs.count) runs" : nil,
            emptyMessage: "No run has durations")
    }
}
