import ArgumentParser

/// The `taskreport` command: turns task records into a report, statistics or charts.
struct TaskReport: AsyncParsableCommand {
    /// The tool's version, shown by `--version` and in every report's footer.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "taskreport",
        abstract: "Turn task records (JSON, JSON Lines, CSV, JUnit XML, SQLite) into a static HTML report with charts.",
        version: version,
        subcommands: [RunCommand.self, ReportCommand.self, StatsCommand.self, ChartCommand.self]
    )
}
