import Charts
import Foundation
import Stats
import TaskModel

/// Everything a report is made from: the statistics and where they came from.
public struct ReportDocument: Sendable {
    /// The page's heading.
    public var title: String
    /// The inputs as named on the command line.
    public var inputs: [String]
    public let statistics: TaskStatistics
    public var generatedAt: Date
    /// The version of taskreport that made the report.
    public var toolVersion: String
    /// Every chart of the report, built once from the statistics, in page order.
    public let charts: [(kind: ChartKind, chart: BarChart)]

    /// Creates a document.
    public init(title: String, inputs: [String], statistics: TaskStatistics, generatedAt: Date = Date(), toolVersion: String) {
        self.title = title
        self.inputs = inputs
        self.statistics = statistics
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        charts = ChartKind.allCases
            .filter { $0 != .history || statistics.history != nil }
            .map { ($0, $0.chart(for: statistics)) }
    }

    /// The generation time as an RFC 3339 UTC timestamp, to the second.
    public var generatedAtText: String {
        UTCTime(seconds: generatedAt.timeIntervalSince1970).rfc3339()
    }
}
