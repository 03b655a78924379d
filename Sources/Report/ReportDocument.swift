import Charts
import Foundation
import Stats
import Support
import TaskModel

/// Everything a report is made from: the records, their statistics, the
/// gates checked against them, and where they came from.
public struct ReportDocument: Sendable {
    /// The page's heading.
    public var title: String
    /// The inputs as named on the command line.
    public var inputs: [String]
    /// The records as read: `tasks.csv` lists them all, `junit.xml` those of the described run.
    public let records: TaskTable
    public let statistics: TaskStatistics
    /// The input the changes were compared against (`--baseline`); nil when compared with the previous run.
    public var baseline: String?
    /// The `--fail-on` gates, checked.
    public var gates: [GateResult]
    /// What the described run's tasks wrote in each attempt, the last first, by ``TaskOutput/key(run:id:)``
    /// (from a taskreport store); see ``outputs(ofRow:)``.
    public var outputs: [String: [TaskOutput]]
    public var generatedAt: Date
    /// The version of taskreport that made the report.
    public var toolVersion: String
    /// Every chart of the report, built once from the statistics, in page order.
    public let charts: [(kind: ChartKind, chart: BarChart)]

    public init(
        title: String, inputs: [String], records: TaskTable, statistics: TaskStatistics, baseline: String? = nil,
        gates: [GateResult] = [], outputs: [String: [TaskOutput]] = [:], generatedAt: Date = Date(), toolVersion: String
    ) {
        self.title = title
        self.inputs = inputs
        self.records = records
        self.statistics = statistics
        self.baseline = baseline
        self.gates = gates
        self.outputs = outputs
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        charts = ChartKind.allCases
            .filter { !$0.isHistory || statistics.history != nil }
            .map { ($0, $0.chart(for: statistics)) }
    }

    /// The generation time as an RFC 3339 UTC timestamp, to the second.
    public var generatedAtText: String {
        UTCTime(seconds: generatedAt.timeIntervalSince1970).rfc3339()
    }

    /// The rows of ``records`` the statistics describe: the latest run's, or all.
    public var describedRows: [Int] {
        guard let run = statistics.run, let code = records.runID.entries.firstIndex(of: run) else {
            return Array(0..<records.count)
        }
        return records.runID.codes.indices.filter { records.runID.codes[$0] == Int32(code) }
    }

    /// What the task of record `row` wrote, the last attempt first: the store's attempts when there
    /// are any, else the record's own `output` field as one attempt; empty when neither says.
    public func outputs(ofRow row: Int) -> [TaskOutput] {
        if let stored = outputs[TaskOutput.key(run: records.runID[row], id: records.id[row])], !stored.isEmpty { return stored }
        guard !records.output.isEmpty(at: row) else { return [] }
        return [TaskOutput(stdout: records.output[row], stderr: "")]
    }

    /// Whether any gate tripped.
    public var failsAGate: Bool { gates.contains(where: \.tripped) }
}
