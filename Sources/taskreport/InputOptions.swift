import ArgumentParser
import Ingest
import Stats
import TaskModel

/// The inputs shared by every command: files of records and an optional SQL query.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files of task records: JSON array, JSON Lines or SQLite (told from their content); - reads standard input.",
        valueName: "input"))
    var inputs: [String]

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "One SELECT run against SQLite inputs instead of reading their tasks table; name result columns like the record "
            + "schema. It runs as given, read-only. SQL that starts with -- works too: --query '-- note' or --query='-- note'.",
        valueName: "sql"))
    var query: String?

    @Flag(help: "With records of several runs, describe them all together instead of the latest run.")
    var allRuns = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input file, or - for standard input.") }
    }

    /// Reads inputs the way these options say (with the query, if any).
    var loader: TaskLoader { TaskLoader(query: query) }

    /// Every record of every input, in order.
    func load() throws(IngestError) -> TaskTable {
        try loader.load(inputs.map(InputSource.init(argument:)))
    }

    /// The latest run, with the history, unless `--all-runs`.
    var scope: TaskStatistics.RunScope { allRuns ? .all : .latest }

    /// The statistics of the inputs.
    func statistics() throws(IngestError) -> TaskStatistics {
        TaskStatistics(table: try load(), scope: scope)
    }
}
