import SQLite
import TaskModel

/// The output tails a taskreport store kept for its tasks, read on the
/// connection that read its records.
///
/// An input is a store when its `tasks` table has the store's output
/// columns and an `attempts` table holds each attempt's; other databases,
/// queries and JSON inputs have no reader at all, rather than one whose
/// errors are swallowed.
public final class StoredOutputReader {
    /// The input as named on the command line.
    public let input: String
    private let connection: SQLiteConnection

    /// The columns that make a `tasks` table a store's.
    static let outputColumns: Set<String> = ["stdout_tail", "stderr_tail"]

    init(input: String, connection: SQLiteConnection) {
        self.input = input
        self.connection = connection
    }

    /// What the tasks that did not complete wrote in each attempt, the last attempt first, by
    /// ``TaskModel/TaskOutput/key(run:id:)``; attempts that wrote nothing are left out.
    /// - Parameter run: The run's id; nil for every run's.
    /// - Throws: ``IngestError/queryFailed(input:message:)`` or ``IngestError/locked(input:seconds:)``.
    public func incompleteOutputs(run: String?) throws(IngestError) -> [String: [TaskOutput]] {
        var outputs: [String: [TaskOutput]] = [:]
        do {
            let statement = try connection.prepare("""
                SELECT a.run_id, a.task_id, a.attempt, a.stdout_tail, a.stderr_tail
                FROM attempts a JOIN \(RecordField.tableName) t ON t.run_id = a.run_id AND t.id = a.task_id
                WHERE t.status <> 'completed' AND (?1 IS NULL OR a.run_id = ?1)
                ORDER BY a.run_id, a.task_id, a.attempt DESC
                """)
            try statement.bind(run.map { .text($0) }, at: 1)
            while try statement.step() {
                let output = TaskOutput(attempt: Int(statement.int64(2)), stdout: statement.text(3), stderr: statement.text(4))
                if !output.isEmpty { outputs[TaskOutput.key(run: statement.text(0), id: statement.text(1)), default: []].append(output) }
            }
        } catch {
            throw SQLiteRecordReader.failure(error, input: input)
        }
        return outputs
    }
}
