/// Why task records could not be read. Each message names the input and,
/// where there is one, the line, record, row or column at fault.
public enum IngestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input could not be opened or read.
    case unreadable(input: String, reason: String)
    /// The input is none of the formats read: JSON, JSON Lines, CSV, JUnit XML, SQLite.
    case notJSON(input: String, line: Int, found: String)
    /// A record in a JSON input is malformed or breaks the record schema.
    case invalidRecord(input: String, line: Int, record: Int?, message: String)
    /// A SQLite input's row breaks the record schema.
    case invalidRow(input: String, row: Int, column: String?, message: String)
    /// The input has a SQLite extension but is not a SQLite database.
    case notSQLite(input: String)
    /// The database has no table of task records.
    case missingTable(input: String, table: String)
    /// SQLite rejected the query or failed while running it.
    case queryFailed(input: String, message: String)
    /// The query's text is not one statement that only reads.
    case badQuery(input: String, problem: String)
    /// Another connection held the database locked for longer than a reader waits.
    case locked(input: String, seconds: Int)
    /// The database changed under a reader that took no locks (or is damaged).
    case changedWhileReading(input: String)
    /// The query's result has no column for a required field.
    case missingColumn(input: String, column: String)
    /// A `--field` source that no record of any input held.
    case sourceNotFound(field: String, source: String)
    /// A JSON document that wraps its records: the fields holding arrays, where they may be.
    case recordsInside(input: String, fields: [String])
    /// `--query` was given but no input is a SQLite database.
    case queryWithoutSQLite
    /// A SQLite database arrived on standard input, which SQLite cannot open.
    case sqliteFromStandardInput

    /// Whether the input is at fault (exit 2), rather than the moment (a lock held elsewhere: exit 1).
    public var isBadInput: Bool {
        switch self {
        case .locked, .changedWhileReading: false
        default: true
        }
    }

    /// The same error with its line or row number moved down by `count` (for
    /// text or rows read apart from what precedes them).
    func movedDown(by count: Int) -> IngestError {
        switch self {
        case .invalidRecord(let input, let line, let record, let message):
            .invalidRecord(input: input, line: line + count, record: record, message: message)
        case .invalidRow(let input, let row, let column, let message):
            .invalidRow(input: input, row: row + count, column: column, message: message)
        default:
            self
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let input, let reason):
            "\(input): cannot read: \(reason)"
        case .notJSON(let input, let line, let found):
            "\(input):\(line): not JSON, JSON Lines, CSV, JUnit XML or SQLite: expected '[', '{' or '<', or a CSV header naming a status "
                + "column, found \(found)"
        case .invalidRecord(let input, let line, let record?, let message):
            "\(input):\(line): record \(record): \(message)"
        case .invalidRecord(let input, let line, nil, let message):
            "\(input):\(line): \(message)"
        case .invalidRow(let input, let row, let column?, let message):
            "\(input): row \(row), column '\(column)': \(message)"
        case .invalidRow(let input, let row, nil, let message):
            "\(input): row \(row): \(message)"
        case .notSQLite(let input):
            "\(input): not a SQLite database (no 'SQLite format 3' header)"
        case .missingTable(let input, let table):
            "\(input): no table '\(table)' in this database; pass --query \"SELECT … AS status …\" to read another schema"
        case .queryFailed(let input, let message):
            "\(input): query failed: \(message)"
        case .badQuery(let input, let problem):
            "\(input): --query: \(problem)"
        case .changedWhileReading(let input):
            "\(input): the database changed while it was read, or is damaged; run again when no one writes to it"
        case .locked(let input, let seconds):
            "\(input): the database is locked by another connection; waited \(seconds) s for it, try again when it is done"
        case .sourceNotFound(let field, let source):
            "--field \(field)=\(source): no record of any input has '\(source)'"
        case .recordsInside(let input, let fields):
            "\(input): one JSON object, not records; its arrays: \(fields.joined(separator: ", ")); "
                + "give --records-at \(fields[0]) (dotted for deeper: --records-at data.items)"
        case .missingColumn(let input, let column):
            "\(input): the query's result has no column '\(column)'; name it with an alias, e.g. SELECT state AS \(column)"
        case .queryWithoutSQLite:
            "--query reads SQLite databases, but no input is a SQLite database"
        case .sqliteFromStandardInput:
            "-: a SQLite database cannot be read from standard input; pass its path"
        }
    }
}
