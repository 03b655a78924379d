import SQLite
import TaskModel

/// What a taskreport store keeps beyond its records: each attempt of each
/// task, and the task file each run ran. Read on the connection that read
/// the records.
///
/// An input is a store when its `tasks` table has the store's output columns
/// and an `attempts` table holds each attempt's; other databases, queries
/// and JSON inputs have no reader at all, rather than one whose errors are
/// swallowed.
public final class StoreReader {
    /// The input as named on the command line.
    public let input: String
    private let connection: SQLiteConnection

    /// The columns that make a `tasks` table a store's.
    static let outputColumns: Set<String> = ["stdout_tail", "stderr_tail"]

    init(input: String, connection: SQLiteConnection) {
        self.input = input
        self.connection = connection
    }

    /// The store's schema version, from its `store_info` table; 2 for stores made before the table.
    var schemaVersion: Int {
        guard let statement = try? connection.prepare("SELECT max(schema_version) FROM store_info"),
              (try? statement.step()) == true
        else { return 2 }
        return Int(statement.int64(0))
    }

    /// What to select for the records' `duration_ms`: the column, or in a store older than version 3
    /// (which kept the span across retries there), each task's last attempt's run time.
    var durationColumn: String {
        guard schemaVersion < 3 else { return "duration_ms" }
        let tasks = RecordField.tableName
        return "coalesce((SELECT a.duration_ms FROM attempts a WHERE a.run_id = \(tasks).run_id AND a.task_id = \(tasks).id "
            + "ORDER BY a.attempt DESC LIMIT 1), \(tasks).duration_ms) AS duration_ms"
    }

    /// The attempts of the tasks a reader needs them for, the last attempt first, by
    /// ``TaskModel/TaskAttempt/key(run:id:)``: every attempt of a task that did not complete
    /// (with its output), and of one that completed after retries (its times only, for the Gantt chart).
    /// - Parameter run: The run's id; nil for every run's.
    /// - Throws: ``IngestError/queryFailed(input:message:)`` or ``IngestError/locked(input:seconds:)``.
    public func attempts(run: String?) throws(IngestError) -> [String: [TaskAttempt]] {
        func seconds(_ column: String) -> String { "(julianday(a.\(column)) - 2440587.5) * 86400.0" }
        var attempts: [String: [TaskAttempt]] = [:]
        do {
            let statement = try connection.prepare("""
                SELECT a.run_id, a.task_id, a.attempt, a.status, \(seconds("started_at")), \(seconds("finished_at")),
                       a.exit_code, a.http_status, a.error,
                       CASE WHEN t.status <> 'completed' THEN a.stdout_tail END,
                       CASE WHEN t.status <> 'completed' THEN a.stderr_tail END
                FROM attempts a JOIN \(RecordField.tableName) t ON t.run_id = a.run_id AND t.id = a.task_id
                WHERE (t.status <> 'completed' OR t.attempts > 1) AND (?1 IS NULL OR a.run_id = ?1)
                ORDER BY a.run_id, a.task_id, a.attempt DESC
                """)
            try statement.bind(run.map { .text($0) }, at: 1)
            while try statement.step() {
                func time(_ column: Int) -> Double? {
                    statement.type(column) == .null ? nil : (statement.double(column) * 1000).rounded() / 1000
                }
                func integer(_ column: Int) -> Int? { statement.type(column) == .null ? nil : Int(statement.int64(column)) }
                let attempt = TaskAttempt(
                    number: integer(2), status: statement.text(3), startedAt: time(4), finishedAt: time(5),
                    exitCode: integer(6), httpStatus: integer(7), error: statement.text(8),
                    stdout: statement.text(9), stderr: statement.text(10))
                attempts[TaskAttempt.key(run: statement.text(0), id: statement.text(1)), default: []].append(attempt)
            }
        } catch {
            throw SQLiteRecordReader.failure(error, input: input)
        }
        return attempts
    }

    /// The text of the task file `run` ran, as the store kept it; nil when it kept none
    /// (a store of version 1, a database with no `runs` table, or no such run).
    /// - Throws: ``IngestError/queryFailed(input:message:)`` or ``IngestError/locked(input:seconds:)``.
    public func taskFileText(run: String) throws(IngestError) -> String? {
        do {
            // Compiling `SELECT *` tells the columns (the input's authorizer refuses pragmas).
            guard SQLiteRecordReader.hasTable("runs", on: connection) else { return nil }
            let all = try connection.prepare("SELECT * FROM runs")
            guard (0..<all.columnCount).contains(where: { all.columnName($0) == "task_file_text" }) else { return nil }
            let statement = try connection.prepare("SELECT task_file_text FROM runs WHERE run_id = ?1")
            try statement.bind(.text(run), at: 1)
            guard try statement.step(), statement.type(0) != .null else { return nil }
            return statement.text(0)
        } catch {
            throw SQLiteRecordReader.failure(error, input: input)
        }
    }
}
