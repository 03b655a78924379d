import Foundation
import Stats
import TaskModel

extension BarChart {
    /// At most this many groups get their own bar; the rest share one.
    static let maximumGroupBars = 12

    /// Bars of records per status label, each in its status colour.
    public static func statusDistribution(_ statistics: TaskStatistics) -> BarChart {
        let colors = Color.statuses(statistics.statuses.map(\.kind))
        let series = statistics.statuses.enumerated().map { i, status in
            Series(name: status.label, color: colors[i],
                   values: statistics.statuses.indices.map { $0 == i ? Double(status.count) : 0 })
        }
        return BarChart(
            title: "Task Status Distribution", categories: statistics.statuses.map(\.label), series: series,
            showsLegend: false)
    }

    /// Log-spaced duration bins labelled by their lower edge, with p50 and p95 marked.
    public static func durationHistogram(_ statistics: TaskStatistics) -> BarChart {
        guard let histogram = statistics.logHistogram else {
            return BarChart(title: "Task Durations", categories: [], series: [], emptyMessage: "No durations")
        }
        let edges = histogram.edgesMs
        func position(_ value: Double?) -> Double? {
            guard let value, let first = edges.first, let last = edges.last, value > 0 else { return nil }
            let clamped = min(max(value, first), last)
            return log(clamped / first) / log(last / first) * Double(histogram.counts.count)
        }
        var markers: [Marker] = []
        for (name, value) in [("p50", statistics.durations.p50Ms), ("p95", statistics.durations.p95Ms)] {
            if let value, let at = position(value) {
                markers.append(Marker(label: "\(name) \(HumanFormat.duration(milliseconds: value))", position: at))
            }
        }
        return BarChart(
            title: "Task Durations",
            categories: edges.dropLast().map { HumanFormat.duration(milliseconds: $0) },
            series: [Series(name: "tasks", color: .bar, values: histogram.counts.map { Double($0) })],
            categoryAxisTitle: "duration (bin start, log scale)", markers: markers, emptyMessage: "No durations")
    }

    /// One stacked bar per group (largest first), a layer per status.
    public static func statusByGroup(_ statistics: TaskStatistics) -> BarChart {
        var groups = Array(statistics.groups.prefix(maximumGroupBars))
        let rest = statistics.groups.dropFirst(maximumGroupBars)
        if !rest.isEmpty {
            let counts = statistics.statuses.indices.map { i in rest.reduce(0) { $0 + $1.counts[i] } }
            groups.append(GroupStatistics(name: "\(rest.count) other groups", total: counts.reduce(0, +),
                                          counts: counts, successRate: nil, p50Ms: nil, p95Ms: nil))
        }
        return BarChart(
            title: "Status by Group", categories: groups.map(\.name),
            series: statusSeries(statistics) { i in groups.map { Double($0.counts[i]) } })
    }

    /// Records started per time bucket, a layer per status.
    public static func tasksOverTime(_ statistics: TaskStatistics) -> BarChart {
        guard let timeline = statistics.timeline else {
            return BarChart(title: "Tasks over Time", categories: [], series: [], emptyMessage: "No start times")
        }
        let starts = timeline.buckets.indices.map { timeline.originSeconds + Double($0) * timeline.bucketSeconds }
        return BarChart(
            title: "Tasks over Time", categories: TimeLabels.labels(for: starts, width: timeline.bucketSeconds),
            series: statusSeries(statistics) { i in timeline.buckets.map { Double($0[i]) } },
            categoryAxisTitle: "start time (UTC), \(HumanFormat.duration(milliseconds: timeline.bucketSeconds * 1000)) buckets",
            emptyMessage: "No start times")
    }

    static func statusSeries(_ statistics: TaskStatistics, values: (Int) -> [Double]) -> [Series] {
        statusSeries(statistics.statuses, values: values)
    }

    /// A series per status in display order, skipping statuses with no values.
    static func statusSeries(_ statuses: [StatusCount], values: (Int) -> [Double]) -> [Series] {
        let colors = Color.statuses(statuses.map(\.kind))
        return statuses.indices.compactMap { i in
            let column = values(i)
            return column.contains { $0 > 0 } ? Series(name: statuses[i].label, color: colors[i], values: column) : nil
        }
    }
}
