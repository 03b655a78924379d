import Stats
import Support

extension BarChart {
    /// How many tasks ran at once over a run too large for a bar per task: a step-like chart of
    /// adjacent bars, one per time bucket.
    public static func tasksRunning(_ concurrency: Concurrency, clock: LocalClock = .utc) -> BarChart {
        let starts = concurrency.running.indices.map { concurrency.originSeconds + Double($0) * concurrency.bucketSeconds }
        return BarChart(
            title: "Tasks Running at Once", categories: TimeLabels.labels(for: starts, width: concurrency.bucketSeconds, clock: clock),
            series: [Series(name: "tasks running", color: .bar, values: concurrency.running.map { ($0 * 10).rounded() / 10 })],
            valueAxisTitle: "tasks running (average over each bucket)",
            categoryAxisTitle: TimeLabels.axisTitle(
                "time", clock: clock, unit: HumanFormat.duration(milliseconds: concurrency.bucketSeconds * 1000)),
            emptyMessage: "No task ran for any time", adjacentBars: true)
    }
}
