import Charts
import Ingest
import Stats

/// One chart of some records, on its own (`taskreport chart`): the inputs
/// read, the statistics computed, and for the Gantt chart the described run
/// laid out with its stored attempts and needs, as a report would.
public struct ChartJob: Sendable {
    public let kind: ChartKind
    public let inputs: [String]
    /// How the inputs are read: the query for SQLite, the delimiter for CSV.
    public let loader: TaskLoader
    public let scope: TaskStatistics.RunScope

    /// A job for the chart `kind` of `inputs`; nothing is read until ``run()``.
    public init(kind: ChartKind, inputs: [String], loader: TaskLoader, scope: TaskStatistics.RunScope) {
        self.kind = kind
        self.inputs = inputs
        self.loader = loader
        self.scope = scope
    }

    /// The chart; one with nothing to show says so in place of bars.
    /// - Throws: ``PipelineError/input(_:)`` when an input cannot be read.
    public func run() throws(PipelineError) -> Chart {
        let loaded = try PipelineError.wrapping { () throws(IngestError) in
            try loader.read(inputs.map(InputSource.init(argument:)))
        }
        let table = loaded.table
        let statistics = TaskStatistics(table: table, scope: scope)
        guard kind == .gantt else { return kind.drawing(for: statistics, schedule: nil) }
        let described = statistics.describedRun(in: table)
        let stored = try StoredRun(described, in: loaded)
        let schedule = RunSchedule(table: table, rows: table.rows(ofRun: described), attempts: stored.attempts, needs: stored.needs)
        return kind.drawing(for: statistics, schedule: schedule)
    }
}
