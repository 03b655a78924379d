import SQLite
import TaskModel

/// The output tails a taskreport store kept for its tasks, read on the
/// connection that read its records.
///
/// An input is a store when its `tasks` table has the store's output
/// columns; other databases, queries and JSON inputs have no reader at all,
/// rather than one whose errors are swallowed.
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

    /// What the tasks that did not complete wrote, by ``TaskModel/TaskOutput/key(run:id:)``.
    /// - Parameter run: The run's id; nil for every run's.
    /// - Throws: ``IngestError/queryFailed(input:message:)`` or ``IngestError/locked(input:seconds:)``.
    public func incompleteOutputs(run: String?) throws(IngestError) -> [String: TaskOutput] {
        var outputs: [String: TaskOutput] = [:]
        do {
            let statement = try connection.prepare("""
                SELECT run_id, id, stdout_tail, stderr_tail FROM \(RecordField.tableName)
                WHERE status <> 'completed' AND (?1 IS NULL OR run_id = ?1)
                """)
            try statement.bind(run.map { .text($0) }, at: 1)
            while try statement.step() {
                let output = TaskOutput(stdout: statement.text(2), stderr: statement.text(3))
                if !output.stdout.isEmpty || !output.stderr.isEmpty {
                    outputs[TaskOutput.key(run: statement.text(0), id: statement.text(1))] = output
                }
            }
        } catch {
            throw SQLiteRecordReader.failure(error, input: input)
        }
        return outputs
    }
}
