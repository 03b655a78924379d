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
    /// Success rate per run.
    case successRate = "success-rate"
    /// p95 duration per run.
    case p95

    /// Whether the chart compares runs, and so exists only for records with two or more run ids.
    public var isHistory: Bool { self == .history || self == .successRate || self == .p95 }

    /// The chart of this kind for `statistics`.
    public func chart(for statistics: TaskStatistics) -> BarChart {
        switch self {
        case .status: .statusDistribution(statistics)
        case .duration: .durationHistogram(statistics)
        case .groups: .statusByGroup(statistics)
        case .timeline: .tasksOverTime(statistics)
        case .history: .statusByRun(statistics)
        case .successRate: .successRateByRun(statistics)
        case .p95: .p95ByRun(statistics)
        }
    }
}
