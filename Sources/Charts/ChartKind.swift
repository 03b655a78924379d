import Stats

/// The charts of a report; the raw value names their files (`charts/status.png`).
public enum ChartKind: String, Sendable, CaseIterable {
    /// The described run's tasks along time, or how many ran at once when they are many.
    case gantt
    /// Records per status label.
    case status
    /// Duration histogram, log-spaced bins, p50 and p95 marked.
    case duration
    /// Status by group, stacked.
    case groups
    /// Records started per time bucket, stacked by status.
    case timeline
    /// Records per run, stacked by status (records with two or more run ids).
    case history
    /// Success rate per run.
    case successRate = "success-rate"
    /// p95 duration per run.
    case p95

    /// Whether the chart compares runs, and so exists only for records with two or more run ids.
    public var isHistory: Bool { self == .history || self == .successRate || self == .p95 }

    /// The chart of this kind, for a page: nil when there is nothing to draw (a history chart of one run,
    /// a Gantt chart without start times).
    /// - Parameters:
    ///   - statistics: The records' statistics.
    ///   - schedule: The described run laid out in time, for the Gantt chart.
    public func chart(for statistics: TaskStatistics, schedule: RunSchedule?) -> Chart? {
        if isHistory, statistics.history == nil { return nil }
        if self == .gantt, schedule?.span == nil { return nil }
        return drawing(for: statistics, schedule: schedule)
    }

    /// The chart of this kind, drawn even when there is nothing to show: it then says so in place of bars.
    public func drawing(for statistics: TaskStatistics, schedule: RunSchedule?) -> Chart {
        switch self {
        case .gantt:
            if let concurrency = schedule?.concurrency { return .bars(.tasksRunning(concurrency, clock: statistics.clock)) }
            if let schedule, let gantt = GanttChart(schedule, clock: statistics.clock) { return .gantt(gantt) }
            return .bars(BarChart(title: GanttChart.title, categories: [], series: [], emptyMessage: "No start times"))
        case .status: return .bars(.statusDistribution(statistics))
        case .duration: return .bars(.durationHistogram(statistics))
        case .groups: return .bars(.statusByGroup(statistics))
        case .timeline: return .bars(.tasksOverTime(statistics))
        case .history: return .bars(.statusByRun(statistics))
        case .successRate: return .bars(.successRateByRun(statistics))
        case .p95: return .bars(.p95ByRun(statistics))
        }
    }
}
