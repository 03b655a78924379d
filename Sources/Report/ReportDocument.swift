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
    /// The records of the described run (``Stats/TaskStatistics/run``), or every record read when the statistics
    /// describe them all: what the page lists and `tasks.csv` and `junit.xml` hold. Only these are kept, so
    /// that a caller which lets go of the table it read holds one run's records while the report is written.
    public let records: TaskTable
    public let statistics: TaskStatistics
    /// The input the changes were compared against (`--baseline`); nil when compared with the previous run.
    public var baseline: String?
    /// The previous report (`--history`) whose runs come before the records' own; nil when none was read.
    public var history: String?
    /// The `--fail-on` gates, checked.
    public var gates: [GateResult]
    /// The described run's attempts a taskreport store kept, the last first, by ``TaskModel/TaskAttempt/key(run:id:)``;
    /// see ``attempts(ofRow:)``.
    public var attempts: [String: [TaskAttempt]]
    /// The described run laid out in time, for its Gantt chart.
    public let schedule: RunSchedule
    public var generatedAt: Date
    /// The version of taskreport that made the report.
    public var toolVersion: String
    /// Every chart of the report, built once from the statistics and the schedule, in page order.
    public let charts: [(kind: ChartKind, chart: Chart)]

    /// A document of `records` as read, of which it keeps the described run's (see ``records``).
    public init(
        title: String, inputs: [String], records: TaskTable, statistics: TaskStatistics, baseline: String? = nil,
        history: String? = nil, gates: [GateResult] = [], attempts: [String: [TaskAttempt]] = [:], needs: [String: [String]] = [:],
        generatedAt: Date = Date(), toolVersion: String
    ) {
        self.title = title
        self.inputs = inputs
        let described = records.rows(ofRun: statistics.run)
        self.records = described.count == records.count ? records : records.selecting(described)
        self.statistics = statistics
        self.baseline = baseline
        self.history = history
        self.gates = gates
        self.attempts = attempts
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        let schedule = RunSchedule(table: self.records, rows: Array(0..<self.records.count), attempts: attempts, needs: needs)
        self.schedule = schedule
        charts = ChartKind.allCases.compactMap { kind in kind.chart(for: statistics, schedule: schedule).map { (kind, $0) } }
    }

    /// The generation time as an RFC 3339 UTC timestamp, to the second.
    public var generatedAtText: String {
        UTCTime(seconds: generatedAt.timeIntervalSince1970).rfc3339()
    }

    /// The rows of ``records`` that failed or timed out, in input order.
    public var failedRows: [Int] {
        let failing = records.status.entries.map { StatusKind(label: $0).isFailure }
        return records.status.codes.indices.filter { failing[Int(records.status.codes[$0])] }
    }

    /// The attempts at the task of record `row`, the last first: the store's when it kept them, else one
    /// made of the record (its status, exit code and error, and its `output` field as its output).
    public func attempts(ofRow row: Int) -> [TaskAttempt] {
        if let stored = attempts[TaskAttempt.key(run: records.runID[row], id: records.id[row])], !stored.isEmpty { return stored }
        func integer(_ value: Int32) -> Int? { value == TaskTable.missingInteger ? nil : Int(value) }
        func time(_ value: Double) -> Double? { value.isNaN ? nil : value }
        return [TaskAttempt(
            number: integer(records.attempts[row]), status: records.status[row], startedAt: time(records.startedAt[row]),
            finishedAt: time(records.finishedAt[row]), exitCode: integer(records.exitCode[row]), error: records.error[row],
            stdout: records.output[row])]
    }

    /// Whether any gate tripped.
    public var failsAGate: Bool { gates.contains(where: \.tripped) }
}
