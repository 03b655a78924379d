import Foundation
import Stats
import Support

extension BarChart {
    /// At most this many groups get their own bar; the rest share one.
    static let maximumGroupBars = 12

    /// Bars of records per status label, each in its status colour (at most
    /// ``StatusColumns/defaultLimit`` bars: many labels share the last).
    public static func statusDistribution(_ statistics: TaskStatistics) -> BarChart {
        let columns = StatusColumns(statistics.statuses).columns
        let colors = Color.statuses(columns.map(\.kind))
        let series = columns.enumerated().map { i, status in
            Series(name: status.label, color: colors[i], values: columns.indices.map { $0 == i ? Double(status.count) : 0 })
        }
        return BarChart(
            title: "Task Status Distribution", categories: columns.map(\.label), series: series, showsLegend: false)
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

    /// One stacked bar per group (largest first), a layer per status. The groups after the 12 largest share
    /// one bar; when together they outweigh the largest, that bar would flatten the others, so they are said
    /// under the chart instead.
    public static func statusByGroup(_ statistics: TaskStatistics) -> BarChart {
        let columns = StatusColumns(statistics.statuses)
        var names = statistics.groups.prefix(maximumGroupBars).map(\.name)
        var rows = statistics.groups.prefix(maximumGroupBars).map { columns.fold($0.counts) }
        let rest = statistics.groups.dropFirst(maximumGroupBars)
        let restTotal = rest.reduce(0) { $0 + $1.total }
        var note: String?
        if !rest.isEmpty, restTotal > statistics.groups[0].total {
            let share = HumanFormat.percent(Double(restTotal) / Double(max(statistics.recordCount, 1)))
            note = "not drawn: \(HumanFormat.exact(Double(rest.count))) other groups, \(HumanFormat.exact(Double(restTotal))) tasks (\(share))"
        } else if !rest.isEmpty {
            names.append("\(rest.count) other groups")
            rows.append(rest.reduce(into: [Int](repeating: 0, count: columns.columns.count)) { sum, group in
                for (i, count) in columns.fold(group.counts).enumerated() { sum[i] += count }
            })
        }
        var chart = BarChart(title: "Status by Group", categories: names, series: statusSeries(columns) { i in rows.map { Double($0[i]) } })
        chart.footnote = note
        return chart
    }

    /// Records started per time bucket, a layer per status.
    public static func tasksOverTime(_ statistics: TaskStatistics) -> BarChart {
        guard let timeline = statistics.timeline else {
            return BarChart(title: "Tasks over Time", categories: [], series: [], emptyMessage: "No start times")
        }
        let clock = statistics.clock
        let columns = StatusColumns(statistics.statuses)
        let rows = timeline.buckets.map(columns.fold)
        return BarChart(
            title: "Tasks over Time", categories: TimeLabels.labels(for: timeline.starts, unit: timeline.unit, clock: clock),
            series: statusSeries(columns) { i in rows.map { Double($0[i]) } },
            categoryAxisTitle: TimeLabels.axisTitle("start time", clock: clock, unit: timeline.unit.name),
            emptyMessage: "No start times")
    }

    /// A series per status column in display order, skipping columns with no values.
    /// - Parameter values: The value of column `i` in each category.
    static func statusSeries(_ columns: StatusColumns, values: (Int) -> [Double]) -> [Series] {
        let statuses = columns.columns
        let colors = Color.statuses(statuses.map(\.kind))
        return statuses.indices.compactMap { i in
            let column = values(i)
            return column.contains { $0 > 0 } ? Series(name: statuses[i].label, color: colors[i], values: column) : nil
        }
    }
}
