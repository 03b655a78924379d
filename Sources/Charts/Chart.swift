/// Any chart of a report: bars, or a run's tasks along time.
public enum Chart: Sendable, Equatable {
    case bars(BarChart)
    case gantt(GanttChart)

    public var title: String {
        switch self {
        case .bars(let chart): chart.title
        case .gantt(let chart): chart.title
        }
    }

    /// A plain-text account of the chart, for readers who cannot see it.
    public var textAlternative: String {
        switch self {
        case .bars(let chart): chart.textAlternative
        case .gantt(let chart): chart.textAlternative
        }
    }

    /// The chart's numbers as a table: a header row, and rows whose first cell names the row.
    public var dataTable: (headers: [String], rows: [[String]]) {
        switch self {
        case .bars(let chart): chart.dataTable
        case .gantt(let chart): chart.dataTable
        }
    }

    /// The labels of the lines marked on the chart (p50, p95), for a note beside it.
    public var markerLabels: [String] {
        switch self {
        case .bars(let chart): chart.markers.map(\.label)
        case .gantt: []
        }
    }

    /// The drawing's size in logical pixels: every bar chart is ``ChartRenderer/width`` × ``ChartRenderer/height``;
    /// a Gantt chart is as tall as its rows need.
    public var size: (width: Double, height: Double) {
        switch self {
        case .bars: (ChartRenderer.width, ChartRenderer.height)
        case .gantt(let chart): (ChartRenderer.width, chart.height)
        }
    }
}
