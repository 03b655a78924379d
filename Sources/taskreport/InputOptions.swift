import ArgumentParser
import Ingest
import Stats
import TaskModel

/// The inputs shared by every command: files of records and an optional SQL query.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files of task records: JSON array, JSON Lines, CSV/TSV with a header, JUnit XML or SQLite (told from their content); - reads "
            + "standard input.",
        valueName: "input"))
    var inputs: [String]

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "One SELECT run against SQLite inputs instead of reading their tasks table; name result columns like the record "
            + "schema. It runs as given, read-only. SQL that starts with -- works too: --query '-- note' or --query='-- note'.",
        valueName: "sql"))
    var query: String?

    @Flag(help: "With records of several runs, describe them all together instead of the latest run.")
    var allRuns = false

    @Option(help: ArgumentHelp(
        "The field delimiter of CSV inputs: , tab | or ; (told from the header when not given).", valueName: "char"))
    var delimiter: String?

    @Option(name: .customLong("field"), help: ArgumentHelp(
        "Read a record field from another key or column, SCHEMA=SOURCE (repeatable), e.g. status=conclusion; in JSON, "
            + "SOURCE may be dotted into nested objects: name=metadata.name.", valueName: "schema=source"))
    var fields: [String] = []

    @Option(name: .customLong("records-at"), help: ArgumentHelp(
        "Where the records are in a JSON document that wraps them, e.g. jobs (GitHub's jobs API) or data.items.",
        valueName: "path"))
    var recordsAt: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input file, or - for standard input.") }
        _ = try delimiterByte()
        _ = try sources()
    }

    /// The `--field` mappings, parsed.
    func sources() throws -> FieldSources {
        var sources = FieldSources()
        for text in fields {
            do {
                try sources.add(text)
            } catch {
                throw ValidationError("--field \(error)")
            }
        }
        return sources
    }

    /// The `--delimiter` as a byte; `tab` or `\t` for a tab.
    func delimiterByte() throws -> UInt8? {
        guard let delimiter else { return nil }
        let byte: UInt8? = switch delimiter {
        case "tab", "\\t", "\t": 0x09
        case ",", "|", ";": delimiter.utf8.first
        default: nil
        }
        guard let byte else { throw ValidationError("--delimiter expects one of , tab | ;, got '\(delimiter)'.") }
        return byte
    }

    /// Reads inputs the way these options say (with the query and delimiter, if any).
    var loader: TaskLoader {
        var loader = TaskLoader(query: query)
        loader.delimiter = try? delimiterByte()
        loader.recordsAt = recordsAt
        loader.sources = (try? sources()) ?? FieldSources()
        return loader
    }

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
