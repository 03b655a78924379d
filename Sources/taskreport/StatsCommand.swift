import ArgumentParser
import Report
import Stats

/// `taskreport stats`: the statistics on standard output.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print status counts, duration percentiles and per-group figures."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var input: InputOptions

    @Option(help: "table for people, json for programs (the layout of stats.json).")
    var format = Format.table

    func run() throws {
        ReportSignals.install()
        let records = try input.load()
        let statistics = TaskStatistics(table: records, scope: input.scope)
        switch format {
        case .table:
            print(StatisticsTable(statistics).text, terminator: "")
        case .json:
            let document = ReportDocument(
                title: "Task statistics", inputs: input.inputs, records: records, statistics: statistics,
                toolVersion: TaskReport.version)
            print(String(decoding: try StatsJSONExporter.encode(document), as: UTF8.self), terminator: "")
        }
    }
}
