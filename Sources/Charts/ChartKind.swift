import Stats

/// The charts of a report; the raw value names their files (`charts/status.png`).
public enum ChartKind: String, Sendable, CaseIterable {
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

    /// The chart of this kind for `statistics`.
    public func chart(for statistics: TaskStatistics) -> BarChart {
        switch self {
        case .status: .statusDistribution(statistics)
        case .duration: .durationHistogram(statistics)
        case .groups: .statusByGroup(statistics)
        case .timeline: .tasksOverTime(statistics)
        case .history: .statusByRun(statistics)
        }
    }
}
