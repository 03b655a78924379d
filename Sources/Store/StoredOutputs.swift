import SQLite
import TaskModel

/// Reads back what the scheduler's tasks wrote, for reports that show it (junit.xml).
public enum StoredOutputs {
    /// The output tails of one run's tasks that did not complete, by ``TaskOutput/key(run:id:)``.
    ///
    /// A database that is not a taskreport store (no `tasks` table with output
    /// columns) has none: the answer is then empty, not an error.
    /// - Parameters:
    ///   - path: A SQLite file.
    ///   - run: The run's id; nil for the tasks of every run.
    public static func incomplete(path: String, run: String?) -> [String: TaskOutput] {
        var outputs: [String: TaskOutput] = [:]
        do {
            let connection = try SQLiteConnection.input(path: path)
            let statement = try connection.prepare("""
                SELECT run_id, id, stdout_tail, stderr_tail FROM tasks
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
            return [:]
        }
        return outputs
    }
}
